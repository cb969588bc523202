/* Tests of src/ner: the features a word gets (its neighbours, its edges,
 * the tags its key got in earlier sentences), BIO-constrained Viterbi
 * decoding, reading CoNLL, entity F1, and a model trained on a tiny file
 * that tags the same after a save and an mmapped load. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "lexicon_fixture.h"
#include "ner_features.h"
#include "ner_test_helpers.h"
#include "ner_model.h"
#include "ner_train.h"
#include "normalize.h"

static uint32_t key_feature(unsigned template_id, const char *word)
{
    byte_buffer key = {0};
    normalize_for_match(word, strlen(word), &key);
    uint32_t h = ner_feature_hash(template_id, ner_string_hash(key.data, key.len));
    buffer_free(&key);
    return h;
}

static void features_of_a_word_and_its_neighbours(void **state)
{
    (void)state;
    ner_sentence s = {0};
    char copy[512];
    prepare_words(&s, lex, "وقال المتحدث باسم الحكومة إن القوات دخلت مدينة حلب", copy, sizeof copy);
    assert_int_equal(s.count, 9);
    /* حلب: itself, and "مدينة" before it, folded to its key مدينه */
    assert_true(has_feature(&s, 8, key_feature(NER_T_KEY, "حلب")));
    assert_true(has_feature(&s, 8, key_feature(NER_T_KEY_M1, "مدينة")));
    assert_true(has_feature(&s, 8, key_feature(NER_T_KEY_M2, "دخلت")));
    assert_false(has_feature(&s, 8, key_feature(NER_T_KEY_M1, "حلب")));
    /* the stem under the clitics: وقال → قال */
    assert_true(has_feature(&s, 0, key_feature(NER_T_STEM, "قال")));
    /* the last letters of the word, and the next word seen from before it */
    assert_true(has_feature(&s, 3, key_feature(NER_T_SUFFIX1, "ه")));
    assert_true(has_feature(&s, 3, key_feature(NER_T_SUFFIX2, "مه")));
    assert_true(has_feature(&s, 2, key_feature(NER_T_KEY_P1, "الحكومة")));
    ner_sentence_free(&s);
}

static void leading_and_trailing_letters(void **state)
{
    (void)state;
    ner_sentence s = {0};
    char copy[512];
    prepare_words(&s, lex, "قال الرئيس الفرنسي", copy, sizeof copy);
    /* الفرنسي: a nisba shows in its last letters, al- in its first */
    assert_false(has_feature(&s, 2, key_feature(NER_T_SUFFIX4, "نسي")));
    assert_true(has_feature(&s, 2, key_feature(NER_T_SUFFIX4, "رنسي")));
    assert_true(has_feature(&s, 2, key_feature(NER_T_PREFIX4, "الفر")));
    assert_true(has_feature(&s, 2, key_feature(NER_T_SUFFIX3, "نسي")));
    assert_true(has_feature(&s, 1, key_feature(NER_T_PREFIX4, "الرئ")));
    /* a word of three letters has no three-letter edge: that is the word */
    assert_false(has_feature(&s, 0, key_feature(NER_T_PREFIX3, "قال")));
    prepare_words(&s, lex, "قال ذلك", copy, sizeof copy);
    assert_false(has_feature(&s, 1, key_feature(NER_T_SUFFIX4, "ذلك")));
    ner_sentence_free(&s);
}

static uint64_t key_of(const char *word)
{
    byte_buffer key = {0};
    normalize_for_match(word, strlen(word), &key);
    uint64_t h = ner_string_hash(key.data, key.len);
    buffer_free(&key);
    return h;
}

static void boundary_features_join_a_word_with_its_neighbours(void **state)
{
    (void)state;
    ner_sentence s = {0};
    char copy[512];
    /* the name ends before قبل: محمد sees that a common word follows */
    prepare_words(&s, lex, "فرجع محمد قبل الفجر", copy, sizeof copy);
    assert_true(has_feature(&s, 1, ner_feature_pair_hash(NER_T_KEY_M1_KEY_P1, key_of("فرجع"), key_of("قبل"))));
    assert_true(has_feature(&s, 1, ner_feature_pair_hash(NER_T_KEY_STATS_P1, key_of("محمد"), s.words[2].stats)));
    assert_true(has_feature(&s, 1, ner_feature_pair_hash(NER_T_STATS_M1_KEY, s.words[0].stats, key_of("محمد"))));
    /* another word between the same neighbours shares the skip pair only */
    prepare_words(&s, lex, "فرجع علي قبل الفجر", copy, sizeof copy);
    assert_true(has_feature(&s, 1, ner_feature_pair_hash(NER_T_KEY_M1_KEY_P1, key_of("فرجع"), key_of("قبل"))));
    assert_false(has_feature(&s, 1, ner_feature_pair_hash(NER_T_KEY_STATS_P1, key_of("محمد"), s.words[2].stats)));
    ner_sentence_free(&s);
}

