/*
 * normalize.c — see normalize.h.
 *
 * Speed matters here (the text core must run at hundreds of MB/s), so the
 * common case — ASCII and the Arabic block — is a table look-up per code
 * point.  Only a word holding a code point that NFKC would change (Arabic
 * presentation forms, ligatures, compatibility characters) takes the slow
 * path through utf8proc_map.
 */
#include "normalize.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tokenize.h"
#include "utf8.h"

#define FOLD_DROP 0xFFFFFFFFu

typedef struct {
    uint32_t from_first, from_last;
    uint32_t to_first;          /* FOLD_DROP to delete */
    const char *rule;
} fold_rule;

static const char *const spelling_variant_rows[][2] = {
#include "spelling_variants.h"
};
#define VARIANT_COUNT (sizeof spelling_variant_rows / sizeof spelling_variant_rows[0])

static const fold_rule fold_rules[] = {
#include "fold_rules.h"
};
#define FOLD_RULE_COUNT (sizeof fold_rules / sizeof fold_rules[0])

#define BMP 0x10000
#define NO_RULE 0xFF

static uint8_t class_table[BMP];
static uint8_t rule_table[BMP];          /* index into fold_rules or NO_RULE */
static uint8_t nfkc_stable[BMP / 8];     /* bit set: NFKC leaves it alone */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
small_char_info small_chars[0x800];
uint32_t small_chars_packed[0x800];
uint16_t plain_arabic_row[256];
uint8_t plain_arabic_letter[5 * 256];

static bool is_nfkc_stable(uint32_t cp)
{
    return cp < BMP && (nfkc_stable[cp >> 3] & (1u << (cp & 7)));
}

static char_class class_from_category(uint32_t cp)
{
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return CHAR_NEWLINE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return CHAR_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return CHAR_MARK;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return CHAR_LETTER;          /* digits of other scripts read as word material */
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
        return CHAR_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return CHAR_NEWLINE;
    case UTF8PROC_CATEGORY_CF:
        return CHAR_INVISIBLE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return CHAR_PUNCT;
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
        return CHAR_SYMBOL;
    default:
        return CHAR_SYMBOL;
    }
}

size_t fold_codepoint(uint32_t cp, char *out, const char **rule);

/* True when NFKC maps the code point, standing alone, to itself and it
 * cannot combine with what precedes it (combining class 0).  Precomposed
 * letters such as أ decompose canonically but NFKC composes them back, so
 * they stay on the fast path. */
static bool nfkc_leaves_alone(uint32_t cp)
{
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return false;
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7A3))
        return false;     /* Hangul jamo and syllables compose with each other */
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    if (p->combining_class != 0)
        return false;
    if (p->decomp_seqindex == UINT16_MAX)
        return true;
    utf8proc_uint8_t in[4];
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t m = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    bool same = m == n && memcmp(in, out, (size_t)n) == 0;
    free(out);
    return same;
}

