/*
 * clitics.c — see clitics.h.
 *
 * The clitic inventory is small and closed, so it is written out here as
 * tables rather than read from data/: it is grammar, not vocabulary.
 * A reading must leave a stem of at least two letters, and the article
 * is not combined with a pronoun suffix (الكتابه is not ال+كتاب+ه).
 * Every clitic letter is a two-byte UTF-8 sequence, which keeps the
 * comparisons short.
 */
#include "clitics.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *bytes;
    uint8_t len;
} clitic;

#define CLITIC(s) {s, sizeof(s) - 1}

/* Proclitics in the order Arabic stacks them: conjunction, then
 * preposition or future particle, then the article. */
static const clitic conjunctions[] = {CLITIC("و"), CLITIC("ف")};
static const clitic prepositions[] = {CLITIC("ب"), CLITIC("ل"), CLITIC("ك")};
static const clitic future_particle = CLITIC("س");   /* only before a verb: never with the article */
static const clitic article = CLITIC("ال");
static const clitic lam_article = CLITIC("لل");      /* ل + ال is written لل */
/* Longest first, so "هما" is tried before "ها" and "ه". */
static const clitic enclitics[] = {
    CLITIC("هما"), CLITIC("كما"), CLITIC("ها"), CLITIC("هم"), CLITIC("هن"), CLITIC("كم"),
    CLITIC("كن"), CLITIC("نا"), CLITIC("ني"), CLITIC("ه"), CLITIC("ي"), CLITIC("ك"),
};
static const clitic heh = CLITIC("ه");
static const clitic teh = CLITIC("ت");

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MIN_STEM_LETTERS 2

/* Clitics are made of two-byte letters (ال is two of them), so compare
 * sixteen bits at a time. */
static inline uint16_t letter_at(const char *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

static inline bool same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i + 1 < n; i += 2)
        if (letter_at(a + i) != letter_at(b + i))
            return false;
    return true;
}

static inline bool starts_with(const char *s, size_t len, const clitic *c)
{
    return c->len <= len && same_bytes(s, c->bytes, c->len);
}

static inline bool ends_with(const char *s, size_t len, const clitic *c)
{
    return c->len <= len && same_bytes(s + len - c->len, c->bytes, c->len);
}

