/* Tests of src/text/clitics: every reading the matcher should try, and no
 * name lost to a clitic that is really part of it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "clitics.h"
#include "normalize.h"

/* All readings of a word as "و+ب+وساطه" strings separated by " | ". */
static void readings_of(const char *word, char *out, size_t size)
{
    byte_buffer key = {0};
    normalize_for_match(word, strlen(word), &key);
    size_t len = strlen(word);
    bool teh = len >= 2 && strcmp(word + len - 2, "ة") == 0;
    clitic_reading r[CLITIC_MAX_READINGS];
    size_t n = clitic_readings(key.data, key.len, teh, r, CLITIC_MAX_READINGS);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char one[256];
        clitic_reading_format(key.data, key.len, &r[i], one, sizeof one);
        strncat(out, i ? " | " : "", size - strlen(out) - 1);
        strncat(out, one, size - strlen(out) - 1);
    }
    buffer_free(&key);
}

static bool has_reading(const char *word, const char *reading)
{
    char all[4096];
    readings_of(word, all, sizeof all);
    char *p = all;
    size_t n = strlen(reading);
    while ((p = strstr(p, reading)) != NULL) {
        bool starts = p == all || p[-1] == ' ';
        bool ends = p[n] == '\0' || p[n] == ' ';
        if (starts && ends)
            return true;
        p += n;
    }
    return false;
}

static const char *first_reading(const char *word)
{
    static char all[4096];
    readings_of(word, all, sizeof all);
    char *bar = strstr(all, " | ");
    if (bar)
        *bar = '\0';
    return all;
}

/* The matcher finds a reading's last proclitic just before its stem
 * (lexicon.c, ends_in_lam_lam): the proclitics always end where the stem
 * begins. */
static void proclitics_end_where_the_stem_begins(void **state)
{
    (void)state;
    static const char *const words[] = {"للمغرب", "وللعراق", "فبالقوات", "وسيلتقي", "كالولايات", "لحكومتها",
                                        "والمدينة", "بوساطة", "وبوساطتهم", "لل", "ال"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        byte_buffer key = {0};
        normalize_for_match(words[w], strlen(words[w]), &key);
        clitic_reading r[CLITIC_MAX_READINGS];
        size_t n = clitic_readings(key.data, key.len, false, r, CLITIC_MAX_READINGS);
        assert_true(n >= 1);
        for (size_t i = 0; i < n; i++) {
            size_t sum = 0;
            for (size_t p = 0; p < r[i].proclitic_count; p++)
                sum += r[i].proclitic_len[p];
            assert_int_equal(sum, r[i].stem_offset);
        }
        buffer_free(&key);
    }
}

static void stacked_proclitics(void **state)
{
    (void)state;
    assert_true(has_reading("وبوساطة", "و+ب+وساطه"));
    assert_true(has_reading("وللحكومة", "و+لل+حكومه"));
    assert_true(has_reading("بالمدفعية", "ب+ال+مدفعيه"));
    assert_true(has_reading("والقوات", "و+ال+قوات"));
    assert_true(has_reading("فالجيش", "ف+ال+جيش"));
    assert_true(has_reading("كالعادة", "ك+ال+عاده"));
    assert_true(has_reading("وبالمدفعية", "و+ب+ال+مدفعيه"));
    assert_true(has_reading("للسلام", "لل+سلام"));
    assert_true(has_reading("وسيعقد", "و+س+يعقد"));
    assert_true(has_reading("الحدود", "ال+حدود"));
}

static void pronoun_suffixes(void **state)
{
    (void)state;
    assert_true(has_reading("رفضهم", "رفض+هم"));
    assert_true(has_reading("أراضيها", "اراضي+ها"));
    assert_true(has_reading("لمطالبتهم", "ل+مطالبه+هم"));        /* ت restored as ة */
    assert_true(has_reading("بلادنا", "بلاد+نا"));
    assert_true(has_reading("حكومتكم", "حكومه+كم"));
    assert_true(has_reading("زيارتهما", "زياره+هما"));
    assert_true(has_reading("وزارته", "وزاره+ه"));
    assert_true(has_reading("نظيره", "نظير+ه"));
    assert_true(has_reading("لكنهن", "ل+كن+هن") || has_reading("لكنهن", "لكن+هن"));
}

static void the_whole_word_always_comes_first(void **state)
{
    (void)state;
    /* names and words that begin or end with clitic letters */
    const char *words[] = {"باكو", "بلينكن", "لافروف", "والي", "فرنسا", "كنعاني", "بوتين", "يريفان", "سوريا"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        byte_buffer key = {0};
        normalize_for_match(words[i], strlen(words[i]), &key);
        assert_string_equal(first_reading(words[i]), key.data);
        buffer_free(&key);
    }
}