static void memory_of_earlier_tags(void **state)
{
    (void)state;
    ner_sentence s = {0};
    char copy[512];
    prepare_words(&s, lex, "وقال رئيس الاتحاد برند جوتشولك", copy, sizeof copy);
    /* nothing was tagged before the first sentence */
    assert_int_equal(s.words[4].memory, 0);
    const uint8_t tags[] = {NER_O, NER_O, NER_O, NER_B_PER, NER_L_PER};
    ner_memory_note(&s, tags);
    /* later in the story the surname comes alone, once with a clitic */
    prepare_words(&s, lex, "ورأى جوتشولك أنه يتعين ذلك لجوتشولك", copy, sizeof copy);
    assert_int_equal(s.words[1].memory, 1u << 1 | 1u << 5);   /* PER, inside the name */
    assert_true(has_feature(&s, 1, ner_feature_hash(NER_T_MEMORY_TYPE, 1)));
    assert_true(has_feature(&s, 1, ner_feature_hash(NER_T_MEMORY, 1u << 1 | 1u << 5)));
    assert_int_equal(s.words[5].memory, 0);
    assert_int_equal(s.words[5].stem_memory, 1u << 1 | 1u << 5);   /* ل + جوتشولك */
    assert_int_equal(s.words[2].memory, 0);              /* أنه was never seen */
    /* a word tagged O before remembers O only */
    prepare_words(&s, lex, "وقال الاتحاد", copy, sizeof copy);
    assert_int_equal(s.words[1].memory, 1u << 0);
    assert_false(has_feature(&s, 1, ner_feature_hash(NER_T_MEMORY_TYPE, 0)));
    /* NER_MEMORY_SENTENCES sentences later the name is forgotten */
    const uint8_t none[8] = {0};
    for (int k = 0; k < NER_MEMORY_SENTENCES; k++) {
        prepare_words(&s, lex, "وقال ذلك", copy, sizeof copy);
        ner_memory_note(&s, none);
    }
    prepare_words(&s, lex, "جوتشولك", copy, sizeof copy);
    assert_int_equal(s.words[0].memory, 0);
    /* and a new document forgets at once */
    prepare_words(&s, lex, "برند جوتشولك", copy, sizeof copy);
    ner_memory_note(&s, tags + 3);
    prepare_words(&s, lex, "جوتشولك", copy, sizeof copy);
    assert_int_equal(s.words[0].memory, 1u << 1 | 1u << 5);
    prepare_words(&s, lex, "برند", copy, sizeof copy);
    assert_int_equal(s.words[0].memory, 1u << 1);   /* the first word of the name */
    ner_memory_forget(&s);
    prepare_words(&s, lex, "جوتشولك", copy, sizeof copy);
    assert_int_equal(s.words[0].memory, 0);
    ner_sentence_free(&s);
}

static void how_words_behave_in_the_corpus(void **state)
{
    (void)state;
    ner_clusters clusters;
    ner_cluster_slot *slots;
    assert_true(ner_clusters_load("data/ner_clusters.tsv", &clusters, &slots));
    assert_true(ner_clusters_load_stats("data/ner_word_stats.tsv", slots, clusters.slot_count));
    ner_sentence s = {.clusters = &clusters};
    char copy[512];
    prepare_words(&s, lex, "وقالت الحكومة في باريس", copy, sizeof copy);
    /* a name takes no al- and no suffix; a common noun takes al- */
    assert_true(s.words[3].stats & NER_STATS_KNOWN);
    assert_int_equal(s.words[3].stats >> 4 & 3, 0);
    assert_int_equal(s.words[3].stats >> 6 & 3, 0);
    assert_int_equal(s.words[1].stats >> 4 & 3, 3);
    assert_true(has_feature(&s, 3, ner_feature_hash(NER_T_STATS_AL, 0)));
    assert_true(has_feature(&s, 1, ner_feature_hash(NER_T_STATS_AL, 3)));
    assert_true((s.words[2].stats & 15) > (s.words[3].stats & 15));   /* في is more frequent */
    /* a word outside the table has none */
    prepare_words(&s, lex, "جوتشولكيات", copy, sizeof copy);
    assert_int_equal(s.words[0].stats, 0);
    ner_sentence_free(&s);
    free(slots);
}

