/* Helpers the NER tests share: a sentence of space-separated words made
 * ready for the feature extractor, and whether a word gets a feature. */
#ifndef MARSAD_NER_TEST_HELPERS_H
#define MARSAD_NER_TEST_HELPERS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "ner_features.h"

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

#endif
