/*
 * ner_features.h — what the NER tagger sees of each word.
 *
 * A sentence is first described word by word (ner_describe): the hashes of
 * its surface form, its matching key (normalize.h), the stems of its clitic
 * readings (clitics.h: وبالاتحاد → اتحاد), its first and last letters, its
 * shape, and the kinds of lexicon phrases that begin or continue on it.
 * ner_features() then combines a word with its neighbours (±2) into
 * feature hashes, one per template; the model (ner_model.h) maps each hash
 * to a bucket of weights.  Hashing needs no feature dictionary, so features
 * cost the same at training and at tagging time.
 *
 * Sentences come either as CoNLL tokens (ner_prepare_strings) or as the
 * tokens of a text that the coder already matched (ner_prepare_tokens).
 * A word met before in the document takes its description from the
 * sentence's word cache (ner_word_cache.h) instead.
 */
#ifndef MARSAD_NER_FEATURES_H
#define MARSAD_NER_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"
#include "lexicon.h"
#include "tokenize.h"

/* The features of one word never exceed this. */
#define NER_MAX_FEATURES 96
#define NER_MAX_STEMS 3

/* One word of a sentence, as the feature extractor needs it. */
typedef struct {
    const char *surface;
    uint32_t surface_len;
    uint32_t key_offset, key_len;   /* into the workspace's keys */
    bool ends_in_teh_marbuta;
    uint32_t lexicon_begin;         /* bit k: a lexicon phrase of kind k starts here */
    uint32_t lexicon_inside;        /* bit k: a phrase of kind k goes on here */
    bool described;                 /* its ner_word came whole from the word cache */
} ner_token;

/* The hashes of one word, computed once and shared by the templates that
 * look at it from its neighbours. */
typedef struct {
    uint64_t surface, key, main_stem, proclitics;
    uint64_t stems[NER_MAX_STEMS];
    uint64_t prefix[4], suffix[4];   /* of the key: 1 to 4 letters */
    uint64_t shape;
    uint32_t lexicon_begin, lexicon_inside;
    uint16_t coarse, fine, stem_fine;   /* word classes, 0 when unknown */
    uint16_t stats;                     /* of the key (ner_cluster_slot), 0 when unknown */
    uint8_t memory, stem_memory;        /* bit t: tagged type t lately, bit 5: I- (ner_memory_note) */
    uint8_t future, stem_future;        /* the same of the sentences after (ner_lookahead.h) */
    uint32_t brown;                     /* Brown path of the key, else of the stem (ner_brown_*), 0 when unknown */
    uint32_t brown_classes[4];          /* its distinct prefixes (ner_brown_prefix), brown_class_count of them */
    uint8_t brown_class_count;
    uint8_t stem_count;
} ner_word;

/* Word classes (data/ner_clusters.tsv): words of the same contexts share a
 * class, so a name never seen in training still looks like the names that
 * were.  An open-addressing table keyed by the hash of a word's matching
 * key; classes count from 1, 0 is "unknown".  Stored in the model file. */
typedef struct {
    uint64_t key;              /* ner_string_hash of the key; 0 = empty slot */
    uint16_t coarse, fine;
    uint32_t stats;            /* ner_clusters_load_stats: 0 when unknown */
    uint32_t brown;            /* ner_clusters_load_brown: 0 when unknown */
    uint32_t spare;            /* 0: keeps the slot's size a multiple of 8 in the file */
} ner_cluster_slot;

typedef struct {
    const ner_cluster_slot *slots;
    uint32_t slot_count;       /* a power of two, or 0 for no table */
} ner_clusters;

/* Reads a word<TAB>coarse<TAB>fine table; *owned receives the slots to free. */
bool ner_clusters_load(const char *path, ner_clusters *out, ner_cluster_slot **owned);

/* Adds to the classes' words how they behave in the corpus
 * (data/ner_word_stats.tsv: word, log2 frequency, share with al-, share
 * with a pronoun suffix, levels 0-3): a name seldom takes al- or a suffix.
 * Kept in the model file with the classes; words without a class are
 * skipped. */