static void lexicon_membership_by_type(void **state)
{
    (void)state;
    ner_sentence s = {0};
    char copy[512];
    prepare_words(&s, lex, "وصل وزير الخارجية الإيراني إلى باريس", copy, sizeof copy);
    /* باريس is a capital; the word before it sees it as its right neighbour */
    assert_true(s.words[5].lexicon_begin & (1u << LEX_CAPITAL));
    assert_true(has_feature(&s, 5, ner_feature_hash(NER_T_LEX_BEGIN, LEX_CAPITAL)));
    assert_true(has_feature(&s, 4, ner_feature_hash(NER_T_LEX_P1, LEX_CAPITAL)));
    /* الإيراني is a demonym */
    assert_true(s.words[3].lexicon_begin & (1u << LEX_DEMONYM));
    /* وصل is no name of anything */
    assert_false(s.words[0].lexicon_begin & ((1u << LEX_CAPITAL) | (1u << LEX_COUNTRY) | (1u << LEX_PERSON)));
    ner_sentence_free(&s);
}

static void tags_read_leniently(void **state)
{
    (void)state;
    bool known;
    assert_int_equal(ner_tag_parse("B-PERS", 6, &known), NER_B_PER);
    assert_true(known);
    assert_int_equal(ner_tag_parse("I-PER", 5, &known), NER_I_PER);
    assert_int_equal(ner_tag_parse("I--ORG", 6, &known), NER_I_ORG);
    assert_int_equal(ner_tag_parse("B-MIS1", 6, &known), NER_B_MISC);
    assert_int_equal(ner_tag_parse("O", 1, &known), NER_O);
    assert_true(known);
    assert_int_equal(ner_tag_parse("OO", 2, &known), NER_O);
    assert_false(known);
    assert_string_equal(ner_tag_name(NER_I_LOC), "I-LOC");
}

static void viterbi_keeps_bilou_valid(void **state)
{
    (void)state;
    int32_t transitions[(NER_TAG_COUNT + 1) * NER_TAG_COUNT] = {0};
    int32_t scores[3 * NER_TAG_COUNT] = {0};
    uint8_t work[3 * NER_TAG_COUNT], tags[3];
    /* the words want I-PER, L-PER, O: an entity cannot start inside, so
     * the best valid reading is B-PER L-PER O */
    scores[0 * NER_TAG_COUNT + NER_I_PER] = 10;
    scores[0 * NER_TAG_COUNT + NER_B_PER] = 6;
    scores[1 * NER_TAG_COUNT + NER_L_PER] = 10;
    scores[2 * NER_TAG_COUNT + NER_O] = 5;
    ner_viterbi(scores, 3, transitions, work, tags);
    assert_int_equal(tags[0], NER_B_PER);
    assert_int_equal(tags[1], NER_L_PER);
    assert_int_equal(tags[2], NER_O);
    /* a strong B-LOC → L-LOC transition turns the second word into L-LOC */
    memset(scores, 0, sizeof scores);
    scores[0 * NER_TAG_COUNT + NER_B_LOC] = 10;
    scores[1 * NER_TAG_COUNT + NER_O] = 3;
    scores[1 * NER_TAG_COUNT + NER_L_LOC] = 1;
    transitions[NER_B_LOC * NER_TAG_COUNT + NER_L_LOC] = 5;
    ner_viterbi(scores, 3, transitions, work, tags);
    assert_int_equal(tags[0], NER_B_LOC);
    assert_int_equal(tags[1], NER_L_LOC);
    /* L-ORG never follows B-LOC, whatever the scores: the path goes
     * through B-ORG instead */
    scores[1 * NER_TAG_COUNT + NER_L_ORG] = 1000;
    ner_viterbi(scores, 3, transitions, work, tags);
    assert_int_equal(tags[0], NER_B_ORG);
    assert_int_equal(tags[1], NER_L_ORG);
    /* a name cannot be left open at the end of a sentence: the last word
     * wants I-ORG, but only L-ORG closes it */
    memset(scores, 0, sizeof scores);
    scores[0 * NER_TAG_COUNT + NER_B_ORG] = 10;
    scores[1 * NER_TAG_COUNT + NER_I_ORG] = 10;
    scores[2 * NER_TAG_COUNT + NER_I_ORG] = 10;
    scores[2 * NER_TAG_COUNT + NER_L_ORG] = 2;
    memset(transitions, 0, sizeof transitions);
    ner_viterbi(scores, 3, transitions, work, tags);
    assert_int_equal(tags[0], NER_B_ORG);
    assert_int_equal(tags[1], NER_I_ORG);
    assert_int_equal(tags[2], NER_L_ORG);
    float fscores[3 * NER_TAG_COUNT], ftransitions[(NER_TAG_COUNT + 1) * NER_TAG_COUNT] = {0};
    for (size_t i = 0; i < 3 * NER_TAG_COUNT; i++)
        fscores[i] = (float)scores[i];
    ner_viterbi_float(fscores, 3, ftransitions, work, tags);
    assert_int_equal(tags[2], NER_L_ORG);
}

