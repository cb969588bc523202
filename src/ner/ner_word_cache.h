/*
 * ner_word_cache.h — the descriptions of the words a document has had.
 *
 * News repeats its words: about two tokens in three of a story have come
 * before.  Describing a word (ner_features.h: normalising its key, its
 * clitic readings and stems, its affixes and shape, its word classes and
 * Brown path) depends only on its surface form, its matching key and the
 * model's word classes, so a word met again takes its description from
 * here.  The bits that change from sentence to sentence (memory,
 * look-ahead, lexicon phrases) are not kept; ner_describe sets them.
 *
 * A direct-mapped table keyed by the hash of the surface form; an entry
 * keeps the surface and key bytes and matches only the same bytes, so a
 * description found is the one describing the word afresh would give.  It
 * is emptied when the sentence's word classes change (another model) and
 * by ner_memory_forget (a new document), and grows with the document from
 * a few hundred entries to NER_WORD_CACHE_MAX_SLOTS.
 */
#ifndef MARSAD_NER_WORD_CACHE_H
#define MARSAD_NER_WORD_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ner_features.h"

#define NER_WORD_CACHE_MAX_SLOTS 4096

/* The description kept for the word of the given surface (surface_hash
 * its ner_string_hash) under the word classes clusters, or NULL.  With
 * key NULL the key is the surface's normalize_for_match and the teh
 * marbuta flag its own (ner_prepare_strings); else the entry must have
 * the same key bytes and flag. */
const ner_word *ner_word_cache_find(ner_word_cache *c, const ner_clusters *clusters, uint64_t surface_hash,
                                    const char *surface, size_t surface_len, const char *key, size_t key_len,
                                    bool ends_in_teh_marbuta);

/* Keeps w (described under the word classes of the last find), whose
 * surface and key are given; key_of_surface says the key is the surface's
 * normalize_for_match and the flag its own.  Words too long to keep are
 * skipped. */
void ner_word_cache_keep(ner_word_cache *c, const ner_word *w, const char *surface, size_t surface_len,
                         const char *key, size_t key_len, bool ends_in_teh_marbuta, bool key_of_surface);

/* Empties the cache (keeping its memory). */
void ner_word_cache_forget(ner_word_cache *c);
void ner_word_cache_free(ner_word_cache *c);

#endif
