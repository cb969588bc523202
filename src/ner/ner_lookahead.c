/*
 * ner_lookahead.c — see ner_lookahead.h.
 */
#include "ner_lookahead.h"

#include <stdlib.h>
#include <string.h>

void ner_document_keep(ner_document *d, const ner_sentence *s, const int32_t *scores)
{
    grow_array((void **)&d->words, &d->cap, d->count + s->count + 1, sizeof *d->words);
    grow_array((void **)&d->sentence_start, &d->sentence_cap, d->sentences + 2, sizeof *d->sentence_start);
    if (d->sentences == 0)
        d->sentence_start[0] = 0;
    memcpy(d->words + d->count, s->words, s->count * sizeof *s->words);
    if (scores) {
        grow_array((void **)&d->scores, &d->scores_cap, (d->count + s->count + 1) * NER_TAG_COUNT, sizeof *d->scores);
        memcpy(d->scores + d->count * NER_TAG_COUNT, scores, s->count * NER_TAG_COUNT * sizeof *d->scores);
    }
    d->count += s->count;
    d->sentence_start[++d->sentences] = (uint32_t)d->count;
}

void ner_document_clear(ner_document *d)
{
    d->count = 0;
    d->sentences = 0;
}

void ner_document_free(ner_document *d)
{
    free(d->words);
    free(d->scores);
    free(d->work);
    free(d->sentence_start);
    memset(d, 0, sizeof *d);
}

void ner_document_lend(const ner_document *d, size_t k, ner_sentence *s)
{
    s->words = d->words + d->sentence_start[k];
    s->count = d->sentence_start[k + 1] - d->sentence_start[k];
}

void ner_document_release(ner_sentence *s)
{
    s->words = NULL;
    s->count = 0;
}

void ner_document_look_ahead(ner_document *d, const uint8_t *tags)
{
    /* last sentence first, so that the memory holds the sentences after */
    ner_sentence later = {0};
    for (size_t k = d->sentences; k-- > 0;) {
        ner_document_lend(d, k, &later);
        for (size_t i = 0; i < later.count; i++) {
            ner_word *w = &later.words[i];
            w->future = later.memory ? ner_memory_recall(&later, w->key) : 0;
            w->stem_future = later.memory && w->main_stem != w->key ? ner_memory_recall(&later, w->main_stem) : 0;
        }
        ner_memory_note(&later, tags + d->sentence_start[k]);
    }
    ner_document_release(&later);
    ner_sentence_free(&later);
}

void ner_document_look_back(ner_document *d, const uint8_t *tags)
{
    ner_sentence earlier = {0};
    for (size_t k = 0; k < d->sentences; k++) {
        ner_document_lend(d, k, &earlier);
        for (size_t i = 0; i < earlier.count; i++) {
            ner_word *w = &earlier.words[i];
            w->memory = earlier.memory ? ner_memory_recall(&earlier, w->key) : 0;
            w->stem_memory =
                earlier.memory && w->main_stem != w->key ? ner_memory_recall(&earlier, w->main_stem) : 0;
        }
        ner_memory_note(&earlier, tags + d->sentence_start[k]);
    }
    ner_document_release(&earlier);
    ner_sentence_free(&earlier);
}

/* Adds the look-ahead features' weights to the first pass's scores and
 * decodes again the sentences they touch. */
static void tag_looking_ahead(const ner_model *m, ner_document *d, const uint8_t *first_tags, uint8_t *tags)
{
    ner_document_look_ahead(d, first_tags);
    uint32_t features[NER_MAX_FEATURES];
    for (size_t k = 0; k < d->sentences; k++) {
        size_t a = d->sentence_start[k], n = d->sentence_start[k + 1] - a;
        bool sees_ahead = false;
        for (size_t i = 0; i < n; i++) {
            const ner_word *w = &d->words[a + i];
            size_t count = ner_lookahead_features(w, features, 0);
            if (count) {
                ner_model_add_weights(m, features, count, d->scores + (a + i) * NER_TAG_COUNT);
                sees_ahead = true;
            }
        }
        if (!sees_ahead) {
            if (tags != first_tags)
                memcpy(tags + a, first_tags + a, n);
            continue;
        }
        grow_array((void **)&d->work, &d->work_cap, (n + 1) * NER_TAG_COUNT, 1);
        ner_model_decode(m, d->scores + a * NER_TAG_COUNT, n, d->work, tags + a);
    }
}