bool ner_clusters_load_stats(const char *path, ner_cluster_slot *slots, uint32_t slot_count);
#define NER_STATS_KNOWN 0x100u   /* set in every stats value read */

/* Adds Brown clusters (data/ner_brown.tsv: word, bit string of its path in
 * the merge tree, count; brown_clusters.h) to the table, growing it (a new
 * table replaces *owned) for the words it lacks.  A word's path is kept
 * as NER_BROWN_BITS bits and their number: its prefixes of 4, 6, 10 and 20
 * bits are features, classes from coarse to fine (Ratinov & Roth 2009). */
bool ner_clusters_load_brown(const char *path, ner_clusters *table, ner_cluster_slot **owned);
#define NER_BROWN_BITS 20
#define NER_BROWN_KNOWN 0x80000000u
/* The first k bits of a packed path (all of it when shorter), as a number
 * that differs from every other prefix of every length. */
uint32_t ner_brown_prefix(uint32_t brown, unsigned k);

const ner_cluster_slot *ner_cluster_find(const ner_clusters *c, uint64_t key_hash);

/* What the tagger said of words in the sentences just before: a name
 * spelled out in full once (برند جوتشولك) is often alone later in the same
 * story (جوتشولك), where its own context says less.  For each key (and
 * clitic-stripped stem) the number of the last sentence it was tagged as
 * each type in (and inside a name, I-, which tells a name's first word
 * from the others); a word's memory is the types it had within the last
 * NER_MEMORY_SENTENCES sentences.  A lossy direct-mapped table: a key may
 * push out another that shares its slot, deterministically. */
#define NER_MEMORY_SENTENCES 20
#define NER_MEMORY_SLOTS 8192
typedef struct {
    uint32_t check;       /* high bits of the key hash; 0 = empty */
    uint32_t last[6];     /* sentence number last tagged O, PER, LOC, ORG, MISC, and I- of any */
} ner_memory_slot;

/* The descriptions of the words a document has had (ner_word_cache.h). */
typedef struct {
    struct ner_cached_word *entries;
    uint32_t slot_count;       /* a power of two, or 0 before the first word */
    uint32_t generation;       /* entries of another generation are empty */
    uint32_t kept;             /* words kept since the table last grew */
    const ner_clusters *clusters;             /* the word classes the entries were described with */
    const ner_cluster_slot *cluster_slots;
    uint32_t cluster_slot_count;
} ner_word_cache;

/* Everything a sentence needs on its way through the tagger; reused from
 * sentence to sentence so tagging allocates nothing in the steady state. */
typedef struct {
    const ner_clusters *clusters;   /* set by the caller; NULL for none */
    ner_token *tokens;
    ner_word *words;
    size_t count, cap;
    byte_buffer keys;
    byte_buffer text;        /* CoNLL tokens joined by spaces, for lexicon matching */
    uint32_t *text_offset;   /* where each token starts in text */
    token_list sub_tokens;
    lexicon_matches matches;
    ner_memory_slot *memory;   /* allocated by the first ner_memory_note */
    uint32_t sentence_number;  /* of this sentence, counting notes from 1 */
    ner_word_cache word_cache;
    /* scratch space of the tagger (ner_model_tag) */
    uint32_t *features, *feature_start;
    int32_t *scores;
    uint8_t *work;
    size_t scratch_cap;
} ner_sentence;

/* Fills s from n CoNLL token strings: keys, clitic readings, and (when lex
 * is not NULL) the lexicon phrases found in them. */
void ner_prepare_strings(ner_sentence *s, const lexicon *lex, const char *const *words, const uint32_t *lengths,
                         size_t n);

/* Fills s from tokens[first, first + n) of a tokenised text and the lexicon
 * matches already found in it (may be NULL). */
void ner_prepare_tokens(ner_sentence *s, const char *text, const token_list *tokens, size_t first, size_t n,
                        const lexicon_matches *matches);

void ner_sentence_free(ner_sentence *s);

/* Remembers the tags given to the prepared sentence s (types per
 * ner_tag_type: 0 for O) for the sentences that follow it; the tagger
 * calls it after each sentence, training with the tags of a first pass.
 * Call it before the next ner_prepare_*; ner_memory_forget starts a new
 * document (and empties the word cache). */
