/* Tests of src/text/utf8: decoding never fails, malformed input is counted. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "utf8.h"

static void decodes_arabic_and_ascii(void **state)
{
    (void)state;
    const char *s = "باكو a";
    size_t pos = 0, len = strlen(s);
    bool bad = false;
    assert_int_equal(utf8_next(s, len, &pos, &bad), 0x0628);
    assert_int_equal(pos, 2);
    assert_int_equal(utf8_next(s, len, &pos, &bad), 0x0627);
    assert_false(bad);
    utf8_report r = utf8_scan(s, len);
    assert_int_equal(r.code_points, 6);
    assert_int_equal(r.invalid_bytes, 0);
    assert_true(utf8_is_clean(s, len));
}

static void each_invalid_byte_becomes_one_replacement(void **state)
{
    (void)state;
    /* a stray Latin-1 byte, a lone continuation byte, a truncated sequence */
    const char s[] = "a\xE9" "b\x80" "c\xD8";
    size_t len = sizeof s - 1;
    utf8_report r = utf8_scan(s, len);
    assert_int_equal(r.invalid_bytes, 3);
    assert_int_equal(r.first_invalid, 1);
    size_t pos = 1;
    bool bad = false;
    assert_int_equal(utf8_next(s, len, &pos, &bad), UTF8_REPLACEMENT);
    assert_true(bad);
    assert_int_equal(pos, 2);
}

static void overlong_forms_and_surrogates_are_rejected(void **state)
{
    (void)state;
    const char *bad_sequences[] = {
        "\xC0\x80",          /* overlong NUL */
        "\xC1\xBF",          /* overlong ASCII */
        "\xE0\x80\xAF",      /* overlong '/' */
        "\xF0\x80\x80\xAF",  /* overlong '/' in four bytes */
        "\xED\xA0\x80",      /* UTF-16 surrogate U+D800 */
        "\xF4\x90\x80\x80",  /* above U+10FFFF */
        "\xF5\x80\x80\x80",
    };
    for (size_t i = 0; i < sizeof bad_sequences / sizeof bad_sequences[0]; i++) {
        const char *s = bad_sequences[i];
        size_t len = strlen(s);
        utf8_report r = utf8_scan(s, len);
        assert_int_equal(r.invalid_bytes, len);     /* every byte replaced, one at a time */
        assert_false(utf8_is_clean(s, len));
    }
}

static void nul_bytes_are_counted(void **state)
{
    (void)state;
    const char s[] = "a\0b\0";
    utf8_report r = utf8_scan(s, 4);
    assert_int_equal(r.nul_bytes, 2);
    assert_int_equal(r.invalid_bytes, 0);
    assert_false(utf8_is_clean(s, 4));
}

static void repair_yields_valid_utf8(void **state)
{
    (void)state;
    const char s[] = "\xD8\xA8\xFF\xD8\xA7";    /* ب, junk, ا */
    char out[3 * sizeof s + 1];
    size_t n = utf8_repair(s, sizeof s - 1, out);
    assert_string_equal(out, "ب\xEF\xBF\xBD" "ا");
    assert_int_equal(n, 7);
    assert_true(utf8_is_clean(out, n));
}

static void encode_round_trips(void **state)
{
    (void)state;
    uint32_t cps[] = {0x41, 0x0627, 0x20AC, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < 5; i++) {
        char buf[4];
        size_t n = utf8_encode(cps[i], buf);
        size_t pos = 0;
        assert_int_equal(utf8_next(buf, n, &pos, NULL), cps[i]);
        assert_int_equal(pos, n);
    }
    char buf[4];
    assert_int_equal(utf8_encode(0xD800, buf), 3);   /* surrogates encode as U+FFFD */
    size_t pos = 0;
    assert_int_equal(utf8_next(buf, 3, &pos, NULL), UTF8_REPLACEMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_arabic_and_ascii),
        cmocka_unit_test(each_invalid_byte_becomes_one_replacement),
        cmocka_unit_test(overlong_forms_and_surrogates_are_rejected),
        cmocka_unit_test(nul_bytes_are_counted),
        cmocka_unit_test(repair_yields_valid_utf8),
        cmocka_unit_test(encode_round_trips),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
