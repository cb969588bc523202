/* Tests of src/ner/ner_lookahead.c: a document's words learn what the
 * first pass tagged their key in the sentences after them (and, again,
 * before), and the second pass tags only where that says something. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lexicon_fixture.h"
#include "ner_features.h"
#include "ner_test_helpers.h"
#include "ner_lookahead.h"
#include "ner_model.h"

/* The surname comes alone first and is spelt out in full only after. */
static const char *const story[] = {
    "ورأى جوتشولك أنه يتعين ذلك",
    "وقال رئيس الاتحاد برند جوتشولك",
    "وأضاف لجوتشولك",
};

/* Keeps the story's sentences in d, tagged by m first when m is given. */
static void build(ner_document *d, ner_sentence *s, char *copy, size_t size, const ner_model *m, uint8_t *tags)
{
    for (size_t k = 0; k < 3; k++) {
        prepare_words(s, lex, story[k], copy, size);
        if (m)
            ner_model_tag(m, s, tags + d->count);
        ner_document_keep(d, s, m ? ner_model_last_scores(s) : NULL);
    }
}

static void words_look_ahead_at_later_tags(void **state)
{
    (void)state;
    ner_sentence s = {0};
    ner_document d = {0};
    char copy[512];
    build(&d, &s, copy, sizeof copy, NULL, NULL);
    assert_int_equal(d.sentences, 3);
    assert_int_equal(d.count, 5 + 5 + 2);
    const uint8_t first[] = {NER_O, NER_O, NER_O, NER_O, NER_O,
                             NER_O, NER_O, NER_U_ORG, NER_B_PER, NER_L_PER,
                             NER_O, NER_U_PER};
    /* the first pass's own memory only looked back: nothing yet */
    assert_int_equal(d.words[1].memory, 0);
    ner_document_look_ahead(&d, first);
    /* جوتشولك of the first sentence: a person, inside a name, later on */
    assert_int_equal(d.words[1].future, 1u << 1 | 1u << 5);
    /* the full name's surname: tagged alone, with ل, in the third; the
     * two forms meet in their deepest stem (ل + جوتشول + ك) */
    assert_int_equal(d.words[9].future, 0);
    assert_int_equal(d.words[9].stem_future, 1u << 1);
    assert_int_equal(d.words[11].future, 0);    /* nothing after the last sentence */
    assert_int_equal(d.words[0].future, 0);     /* ورأى never comes again */
    assert_int_equal(d.words[7].future, 0);
    /* the features show it, once lent as a sentence */
    ner_sentence lent = {0};
    ner_document_lend(&d, 0, &lent);
    assert_int_equal(lent.count, 5);
    assert_true(has_feature(&lent, 1, ner_feature_hash(NER_T_FUTURE_TYPE, 1)));
    assert_true(has_feature(&lent, 1, ner_feature_hash(NER_T_FUTURE, 1u << 1 | 1u << 5)));
    assert_false(has_feature(&lent, 0, ner_feature_hash(NER_T_FUTURE_TYPE, 1)));
    ner_document_release(&lent);
    /* looking back over the same tags: the third sentence's لجوتشولك
     * recalls the full name of the second through its stem */
    ner_document_look_back(&d, first);
    assert_int_equal(d.words[11].stem_memory, 1u << 0 | 1u << 1 | 1u << 5);   /* O in the first */
    assert_int_equal(d.words[1].memory, 0);
    ner_document_free(&d);
    ner_sentence_free(&s);
}

/* A model of 2^12 buckets that has learnt one thing of each template: a
 * word whose remembered or foreseen type is PER (bit 0) is a person, one
 * word long (a U-PER weight of 1); every other weight 0. */
static ner_model *model_of_persons(const unsigned *templates, size_t count)
{
    ner_model *m = ner_model_new(12, NULL);
    size_t buckets = (size_t)1 << 12;
    float *weights = calloc(buckets * NER_TAG_COUNT, sizeof *weights);
    float transitions[(NER_TAG_COUNT + 1) * NER_TAG_COUNT] = {0};
    for (size_t t = 0; t < count; t++)
        weights[(ner_feature_hash(templates[t], 1) & (uint32_t)(buckets - 1)) * NER_TAG_COUNT + NER_U_PER] = 1;
    ner_model_set_weights(m, weights, transitions);
    free(weights);
    return m;
}

static void second_pass_tags_only_where_it_sees_ahead(void **state)
{
    (void)state;
    ner_sentence s = {0};
    ner_document d = {0};
    char copy[512];
    /* a model that has learnt one thing: a word tagged PER later is a
     * person (a strong U-PER weight on the feature) */
    static const unsigned later[] = {NER_T_FUTURE_TYPE};
    ner_model *m = model_of_persons(later, 1);
    uint8_t first[12], tags[12];
    build(&d, &s, copy, sizeof copy, m, first);
    /* the first pass sees nothing ahead: all O (ties go to O) */
    for (size_t i = 0; i < 12; i++)
        assert_int_equal(first[i], NER_O);
    /* what a later first pass said of the story's words */
    first[7] = NER_U_ORG;
    first[8] = NER_B_PER;
    first[9] = NER_L_PER;
    first[11] = NER_U_PER;
    first[10] = NER_U_LOC;   /* nothing after the last sentence: kept */
    memset(tags, 0xFF, sizeof tags);
    ner_lookahead_tag(m, &d, first, tags, 1);
    assert_int_equal(tags[1], NER_U_PER);   /* جوتشولك, a person further on */
    assert_int_equal(tags[0], NER_O);
    assert_int_equal(tags[10], NER_U_LOC);
    assert_int_equal(tags[11], NER_U_PER);
    ner_model_close(m);
    ner_document_free(&d);
    ner_sentence_free(&s);
}

static void later_rounds_equal_tagging_every_sentence_again(void **state)
{
    (void)state;
    ner_sentence s = {0};
    ner_document d = {0};
    char copy[512];
    /* a model that trusts both the memory and the look-ahead of a person */
    static const unsigned later_and_earlier[] = {NER_T_FUTURE_TYPE, NER_T_MEMORY_TYPE};
    ner_model *m = model_of_persons(later_and_earlier, 2);
    uint8_t first[12], tags[12], again[12];
    build(&d, &s, copy, sizeof copy, m, first);
    first[8] = NER_B_PER;
    first[9] = NER_L_PER;
    ner_lookahead_tag(m, &d, first, tags, NER_LOOKAHEAD_ROUNDS);
    /* the first جوتشولك looked ahead at the full name in the second round;
     * the full name's surname, in the third, back at that */
    assert_int_equal(tags[9], NER_U_PER);
    /* skipping the sentences whose memory did not change loses nothing:
     * tagging every sentence with the words' last memory gives the same */
    ner_sentence lent = {0};
    for (size_t k = 0; k < d.sentences; k++) {
        ner_document_lend(&d, k, &lent);
        ner_model_tag_words(m, &lent, again + d.sentence_start[k]);
        ner_document_release(&lent);
    }
    ner_sentence_free(&lent);
    assert_memory_equal(again, tags, sizeof tags);
    ner_model_close(m);
    ner_document_free(&d);
    ner_sentence_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_look_ahead_at_later_tags),
        cmocka_unit_test(second_pass_tags_only_where_it_sees_ahead),
        cmocka_unit_test(later_rounds_equal_tagging_every_sentence_again),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