void ner_memory_note(ner_sentence *s, const uint8_t *tags);
void ner_memory_forget(ner_sentence *s);
/* The memory bits of key h in s's memory, as ner_word.memory has them. */
uint8_t ner_memory_recall(const ner_sentence *s, uint64_t h);

/* The feature hashes of word i of a prepared sentence; returns how many
 * (at most NER_MAX_FEATURES). */
size_t ner_features(const ner_sentence *s, size_t i, uint32_t *out);

/* The features of ner_features() that come of the word's future bits
 * (ner_lookahead.h), appended to out[0, n); returns the new count.  The
 * only ones a second pass adds. */
size_t ner_lookahead_features(const ner_word *w, uint32_t *out, size_t n);

/* The features of ner_features() that come of the memory and the
 * look-ahead of w and its neighbours (m1, p1: NULL at the sentence's
 * edges), appended to out[0, n); returns the new count.  The only ones
 * that change when a later pass recomputes the memory. */
size_t ner_recall_features(const ner_word *m1, const ner_word *w, const ner_word *p1, uint32_t *out, size_t n);

/* The hash one template gives one value: lets tests name a feature. */
uint32_t ner_feature_hash(unsigned template_id, uint64_t value);
/* The same of a template that joins two values (a word and its neighbour's). */
uint32_t ner_feature_pair_hash(unsigned template_id, uint64_t a, uint64_t b);
uint64_t ner_string_hash(const char *s, size_t len);

/* The templates, for tests and for anyone reading a model's weights. */
enum {
    NER_T_BIAS, NER_T_KEY, NER_T_SURFACE, NER_T_STEM, NER_T_MAIN_STEM, NER_T_PROCLITICS,
    NER_T_PREFIX1, NER_T_PREFIX2, NER_T_PREFIX3, NER_T_SUFFIX1, NER_T_SUFFIX2, NER_T_SUFFIX3,
    NER_T_SHAPE, NER_T_KEY_M2, NER_T_KEY_M1, NER_T_KEY_P1, NER_T_KEY_P2, NER_T_STEM_M1, NER_T_STEM_P1,
    NER_T_BIGRAM_M1, NER_T_BIGRAM_P1, NER_T_BIGRAM_M2M1, NER_T_SHAPE_M1, NER_T_SHAPE_P1,
    NER_T_SUFFIX2_M1, NER_T_SUFFIX2_P1,
    NER_T_LEX_BEGIN, NER_T_LEX_INSIDE, NER_T_LEX_M1, NER_T_LEX_P1,
    NER_T_SHAPE_KEY_P1, NER_T_STEM_KEY_M1,
    NER_T_COARSE, NER_T_FINE, NER_T_STEM_FINE, NER_T_FINE_M1, NER_T_FINE_P1, NER_T_COARSE_M2, NER_T_COARSE_P2,
    NER_T_FINE_BIGRAM_M1, NER_T_FINE_BIGRAM_P1, NER_T_KEY_M1_FINE_P1,
    NER_T_PREFIX4, NER_T_SUFFIX4,
    NER_T_STATS, NER_T_STATS_FREQ, NER_T_STATS_AL, NER_T_STATS_SUFFIX, NER_T_STATS_M1, NER_T_STATS_P1,
    NER_T_MEMORY_TYPE, NER_T_MEMORY, NER_T_STEM_MEMORY, NER_T_MEMORY_M1, NER_T_MEMORY_P1,
    NER_T_FUTURE_TYPE, NER_T_FUTURE, NER_T_STEM_FUTURE, NER_T_FUTURE_MEMORY,
    NER_T_KEY_STATS_P1, NER_T_STATS_M1_KEY, NER_T_KEY_M1_KEY_P1,
    NER_T_BROWN, NER_T_BROWN_M1, NER_T_BROWN_P1,
    NER_TEMPLATE_COUNT
};

/* Lexicon kinds as feature bits: the lexicon_kind values, then the four
 * sector sub-kinds (a title such as الرئيس announces a person). */
#define NER_LEX_SECTOR_BIT(subkind) (LEX_KIND_COUNT + (subkind))

#endif
