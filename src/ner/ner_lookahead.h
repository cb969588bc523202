/*
 * ner_lookahead.h — the tagger's later passes over a document.
 *
 * The memory (ner_features.h) lets a word recall what the tagger said of
 * it in the sentences before; but a name comes as often alone before it
 * is spelt out in full.  The first pass tags a document sentence by
 * sentence and keeps each sentence's described words and scores
 * (ner_document_keep).  The second gives every word the types its key had
 * in the first pass's tags of the NER_MEMORY_SENTENCES sentences after it
 * (ner_word.future); those change only the word's own look-ahead features
 * (ner_lookahead_features), so it adds their weights to the kept scores
 * and runs Viterbi again where they say anything.  The third recomputes
 * memory and look-ahead from the second pass's tags and, in the sentences
 * where a word's bits changed, swaps the weights of the memory and
 * look-ahead features (ner_recall_features).  Nothing is described or
 * scored twice.  Training fills the look-ahead from the jackknife first
 * pass, as it fills the memory.
 */
#ifndef MARSAD_NER_LOOKAHEAD_H
#define MARSAD_NER_LOOKAHEAD_H

#include <stddef.h>
#include <stdint.h>

#include "ner_features.h"
#include "ner_model.h"

/* The described words of a document's sentences, in order, and the
 * scores the first pass gave them. */
typedef struct {
    ner_word *words;
    int32_t *scores;            /* count x NER_TAG_COUNT */
    uint8_t *work;              /* Viterbi's, of the longest sentence */
    size_t count, cap, scores_cap, work_cap;
    uint32_t *sentence_start;   /* sentences + 1 word indices */
    size_t sentences, sentence_cap;
} ner_document;

/* Appends the prepared sentence s (its words as described) to d, with the
 * scores ner_model_tag gave them (ner_model_last_scores), or NULL when
 * the document is not for ner_lookahead_tag. */
void ner_document_keep(ner_document *d, const ner_sentence *s, const int32_t *scores);
void ner_document_clear(ner_document *d);
void ner_document_free(ner_document *d);

/* Sets each word's future bits from tags (one per kept word) of the
 * sentences after it, within NER_MEMORY_SENTENCES. */
void ner_document_look_ahead(ner_document *d, const uint8_t *tags);

/* The same of the sentences before: the memory ner_prepare_* gave the
 * words, from other tags (a later pass's). */
void ner_document_look_back(ner_document *d, const uint8_t *tags);

/* The words of sentence k of d as a sentence for ner_features and
 * ner_model_tag_words: s borrows d's words, so s must be one never
 * prepared (its own words would leak), and ner_document_release comes
 * before ner_sentence_free(s). */
void ner_document_lend(const ner_document *d, size_t k, ner_sentence *s);
void ner_document_release(ner_sentence *s);

/* The passes after the first: first_tags are the first pass's tags of
 * d's words; tags receives the final ones (may be first_tags).  Round 1
 * adds the look-ahead (sentences whose words look ahead at nothing keep
 * their first tags); each further round tags again, with the memory and
 * the look-ahead of the round before, the sentences where these changed.
 * Once per document: it adds to the kept scores. */
#define NER_LOOKAHEAD_ROUNDS 2
void ner_lookahead_tag(const ner_model *m, ner_document *d, const uint8_t *first_tags, uint8_t *tags,
                       unsigned rounds);

#endif
