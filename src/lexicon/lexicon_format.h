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
#define LEXICON_VERSION 3u

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t slot_count;          /* a power of two */
    uint32_t entry_count, person_count, role_count, reserved;
    uint64_t slots_offset, entries_offset, persons_offset, roles_offset, strings_offset, strings_size;
} lexicon_header;

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
