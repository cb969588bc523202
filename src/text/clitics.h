/*
 * clitics.h — the readings of an Arabic word for dictionary matching.
 *
 * Arabic writes conjunctions, prepositions, the article and object/possessive
 * pronouns as part of the word: وبوساطة = و + ب + وساطة, لحكومتها =
 * ل + حكومة + ها.  A dictionary holds the bare stems, so the matcher tries
 * every way of peeling clitics off a word.  The unsegmented word is always
 * the first reading, so names that merely begin with a clitic letter
 * (باكو، بلينكن، لافروف، والي) are never lost: the matcher prefers the reading
 * that strips the least.
 *
 * Works on matching keys (normalize.h), where ة is already ه.  Readings
 * point into the key instead of copying it: this runs on every word.
 */
#ifndef MARSAD_CLITICS_H
#define MARSAD_CLITICS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CLITIC_MAX_READINGS 24
#define CLITIC_MAX_WORD 96   /* bytes; longer words are only read whole */

typedef struct {
    uint8_t proclitic_count;
    uint8_t proclitic_len[4];    /* bytes of each proclitic, in order */
    uint8_t enclitic_len;        /* bytes of the pronoun suffix, 0 if none */
    bool has_article;            /* one of the proclitics is ال (or لل) */
    bool restored_teh_marbuta;   /* حكومت+ها read as حكومه: the stem's final ت is read as ه */
    uint16_t stem_offset;        /* the stem is key[stem_offset, stem_offset + stem_len) */
    uint16_t stem_len;
} clitic_reading;

/* Fills out[] with the readings of the word key[0,len) and returns how
 * many; out[0] is always the whole word.  final_is_teh_marbuta says the
 * key's last ه was written ة, so it is not a pronoun suffix
 * (tokenize.h: TOKEN_ENDS_IN_TEH_MARBUTA).  Inline, below. */
static inline size_t clitic_readings(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out,
                                     size_t max);

/* Copies the reading's stem, with a restored ة written as ه, into buf
 * (room for CLITIC_MAX_WORD + 1 bytes) and returns its length. */
size_t clitic_stem(const char *key, const clitic_reading *r, char *buf);

/* Writes the reading as "و+ب+وساطه" or "حكومه+ها" into buf; returns buf. */
char *clitic_reading_format(const char *key, size_t len, const clitic_reading *r, char *buf, size_t size);

/* ---- inline implementation: this runs on every word of every article,
 * and a call would cost it a fifth of its time.  What follows is
 * clitics.c's business (how the tables are made is told there); callers
 * use clitic_readings() only. */

/* A reading but for its stem's length, which is the word's length less
 * cut (the proclitics' and the suffix's bytes).  Sixteen bytes, so that
 * finding one is a shift. */
typedef struct {
    clitic_reading reading;
    uint16_t cut;
    uint16_t unused;
} clitic_template;
_Static_assert(sizeof(clitic_template) == 16, "a template is found by a shift");

#define CLITIC_PREFIX_CODES (1u << 13)
#define CLITIC_SUFFIX_CODES (1u << 14)
/* Distinct lists, counted when the tables were written; the build checks. */
#define CLITIC_PREFIX_LISTS 9
#define CLITIC_SUFFIX_LISTS 9
#define CLITIC_LIST_PADDING 4    /* clitic_readings() reads lists four templates at a time */

typedef struct {
    /* the role and the edge class of each two bytes, indexed by the
     * number a 16-bit load of them reads, so that a letter costs two loads
     * and no masking (on a little-endian machine the Arabic letters then
     * touch 64 lines, 4 KiB, of each) */
    uint8_t letter_role[1 << 16], letter_edge[1 << 16];
    uint8_t prefix_list[CLITIC_PREFIX_CODES], suffix_list[CLITIC_SUFFIX_CODES];
    uint16_t first[CLITIC_PREFIX_LISTS * CLITIC_SUFFIX_LISTS];   /* into templates */
    uint8_t count[CLITIC_PREFIX_LISTS * CLITIC_SUFFIX_LISTS];    /* templates of the list, before its padding */
    const clitic_template *templates;
} clitic_tables;

extern clitic_tables clitic_lists;
extern atomic_bool clitic_lists_ready;
void clitic_lists_build(void);    /* once, thread-safe */
bool clitic_stem_has_two_letters(const char *stem, ptrdiff_t len);
size_t clitic_readings_into_short_array(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out,
                                        size_t max);

