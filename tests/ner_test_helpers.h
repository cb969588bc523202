/* Helpers the NER tests share: a sentence of space-separated words made
 * ready for the feature extractor, whether a word gets a feature, and a
 * model of random weights. */
#ifndef MARSAD_NER_TEST_HELPERS_H
#define MARSAD_NER_TEST_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_features.h"
#include "ner_model.h"

/* Prepares the space-separated words of text as one sentence (copy holds
 * the words while s is used). */
static inline void prepare_words(ner_sentence *s, const lexicon *lexicon_of_test, const char *text, char *copy,
                                 size_t size)
{
    const char *words[64];
    uint32_t lengths[64];
    size_t n = 0;
    snprintf(copy, size, "%s", text);
    for (char *w = strtok(copy, " "); w && n < 64; w = strtok(NULL, " ")) {
        words[n] = w;
        lengths[n++] = (uint32_t)strlen(w);
    }
    ner_prepare_strings(s, lexicon_of_test, words, lengths, n);
}

static inline bool has_feature(const ner_sentence *s, size_t i, uint32_t feature)
{
    uint32_t f[NER_MAX_FEATURES];
    size_t n = ner_features(s, i, f);
    for (size_t k = 0; k < n; k++)
        if (f[k] == feature)
            return true;
    return false;
}

/* A model of 2^bits buckets whose every weight and transition is drawn
 * from [-1, 1] by seed (xorshift, the same on every libc): every feature
 * of a word moves its scores. */
static inline ner_model *random_ner_model(unsigned bits, const ner_clusters *clusters, uint64_t seed)
{
    ner_model *m = ner_model_new(bits, clusters);
    size_t buckets = (size_t)1 << bits, transition_count = (NER_TAG_COUNT + 1) * NER_TAG_COUNT;
    float *weights = malloc(buckets * NER_TAG_COUNT * sizeof *weights);
    float transitions[(NER_TAG_COUNT + 1) * NER_TAG_COUNT];
    uint64_t x = seed ? seed : 1;
    for (size_t i = 0; i < buckets * NER_TAG_COUNT + transition_count; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        float w = (float)((int32_t)((x >> 11) % 2001) - 1000) / 1000.0f;
        if (i < buckets * NER_TAG_COUNT)
            weights[i] = w;
        else
            transitions[i - buckets * NER_TAG_COUNT] = w;
    }
    ner_model_set_weights(m, weights, transitions);
    free(weights);
    return m;
}

#endif
