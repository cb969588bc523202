/* Tests of src/ner/ner_word_cache.c: a word whose description comes from
 * the cache is described exactly as preparing it afresh would, sentence
 * after sentence (the memory bits are the sentence's own, never the
 * cache's), after another model's word classes, and when a tokenised
 * text gives a known surface another key; and every word's scores are
 * the sums of its features' weights added afresh, under any model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buffer.h"
#include "lexicon_fixture.h"
#include "ner_features.h"
#include "ner_model.h"
#include "ner_test_helpers.h"
#include "ner_train.h"
#include "ner_word_cache.h"
#include "normalize.h"
#include "tokenize.h"

/* The word classes, corpus statistics and Brown paths of data/, as the
 * shipped model holds them: real classes for real words. */
static ner_clusters classes;
static ner_cluster_slot *class_slots;

static int setup(void **state)
{
    if (setup_lexicon(state) != 0)
        return -1;
    if (!ner_clusters_load("data/ner_clusters.tsv", &classes, &class_slots) ||
        !ner_clusters_load_stats("data/ner_word_stats.tsv", class_slots, classes.slot_count) ||
        !ner_clusters_load_brown("data/ner_brown.tsv", &classes, &class_slots))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    free(class_slots);
    return teardown_lexicon(state);
}

/* Every field of every word, and every feature, the same in a and b. */
static void assert_same_words(const ner_sentence *a, const ner_sentence *b)
{
    assert_int_equal(a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        const ner_word *x = &a->words[i], *y = &b->words[i];
        assert_true(x->surface == y->surface && x->key == y->key && x->main_stem == y->main_stem);
        assert_true(x->proclitics == y->proclitics && x->shape == y->shape);
        assert_int_equal(x->stem_count, y->stem_count);
        assert_memory_equal(x->stems, y->stems, x->stem_count * sizeof x->stems[0]);
        assert_memory_equal(x->prefix, y->prefix, sizeof x->prefix);
        assert_memory_equal(x->suffix, y->suffix, sizeof x->suffix);
        assert_int_equal(x->lexicon_begin, y->lexicon_begin);
        assert_int_equal(x->lexicon_inside, y->lexicon_inside);
        assert_int_equal(x->coarse, y->coarse);
        assert_int_equal(x->fine, y->fine);
        assert_int_equal(x->stem_fine, y->stem_fine);
        assert_int_equal(x->stats, y->stats);
        assert_int_equal(x->memory, y->memory);
        assert_int_equal(x->stem_memory, y->stem_memory);
        assert_int_equal(x->future, y->future);
        assert_int_equal(x->stem_future, y->stem_future);
        assert_int_equal(x->brown, y->brown);
        assert_int_equal(x->brown_class_count, y->brown_class_count);
        assert_memory_equal(x->brown_classes, y->brown_classes, x->brown_class_count * sizeof x->brown_classes[0]);
        uint32_t fx[NER_MAX_FEATURES], fy[NER_MAX_FEATURES];
        size_t nx = ner_features(a, i, fx), ny = ner_features(b, i, fy);
        assert_int_equal(nx, ny);
        assert_memory_equal(fx, fy, nx * sizeof fx[0]);
    }
}

/* The scores m's last tagging of s gave each word are the sums of the
 * weights of all its features (ner_features), added one by one: any
 * shortcut the tagger takes in summing them (a cached description, row
 * sums four at a time) must give the same int32 sums. */
static void assert_scores_fresh(const ner_model *m, const ner_sentence *s)
{
    const int32_t *scores = ner_model_last_scores(s);
    for (size_t i = 0; i < s->count; i++) {
        uint32_t features[NER_MAX_FEATURES];
        int32_t fresh[NER_TAG_COUNT] = {0};
        ner_model_add_weights(m, features, ner_features(s, i, features), fresh);
        assert_memory_equal(scores + i * NER_TAG_COUNT, fresh, sizeof fresh);
    }
}