static void bio_becomes_bilou_and_back(void **state)
{
    (void)state;
    /* وزارة الخارجية الأمريكية | O | مصر | O | جورج بوش */
    uint8_t tags[] = {NER_B_ORG, NER_I_ORG, NER_I_ORG, NER_O, NER_B_LOC, NER_O, NER_B_PER, NER_I_PER};
    ner_tags_to_bilou(tags, 8);
    const uint8_t bilou[] = {NER_B_ORG, NER_I_ORG, NER_L_ORG, NER_O, NER_U_LOC, NER_O, NER_B_PER, NER_L_PER};
    assert_memory_equal(tags, bilou, sizeof bilou);
    /* already BILOU: unchanged */
    ner_tags_to_bilou(tags, 8);
    assert_memory_equal(tags, bilou, sizeof bilou);
    /* two names of one type side by side stay two */
    uint8_t two[] = {NER_B_LOC, NER_B_LOC, NER_I_LOC};
    ner_tags_to_bilou(two, 3);
    assert_int_equal(two[0], NER_U_LOC);
    assert_int_equal(two[1], NER_B_LOC);
    assert_int_equal(two[2], NER_L_LOC);
    /* printed as BIO, which the scorer reads */
    assert_string_equal(ner_tag_name(NER_U_LOC), "B-LOC");
    assert_string_equal(ner_tag_name(NER_L_ORG), "I-ORG");
    assert_string_equal(ner_tag_name(NER_I_MISC), "I-MISC");
    assert_string_equal(ner_tag_name(NER_O), "O");
    assert_string_equal(ner_tag_bilou_name(NER_U_MISC), "U-MISC");
    assert_string_equal(ner_tag_bilou_name(NER_L_PER), "L-PER");
    assert_int_equal(ner_tag_type(NER_U_MISC), 4);
    assert_true(ner_tag_is_inside(NER_L_PER));
    assert_false(ner_tag_is_inside(NER_U_PER));
    assert_false(ner_transition_allowed(NER_I_PER, NER_O));
    assert_true(ner_transition_allowed(NER_L_PER, NER_U_PER));
    assert_false(ner_transition_allowed(NER_TAG_COUNT, NER_L_PER));
}

static void entity_f1_counts_exact_spans(void **state)
{
    (void)state;
    const uint8_t gold[] = {NER_B_PER, NER_I_PER, NER_O, NER_B_LOC, NER_O, NER_B_ORG};
    const uint8_t half[] = {NER_B_PER, NER_O, NER_O, NER_B_LOC, NER_O, NER_B_ORG};
    assert_true(ner_entity_f1(gold, gold, 6) == 1.0);
    /* the person's span is cut short: 2 of 3 right on either side */
    double f1 = ner_entity_f1(gold, half, 6);
    assert_true(f1 > 0.666 && f1 < 0.667);
}

static void conll_reading_repairs_bio(void **state)
{
    (void)state;
    char path[] = "/tmp/marsad-test-ner-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "في O\nبيروت I-LOC\n\nقال O\nعون B-PERS\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    ner_conll c;
    assert_true(ner_conll_read(path, &c));
    unlink(path);
    assert_int_equal(c.sentence_count, 2);
    assert_int_equal(c.token_count, 4);
    assert_int_equal(c.gold[1], NER_U_LOC);   /* an I- that continues nothing starts an entity */
    assert_int_equal(c.gold[3], NER_U_PER);   /* names of one word are U- inside */
    assert_true(c.blank_after[0]);
    assert_false(c.blank_after[1]);
    assert_int_equal(c.lengths[1], strlen("بيروت"));
    ner_conll_free(&c);
}

