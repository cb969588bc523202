/*
 * lexicon_format.h — the on-disk layout of a compiled lexicon, shared by
 * the compiler and the loader.  All offsets are from the start of the
 * file, so the file is used as mapped, without parsing.
 */
#ifndef MARSAD_LEXICON_FORMAT_H
#define MARSAD_LEXICON_FORMAT_H

#include <stdint.h>

#include "lexicon.h"

#define LEXICON_MAGIC "MARSADLX"
#define LEXICON_VERSION 5u

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t slot_count;          /* a power of two */
    uint32_t entry_count, person_count, role_count, reserved;
    uint64_t slots_offset, entries_offset, persons_offset, roles_offset, strings_offset, strings_size;
    uint64_t filter_offset;       /* LEXICON_FILTER_BITS bits, see lexicon_filter_bit */
} lexicon_header;

/* A one-hash Bloom filter over every key in the table (phrases and their
 * prefixes), by length and end bytes: most readings the matcher tries are
 * in no dictionary, and this rules them out before any hashing. */
#define LEXICON_FILTER_BITS (1u << 20)

static inline uint32_t lexicon_filter_bit(const char *key, size_t len)
{
    /* Arabic letters are two bytes whose first byte says little: sample
     * the second bytes of the first, second, middle and last letters. */
    const unsigned char *k = (const unsigned char *)key;
    uint32_t a = k[len > 1 ? 1 : 0], b = k[len > 3 ? 3 : 0], c = k[((len / 2) | 1) % len],
             d = k[len - 1];
    uint32_t h = (uint32_t)len * 2654435761u;
    h ^= (a << 24 | b << 16 | c << 8 | d) * 2246822519u;
    h ^= h >> 15;
    h *= 3266489917u;
    h ^= h >> 13;
    return h & (LEXICON_FILTER_BITS - 1);
}

enum { SLOT_IS_PREFIX = 1 };      /* some longer phrase starts with this key */

typedef struct {
    uint64_t hash;                /* 0 marks an empty slot */
    uint32_t key_offset, key_len; /* the phrase key in the string pool */
    uint32_t first_entry;
    uint16_t entry_count;
    uint16_t flags;
} lexicon_slot;

typedef struct {
    uint32_t first_role, role_count;
    uint32_t slug;                /* the person's id in data/people_*.tsv */
    uint32_t reserved;
} lexicon_person;

/* FNV-1a, 64 bits; never 0, which marks empty slots. */
static inline uint64_t lexicon_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

#endif
