/*
 * numbers.c — see numbers.h.
 *
 * The parser reads left to right keeping a running total: units, tens and
 * hundreds add to the current group, a scale word (ألف، مليون) multiplies
 * the group and moves it to the total, و joins the parts of a compound.
 */
#include "numbers.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "normalize.h"

typedef enum { WORD_UNIT, WORD_TEN, WORD_HUNDRED, WORD_SCALE, WORD_DUAL, WORD_FRACTION, WORD_VAGUE, WORD_DUAL_NOUN } number_word_kind;

typedef struct {
    char *key;
    double value;
    number_word_kind kind;
} number_word;

typedef struct {
    char *keys[4];        /* the phrase's token keys */
    size_t length;
    unsigned flag;
} qualifier;

static const char *const number_word_rows[][3] = {
#include "number_words.h"
};
static const char *const qualifier_rows[][2] = {
#include "number_qualifiers.h"
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static number_word words[COUNT(number_word_rows)];
static qualifier qualifiers[COUNT(qualifier_rows)];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static char *key_of(const char *text)
{
    byte_buffer b = {0};
    normalize_for_match(text, strlen(text), &b);
    if (!b.data)
        buffer_append(&b, "", 0);
    return b.data;      /* intentionally kept for the life of the process */
}

static number_word_kind kind_named(const char *name)
{
    static const struct { const char *name; number_word_kind kind; } kinds[] = {
        {"unit", WORD_UNIT}, {"ten", WORD_TEN}, {"hundred", WORD_HUNDRED}, {"scale", WORD_SCALE},
        {"dual", WORD_DUAL}, {"fraction", WORD_FRACTION}, {"vague", WORD_VAGUE},
        {"dual_noun", WORD_DUAL_NOUN},
    };
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (strcmp(kinds[i].name, name) == 0)
            return kinds[i].kind;
    fprintf(stderr, "marsad: data/number_words.tsv: unknown kind '%s'\n", name);
    abort();
}

static unsigned flag_named(const char *name)
{
    if (strcmp(name, "approximate") == 0) return NUMBER_APPROXIMATE;
    if (strcmp(name, "at_least") == 0) return NUMBER_AT_LEAST;
    if (strcmp(name, "at_most") == 0) return NUMBER_AT_MOST;
    fprintf(stderr, "marsad: data/number_qualifiers.tsv: unknown flag '%s'\n", name);
    abort();
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(((const number_word *)a)->key, ((const number_word *)b)->key);
}

static void build_tables(void)
{
    for (size_t i = 0; i < COUNT(number_word_rows); i++) {
        words[i].key = key_of(number_word_rows[i][0]);
        words[i].value = strtod(number_word_rows[i][1], NULL);
        words[i].kind = kind_named(number_word_rows[i][2]);
    }
    qsort(words, COUNT(words), sizeof words[0], compare_words);
    for (size_t i = 0; i < COUNT(qualifier_rows); i++) {
        /* Split the phrase into its words and key each one. */
        char *phrase = xstrndup(qualifier_rows[i][0], strlen(qualifier_rows[i][0]));
        char *save = NULL;
        for (char *w = strtok_r(phrase, " ", &save); w && qualifiers[i].length < 4; w = strtok_r(NULL, " ", &save))
            qualifiers[i].keys[qualifiers[i].length++] = key_of(w);
        free(phrase);
        qualifiers[i].flag = flag_named(qualifier_rows[i][1]);
    }
}

static const number_word *find_word(const char *key, size_t len)
{
    char buf[128];
    if (len >= sizeof buf)
        return NULL;
    memcpy(buf, key, len);
    buf[len] = '\0';
    number_word probe = {buf, 0, WORD_UNIT};
    return bsearch(&probe, words, COUNT(words), sizeof words[0], compare_words);
}

#define WAW "\xd9\x88"   /* و */

/* Looks a word token up, also as و + word when allow_and is set. */
static const number_word *lookup(const token_list *list, const token *t, bool allow_and, bool *had_and)
{
    *had_and = false;
    if (t->kind != TOKEN_WORD)
        return NULL;
    const char *key = token_key(list, t);
    const number_word *w = find_word(key, t->key_len);
    if (w)
        return w;
    if (allow_and && t->key_len > 2 && memcmp(key, WAW, 2) == 0) {
        w = find_word(key + 2, t->key_len - 2);
        if (w)
            *had_and = true;
    }
    return w;
}

static bool token_is_and(const token_list *list, const token *t)
{
    return t->kind == TOKEN_WORD && t->key_len == 2 && memcmp(token_key(list, t), WAW, 2) == 0;
}

/* Length in tokens of the qualifier phrase at i, 0 if none; sets *flag. */
static size_t match_qualifier(const token_list *list, size_t i, unsigned *flag)
{
    size_t best = 0;
    for (size_t q = 0; q < COUNT(qualifiers); q++) {
        size_t n = qualifiers[q].length;
        if (n == 0 || n <= best || i + n > list->count)
            continue;
        size_t k = 0;
        for (; k < n; k++) {
            const token *t = &list->tokens[i + k];
            if (t->kind != TOKEN_WORD)
                break;
            const char *key = token_key(list, t);
            /* The phrase may carry the conjunction: ونحو، وأكثر من. */
            if (k == 0 && strcmp(key, qualifiers[q].keys[0]) != 0 && t->key_len > 2 && memcmp(key, WAW, 2) == 0)
                key += 2;
            if (strcmp(key, qualifiers[q].keys[k]) != 0)
                break;
        }
        if (k == n) {
            best = n;
            *flag = qualifiers[q].flag;
        }
    }
    return best;
}

bool parse_number_at(const token_list *list, size_t i, parsed_number *out)
{
    pthread_once(&tables_once, build_tables);
    if (i >= list->count)
        return false;
    unsigned flags = 0, qualifier_flag = 0;
    size_t qualifier_len = match_qualifier(list, i, &qualifier_flag);
    size_t j = i + qualifier_len;
    double total = 0, current = 0, last_scale = 1;
    bool any = false, previous_was_unit = false, previous_was_and = false;
    for (; j < list->count; j++) {
        const token *t = &list->tokens[j];
        if (t->kind == TOKEN_NUMBER) {
            /* Digits only ever start a figure: "12 مليون و1,500" is two. */
            if (any)
                break;
            current += strtod(token_key(list, t), NULL);
            any = true;
            previous_was_unit = false;
            previous_was_and = false;
            continue;
        }
        if (any && token_is_and(list, t) && !previous_was_and) {
            /* "ثلاثة و عشرون": a free-standing و between parts. */
            bool dummy;
            if (j + 1 < list->count && lookup(list, &list->tokens[j + 1], false, &dummy)) {
                previous_was_and = true;
                continue;
            }
            break;
        }
        bool had_and = false;
        const number_word *w = lookup(list, t, any && !previous_was_and, &had_and);
        if (!w)
            break;
        had_and = had_and || previous_was_and;
        if (w->kind == WORD_DUAL_NOUN) {
            /* "مقتل شرطيين": the noun is the whole figure, and joins nothing */
            if (!any) {
                current = w->value;
                flags |= NUMBER_SPELLED;
                any = true;
                previous_was_and = false;
                j++;
            }
            break;
        }
        bool joins = !any || had_and || w->kind == WORD_SCALE || w->kind == WORD_HUNDRED ||
                     (w->kind == WORD_UNIT && w->value == 10 && previous_was_unit) || w->kind == WORD_DUAL;
        if (!joins)
            break;
        flags |= NUMBER_SPELLED;
        switch (w->kind) {
        case WORD_UNIT:
            current += w->value;       /* أحد عشر: 1 + 10 */
            break;
        case WORD_TEN:
            current += w->value;
            break;
        case WORD_HUNDRED:
            if (w->value == 100 && current > 0 && current < 10 && !had_and)
                current *= 100;        /* ثلاث مئة */
            else
                current += w->value;
            break;
        case WORD_SCALE:
            total += (current == 0 ? 1 : current) * w->value;
            current = 0;
            last_scale = w->value;
            break;
        case WORD_DUAL:
            total += w->value;
            last_scale = w->value / 2;
            break;
        case WORD_FRACTION:
            if (had_and && total > 0)
                total += w->value * last_scale;   /* مليون ونصف */
            else
                current += w->value;               /* نصف مليون */
            break;
        case WORD_DUAL_NOUN:
            break;             /* handled above */
        case WORD_VAGUE:
            if (current == 0)
                current = w->value;
            flags |= NUMBER_VAGUE;
            break;
        }
        any = true;
        previous_was_unit = w->kind == WORD_UNIT && w->value < 10;
        previous_was_and = false;
    }
    if (!any)
        return false;
    out->value = total + current;
    out->first_token = i;
    out->token_count = j - i - (previous_was_and ? 1 : 0);
    out->flags = flags | qualifier_flag;
    return true;
}

void format_number(const parsed_number *n, char *buf, size_t size)
{
    const char *prefix = (n->flags & NUMBER_APPROXIMATE) ? "~" : (n->flags & NUMBER_AT_LEAST) ? ">=" :
                         (n->flags & NUMBER_AT_MOST) ? "<=" : "";
    /* Only a value that fits may be cast: 10^20 would be undefined. */
    if (n->value < 1e15 && n->value == (double)(long long)n->value)
        snprintf(buf, size, "%s%lld%s", prefix, (long long)n->value, (n->flags & NUMBER_VAGUE) ? " (vague)" : "");
    else
        snprintf(buf, size, "%s%g%s", prefix, n->value, (n->flags & NUMBER_VAGUE) ? " (vague)" : "");
}
