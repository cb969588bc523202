/* Tests of data/function_words.tsv as the coder reads it: every word is
 * written as the key the tokeniser gives it (else it could never match),
 * no list repeats a word, and the lists match real text with and without
 * a و in front. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "function_words.h"
#include "tokenize.h"

static void every_word_is_its_own_matching_key(void **state)
{
    (void)state;
    size_t words = 0;
    for (size_t l = 0; l < all_function_words_count; l++) {
        const word_list *list = all_function_words[l];
        assert_true(list->count > 0);
        for (size_t w = 0; w < list->count; w++, words++) {
            const char *word = list->words[w];
            token_list tokens;
            memset(&tokens, 0, sizeof tokens);
            tokenize(word, strlen(word), &tokens);
            if (tokens.count != 1 || tokens.tokens[0].key_len != strlen(word) ||
                memcmp(token_key(&tokens, &tokens.tokens[0]), word, strlen(word)) != 0)
                fail_msg("%s: \"%s\" is not written as its matching key (data/function_words.tsv)", list->name, word);
            token_list_free(&tokens);
        }
    }
    assert_true(words > 200);
}

static void no_list_repeats_a_word(void **state)
{
    (void)state;
    for (size_t l = 0; l < all_function_words_count; l++) {
        const word_list *list = all_function_words[l];
        for (size_t i = 0; i < list->count; i++)
            for (size_t j = i + 1; j < list->count; j++)
                if (strcmp(list->words[i], list->words[j]) == 0)
                    fail_msg("%s lists \"%s\" twice", list->name, list->words[i]);
    }
}

/* The text is spelt as news spells it (hamza, ة, ى); the lists as keys. */
static void lists_match_news_spelling(void **state)
{
    (void)state;
    const char *text = "وقالت إنها ستعقد القمة المرتقبة في العاصمة الأردنية بحضور نظيره، على يد مسلحين";
    token_list tokens;
    memset(&tokens, 0, sizeof tokens);
    tokenize(text, strlen(text), &tokens);
    assert_int_equal(tokens.count, 14);
    assert_false(key_in(&tokens, 0, &clause_openers));      /* وقالت */
    assert_true(key_in(&tokens, 1, &self_reference));       /* إنها */
    assert_true(key_in(&tokens, 4, &future_after_noun));    /* المرتقبة */
    assert_true(key_in(&tokens, 6, &place_nouns));          /* العاصمة */
    assert_false(key_in(&tokens, 7, &place_nouns));         /* الأردنية */
    assert_true(key_in(&tokens, 9, &counterpart_words));    /* نظيره */
    assert_true(key_in(&tokens, 11, &target_prepositions)); /* على */
    assert_true(key_in(&tokens, 12, &by_the_hand));         /* يد */
    assert_true(key_is(&tokens, 11, "علي"));
    token_list_free(&tokens);

    /* a و in front still matches: وبعد، والتي */
    const char *joined = "وبعد والتي وقبل";
    memset(&tokens, 0, sizeof tokens);
    tokenize(joined, strlen(joined), &tokens);
    assert_true(key_in(&tokens, 0, &time_or_cause));
    assert_true(key_in(&tokens, 1, &relative_pronouns));
    assert_true(key_in(&tokens, 2, &time_or_cause));
    assert_false(key_in(&tokens, 3, &time_or_cause));       /* past the end */
    token_list_free(&tokens);
}

static void is_one_of_compares_whole_keys(void **state)
{
    (void)state;
    assert_true(is_one_of(&verbs_of_doing, "شنت", strlen("شنت")));
    assert_false(is_one_of(&verbs_of_doing, "شنت", strlen("شن") + 1));   /* a cut letter is no word */
    assert_false(is_one_of(&verbs_of_doing, "وشنت", strlen("وشنت")));   /* exact: the caller peels و */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_word_is_its_own_matching_key),
        cmocka_unit_test(no_list_repeats_a_word),
        cmocka_unit_test(lists_match_news_spelling),
        cmocka_unit_test(is_one_of_compares_whole_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
