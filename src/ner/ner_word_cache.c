/*
 * ner_word_cache.c — see ner_word_cache.h.
 */
#include "ner_word_cache.h"

#include <stdlib.h>
#include <string.h>

#include "buffer.h"

/* Longer words (a few in ten thousand) are described every time. */
#define CACHED_BYTES 30
#define FIRST_SLOTS 256

enum { KEY_OF_SURFACE = 1, ENDS_IN_TEH_MARBUTA = 2 };

struct ner_cached_word {
    ner_word word;
    uint32_t generation;   /* the cache's when kept; 0 never is */
    uint8_t surface_len, key_len, flags;
    char surface[CACHED_BYTES], key[CACHED_BYTES];
};

static uint32_t slot_of(uint64_t surface_hash, uint32_t slot_count)
{
    /* the low bits of the hash pick class table slots; these are others */
    return (uint32_t)(surface_hash >> 32) & (slot_count - 1);
}

const ner_word *ner_word_cache_find(ner_word_cache *c, const ner_clusters *clusters, uint64_t surface_hash,
                                    const char *surface, size_t surface_len, const char *key, size_t key_len,
                                    bool ends_in_teh_marbuta)
{
    /* a description names the word classes of one model: another model's
     * (or the same pointer to other classes) empties the cache */
    const ner_cluster_slot *slots = clusters ? clusters->slots : NULL;
    uint32_t slot_count = clusters ? clusters->slot_count : 0;
    if (clusters != c->clusters || slots != c->cluster_slots || slot_count != c->cluster_slot_count) {
        ner_word_cache_forget(c);
        c->clusters = clusters;
        c->cluster_slots = slots;
        c->cluster_slot_count = slot_count;
        return NULL;
    }
    if (!c->slot_count || surface_len > CACHED_BYTES)
        return NULL;
    const struct ner_cached_word *e = &c->entries[slot_of(surface_hash, c->slot_count)];
    if (e->generation != c->generation || e->surface_len != surface_len || e->word.surface != surface_hash ||
        memcmp(e->surface, surface, surface_len) != 0)
        return NULL;
    if (!key)
        return e->flags & KEY_OF_SURFACE ? &e->word : NULL;
    if (e->key_len != key_len || ((e->flags & ENDS_IN_TEH_MARBUTA) != 0) != ends_in_teh_marbuta ||
        memcmp(e->key, key, key_len) != 0)
        return NULL;
    return &e->word;
}

/* Doubles the table, moving the entries of this generation. */
static void grow(ner_word_cache *c)
{
    uint32_t slot_count = c->slot_count ? 2 * c->slot_count : FIRST_SLOTS;
    struct ner_cached_word *entries = xcalloc(slot_count, sizeof *entries);
    for (uint32_t i = 0; i < c->slot_count; i++) {
        const struct ner_cached_word *e = &c->entries[i];
        if (e->generation == c->generation)
            entries[slot_of(e->word.surface, slot_count)] = *e;
    }
    free(c->entries);
    c->entries = entries;
    c->slot_count = slot_count;
    c->kept = 0;
}

void ner_word_cache_keep(ner_word_cache *c, const ner_word *w, const char *surface, size_t surface_len,
                         const char *key, size_t key_len, bool ends_in_teh_marbuta, bool key_of_surface)
{
    if (surface_len == 0 || surface_len > CACHED_BYTES || key_len > CACHED_BYTES)
        return;
    if (c->generation == 0)
        c->generation = 1;
    /* as many new words as slots: a longer document, a larger table */
    if (c->slot_count < NER_WORD_CACHE_MAX_SLOTS && c->kept >= c->slot_count)
        grow(c);
    c->kept++;
    struct ner_cached_word *e = &c->entries[slot_of(w->surface, c->slot_count)];
    e->word = *w;
    e->generation = c->generation;
    e->surface_len = (uint8_t)surface_len;
    e->key_len = (uint8_t)key_len;
    e->flags = (uint8_t)((key_of_surface ? KEY_OF_SURFACE : 0) | (ends_in_teh_marbuta ? ENDS_IN_TEH_MARBUTA : 0));
    memcpy(e->surface, surface, surface_len);
    memcpy(e->key, key, key_len);
}

void ner_word_cache_forget(ner_word_cache *c)
{
    if (++c->generation == 0) {   /* after 2^32 documents: the entries' generations could come round */
        if (c->entries)
            memset(c->entries, 0, c->slot_count * sizeof *c->entries);
        c->generation = 1;
    }
}

void ner_word_cache_free(ner_word_cache *c)
{
    free(c->entries);
    memset(c, 0, sizeof *c);
}
