/*
 * ner_train.h — CoNLL files in, a trained NER model out.
 *
 * ner_conll_read() reads `token [TAG]` lines, one sentence per blank-line
 * separated block (files without blank lines are split after '.').  Gold
 * tags are repaired to valid BIO: an I-X that does not continue an X
 * starts one, as the scorer reads it.
 *
 * ner_train() is a structured averaged perceptron (Collins 2002): decode
 * each training sentence with the current weights, and where the best
 * sequence differs from the gold one add the gold features and subtract
 * the predicted ones.  The average of the weights over all steps is the
 * model.  Sentences are visited in an order shuffled by a fixed seed, so
 * training is deterministic.  With a dev set it keeps the epoch that
 * scores best there and stops after `patience` epochs without progress.
 */
#ifndef MARSAD_NER_TRAIN_H
#define MARSAD_NER_TRAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "ner_model.h"

typedef struct {
    char *text;                  /* the file, owned; words point into it */
    const char **words;
    uint32_t *lengths;
    uint8_t *gold;               /* ner_tag of each token, BILOU (O when untagged) */
    uint32_t *sentence_start;    /* sentence_count + 1 token indices */
    bool *blank_after;           /* the sentence ended at a blank line in the file */
    size_t token_count, sentence_count;
    size_t unknown_tags;         /* tags read as O because they were not BIO */
    size_t first_unknown_line;
} ner_conll;

/* Reads a CoNLL file ("-" for standard input); prints why and returns
 * false when it cannot be read. */
bool ner_conll_read(const char *path, ner_conll *c);
void ner_conll_free(ner_conll *c);

/* Sentences [first, first + count) of a CoNLL file with their features
 * hashed into buckets, ready for training epochs.  first_pass (tags of all
 * of c's tokens, or NULL) fills the memory of earlier sentences
 * (ner_memory_note) as the tagger's own tags will at tagging time. */
typedef struct ner_corpus ner_corpus;
ner_corpus *ner_corpus_build(const ner_conll *c, size_t first, size_t count, const lexicon *lex,
                             const ner_clusters *clusters, unsigned bucket_bits, const uint8_t *first_pass);

/* Tags of every token of c from models that never saw it (jackknife):
 * c's sentences are cut into `folds` contiguous parts, and each part is
 * tagged by a model trained for `epochs` epochs on the others, without
 * memory.  Training on these tags as memory lets the model learn how far
 * to trust its own earlier tags.  Returns a malloc'd array. */
uint8_t *ner_first_pass(const ner_conll *c, const lexicon *lex, const ner_clusters *clusters, unsigned bucket_bits,
                        unsigned folds, unsigned epochs);
void ner_corpus_free(ner_corpus *corpus);
size_t ner_corpus_tokens(const ner_corpus *corpus);

typedef struct {
    unsigned bucket_bits;
    unsigned epochs;       /* the most epochs; all of them without a dev set */
    unsigned patience;     /* with a dev set: epochs without progress before stopping */
    uint64_t seed;
    const ner_clusters *clusters;   /* the word classes the corpora were built with */
    bool verbose;          /* one line per epoch on stderr */
    size_t skip_first, skip_count;   /* sentences of the corpus not to learn from */
} ner_train_options;

typedef struct {
    unsigned best_epoch;   /* the epoch the model comes from */
    double best_dev_f1;    /* its entity F1 on the dev set (0 without one) */
} ner_train_report;

ner_model *ner_train(const ner_corpus *train, const ner_corpus *dev, const ner_train_options *options,
                     ner_train_report *report);

/* The entity F1 of a model on a corpus built with its bucket count. */
double ner_corpus_f1(const ner_model *m, const ner_corpus *corpus);

/* Entity-level (exact span and type) micro F1 of predicted tags against
 * gold, both valid tag sequences over the same n tokens. */
double ner_entity_f1(const uint8_t *gold, const uint8_t *predicted, size_t n);

#endif
