/* Tests of the NER tagger's fast paths against plain versions of the same
 * computation: ner_viterbi (only the allowed BILOU pairs, unrolled, the
 * predecessor packed into the score) against a Viterbi over all pairs,
 * the scores ner_model_tag_words adds up from a word's bucket rows
 * against ner_model_add_weights, on real Arabic sentences, and
 * ner_string_hash and ner_feature_hash against the versions they replaced
 * (a feature's bucket must not move: the model would no longer fit). */
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
#include "ner_model.h"
#include "ner_test_helpers.h"

/* Viterbi as the textbook has it: every tag from every tag the BILOU rules
 * allow, in tag order, the first of equal scores kept. */
static void plain_viterbi(const int32_t *scores, size_t n, const int32_t *transitions, uint8_t *work,
                          uint8_t *tags)
{
    int64_t best[NER_TAG_COUNT], next[NER_TAG_COUNT];
    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
        best[t] = ner_transition_allowed(NER_TAG_COUNT, (ner_tag)t)
                      ? (int64_t)transitions[NER_TAG_COUNT * NER_TAG_COUNT + t] + scores[t]
                      : INT64_MIN / 4;
    for (size_t i = 1; i < n; i++) {
        for (unsigned t = 0; t < NER_TAG_COUNT; t++) {
            int64_t top = INT64_MIN;
            unsigned from = 0;
            for (unsigned p = 0; p < NER_TAG_COUNT; p++) {
                if (!ner_transition_allowed(p, (ner_tag)t))
                    continue;
                int64_t v = best[p] + transitions[p * NER_TAG_COUNT + t];
                if (v > top) {
                    top = v;
                    from = p;
                }
            }
            next[t] = top + scores[i * NER_TAG_COUNT + t];
            work[i * NER_TAG_COUNT + t] = (uint8_t)from;
        }
        memcpy(best, next, sizeof best);
    }
    unsigned last = 0;
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (ner_tag_may_end((ner_tag)t) && best[t] > best[last])
            last = t;
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)last;
        if (i)
            last = work[i * NER_TAG_COUNT + last];
    }
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

/* A value in [-range, range]. */
static int32_t random_in(int32_t range)
{
    return (int32_t)(next_random() % (2u * (uint32_t)range + 1)) - range;
}

static void viterbi_equals_the_plain_one_on_random_scores(void **state)
{
    (void)state;
    enum { LONGEST = 300 };
    int32_t *scores = malloc(LONGEST * NER_TAG_COUNT * sizeof *scores);
    int32_t transitions[(NER_TAG_COUNT + 1) * NER_TAG_COUNT];
    uint8_t *work = malloc(LONGEST * NER_TAG_COUNT), *fast = malloc(LONGEST), *plain = malloc(LONGEST);
    /* small ranges make many equal scores, where the tie rule shows; the
     * largest are a model's (96 features of int16) and beyond */
    static const int32_t ranges[] = {1, 2, 5, 100, 32767, 3200000, 1 << 28};
    size_t entities = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
        for (int trial = 0; trial < 200; trial++) {
            size_t n = 1 + next_random() % (trial < 100 ? 12 : LONGEST);
            for (size_t i = 0; i < (NER_TAG_COUNT + 1) * NER_TAG_COUNT; i++)
                transitions[i] = random_in(ranges[r] < 32767 ? ranges[r] : 32767);
            for (size_t i = 0; i < n * NER_TAG_COUNT; i++)
                scores[i] = random_in(ranges[r]);
            ner_viterbi(scores, n, transitions, work, fast);
            plain_viterbi(scores, n, transitions, work, plain);
            assert_memory_equal(fast, plain, n);
            for (size_t i = 0; i < n; i++)
                entities += fast[i] != NER_O;
        }
    }
    assert_true(entities > 1000);   /* the paths went through names, not only O */
    free(scores);
    free(work);
    free(fast);
    free(plain);
}