/* The two bytes at p, whatever they are, as one number. */
static inline unsigned clitic_pair_at(const char *p)
{
    uint16_t pair;
    memcpy(&pair, p, 2);
    return pair;
}

/* Writes the reading of template t into r and returns whether its stem
 * keeps two letters, i.e. whether it counts.  wide copies the template
 * whole, sixteen bytes in one move, its last four over the start of
 * r[1], which the next reading writes again or which lies past the
 * count: only where r[1] is inside the caller's array. */
static inline bool clitic_add_reading(clitic_reading *r, const clitic_template *t, const char *key, size_t len,
                                      bool wide)
{
    size_t stem_len = len - t->cut;
    if (wide)
        memcpy(r, t, sizeof *t);
    else
        *r = t->reading;
    r->stem_len = (uint16_t)stem_len;
    if (__builtin_expect((ptrdiff_t)stem_len >= 4, 1))
        return true;
    return clitic_stem_has_two_letters(key + t->reading.stem_offset, (ptrdiff_t)stem_len);
}

__attribute__((always_inline)) static inline size_t clitic_readings(const char *key, size_t len,
                                                                    bool final_is_teh_marbuta, clitic_reading *out,
                                                                    size_t max)
{
    if (__builtin_expect(max < CLITIC_MAX_READINGS, 0))
        return clitic_readings_into_short_array(key, len, final_is_teh_marbuta, out, max);
    /* The whole word comes first, whatever letters it starts with. */
    memset(&out[0], 0, sizeof out[0]);
    out[0].stem_len = (uint16_t)(len > CLITIC_MAX_WORD ? 0 : len);
    if (len > CLITIC_MAX_WORD || len < 6)     /* under three letters nothing can be peeled */
        return 1;
    if (__builtin_expect(!atomic_load_explicit(&clitic_lists_ready, memory_order_acquire), 0))
        clitic_lists_build();

    /* A fourth letter matters only in eight bytes or more; in fewer the
     * codes say so and the letter read is any inside the word. */
    const clitic_tables *l = &clitic_lists;
    unsigned eight = len >= 8, fourth = 6 * eight;
    unsigned prefix = eight << 12 | (unsigned)l->letter_role[clitic_pair_at(key)] << 9 |
                      (unsigned)l->letter_role[clitic_pair_at(key + 2)] << 6 |
                      (unsigned)l->letter_role[clitic_pair_at(key + 4)] << 3 | l->letter_role[clitic_pair_at(key + fourth)];
    unsigned suffix = (unsigned)final_is_teh_marbuta << 13 | eight << 12 |
                      (unsigned)l->letter_edge[clitic_pair_at(key + len - 2)] << 9 |
                      (unsigned)l->letter_edge[clitic_pair_at(key + len - 4)] << 6 |
                      (unsigned)l->letter_edge[clitic_pair_at(key + len - 6)] << 3 |
                      l->letter_edge[clitic_pair_at(key + len - 2 - fourth)];
    unsigned list = l->prefix_list[prefix] * CLITIC_SUFFIX_LISTS + l->suffix_list[suffix];
    const clitic_template *t = l->templates + l->first[list];
    size_t n = l->count[list];

    /* Every candidate is written; the count moves on past those whose stem
     * keeps two letters.  Nearly every list is short: two or four steps
     * without a branch on its length, which would be mispredicted once a
     * word (lists are padded with templates that always count, masked
     * here, and out[] has room). */
    _Static_assert(CLITIC_LIST_PADDING + 2 < CLITIC_MAX_READINGS, "out[] has room for the wide copies");
    size_t count = 1;
    if (n <= 2) {    /* nine words in ten */
        count += clitic_add_reading(out + count, &t[0], key, len, true) & (n > 0);
        count += clitic_add_reading(out + count, &t[1], key, len, true) & (n > 1);
    } else if (n <= CLITIC_LIST_PADDING) {
        count += clitic_add_reading(out + count, &t[0], key, len, true) & (n > 0);
        count += clitic_add_reading(out + count, &t[1], key, len, true) & (n > 1);
        count += clitic_add_reading(out + count, &t[2], key, len, true) & (n > 2);
        count += clitic_add_reading(out + count, &t[3], key, len, true) & (n > 3);
    } else {
        for (size_t i = 0; i < n; i++)
            count += clitic_add_reading(out + count, &t[i], key, len, false);
    }
    return count;
}

#endif