/* The same sentences twice, and a sentence that repeats its own words:
 * the second time every word comes from the cache, with the memory the
 * first time's tags left (a stale cache would carry the old bits). */
static void words_met_again_read_as_fresh(void **state)
{
    (void)state;
    static const char *const story[] = {
        "وقال رئيس الوزراء الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم أوكرانيا",
        "وأضاف ماكرون أن الاتحاد الأوروبي والولايات المتحدة وبريطانيا ستجتمع في باريس",
        /* a word longer than the cache keeps, twice */
        "Supercalifragilisticexpialidocious_and_more Supercalifragilisticexpialidocious_and_more ماكرون",
    };
    ner_model *m = random_ner_model(12, &classes, 7);
    ner_sentence cached = {.clusters = ner_model_clusters(m)}, fresh = {.clusters = ner_model_clusters(m)};
    char copy_cached[512], copy_fresh[512];
    uint8_t tags_cached[64], tags_fresh[64];
    size_t from_cache = 0, entities = 0;
    for (int round = 0; round < 2; round++) {
        for (size_t k = 0; k < sizeof story / sizeof story[0]; k++) {
            prepare_words(&cached, lex, story[k], copy_cached, sizeof copy_cached);
            ner_word_cache_forget(&fresh.word_cache);   /* everything described again */
            prepare_words(&fresh, lex, story[k], copy_fresh, sizeof copy_fresh);
            for (size_t i = 0; i < cached.count; i++) {
                from_cache += cached.tokens[i].described;
                assert_false(fresh.tokens[i].described);
            }
            assert_same_words(&cached, &fresh);
            ner_model_tag(m, &cached, tags_cached);
            ner_model_tag(m, &fresh, tags_fresh);
            assert_memory_equal(tags_cached, tags_fresh, cached.count);
            for (size_t i = 0; i < cached.count; i++)
                entities += tags_cached[i] != NER_O;
        }
    }
    /* the first round's repeats (ماكرون, في, باريس; ماكرون), then every
     * word of the second but the long ones */
    assert_int_equal(from_cache, 3 + 1 + 12 + 11 + 1);
    assert_true(entities > 0);
    /* the second time round, ماكرون recalls what it was tagged */
    assert_true(cached.words[2].memory != 0);
    ner_sentence_free(&cached);
    ner_sentence_free(&fresh);
    ner_model_close(m);
}

/* A table of one word's classes, as ner_clusters_load lays it out. */
static void one_word_classes(ner_cluster_slot *slots, uint32_t count, const char *word, uint16_t coarse, uint16_t fine)
{
    byte_buffer key = {0};
    normalize_for_match(word, strlen(word), &key);
    uint64_t h = ner_string_hash(key.data, key.len);
    buffer_free(&key);
    memset(slots, 0, count * sizeof *slots);
    ner_cluster_slot *slot = &slots[(uint32_t)h & (count - 1)];
    *slot = (ner_cluster_slot){.key = h, .coarse = coarse, .fine = fine};
}

/* One sentence object tags with one model, then another whose classes
 * differ for a word: the word must not keep the first model's classes. */
