/*
 * normalize.h — what each code point is to marsad, and matching keys.
 *
 * Two jobs that share one table built at start-up from utf8proc and
 * data/normalize.tsv:
 *   - char_class_of() tells the tokeniser whether a code point is part of
 *     a word, a number, punctuation or space;
 *   - normalize_for_match() turns a span of the original text into the key
 *     the lexicons are matched on: NFKC, then the folding rules of
 *     data/normalize.tsv (hamza-alef variants, ى/ي, ة/ه, Persian letters,
 *     digits, diacritics, tatweel, invisible marks).
 * The original text is never modified: keys live in their own buffer and
 * every token keeps the byte offsets of its surface form.
 */
#ifndef MARSAD_NORMALIZE_H
#define MARSAD_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"

typedef enum {
    CHAR_SPACE,      /* spaces, tabs, controls, NUL */
    CHAR_NEWLINE,    /* \n \r U+2028 U+2029: also ends a sentence */
    CHAR_LETTER,     /* any script's letters */
    CHAR_MARK,       /* combining marks and tatweel: belong to the word around them */
    CHAR_DIGIT,      /* ASCII, Arabic-Indic and Persian digits */
    CHAR_INVISIBLE,  /* zero-width and bidi controls: ignored */
    CHAR_PUNCT,      /* punctuation, including ، ؛ ؟ « » */
    CHAR_SYMBOL      /* everything else: currency, emoji, math */
} char_class;

/* Builds the tables; called by every entry point, safe from many threads. */
void normalize_init(void);

/* What the tokeniser needs to know of a code point below U+0800 (ASCII,
 * Latin, Greek, Cyrillic, Hebrew, Arabic): one look-up instead of four. */
typedef struct {
    uint8_t char_class;       /* char_class */
    uint8_t fold_len;         /* bytes of the folded form, 0 = dropped */
    char fold[2];             /* the folded form (at most two bytes here) */
    uint8_t word_part;        /* letter, mark or invisible: continues a word */
    uint8_t is_letter;
    uint8_t needs_nfkc;       /* NFKC would change it */
    uint8_t script_flags;     /* TOKEN_HAS_ARABIC or TOKEN_HAS_LATIN (tokenize.h) */
} small_char_info;

/* Valid after normalize_init(). */
extern small_char_info small_chars[0x800];

/* The same facts packed in one word, for the tokeniser's innermost loop:
 * bits 0-7 and 8-15 the folded bytes, 16-17 their count, then flags, and
 * the TOKEN_HAS_* script bits in 24-31. */
enum {
    PACKED_WORD_PART = 1u << 18,
    PACKED_LETTER = 1u << 19,
    PACKED_NEEDS_NFKC = 1u << 20,
    PACKED_TEH_MARBUTA = 1u << 21
};
extern uint32_t small_chars_packed[0x800];

/* Most of an Arabic word is letters that the key keeps byte for byte:
 * two-byte letters of U+0600..U+06FF that no fold rule and no NFKC
 * changes (not ة, أ, ى, diacritics or tatweel).  The tokeniser copies runs
 * of them with two look-ups a letter and no decoding: the lead byte picks
 * a row (row 0, all zero, for any byte but D8..DB), the second byte the
 * entry, so continuation checks come free. */
extern uint16_t plain_arabic_row[256];
extern uint8_t plain_arabic_letter[5 * 256];

static inline bool is_plain_arabic_letter(const unsigned char *s)
{
    return plain_arabic_letter[(size_t)plain_arabic_row[s[0]] | s[1]];
}

/* Appends the NFKC + fold of text[0,len) to key, for words that hold a
 * code point outside the fast path; returns the bytes appended. */
size_t normalize_slowly(const char *text, size_t len, byte_buffer *key);

/* True when NFKC leaves the code point alone (any plane). */
bool nfkc_stable_codepoint(uint32_t cp);

char_class char_class_of(uint32_t cp);

/* Value 0..9 of a digit of class CHAR_DIGIT, else -1.  Inline: the
 * number reader asks it of every code point it looks at. */
static inline int digit_value(uint32_t cp)
{
    if (cp - '0' <= 9)
        return (int)(cp - '0');
    if (cp - 0x0660 <= 9)
        return (int)(cp - 0x0660);
    if (cp - 0x06F0 <= 9)
        return (int)(cp - 0x06F0);
    return -1;
}

/* Appends the matching key of text[0,len) to key and returns the number of
 * bytes appended.  Invalid UTF-8 contributes U+FFFD. */
size_t normalize_for_match(const char *text, size_t len, byte_buffer *key);

/* When key[0,len) is a spelling variant listed in data/spelling_variants.tsv
 * (ناغورني → ناغورنو), returns its canonical key and sets *canonical_len;
 * otherwise returns NULL.  Applied to word keys by the tokeniser and to
 * stems by the matcher. */
const char *canonical_spelling(const char *key, size_t len, size_t *canonical_len);

/* A one-hash Bloom filter over (length, second byte, a byte from the
 * middle, last byte) of the variant keys, filled by the first
 * canonical_spelling() call: it rules out almost every word before any
 * hashing, inline in the tokeniser.  Odd bytes are the ones that tell
 * Arabic letters apart (the even ones are mostly D8 or D9), and the middle
 * one tells الأميركية from the many other words of its length that begin
 * with ا and end with ه. */
#define SPELLING_VARIANT_FILTER_BITS 4096
/* a byte a bit: testing one is a load, not a shift and a mask */
extern uint8_t spelling_variant_filter[SPELLING_VARIANT_FILTER_BITS];

/* The four, shifted apart and xor-ed: as selective on ANT's words as a
 * multiplicative hash (about one in a hundred passes), in half the
 * instructions, for it runs on every word. */
static inline uint32_t spelling_variant_filter_slot(const char *s, size_t len)
{
    uint32_t h = (uint32_t)len << 8 ^ (uint32_t)(unsigned char)s[1] << 1 ^
                 (uint32_t)(unsigned char)s[(len / 2) | 1] << 3 ^ (unsigned char)s[len - 1];
    return h & (SPELLING_VARIANT_FILTER_BITS - 1);
}

/* Builds the variant table and its filter (once; thread-safe). */
void canonical_spelling_init(void);

/* False when key is surely not a variant; valid once canonical_spelling
 * has run once (normalize_init sees to that). */
static inline bool may_be_spelling_variant(const char *key, size_t len)
{
    if (len < 2)
        return false;
    return spelling_variant_filter[spelling_variant_filter_slot(key, len)];
}

/* The fold of one code point after NFKC: writes up to 4 bytes into out and
 * returns how many (0 when the rule drops it).  rule, when not NULL,
 * receives the name of the rule applied or NULL. */
size_t fold_codepoint(uint32_t cp, char *out, const char **rule);

/* Number of folding rules loaded from data/normalize.tsv, and the name of
 * rule i: lets tests check every rule of the table is exercised. */
size_t fold_rule_count(void);
const char *fold_rule_name(size_t i);

#endif