static void teh_marbuta_is_not_a_pronoun(void **state)
{
    (void)state;
    /* جمهورية ends in ة: its final ه in the key must not be read as "his" */
    assert_false(has_reading("جمهورية", "جمهوري+ه"));
    assert_true(has_reading("الجمهورية", "ال+جمهوريه"));
    /* whereas in كتابه (his book) the ه is a pronoun */
    assert_true(has_reading("كتابه", "كتاب+ه"));
}

static void stems_keep_at_least_two_letters(void **state)
{
    (void)state;
    assert_false(has_reading("به", "ب+ه"));
    assert_false(has_reading("ولا", "و+لا") && has_reading("ولا", "و+ل+ا"));
    assert_false(has_reading("بك", "ب+ك"));
    assert_false(has_reading("لي", "ل+ي"));
    char all[4096];
    readings_of("في", all, sizeof all);
    assert_string_equal(all, "في");
}

static void article_and_suffix_do_not_combine(void **state)
{
    (void)state;
    assert_false(has_reading("الكتابه", "ال+كتاب+ه"));
}

static void long_words_are_read_whole(void **state)
{
    (void)state;
    char word[512] = "";
    for (int i = 0; i < 60; i++)
        strcat(word, "ب");
    byte_buffer key = {0};
    normalize_for_match(word, strlen(word), &key);
    clitic_reading r[CLITIC_MAX_READINGS];
    assert_int_equal(clitic_readings(key.data, key.len, false, r, CLITIC_MAX_READINGS), 1);
    buffer_free(&key);
}

/* The whole list, in order: the matcher prefers earlier readings, so the
 * order is behaviour (the whole word, then fewer proclitics first, each
 * stem bare before it takes a suffix). */
static void readings_come_in_a_fixed_order(void **state)
{
    (void)state;
    static const struct {
        const char *word, *readings;
    } cases[] = {
        {"وبالمدفعية", "وبالمدفعيه | و+بالمدفعيه | و+ب+المدفعيه | و+ب+ال+مدفعيه"},
        {"لمطالبتهم", "لمطالبتهم | لمطالبت+هم | لمطالبه+هم | ل+مطالبتهم | ل+مطالبت+هم | ل+مطالبه+هم"},
        {"وللحكومة", "وللحكومه | و+للحكومه | و+لل+حكومه | و+ل+لحكومه"},
        {"فسيعقدونه", "فسيعقدونه | فسيعقدون+ه | ف+سيعقدونه | ف+سيعقدون+ه | ف+س+يعقدونه | ف+س+يعقدون+ه"},
        {"بكتابهما", "بكتابهما | بكتاب+هما | ب+كتابهما | ب+كتاب+هما"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char all[4096];
        readings_of(cases[i].word, all, sizeof all);
        assert_string_equal(all, cases[i].readings);
    }
}

/* A caller with room for fewer readings gets the first of them, in order. */
static void a_short_array_gets_the_first_readings(void **state)
{
    (void)state;
    const char *words[] = {"وبالمدفعية", "لمطالبتهم", "فسيعقدونه", "بكتابهما", "كتب"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        byte_buffer key = {0};
        normalize_for_match(words[w], strlen(words[w]), &key);
        clitic_reading all[CLITIC_MAX_READINGS], some[CLITIC_MAX_READINGS];
        size_t n = clitic_readings(key.data, key.len, false, all, CLITIC_MAX_READINGS);
        for (size_t max = 0; max <= n + 1; max++) {
            size_t k = clitic_readings(key.data, key.len, false, some, max);
            assert_int_equal(k, max < n ? max : n);
            assert_memory_equal(some, all, k * sizeof all[0]);
        }
        buffer_free(&key);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stacked_proclitics),
        cmocka_unit_test(proclitics_end_where_the_stem_begins),
        cmocka_unit_test(pronoun_suffixes),
        cmocka_unit_test(the_whole_word_always_comes_first),
        cmocka_unit_test(teh_marbuta_is_not_a_pronoun),
        cmocka_unit_test(stems_keep_at_least_two_letters),
        cmocka_unit_test(article_and_suffix_do_not_combine),
        cmocka_unit_test(long_words_are_read_whole),
        cmocka_unit_test(readings_come_in_a_fixed_order),
        cmocka_unit_test(a_short_array_gets_the_first_readings),
    };
    return cmocka_run_group_tests_name("clitics", tests, NULL, NULL);
}