static void build_tables(void)
{
    for (uint32_t cp = 0; cp < BMP; cp++) {
        char_class c = class_from_category(cp);
        if ((cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
            c = CHAR_DIGIT;
        class_table[cp] = (uint8_t)c;
        rule_table[cp] = NO_RULE;

        if (nfkc_leaves_alone(cp))
            nfkc_stable[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
    /* Tatweel is a letter to Unicode but a stretch mark to a reader. */
    class_table[0x0640] = CHAR_MARK;
    for (size_t i = 0; i < FOLD_RULE_COUNT; i++) {
        for (uint32_t cp = fold_rules[i].from_first; cp <= fold_rules[i].from_last && cp < BMP; cp++) {
            rule_table[cp] = (uint8_t)i;
            /* A code point our own rules drop needs no NFKC pass: the
             * diacritics would be removed either way. */
            if (fold_rules[i].to_first == FOLD_DROP)
                nfkc_stable[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        }
    }
    /* Combining hamza and madda must compose with the alef before them
     * (ا + ٔ = أ): they need the NFKC pass even though we drop leftovers. */
    for (uint32_t cp = 0x0653; cp <= 0x0655; cp++)
        nfkc_stable[cp >> 3] &= (uint8_t)~(1u << (cp & 7));

    for (uint32_t cp = 0; cp < 0x800; cp++) {
        small_char_info *info = &small_chars[cp];
        info->char_class = class_table[cp];
        char folded[4];
        size_t n = fold_codepoint(cp, folded, NULL);
        info->fold_len = (uint8_t)n;
        memcpy(info->fold, folded, n > 2 ? 2 : n);
        char_class c = (char_class)class_table[cp];
        info->word_part = c == CHAR_LETTER || c == CHAR_MARK || c == CHAR_INVISIBLE;
        info->is_letter = c == CHAR_LETTER;
        info->needs_nfkc = !is_nfkc_stable(cp);
        if (c == CHAR_LETTER && cp >= 0x0600 && cp <= 0x06FF)
            info->script_flags = TOKEN_HAS_ARABIC;
        else if (c == CHAR_LETTER && cp < 0x250)
            info->script_flags = TOKEN_HAS_LATIN;
        small_chars_packed[cp] = (uint32_t)(unsigned char)info->fold[0] | (uint32_t)(unsigned char)info->fold[1] << 8 |
                                 (uint32_t)(info->fold_len & 3) << 16 | (info->word_part ? PACKED_WORD_PART : 0) |
                                 (info->is_letter ? PACKED_LETTER : 0) | (info->needs_nfkc ? PACKED_NEEDS_NFKC : 0) |
                                 (cp == 0x0629 ? PACKED_TEH_MARBUTA : 0) | (uint32_t)info->script_flags << 24;
        char utf8[4];
        bool kept = n == utf8_encode(cp, utf8) && memcmp(folded, utf8, n) == 0;
        if (cp >= 0x0600 && cp <= 0x06FF && info->is_letter && kept && !info->needs_nfkc && cp != 0x0629)
            plain_arabic_letter[(unsigned)((unsigned char)utf8[0] - 0xD8 + 1) << 8 | (unsigned char)utf8[1]] = 1;
    }
    for (unsigned lead = 0xD8; lead <= 0xDB; lead++)
        plain_arabic_row[lead] = (uint16_t)((lead - 0xD8 + 1) << 8);
}

bool nfkc_stable_codepoint(uint32_t cp)
{
    normalize_init();
    return cp < BMP ? is_nfkc_stable(cp) : nfkc_leaves_alone(cp);
}

void normalize_init(void)
{
    pthread_once(&tables_once, build_tables);
}

char_class char_class_of(uint32_t cp)
{
    if (cp < BMP)
        return (char_class)class_table[cp];
    return class_from_category(cp);
}

size_t fold_codepoint(uint32_t cp, char *out, const char **rule)
{
    if (rule)
        *rule = NULL;
    if (cp < BMP && rule_table[cp] != NO_RULE) {
        const fold_rule *r = &fold_rules[rule_table[cp]];
        if (rule)
            *rule = r->rule;
        if (r->to_first == FOLD_DROP)
            return 0;
        return utf8_encode(r->to_first + (cp - r->from_first), out);
    }
    return utf8_encode(cp, out);
}

size_t fold_rule_count(void)
{
    return FOLD_RULE_COUNT;
}

const char *fold_rule_name(size_t i)
{
    return i < FOLD_RULE_COUNT ? fold_rules[i].rule : NULL;
}

/* The rare path: run NFKC over the word, then fold what comes out. */
size_t normalize_slowly(const char *text, size_t len, byte_buffer *key)
{
    size_t start = key->len;
    char *clean = xmalloc(3 * len + 1);
    size_t clean_len = utf8_repair(text, len, clean);
    utf8proc_uint8_t *nfkc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)clean, (utf8proc_ssize_t)clean_len, &nfkc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    const char *src = n >= 0 ? (const char *)nfkc : clean;
    size_t src_len = n >= 0 ? (size_t)n : clean_len;
    size_t pos = 0;
    while (pos < src_len) {
        uint32_t cp = utf8_next(src, src_len, &pos, NULL);
        char folded[4];
        size_t k = fold_codepoint(cp, folded, NULL);
        /* NFKC can turn one presentation form into several words
         * (ﷺ): spaces inside a key would break matching, so drop them. */
        if (k == 1 && folded[0] == ' ')
            continue;
        buffer_append(key, folded, k);
    }
    free(nfkc);
    free(clean);
    return key->len - start;
}

size_t normalize_for_match(const char *text, size_t len, byte_buffer *key)
{
    normalize_init();
    size_t start = key->len;
    buffer_reserve(key, len);
    size_t pos = 0;
    while (pos < len) {
        unsigned char c = (unsigned char)text[pos];
        if (c < 0x80) {
            pos++;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + ('a' - 'A'));
            buffer_reserve(key, 1);
            key->data[key->len++] = (char)c;
            continue;
        }
        uint32_t cp = utf8_next(text, len, &pos, NULL);
        if (!is_nfkc_stable(cp)) {
            buffer_truncate(key, start);
            return normalize_slowly(text, len, key);
        }
        buffer_reserve(key, 4);
        key->len += fold_codepoint(cp, key->data + key->len, NULL);
    }
    key->data[key->len] = '\0';
    return key->len - start;
}

/* ---- spelling variants: a small open-addressing hash of keys */

typedef struct {
    char *variant, *canonical;
    size_t variant_len, canonical_len;
} variant_entry;

#define VARIANT_SLOTS 256   /* power of two, at least twice the table */
static variant_entry variant_table[VARIANT_SLOTS];
uint8_t spelling_variant_filter[SPELLING_VARIANT_FILTER_BITS];

static pthread_once_t variants_once = PTHREAD_ONCE_INIT;
static atomic_bool variants_ready;

static uint32_t hash_key(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void build_variants(void)
{
    _Static_assert(VARIANT_COUNT * 2 <= VARIANT_SLOTS, "grow VARIANT_SLOTS");
    for (size_t i = 0; i < VARIANT_COUNT; i++) {
        byte_buffer variant = {0}, canonical = {0};
        normalize_for_match(spelling_variant_rows[i][0], strlen(spelling_variant_rows[i][0]), &variant);
        normalize_for_match(spelling_variant_rows[i][1], strlen(spelling_variant_rows[i][1]), &canonical);
        if (!variant.data || !canonical.data || strcmp(variant.data, canonical.data) == 0) {
            buffer_free(&variant);
            buffer_free(&canonical);
            continue;
        }
        uint32_t slot = hash_key(variant.data, variant.len) & (VARIANT_SLOTS - 1);
        while (variant_table[slot].variant)
            slot = (slot + 1) & (VARIANT_SLOTS - 1);
        /* Kept for the life of the process, reachable from the table. */
        variant_table[slot] = (variant_entry){variant.data, canonical.data, variant.len, canonical.len};
        if (variant.len >= 2) {
            spelling_variant_filter[spelling_variant_filter_slot(variant.data, variant.len)] = 1;
        }
    }
}

void canonical_spelling_init(void)
{
    if (!atomic_load_explicit(&variants_ready, memory_order_acquire)) {
        pthread_once(&variants_once, build_variants);
        atomic_store_explicit(&variants_ready, true, memory_order_release);
    }
}

const char *canonical_spelling(const char *key, size_t len, size_t *canonical_len)
{
    canonical_spelling_init();
    if (!may_be_spelling_variant(key, len))
        return NULL;
    uint32_t slot = hash_key(key, len) & (VARIANT_SLOTS - 1);
    while (variant_table[slot].variant) {
        const variant_entry *e = &variant_table[slot];
        if (e->variant_len == len && memcmp(e->variant, key, len) == 0) {
            *canonical_len = e->canonical_len;
            return e->canonical;
        }
        slot = (slot + 1) & (VARIANT_SLOTS - 1);
    }
    return NULL;
}