static void another_models_classes_are_not_mixed_in(void **state)
{
    (void)state;
    ner_cluster_slot slots_a[16], slots_b[16], slots_c[16];
    one_word_classes(slots_a, 16, "باريس", 3, 30);
    one_word_classes(slots_b, 16, "باريس", 4, 40);
    one_word_classes(slots_c, 16, "باريس", 5, 50);
    ner_clusters a = {.slots = slots_a, .slot_count = 16}, b = {.slots = slots_b, .slot_count = 16};
    ner_sentence s = {.clusters = &a}, fresh = {0};
    char copy[256], copy_fresh[256];
    const char *text = "وصل الوزير إلى باريس";
    prepare_words(&s, lex, text, copy, sizeof copy);
    prepare_words(&s, lex, text, copy, sizeof copy);
    assert_true(s.tokens[3].described);
    assert_int_equal(s.words[3].coarse, 3);
    assert_int_equal(s.words[3].fine, 30);
    s.clusters = &b;   /* another model */
    prepare_words(&s, lex, text, copy, sizeof copy);
    assert_int_equal(s.words[3].coarse, 4);
    assert_int_equal(s.words[3].fine, 40);
    fresh.clusters = &b;
    prepare_words(&fresh, lex, text, copy_fresh, sizeof copy_fresh);
    assert_same_words(&s, &fresh);
    b.slots = slots_c;   /* the same table struct, other classes */
    prepare_words(&s, lex, text, copy, sizeof copy);
    assert_int_equal(s.words[3].fine, 50);
    s.clusters = NULL;   /* no classes at all */
    prepare_words(&s, lex, text, copy, sizeof copy);
    assert_int_equal(s.words[3].fine, 0);
    ner_sentence_free(&s);
    ner_sentence_free(&fresh);
}

/* A tokenised text's words are cached by surface and key: the same
 * surface with another key (as another text normalisation could give)
 * is described afresh. */
static void tokens_with_another_key_are_described_again(void **state)
{
    (void)state;
    const char *text = "قال الرئيس إن الرئيس سيزور القاهرة";
    token_list tokens = {0};
    tokenize(text, strlen(text), &tokens);
    assert_int_equal(tokens.count, 6);
    ner_sentence s = {.clusters = &classes}, fresh = {.clusters = &classes};
    ner_prepare_tokens(&s, text, &tokens, 0, tokens.count, NULL);
    assert_false(s.tokens[1].described);
    assert_true(s.tokens[3].described);   /* الرئيس again, in the same sentence */
    ner_prepare_tokens(&fresh, text, &tokens, 0, tokens.count, NULL);
    ner_prepare_tokens(&s, text, &tokens, 0, tokens.count, NULL);
    ner_word_cache_forget(&fresh.word_cache);
    ner_prepare_tokens(&fresh, text, &tokens, 0, tokens.count, NULL);
    assert_same_words(&s, &fresh);
    uint64_t key_before = s.words[5].key;
    /* القاهرة (key القاهره) keyed as القاهرت: the same surface, another key */
    char *key = tokens.keys.data + tokens.tokens[5].key_offset;
    size_t len = tokens.tokens[5].key_len;
    assert_memory_equal(key + len - 2, "\xD9\x87", 2);
    memcpy(key + len - 2, "\xD8\xAA", 2);
    ner_prepare_tokens(&s, text, &tokens, 0, tokens.count, NULL);
    assert_false(s.tokens[5].described);
    assert_true(s.words[5].key != key_before);
    ner_word_cache_forget(&fresh.word_cache);
    ner_prepare_tokens(&fresh, text, &tokens, 0, tokens.count, NULL);
    assert_same_words(&s, &fresh);
    ner_sentence_free(&s);
    ner_sentence_free(&fresh);
    token_list_free(&tokens);
}

/* ANERcorp's test set in order, as `marsad ner` tags it: the cache grows
 * to its full size and fills, words push each other out, and every
 * sentence reads, scores and tags as if described afresh, under one
 * model, another, and the first with its weights changed. */
