/* Tests of src/text/tokenize: tokens keep exact byte offsets, numbers keep
 * their separators, sentences end where a reader would end them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text_helpers.h"
#include "tokenize.h"
#include "utf8.h"

static void assert_offsets_match_surface(const char *text, const token_list *list)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < list->count; i++) {
        const token *t = &list->tokens[i];
        assert_true(t->start < t->end);
        assert_true(t->end <= len);
        /* every offset is on a code point boundary */
        assert_true(((unsigned char)text[t->start] & 0xC0) != 0x80);
        assert_true(t->end == len || ((unsigned char)text[t->end] & 0xC0) != 0x80);
        if (i > 0)
            assert_true(list->tokens[i - 1].end <= t->start);
    }
}

static void words_punctuation_and_offsets(void **state)
{
    (void)state;
    const char *text = "وقالت وزارة الدفاع الأرمينية، في بيان: «المعارك تدور»؛ لماذا؟";
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    assert_offsets_match_surface(text, &list);
    const char *expected[] = {"وقالت", "وزارة", "الدفاع", "الأرمينية", "،", "في", "بيان", ":", "«",
                              "المعارك", "تدور", "»", "؛", "لماذا", "؟"};
    assert_int_equal(list.count, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < list.count; i++) {
        const token *t = &list.tokens[i];
        assert_int_equal(t->end - t->start, strlen(expected[i]));
        assert_memory_equal(text + t->start, expected[i], strlen(expected[i]));
    }
    assert_int_equal(list.tokens[0].kind, TOKEN_WORD);
    assert_int_equal(list.tokens[4].kind, TOKEN_PUNCT);
    assert_string_equal(token_key(&list, &list.tokens[3]), "الارمينيه");
    assert_true(list.tokens[3].flags & TOKEN_ENDS_IN_TEH_MARBUTA);
    assert_false(list.tokens[2].flags & TOKEN_ENDS_IN_TEH_MARBUTA);
    token_list_free(&list);
}

static void marks_and_invisible_characters_stay_inside_words(void **state)
{
    (void)state;
    const char *text = "الطائرات المسيّرة وباش\xE2\x80\x8Cينيان قـــال";
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    assert_int_equal(list.count, 4);
    assert_string_equal(token_key(&list, &list.tokens[1]), "المسيره");
    assert_string_equal(token_key(&list, &list.tokens[2]), "وباشينيان");
    assert_string_equal(token_key(&list, &list.tokens[3]), "قال");
    assert_offsets_match_surface(text, &list);
    token_list_free(&list);
}

static void numbers_keep_their_separators(void **state)
{
    (void)state;
    const char *text = "قتل 49 جنديا و6,500 شخص و٦٬٥٠٠ و3.5 مليون و١٢٫٥ في 13/9/2022 و1.000.000";
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    assert_offsets_match_surface(text, &list);
    const char *numbers[] = {"49", "6500", "6500", "3.5", "12.5", "13", "9", "2022", "1000000"};
    size_t found = 0;
    for (size_t i = 0; i < list.count; i++) {
        if (list.tokens[i].kind != TOKEN_NUMBER)
            continue;
        assert_true(found < sizeof numbers / sizeof numbers[0]);
        assert_string_equal(token_key(&list, &list.tokens[i]), numbers[found]);
        found++;
    }
    assert_int_equal(found, sizeof numbers / sizeof numbers[0]);
    token_list_free(&list);
}

static size_t sentence_count(const char *text)
{
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    size_t n = list.sentence_count;
    token_list_free(&list);
    return n;
}

static void sentences_end_at_final_punctuation_and_line_breaks(void **state)
{
    (void)state;
    assert_int_equal(sentence_count("اندلعت الاشتباكات. وقالت الوزارة إن القتال مستمر! هل انتهى؟ لا"), 4);
    assert_int_equal(sentence_count("السطر الأول\nالسطر الثاني\n\nالثالث"), 3);
    assert_int_equal(sentence_count("هل انتهت الحرب?! نعم."), 2);
    assert_int_equal(sentence_count("قال: \"انتهى الأمر.\" ثم غادر."), 2);
}

static void sentences_do_not_end_inside_numbers_or_abbreviations(void **state)
{
    (void)state;
    assert_int_equal(sentence_count("ارتفع المؤشر 3.5 بالمئة اليوم."), 1);
    assert_int_equal(sentence_count("برلين (د.ب.أ) - قال المتحدث إن الوضع هادئ."), 1);
    assert_int_equal(sentence_count("باريس (أ. ف. ب.) أعلنت الحكومة ذلك."), 1);
    assert_int_equal(sentence_count("بيروت (رويترز) - قال مسؤول إن الاشتباكات توقفت. وعاد الهدوء."), 2);
    assert_int_equal(sentence_count("فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات ذلك."), 1);
    /* a period inside brackets does not end the sentence around them */
    assert_int_equal(sentence_count("قال (في بيان صدر أمس. وهو الثاني) إن الوضع خطير."), 1);
}