static size_t letters_in(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

typedef struct {
    uint8_t len;          /* bytes of the suffix */
    bool stem_ends_in_teh;
} suffix_match;

typedef struct {
    const char *key;
    clitic_reading *out;
    size_t count, max;
    clitic_reading prefix;      /* the proclitics peeled on the current path */
    suffix_match suffixes[4];   /* pronoun suffixes the word ends with: found once per word */
    size_t suffix_count;
} reading_set;

/* At least MIN_STEM_LETTERS code points; four bytes always hold two. */
static inline bool long_enough(const char *stem, size_t len)
{
    return len >= 4 || letters_in(stem, len) >= MIN_STEM_LETTERS;
}

static void add_reading(reading_set *set, size_t stem_offset, size_t stem_len, size_t enclitic_len, bool restore)
{
    if (set->count >= set->max || !long_enough(set->key + stem_offset, stem_len))
        return;
    for (size_t i = 0; i < set->count; i++) {
        const clitic_reading *r = &set->out[i];
        if (r->stem_offset == stem_offset && r->stem_len == stem_len && r->restored_teh_marbuta == restore)
            return;
    }
    clitic_reading *r = &set->out[set->count++];
    *r = set->prefix;
    r->enclitic_len = (uint8_t)enclitic_len;
    r->restored_teh_marbuta = restore;
    r->stem_offset = (uint16_t)stem_offset;
    r->stem_len = (uint16_t)stem_len;
}

/* The stem starts at offset: add it bare and with each pronoun suffix. */
static void add_with_enclitics(reading_set *set, size_t offset, size_t len)
{
    add_reading(set, offset, len - offset, 0, false);
    if (set->prefix.has_article)
        return;
    for (size_t i = 0; i < set->suffix_count; i++) {
        const suffix_match *m = &set->suffixes[i];
        if (m->len + offset >= len)
            continue;
        size_t stem_len = len - offset - m->len;
        add_reading(set, offset, stem_len, m->len, false);
        /* حكومتها: the ة of حكومة is written ت before a suffix. */
        if (m->stem_ends_in_teh)
            add_reading(set, offset, stem_len, m->len, true);
    }
}

/* Which pronoun suffixes the word ends with. */
static void find_suffixes(reading_set *set, const char *key, size_t len, bool final_is_teh_marbuta)
{
    /* Every pronoun suffix ends in one of ه ا م ن ي ك: most words end otherwise. */
    static const clitic finals[] = {CLITIC("ه"), CLITIC("ا"), CLITIC("م"), CLITIC("ن"), CLITIC("ي"), CLITIC("ك")};
    uint16_t last = letter_at(key + len - 2);
    bool possible = false;
    for (size_t i = 0; i < COUNT(finals); i++)
        possible |= last == letter_at(finals[i].bytes);
    if (!possible || (final_is_teh_marbuta && last == letter_at(heh.bytes)))
        return;
    for (size_t i = 0; i < COUNT(enclitics) && set->suffix_count < COUNT(set->suffixes); i++) {
        const clitic *e = &enclitics[i];
        if (!ends_with(key, len, e))
            continue;
        if (final_is_teh_marbuta && ends_with(e->bytes, e->len, &heh))
            continue;
        suffix_match *m = &set->suffixes[set->suffix_count++];
        m->len = e->len;
        m->stem_ends_in_teh = ends_with(key, len - e->len, &teh);
    }
}

static void push(reading_set *set, const clitic *c, bool is_article)
{
    set->prefix.proclitic_len[set->prefix.proclitic_count++] = c->len;
    set->prefix.has_article = set->prefix.has_article || is_article;
}

static void pop(reading_set *set, bool was_article)
{
    set->prefix.proclitic_count--;
    if (was_article)
        set->prefix.has_article = false;
}

/* After the conjunction (if any): preposition, future particle, article. */
static void peel(reading_set *set, const clitic *c, bool is_article, size_t offset, size_t len)
{
    push(set, c, is_article);
    add_with_enclitics(set, offset + c->len, len);
    pop(set, is_article);
}

/* After the conjunction (if any): preposition, future particle, article.
 * One look at the first letter decides which can apply. */
static void after_conjunction(reading_set *set, size_t offset, size_t len)
{
    const char *rest = set->key + offset;
    size_t rest_len = len - offset;
    add_with_enclitics(set, offset, len);
    if (rest_len < 6)
        return;
    uint16_t first = letter_at(rest);
    if (first == letter_at(article.bytes)) {              /* ا */
        if (starts_with(rest, rest_len, &article))
            peel(set, &article, true, offset, len);
        return;
    }
    if (first == letter_at(future_particle.bytes)) {      /* س */
        peel(set, &future_particle, false, offset, len);
        return;
    }
    for (size_t i = 0; i < COUNT(prepositions); i++) {   /* ب ل ك */
        const clitic *p = &prepositions[i];
        if (first != letter_at(p->bytes))
            continue;
        if (starts_with(rest, rest_len, &lam_article))
            peel(set, &lam_article, true, offset, len);
        push(set, p, false);
        add_with_enclitics(set, offset + p->len, len);
        if (starts_with(rest + p->len, rest_len - p->len, &article))
            peel(set, &article, true, offset + p->len, len);
        pop(set, false);
        return;
    }
}

size_t clitic_readings(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out, size_t max)
{
    if (max == 0)
        return 0;
    reading_set set;
    memset(&set, 0, sizeof set);
    set.key = key;
    set.out = out;
    set.max = max;
    /* The whole word comes first, whatever letters it starts with. */
    memset(&out[0], 0, sizeof out[0]);
    out[0].stem_len = (uint16_t)(len > CLITIC_MAX_WORD ? 0 : len);
    set.count = 1;
    if (len > CLITIC_MAX_WORD || len < 6)     /* under three letters nothing can be peeled */
        return 1;
    find_suffixes(&set, key, len, final_is_teh_marbuta);
    after_conjunction(&set, 0, len);
    for (size_t i = 0; i < COUNT(conjunctions); i++) {
        if (!starts_with(key, len, &conjunctions[i]))
            continue;
        push(&set, &conjunctions[i], false);
        after_conjunction(&set, conjunctions[i].len, len);
        pop(&set, false);
    }
    return set.count;
}

size_t clitic_stem(const char *key, const clitic_reading *r, char *buf)
{
    size_t n = r->stem_len;
    memcpy(buf, key + r->stem_offset, n);
    if (r->restored_teh_marbuta)
        memcpy(buf + n - teh.len, heh.bytes, heh.len);
    buf[n] = '\0';
    return n;
}

char *clitic_reading_format(const char *key, size_t len, const clitic_reading *r, char *buf, size_t size)
{
    char stem[CLITIC_MAX_WORD + 1];
    size_t used = 0, pos = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->proclitic_count && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%.*s+", (int)r->proclitic_len[i], key + pos);
        pos += r->proclitic_len[i];
        if (n > 0)
            used += (size_t)n;
    }
    size_t stem_len = clitic_stem(key, r, stem);
    if (used < size) {
        int n = snprintf(buf + used, size - used, "%.*s", (int)stem_len, stem);
        if (n > 0)
            used += (size_t)n;
    }
    if (r->enclitic_len && used < size)
        snprintf(buf + used, size - used, "+%.*s", (int)r->enclitic_len, key + len - r->enclitic_len);
    return buf;
}