/* ner_string_hash as first written: the last bytes of the string copied
 * with memcpy, which ner_features.c now does with fixed-size loads. */
static uint64_t plain_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static uint64_t plain_string_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    if (i < len) {
        uint64_t v = 0;
        memcpy(&v, s + i, len - i);
        h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 29;
    }
    return plain_mix(h) | 1;
}

static void string_hash_of_every_length_is_unchanged(void **state)
{
    (void)state;
    /* Arabic words, their edges of one to four letters, and every length
     * of random bytes: a feature's bucket must not move */
    const char *word = "والاتحاد الأوروبي وبالمملكة";
    for (size_t a = 0; a < strlen(word); a++)
        for (size_t n = 0; a + n <= strlen(word); n++)
            assert_true(ner_string_hash(word + a, n) == plain_string_hash(word + a, n));
    char bytes[64];
    for (int trial = 0; trial < 200; trial++) {
        for (size_t i = 0; i < sizeof bytes; i++)
            bytes[i] = (char)next_random();
        size_t n = next_random() % sizeof bytes;
        assert_true(ner_string_hash(bytes, n) == plain_string_hash(bytes, n));
    }
}

static void feature_hash_is_the_high_half_of_the_full_mix(void **state)
{
    (void)state;
    for (unsigned t = 0; t < NER_TEMPLATE_COUNT; t++)
        for (int trial = 0; trial < 1000; trial++) {
            uint64_t value = trial < 64 ? (uint64_t)trial : (uint64_t)next_random() << 32 ^ next_random();
            uint32_t full = (uint32_t)(plain_mix(value ^ ((uint64_t)(t + 1) * 0x9E3779B97F4A7C15ULL)) >> 32);
            assert_int_equal(ner_feature_hash(t, value), full);
        }
    /* the features of a real word name the same buckets */
    uint64_t paris = plain_string_hash("باريس", strlen("باريس"));
    assert_int_equal(ner_feature_hash(NER_T_KEY, paris),
                     (uint32_t)(plain_mix(paris ^ ((uint64_t)(NER_T_KEY + 1) * 0x9E3779B97F4A7C15ULL)) >> 32));
}

static void word_scores_are_the_sums_of_their_rows(void **state)
{
    (void)state;
    static const char *const sentences[] = {
        "وقال رئيس الوزراء الأرميني نيكول باشينيان إن قوات باكو هاجمت مواقع أرمينية",
        "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان",
        "باريس",
    };
    ner_model *m = random_ner_model(12, NULL, 0x9E3779B97F4A7C15ULL);
    ner_sentence s = {.clusters = ner_model_clusters(m)};
    char copy[512];
    uint8_t tags[64];
    uint32_t features[NER_MAX_FEATURES];
    size_t odd = 0, even = 0;
    for (size_t k = 0; k < sizeof sentences / sizeof sentences[0]; k++) {
        prepare_words(&s, lex, sentences[k], copy, sizeof copy);
        ner_model_tag_words(m, &s, tags);
        const int32_t *scores = ner_model_last_scores(&s);
        for (size_t i = 0; i < s.count; i++) {
            int32_t expected[NER_TAG_COUNT] = {0};
            size_t count = ner_features(&s, i, features);
            ner_model_add_weights(m, features, count, expected);
            assert_memory_equal(scores + i * NER_TAG_COUNT, expected, sizeof expected);
            odd += count % 2;
            even += count % 2 == 0;
        }
    }
    assert_true(odd > 0 && even > 0);   /* rows in pairs, and one left over */
    ner_sentence_free(&s);
    ner_model_close(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(viterbi_equals_the_plain_one_on_random_scores),
        cmocka_unit_test(word_scores_are_the_sums_of_their_rows),
        cmocka_unit_test(string_hash_of_every_length_is_unchanged),
        cmocka_unit_test(feature_hash_is_the_high_half_of_the_full_mix),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