/* A word's memory and look-ahead bits, to tell which sentences another
 * round would see differently. */
static uint32_t recall_bits(const ner_word *w)
{
    return (uint32_t)w->memory | (uint32_t)w->stem_memory << 8 | (uint32_t)w->future << 16 |
           (uint32_t)w->stem_future << 24;
}

static void set_recall_bits(ner_word *w, uint32_t bits)
{
    w->memory = (uint8_t)bits;
    w->stem_memory = (uint8_t)(bits >> 8);
    w->future = (uint8_t)(bits >> 16);
    w->stem_future = (uint8_t)(bits >> 24);
}

/* The memory and look-ahead features of each of the n words at w (with
 * their neighbours) taken out of or put into their scores. */
static void swap_recall_weights(const ner_model *m, const ner_word *w, size_t n, int32_t *scores, bool add)
{
    uint32_t features[NER_MAX_FEATURES];
    for (size_t i = 0; i < n; i++) {
        size_t count = ner_recall_features(i ? &w[i - 1] : NULL, &w[i], i + 1 < n ? &w[i + 1] : NULL, features, 0);
        if (add)
            ner_model_add_weights(m, features, count, scores + i * NER_TAG_COUNT);
        else
            ner_model_remove_weights(m, features, count, scores + i * NER_TAG_COUNT);
    }
}

/* Tags again, with the memory and the look-ahead of tags (the second
 * pass's), the sentences where these changed.  Only the features of the
 * memory and the look-ahead differ from the kept scores' (which hold the
 * second pass's look-ahead already): their weights are swapped. */
static void tag_again(const ner_model *m, ner_document *d, uint8_t *tags)
{
    uint32_t *before = xmalloc((d->count + 1) * sizeof *before), *after = xmalloc((d->count + 1) * sizeof *after);
    for (size_t i = 0; i < d->count; i++)
        before[i] = recall_bits(&d->words[i]);
    ner_document_look_back(d, tags);
    ner_document_look_ahead(d, tags);
    for (size_t k = 0; k < d->sentences; k++) {
        size_t a = d->sentence_start[k], n = d->sentence_start[k + 1] - a;
        bool changed = false;
        for (size_t i = a; i < a + n && !changed; i++)
            changed = recall_bits(&d->words[i]) != before[i];
        if (!changed)
            continue;
        /* the words with their bits of before, and then of now, in place
         * (copies of each word and its neighbours cost more than all the rest) */
        ner_word *w = d->words + a;
        int32_t *scores = d->scores + a * NER_TAG_COUNT;
        for (size_t i = 0; i < n; i++) {
            after[a + i] = recall_bits(&w[i]);
            set_recall_bits(&w[i], before[a + i]);
        }
        swap_recall_weights(m, w, n, scores, false);
        for (size_t i = 0; i < n; i++)
            set_recall_bits(&w[i], after[a + i]);
        swap_recall_weights(m, w, n, scores, true);
        grow_array((void **)&d->work, &d->work_cap, (n + 1) * NER_TAG_COUNT, 1);
        ner_model_decode(m, scores, n, d->work, tags + a);
    }
    free(before);
    free(after);
}

void ner_lookahead_tag(const ner_model *m, ner_document *d, const uint8_t *first_tags, uint8_t *tags, unsigned rounds)
{
    if (rounds >= 1)
        tag_looking_ahead(m, d, first_tags, tags);
    for (unsigned r = 2; r <= rounds; r++)
        tag_again(m, d, tags);
}