static void tag_all(const ner_model *m, const ner_conll *c, uint8_t *tags)
{
    ner_sentence s = {.clusters = ner_model_clusters(m)};
    for (size_t k = 0; k < c->sentence_count; k++) {
        size_t a = c->sentence_start[k], n = c->sentence_start[k + 1] - a;
        ner_memory_forget(&s);
        ner_prepare_strings(&s, lex, c->words + a, c->lengths + a, n);
        ner_model_tag(m, &s, tags + a);
    }
    ner_sentence_free(&s);
}

static void tiny_model_round_trips(void **state)
{
    (void)state;
    ner_conll c;
    assert_true(ner_conll_read("tests/data/ner_tiny.conll", &c));
    assert_int_equal(c.sentence_count, 5);
    ner_corpus *corpus = ner_corpus_build(&c, 0, c.sentence_count, lex, NULL, 16, NULL);
    ner_train_options o = {.bucket_bits = 16, .epochs = 20, .patience = 2, .seed = 1};
    ner_model *trained = ner_train(corpus, NULL, &o, NULL);
    assert_non_null(trained);
    uint8_t *before = malloc(c.token_count), *after = malloc(c.token_count);
    tag_all(trained, &c, before);
    for (size_t i = 0; i < c.token_count; i++)
        if (before[i] != c.gold[i])
            print_message("%.*s gold %s tagged %s\n", (int)c.lengths[i], c.words[i], ner_tag_name(c.gold[i]), ner_tag_name(before[i]));
    /* it learned its five sentences */
    assert_true(ner_entity_f1(c.gold, before, c.token_count) == 1.0);
    char path[] = "/tmp/marsad-test-ner-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_true(ner_model_save(trained, path));
    ner_model *loaded = ner_model_open(path);
    unlink(path);
    assert_non_null(loaded);
    assert_int_equal(ner_model_bucket_bits(loaded), 16);
    tag_all(loaded, &c, after);
    assert_memory_equal(before, after, c.token_count);
    /* the jackknife first pass is deterministic and tags every token */
    uint8_t *first = ner_first_pass(&c, lex, NULL, 16, 5, 5), *second = ner_first_pass(&c, lex, NULL, 16, 5, 5);
    assert_memory_equal(first, second, c.token_count);
    for (size_t i = 0; i < c.token_count; i++)
        assert_true(first[i] < NER_TAG_COUNT);
    free(first);
    free(second);
    /* the same seed trains the same model */
    ner_model *again = ner_train(corpus, NULL, &o, NULL);
    assert_memory_equal(ner_model_weights(again), ner_model_weights(trained), ((size_t)1 << 16) * NER_ROW_TAGS * 2);
    ner_model_close(again);
    ner_model_close(loaded);
    ner_model_close(trained);
    ner_corpus_free(corpus);
    ner_conll_free(&c);
    free(before);
    free(after);
}

static void model_file_checked(void **state)
{
    (void)state;
    char path[] = "/tmp/marsad-test-ner-bad-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    char junk[4096] = "not a model";
    assert_int_equal(write(fd, junk, sizeof junk), (ssize_t)sizeof junk);
    close(fd);
    assert_null(ner_model_open(path));
    unlink(path);
    assert_null(ner_model_open("/nonexistent/ner.model"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(features_of_a_word_and_its_neighbours),
        cmocka_unit_test(leading_and_trailing_letters),
        cmocka_unit_test(boundary_features_join_a_word_with_its_neighbours),
        cmocka_unit_test(memory_of_earlier_tags),
        cmocka_unit_test(how_words_behave_in_the_corpus),
        cmocka_unit_test(lexicon_membership_by_type),
        cmocka_unit_test(tags_read_leniently),
        cmocka_unit_test(viterbi_keeps_bilou_valid),
        cmocka_unit_test(bio_becomes_bilou_and_back),
        cmocka_unit_test(entity_f1_counts_exact_spans),
        cmocka_unit_test(conll_reading_repairs_bio),
        cmocka_unit_test(tiny_model_round_trips),
        cmocka_unit_test(model_file_checked),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
