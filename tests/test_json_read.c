/* Tests of src/text/json_read: the article-line reader of `marsad code`. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json_read.h"

static bool parses(const char *s)
{
    json_object_view v = {0};
    char error[160];
    bool ok = json_parse_object(s, strlen(s), &v, error, sizeof error);
    json_object_view_free(&v);
    return ok;
}

static void members_and_raw_values(void **state)
{
    (void)state;
    const char *s = " {\"id\": \"AL-1\", \"date\":\"2018-02-18\", \"n\": -12.5e3, \"tags\": [1, {\"a\": [true, false, null]}],"
                    " \"text\": \"قال \\\"الوزير\\\"\\nإن\"} ";
    json_object_view v = {0};
    char error[160];
    assert_true(json_parse_object(s, strlen(s), &v, error, sizeof error));
    assert_int_equal(v.count, 5);
    const json_member *tags = json_member_named(&v, "tags");
    assert_non_null(tags);
    assert_int_equal(tags->kind, JSON_ARRAY);
    assert_memory_equal(tags->value, "[1, {\"a\": [true, false, null]}]", tags->value_len);
    const json_member *n = json_member_named(&v, "n");
    assert_int_equal(n->kind, JSON_NUMBER);
    byte_buffer text = {0};
    const json_member *t = json_member_named(&v, "text");
    json_decode_string(t->value, t->value_len, &text);
    assert_string_equal(text.data, "قال \"الوزير\"\nإن");
    assert_null(json_member_named(&v, "title"));
    buffer_free(&text);
    json_object_view_free(&v);
}

static void unicode_escapes(void **state)
{
    (void)state;
    byte_buffer b = {0};
    const char *raw = "\"\\u0642\\u0627\\u0644 \\ud83d\\ude00 \\ud800 \\u0000.\"";
    json_decode_string(raw, strlen(raw), &b);
    /* قال, 😀 from its surrogate pair, a lone surrogate as U+FFFD, a NUL */
    const char expected[] = "\xd9\x82\xd8\xa7\xd9\x84 \xf0\x9f\x98\x80 \xef\xbf\xbd \0.";
    assert_int_equal(b.len, sizeof expected - 1);
    assert_memory_equal(b.data, expected, b.len);
    buffer_free(&b);
}

/* An empty title ("title": "") once reached the database as whatever bytes
 * the fresh buffer held: the decoded string must be terminated even when
 * nothing is appended. */
static void an_empty_string_decodes_to_an_empty_c_string(void **state)
{
    (void)state;
    byte_buffer b = {0};
    buffer_reserve(&b, 16);
    memset(b.data, 'x', 17);
    json_decode_string("\"\"", 2, &b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    buffer_free(&b);
}

static void the_last_of_duplicate_keys_wins(void **state)
{
    (void)state;
    const char *s = "{\"id\": 1, \"id\": 2}";
    json_object_view v = {0};
    char error[160];
    assert_true(json_parse_object(s, strlen(s), &v, error, sizeof error));
    assert_memory_equal(json_member_named(&v, "id")->value, "2", 1);
    json_object_view_free(&v);
}

static void broken_lines_are_refused_with_a_place(void **state)
{
    (void)state;
    const char *bad[] = {
        "", "[1,2]", "{", "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": \"x}", "{\"a\": \"\x01\"}", "{\"a\": \"\\x\"}",
        "{\"a\": \"\\u12\"}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": -}", "{\"a\": tru}", "{\"a\": 1} x",
        "{a: 1}", "{\"a\": [1 2]}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (parses(bad[i]))
            fail_msg("accepted broken JSON: %s", bad[i]);
    json_object_view v = {0};
    char error[160];
    assert_false(json_parse_object("{\"a\": 1,}", 9, &v, error, sizeof error));
    assert_non_null(strstr(error, "at byte 9"));
    json_object_view_free(&v);
}

static void nesting_is_bounded(void **state)
{
    (void)state;
    char deep[400] = "{\"a\":";
    for (int i = 0; i < 100; i++)
        strcat(deep, "[");
    assert_false(parses(deep));      /* refused, not a stack overflow */
    char ok[200] = "{\"a\":";
    for (int i = 0; i < 30; i++)
        strcat(ok, "[");
    for (int i = 0; i < 30; i++)
        strcat(ok, "]");
    strcat(ok, "}");
    assert_true(parses(ok));
    assert_true(parses("{}"));
    assert_true(parses("  {\"x\": {}}\r\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(members_and_raw_values),
        cmocka_unit_test(unicode_escapes),
        cmocka_unit_test(an_empty_string_decodes_to_an_empty_c_string),
        cmocka_unit_test(the_last_of_duplicate_keys_wins),
        cmocka_unit_test(broken_lines_are_refused_with_a_place),
        cmocka_unit_test(nesting_is_bounded),
    };
    return cmocka_run_group_tests_name("json_read", tests, NULL, NULL);
}
