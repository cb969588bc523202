/*
 * ner_model.h — the NER tagger: hashed feature weights, tag transitions,
 * Viterbi decoding, and the model file.
 *
 * Tags are BILOU over PER, LOC, ORG and MISC.  Each feature hash of a word
 * (ner_features.h) picks one bucket of 2^bucket_bits; a bucket holds one
 * int16 weight per tag, so a word costs one cache line per feature.  The
 * score of a tag sequence is the sum of its words' weights plus a weight
 * per tag bigram; Viterbi finds the best sequence of valid BILOU.
 *
 * The model file is a header (magic, version, sizes, scale, the transition
 * table), the word classes (ner_features.h), then the bucket table, and is
 * mmapped as it lies on disk.
 * ner_train.c fills a model from an annotated corpus.
 */
#ifndef MARSAD_NER_MODEL_H
#define MARSAD_NER_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ner_features.h"

/* Inside, tags are BILOU: an entity of one word is U-, of more B- I-* L-,
 * so the last word of a name learns weights of its own (the words after a
 * person's name are the tagger's most frequent boundary error).  Files
 * are read and written in BIO (ner_tags_to_bilou, ner_tag_name). */
typedef enum {
    NER_O,
    NER_B_PER, NER_I_PER, NER_L_PER, NER_U_PER,
    NER_B_LOC, NER_I_LOC, NER_L_LOC, NER_U_LOC,
    NER_B_ORG, NER_I_ORG, NER_L_ORG, NER_U_ORG,
    NER_B_MISC, NER_I_MISC, NER_L_MISC, NER_U_MISC,
    NER_TAG_COUNT
} ner_tag;

/* The BIO name of a tag: "B-PER" for B- and U-, "I-PER" for I- and L-, "O". */
const char *ner_tag_name(ner_tag tag);
/* Its own name, "U-PER", for training's reports. */
const char *ner_tag_bilou_name(ner_tag tag);
/* Reads a CoNLL tag as B- or I- (ner_tags_to_bilou makes it BILOU): B-/I-
 * of PER or PERS, LOC, ORG, MISC or MIS* (with AQMAR's typos such as
 * I--ORG); O and anything unknown read as O, and *known is set to false
 * for the unknown. */
ner_tag ner_tag_parse(const char *s, size_t len, bool *known);
/* Rewrites valid BIO tags of one sentence (B-/I- only) as BILOU. */
void ner_tags_to_bilou(uint8_t *tags, size_t n);
/* The entity type of a tag: 0 for O, 1 PER, 2 LOC, 3 ORG, 4 MISC. */
static inline unsigned ner_tag_type(ner_tag tag)
{
    return (tag + 3u) / 4;
}
/* I- or L-: the tag continues the entity of the word before. */
static inline bool ner_tag_is_inside(ner_tag tag)
{
    return tag != NER_O && ((tag - 1u) & 3u) - 1u < 2u;
}
/* B- or I-: the entity goes on at the next word. */
static inline bool ner_tag_is_open(ner_tag tag)
{
    return tag != NER_O && ((tag - 1u) & 3u) < 2u;
}
/* May tag follow prev (NER_TAG_COUNT for the sentence start)?  An open
 * entity must go on with its own type; only an open one may. */
static inline bool ner_transition_allowed(unsigned prev, ner_tag tag)
{
    bool open = prev != NER_TAG_COUNT && ner_tag_is_open((ner_tag)prev);
    if (!open)
        return !ner_tag_is_inside(tag);
    return ner_tag_is_inside(tag) && ner_tag_type((ner_tag)prev) == ner_tag_type(tag);
}
/* May a sentence end on tag? */
static inline bool ner_tag_may_end(ner_tag tag)
{
    return !ner_tag_is_open(tag);
}

/* A bucket stores the weights of the 16 tags after O: only differences
 * between a word's tags matter to Viterbi, so every row is shifted to make
 * O's weight 0, and a row is 32 bytes, one cache line at most. */
#define NER_ROW_TAGS (NER_TAG_COUNT - 1)

typedef struct ner_model ner_model;

/* A model with all weights zero, for training and tests; it keeps a copy
 * of the word classes (may be NULL). */
ner_model *ner_model_new(unsigned bucket_bits, const ner_clusters *clusters);
/* The model's word classes: set ner_sentence.clusters to them. */
const ner_clusters *ner_model_clusters(const ner_model *m);
/* Opens a model file by mmap; on failure prints why and returns NULL. */
ner_model *ner_model_open(const char *path);
/* ner_model_open of path, or of the default model when path is NULL:
 * $MARSAD_NER_MODEL, else ner.model beside the executable (or one up). */
ner_model *ner_model_open_or_default(const char *path);
const char *ner_model_default_path(char *buf, size_t size);
/* Writes the model; prints why and returns false on failure. */
bool ner_model_save(const ner_model *m, const char *path);
void ner_model_close(ner_model *m);

unsigned ner_model_bucket_bits(const ner_model *m);
size_t ner_model_nonzero_buckets(const ner_model *m);

/* Fills a new model's weights from float weights (buckets x tags) and
 * transitions ((tags + 1) x tags, the last row for the sentence start),
 * shifting each row to O = 0 and scaling them to int16. */
void ner_model_set_weights(ner_model *m, const float *weights, const float *transitions);

/* A new model whose weights are the mean of k models' (of the same bucket
 * count; the word classes are the first model's): an ensemble of models
 * trained in different orders, at the cost of one. */
ner_model *ner_model_average(ner_model *const *models, size_t k);

/* Adds delta, a fraction of the model's largest weight, to the weight of
 * tag that every word carries: a negative delta on O trades precision for
 * recall.  Only for models built in memory. */
void ner_model_shift(ner_model *m, ner_tag tag, float delta);

/* The int16 bucket table (buckets x NER_ROW_TAGS: tags 1 to 16, O's is 0)
 * and the transitions on the same scale, for training's dev scoring. */
const int16_t *ner_model_weights(const ner_model *m);
void ner_model_transitions(const ner_model *m, int32_t *out);

/* Tags the words of a prepared sentence into tags[0, s->count) (using the
 * sentence's scratch space). */
void ner_model_tag(const ner_model *m, ner_sentence *s, uint8_t *tags);
/* The same without noting the tags in the sentence's memory. */
void ner_model_tag_words(const ner_model *m, ner_sentence *s, uint8_t *tags);
/* The last sentence ner_model_tag* tagged: its words' scores, count x tags. */
const int32_t *ner_model_last_scores(const ner_sentence *s);
/* Adds the weights of k feature hashes to one word's scores (tags wide). */
void ner_model_add_weights(const ner_model *m, const uint32_t *features, size_t k, int32_t *scores);
/* Takes them away again. */
void ner_model_remove_weights(const ner_model *m, const uint32_t *features, size_t k, int32_t *scores);
/* Viterbi over count words' scores with the model's transitions; work
 * holds count x tags bytes. */
void ner_model_decode(const ner_model *m, const int32_t *scores, size_t count, uint8_t *work, uint8_t *tags);

/* The best tags given per-word scores (count x tags) and transitions
 * ((tags + 1) x tags); scores and transitions of any one scale.  Exposed
 * for training and tests.  work holds count x tags bytes. */
void ner_viterbi(const int32_t *scores, size_t count, const int32_t *transitions, uint8_t *work, uint8_t *tags);
void ner_viterbi_float(const float *scores, size_t count, const float *transitions, uint8_t *work, uint8_t *tags);

#endif
