/*
 * clitics.c — see clitics.h.
 *
 * The clitic inventory is small and closed, so it is written out here as
 * tables rather than read from data/: it is grammar, not vocabulary.
 * A reading must leave a stem of at least two letters, and the article
 * is not combined with a pronoun suffix (الكتابه is not ال+كتاب+ه).
 */
#include "clitics.h"

#include <stdio.h>
#include <string.h>

/* Proclitics in the order Arabic stacks them: conjunction, then
 * preposition or future particle, then the article. */
static const char *const conjunctions[] = {"و", "ف"};
static const char *const prepositions[] = {"ب", "ل", "ك", "س"};
static const char *const article = "ال";
/* ل + ال is written لل (للحكومه): the ل of the preposition absorbs the alef. */
static const char *const lam_article = "لل";

/* Longest first, so "هما" is tried before "ها" and "ه". */
static const char *const enclitics[] = {"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ي", "ك"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MIN_STEM_LETTERS 2
#define TEH "\xd8\xaa"      /* ت */
#define HEH "\xd9\x87"      /* ه */

static size_t letters_in(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static bool starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return n <= len && memcmp(s, prefix, n) == 0;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return n <= len && memcmp(s + len - n, suffix, n) == 0;
}

typedef struct {
    clitic_reading *out;
    size_t count, max;
    bool final_is_teh_marbuta;
} reading_set;

static bool already_have(const reading_set *set, const char *stem, size_t stem_len)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->out[i].stem_len == stem_len && memcmp(set->out[i].stem, stem, stem_len) == 0)
            return true;
    return false;
}

static void add_reading(reading_set *set, const clitic_reading *prefix_part, const char *stem, size_t stem_len,
                        size_t enclitic_len, bool restore_teh)
{
    if (set->count >= set->max)
        return;
    size_t full_len = stem_len + (restore_teh ? strlen(HEH) - strlen(TEH) : 0);
    if (full_len > CLITIC_MAX_STEM || letters_in(stem, stem_len) < MIN_STEM_LETTERS)
        return;
    char candidate[CLITIC_MAX_STEM + 4];
    memcpy(candidate, stem, stem_len);
    if (restore_teh)
        memcpy(candidate + stem_len - strlen(TEH), HEH, strlen(HEH));
    if (set->count > 0 && already_have(set, candidate, full_len))
        return;
    clitic_reading *r = &set->out[set->count++];
    *r = *prefix_part;
    r->enclitic_len = (uint8_t)enclitic_len;
    r->restored_teh_marbuta = restore_teh;
    r->stem_len = (uint8_t)full_len;
    memcpy(r->stem, candidate, full_len);
    r->stem[full_len] = '\0';
}

/* Given the proclitics peeled so far, add the reading without a suffix and
 * those with each pronoun suffix. */
static void add_with_enclitics(reading_set *set, const clitic_reading *prefix_part, const char *rest, size_t rest_len)
{
    add_reading(set, prefix_part, rest, rest_len, 0, false);
    if (prefix_part->has_article)
        return;
    for (size_t i = 0; i < COUNT(enclitics); i++) {
        if (!ends_with(rest, rest_len, enclitics[i]))
            continue;
        if (set->final_is_teh_marbuta && ends_with(enclitics[i], strlen(enclitics[i]), HEH))
            continue;
        size_t n = strlen(enclitics[i]);
        size_t stem_len = rest_len - n;
        add_reading(set, prefix_part, rest, stem_len, n, false);
        /* حكومتها: the ة of حكومة is written ت before a suffix. */
        if (ends_with(rest, stem_len, TEH))
            add_reading(set, prefix_part, rest, stem_len, n, true);
    }
}

static void push_proclitic(clitic_reading *r, size_t len)
{
    if (r->proclitic_count < 4)
        r->proclitic_len[r->proclitic_count++] = (uint8_t)len;
}

/* Peels the article (ال) after whatever came before, or not. */
static void try_article(reading_set *set, clitic_reading part, const char *rest, size_t rest_len, bool after_lam)
{
    add_with_enclitics(set, &part, rest, rest_len);
    if (!after_lam && starts_with(rest, rest_len, article)) {
        clitic_reading with = part;
        push_proclitic(&with, strlen(article));
        with.has_article = true;
        add_with_enclitics(set, &with, rest + strlen(article), rest_len - strlen(article));
    }
}

static void try_prepositions(reading_set *set, clitic_reading part, const char *rest, size_t rest_len)
{
    try_article(set, part, rest, rest_len, false);
    /* لل = ل + ال */
    if (starts_with(rest, rest_len, lam_article)) {
        clitic_reading with = part;
        push_proclitic(&with, strlen(lam_article));
        with.has_article = true;
        add_with_enclitics(set, &with, rest + strlen(lam_article), rest_len - strlen(lam_article));
    }
    for (size_t i = 0; i < COUNT(prepositions); i++) {
        if (!starts_with(rest, rest_len, prepositions[i]))
            continue;
        size_t n = strlen(prepositions[i]);
        clitic_reading with = part;
        push_proclitic(&with, n);
        /* The future particle س only precedes an imperfect verb, which
         * never takes the article. */
        bool future = strcmp(prepositions[i], "س") == 0;
        if (future)
            add_with_enclitics(set, &with, rest + n, rest_len - n);
        else
            try_article(set, with, rest + n, rest_len - n, false);
    }
}

size_t clitic_readings(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out, size_t max)
{
    reading_set set = {out, 0, max, final_is_teh_marbuta};
    if (max == 0)
        return 0;
    clitic_reading whole;
    memset(&whole, 0, sizeof whole);
    if (len > CLITIC_MAX_STEM) {
        /* Too long to be a word worth segmenting: read it whole. */
        whole.stem_len = 0;
        out[0] = whole;
        return 1;
    }
    /* The whole word comes first, whatever letters it starts with. */
    memcpy(whole.stem, key, len);
    whole.stem[len] = '\0';
    whole.stem_len = (uint8_t)len;
    out[set.count++] = whole;

    clitic_reading none;
    memset(&none, 0, sizeof none);
    try_prepositions(&set, none, key, len);
    for (size_t i = 0; i < COUNT(conjunctions); i++) {
        if (!starts_with(key, len, conjunctions[i]))
            continue;
        size_t n = strlen(conjunctions[i]);
        clitic_reading with = none;
        push_proclitic(&with, n);
        try_prepositions(&set, with, key + n, len - n);
    }
    return set.count;
}

char *clitic_reading_format(const char *key, const clitic_reading *r, char *buf, size_t size)
{
    size_t used = 0, pos = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->proclitic_count && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%.*s+", (int)r->proclitic_len[i], key + pos);
        pos += r->proclitic_len[i];
        if (n > 0)
            used += (size_t)n;
    }
    if (used < size) {
        int n = snprintf(buf + used, size - used, "%.*s", (int)r->stem_len, r->stem);
        if (n > 0)
            used += (size_t)n;
    }
    if (r->enclitic_len && used < size) {
        size_t word_len = strlen(key);
        snprintf(buf + used, size - used, "+%.*s", (int)r->enclitic_len, key + word_len - r->enclitic_len);
    }
    return buf;
}