static void sentence_spans_cover_their_tokens(void **state)
{
    (void)state;
    const char *text = "أولا. ثانيا؟\nثالثا";
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    assert_int_equal(list.sentence_count, 3);
    size_t next_token = 0;
    for (size_t s = 0; s < list.sentence_count; s++) {
        const sentence *sent = &list.sentences[s];
        assert_int_equal(sent->first_token, next_token);
        assert_int_equal(sent->start, list.tokens[sent->first_token].start);
        assert_int_equal(sent->end, list.tokens[sent->first_token + sent->token_count - 1].end);
        next_token += sent->token_count;
    }
    assert_int_equal(next_token, list.count);
    token_list_free(&list);
}

static void seed_spelling_pairs_produce_the_same_keys(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"أرمينيا", "ارمينيا"},
        {"أذربيجان", "اذربيجان"},
        {"ناغورنو قرة باغ", "ناغورني قره باغ"},
        {"الإشتباكات", "الاشتباكات"},
        {"وأكد", "واكد"},
        {"ليل الإثنين الثلاثاء", "ليل الاثنين الثلاثاء"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char a[256], b[256];
        joined_keys(pairs[i][0], a, sizeof a);
        joined_keys(pairs[i][1], b, sizeof b);
        assert_string_equal(a, b);
    }
}

static void bad_input_never_crashes(void **state)
{
    (void)state;
    const char text[] = "جنود\xFF\xFE قتلوا\0 في\xC0\x80 الهجوم\xED\xA0\x80";
    size_t len = sizeof text - 1;
    token_list list = {0};
    tokenize(text, len, &list);
    assert_int_equal(list.nul_bytes, 1);
    assert_true(list.invalid_bytes >= 5);
    for (size_t i = 0; i < list.count; i++) {
        const char *k = token_key(&list, &list.tokens[i]);
        assert_true(utf8_is_clean(k, list.tokens[i].key_len));   /* keys are always valid UTF-8 */
    }
    /* empty input: no tokens, no sentences */
    tokenize("", 0, &list);
    assert_int_equal(list.count, 0);
    assert_int_equal(list.sentence_count, 0);
    token_list_free(&list);
}

static void a_long_run_of_one_letter_is_one_token(void **state)
{
    (void)state;
    size_t len = 1 << 20;
    char *text = malloc(len + 1);
    for (size_t i = 0; i < len; i += 2)
        memcpy(text + i, "ب", 2);
    text[len] = '\0';
    token_list list = {0};
    tokenize(text, len, &list);
    assert_int_equal(list.count, 1);
    assert_int_equal(list.tokens[0].end, len);
    token_list_free(&list);
    memset(text, ',', len);
    tokenize(text, len, &list);
    assert_int_equal(list.count, len);
    token_list_free(&list);
    free(text);
}

static void expanding_presentation_forms_leave_room_for_the_rest(void **state)
{
    (void)state;
    /* ﷺ and ﷽ expand to long phrases under NFKC; the words after them
     * must still be keyed correctly. */
    byte_buffer text = {0};
    for (int i = 0; i < 200; i++)
        buffer_append_str(&text, "\xEF\xB7\xBA\xEF\xB7\xBD ");
    buffer_append_str(&text, "الإشتباكات");
    token_list list = {0};
    tokenize(text.data, text.len, &list);
    assert_int_equal(list.count, 401);     /* each sign is a symbol token of its own */
    assert_true(list.tokens[0].key_len > 20);
    assert_string_equal(token_key(&list, &list.tokens[400]), "الاشتباكات");
    token_list_free(&list);
    buffer_free(&text);
}

/* key_equals_word never counts past the key: a word that is the key's
 * prefix, or that goes on after it, is another word. */
static void a_key_equals_only_its_own_word(void **state)
{
    (void)state;
    const char key[] = "علي سوريا";   /* a key is a span, not a C string */
    size_t ali = strlen("علي");
    assert_true(key_equals_word(key, ali, "علي"));
    assert_false(key_equals_word(key, ali, "عل"));
    assert_false(key_equals_word(key, ali, "عليه"));
    assert_false(key_equals_word(key, ali, "الي"));
    assert_false(key_equals_word(key, 0, "علي"));
    const char with_nul[] = {'a', '\0', 'b'};
    assert_false(key_equals_word(with_nul, 3, "a"));
    assert_true(key_equals_word(with_nul, 1, "a"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_punctuation_and_offsets),
        cmocka_unit_test(marks_and_invisible_characters_stay_inside_words),
        cmocka_unit_test(numbers_keep_their_separators),
        cmocka_unit_test(sentences_end_at_final_punctuation_and_line_breaks),
        cmocka_unit_test(sentences_do_not_end_inside_numbers_or_abbreviations),
        cmocka_unit_test(sentence_spans_cover_their_tokens),
        cmocka_unit_test(seed_spelling_pairs_produce_the_same_keys),
        cmocka_unit_test(bad_input_never_crashes),
        cmocka_unit_test(a_long_run_of_one_letter_is_one_token),
        cmocka_unit_test(expanding_presentation_forms_leave_room_for_the_rest),
        cmocka_unit_test(a_key_equals_only_its_own_word),
    };
    return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