static void a_whole_corpus_reads_as_fresh(void **state)
{
    (void)state;
    const char *shared = getenv("SHARED") ? getenv("SHARED") : "../shared";
    char path[4096];
    snprintf(path, sizeof path, "%s/ner/anercorp/test.txt", shared);
    FILE *f = fopen(path, "r");
    if (!f) {
        print_message("skipping: %s not found (../shared is absent)\n", path);
        skip();
    }
    fclose(f);
    ner_conll c;
    assert_true(ner_conll_read(path, &c));
    ner_model *m = random_ner_model(12, &classes, 7);
    ner_sentence cached = {.clusters = ner_model_clusters(m)}, fresh = {.clusters = ner_model_clusters(m)};
    uint8_t *tags_cached = malloc(c.token_count + 1), *tags_fresh = malloc(c.token_count + 1);
    size_t from_cache = 0;
    for (size_t k = 0; k < c.sentence_count; k++) {
        size_t a = c.sentence_start[k], n = c.sentence_start[k + 1] - a;
        ner_prepare_strings(&cached, lex, c.words + a, c.lengths + a, n);
        ner_word_cache_forget(&fresh.word_cache);
        ner_prepare_strings(&fresh, lex, c.words + a, c.lengths + a, n);
        for (size_t i = 0; i < n; i++)
            from_cache += cached.tokens[i].described;
        assert_same_words(&cached, &fresh);
        ner_model_tag(m, &cached, tags_cached + a);
        assert_scores_fresh(m, &cached);
        ner_model_tag(m, &fresh, tags_fresh + a);
    }
    assert_memory_equal(tags_cached, tags_fresh, c.token_count);
    /* the same words again, from the cache, under another model, then
     * under the first with its weights changed */
    ner_model *other = random_ner_model(12, &classes, 11);
    ner_model *order[] = {other, m};
    for (size_t r = 0; r < 2; r++) {
        if (r == 1)
            ner_model_shift(m, NER_O, -0.05f);
        for (size_t k = 0; k < c.sentence_count; k++) {
            size_t a = c.sentence_start[k], n = c.sentence_start[k + 1] - a;
            ner_prepare_strings(&cached, lex, c.words + a, c.lengths + a, n);
            ner_model_tag(order[r], &cached, tags_cached + a);
            assert_scores_fresh(order[r], &cached);
        }
    }
    ner_model_close(other);
    assert_int_equal(cached.word_cache.slot_count, NER_WORD_CACHE_MAX_SLOTS);
    assert_true(from_cache > c.token_count / 3);   /* news repeats its words */
    free(tags_cached);
    free(tags_fresh);
    ner_sentence_free(&cached);
    ner_sentence_free(&fresh);
    ner_model_close(m);
    ner_conll_free(&c);
}

/* One sentence object tags a story with one model, then with another,
 * then with the first after its weights changed (ner_model_shift moves
 * the weight every word has): each time every word's scores are its
 * features' weights summed afresh, whatever the cache kept before. */
static void scores_follow_the_model(void **state)
{
    (void)state;
    static const char *const story[] = {
        "وقال رئيس الوزراء الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم أوكرانيا",
        "وأضاف ماكرون أن الاتحاد الأوروبي والولايات المتحدة وبريطانيا ستجتمع في باريس",
        "ماكرون في باريس وفي لندن",
    };
    ner_model *first = random_ner_model(12, &classes, 7), *second = random_ner_model(12, &classes, 11);
    ner_sentence s = {.clusters = ner_model_clusters(first)};
    char copy[512];
    uint8_t tags[64];
    ner_model *order[] = {first, second, first, first};
    for (size_t r = 0; r < sizeof order / sizeof order[0]; r++) {
        if (r == 3)
            ner_model_shift(first, NER_O, -0.05f);
        for (size_t k = 0; k < sizeof story / sizeof story[0]; k++) {
            prepare_words(&s, lex, story[k], copy, sizeof copy);
            ner_model_tag(order[r], &s, tags);
            assert_scores_fresh(order[r], &s);
        }
    }
    ner_sentence_free(&s);
    ner_model_close(first);
    ner_model_close(second);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_met_again_read_as_fresh),
        cmocka_unit_test(another_models_classes_are_not_mixed_in),
        cmocka_unit_test(tokens_with_another_key_are_described_again),
        cmocka_unit_test(scores_follow_the_model),
        cmocka_unit_test(a_whole_corpus_reads_as_fresh),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
