/*
 * dates.c — see dates.h.
 */
#include "dates.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "normalize.h"

typedef enum { DATE_MONTH, DATE_WEEKDAY, DATE_RELATIVE } date_word_kind;

typedef struct {
    char *keys[3];      /* token keys of the word or phrase */
    size_t key_lens[3];
    size_t length;
    date_word_kind kind;
    int value;
} date_word;

static const char *const date_word_rows[][3] = {
#include "date_words.h"
};
#define DATE_WORD_COUNT (sizeof date_word_rows / sizeof date_word_rows[0])
static date_word date_words[DATE_WORD_COUNT];
/* hashes of every date word's first key: a quick no for almost every word */
#define FIRST_KEY_BUCKETS 4096
static bool first_key_seen[FIRST_KEY_BUCKETS];

static size_t first_key_bucket(const char *key, size_t len)
{
    uint32_t h = 2166136261u;     /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)key[i]) * 16777619u;
    return h % FIRST_KEY_BUCKETS;
}
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build_date_words(void)
{
    token_list tokens = {0};
    for (size_t i = 0; i < DATE_WORD_COUNT; i++) {
        const char *word = date_word_rows[i][0];
        tokenize(word, strlen(word), &tokens);
        for (size_t t = 0; t < tokens.count && date_words[i].length < 3; t++) {
            date_words[i].key_lens[date_words[i].length] = tokens.tokens[t].key_len;
            date_words[i].keys[date_words[i].length++] =
                xstrndup(token_key(&tokens, &tokens.tokens[t]), tokens.tokens[t].key_len);
        }
        if (date_words[i].length)
            first_key_seen[first_key_bucket(date_words[i].keys[0], date_words[i].key_lens[0])] = true;
        const char *kind = date_word_rows[i][1];
        date_words[i].kind = strcmp(kind, "month") == 0 ? DATE_MONTH : strcmp(kind, "weekday") == 0 ? DATE_WEEKDAY : DATE_RELATIVE;
        date_words[i].value = atoi(date_word_rows[i][2]);
    }
    token_list_free(&tokens);
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_is_valid(uint32_t date)
{
    int y = (int)(date / 10000), m = (int)(date / 100 % 100), d = (int)(date % 100);
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Days since 1970-01-01 (civil calendar, Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static uint32_t civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (uint32_t)(y * 10000 + m * 100 + d);
}

uint32_t date_add_days(uint32_t date, int days)
{
    if (!date_is_valid(date))
        return 0;
    return civil_from_days(days_from_civil((int)(date / 10000), (int)(date / 100 % 100), (int)(date % 100)) + days);
}

int date_weekday(uint32_t date)
{
    long z = days_from_civil((int)(date / 10000), (int)(date / 100 % 100), (int)(date % 100));
    return (int)(((z % 7) + 11) % 7);   /* 1970-01-01 was a Thursday (4) */
}

uint32_t date_parse_iso(const char *s, size_t len)
{
    if (len < 10 || s[4] != '-' || s[7] != '-' || (len > 10 && s[10] >= '0' && s[10] <= '9'))
        return 0;
    /* digits read by hand: atoi would run past len into what follows */
    uint32_t date = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return 0;
        date = date * 10 + (uint32_t)(s[i] - '0');
    }
    return date_is_valid(date) ? date : 0;
}

void date_format(uint32_t date, char out[11])
{
    snprintf(out, 11, "%04u-%02u-%02u", date / 10000 % 10000, date / 100 % 100, date % 100);
}

/* The key of token i without a leading و (وأمس), into buf. */
static const char *plain_key(const token_list *tokens, size_t i, size_t *len)
{
    const token *t = &tokens->tokens[i];
    const char *k = token_key(tokens, t);
    *len = t->key_len;
    if (*len > 4 && memcmp(k, "و", 2) == 0) {
        k += 2;
        *len -= 2;
    }
    return k;
}

static bool key_equals(const token_list *tokens, size_t i, const char *key, size_t key_len, bool allow_waw)
{
    size_t len;
    const char *k = allow_waw ? plain_key(tokens, i, &len) : token_key(tokens, &tokens->tokens[i]);
    if (!allow_waw)
        len = tokens->tokens[i].key_len;
    return len == key_len && memcmp(k, key, len) == 0;
}

/* The date word that starts at token i, or NULL; *length gets its tokens. */
static const date_word *date_word_at(const token_list *tokens, size_t i, size_t end, size_t *length)
{
    const date_word *best = NULL;
    /* this runs on every word of every sentence with an event: words only,
     * and no word shorter than the shortest date word (آب) */
    if (tokens->tokens[i].kind != TOKEN_WORD || tokens->tokens[i].key_len < 4)
        return NULL;
    size_t plain_len;
    const char *plain = plain_key(tokens, i, &plain_len);
    if (!first_key_seen[first_key_bucket(token_key(tokens, &tokens->tokens[i]), tokens->tokens[i].key_len)] &&
        !first_key_seen[first_key_bucket(plain, plain_len)])
        return NULL;
    for (size_t w = 0; w < DATE_WORD_COUNT; w++) {
        const date_word *d = &date_words[w];
        if (i + d->length > end || (best && best->length >= d->length))
            continue;
        size_t k = 0;
        for (; k < d->length; k++)
            if (!key_equals(tokens, i + k, d->keys[k], d->key_lens[k], k == 0))
                break;
        if (k == d->length)
            best = d;
    }
    if (best)
        *length = best->length;
    return best;
}

bool is_month_name(const token_list *tokens, size_t i)
{
    size_t length;
    const date_word *d = i < tokens->count ? date_word_at(tokens, i, tokens->count, &length) : NULL;
    return d && d->kind == DATE_MONTH;
}

static long number_at(const token_list *tokens, size_t i)
{
    const token *t = &tokens->tokens[i];
    if (t->kind != TOKEN_NUMBER || t->key_len > 4)
        return -1;
    return strtol(token_key(tokens, t), NULL, 10);
}

uint32_t resolve_sentence_date(const token_list *tokens, size_t first, size_t count, uint32_t article_date)
{
    pthread_once(&once, build_date_words);
    size_t end = first + count;
    uint32_t found = 0;
    for (size_t i = first; i < end; i++) {
        size_t length = 0;
        const date_word *d = date_word_at(tokens, i, end, &length);
        if (!d)
            continue;
        if (d->kind == DATE_RELATIVE) {
            if (article_date)
                return date_add_days(article_date, d->value);
            continue;
        }
        if (d->kind == DATE_WEEKDAY) {
            if (!article_date)
                continue;
            /* "ليل الإثنين الثلاثاء": the night runs into the second day */
            size_t next_length = 0;
            const date_word *next = i + length < end ? date_word_at(tokens, i + length, end, &next_length) : NULL;
            int weekday = (next && next->kind == DATE_WEEKDAY) ? next->value : d->value;
            int back = (date_weekday(article_date) - weekday + 7) % 7;
            return date_add_days(article_date, -back);
        }
        /* a month counts only beside a day or a year: آب is also "father" */
        long day = i > first ? number_at(tokens, i - 1) : -1;
        long year = i + length < end ? number_at(tokens, i + length) : -1;
        if (day < 1 || day > 31)
            day = -1;
        if (year < 1900 || year > 2100)
            year = -1;
        if (day < 0 && year < 0)
            continue;
        int y = year > 0 ? (int)year : article_date ? (int)(article_date / 10000) : 0;
        if (!y || day < 0)
            continue;
        uint32_t date = (uint32_t)(y * 10000 + d->value * 100 + (int)day);
        /* a month later than the article's, with no year, is last year's */
        if (year < 0 && article_date && date > article_date)
            date -= 10000;
        if (date_is_valid(date) && !found)
            found = date;
    }
    return found;
}

int earliest_year_named(const token_list *tokens, size_t first, size_t count)
{
    int earliest = 0;
    for (size_t i = first; i < first + count; i++) {
        const token *t = &tokens->tokens[i];
        int year = 0;
        if (t->kind == TOKEN_NUMBER && t->key_len == 4) {
            long v = strtol(token_key(tokens, t), NULL, 10);
            if (v >= 1000 && v <= 2100)
                year = (int)v;
        } else if (t->kind == TOKEN_WORD && t->key_len >= 16) {   /* the shortest, الستينات, is 16 bytes */
            static const struct { const char *key; int year; } decades[] = {
                {"الخمسينات", 1950}, {"الستينات", 1960}, {"السبعينات", 1970}, {"الثمانينات", 1980},
                {"التسعينات", 1990}, {"الخمسينيات", 1950}, {"الستينيات", 1960}, {"السبعينيات", 1970},
                {"الثمانينيات", 1980}, {"التسعينيات", 1990},
            };
            for (size_t d = 0; d < sizeof decades / sizeof decades[0]; d++)
                if (key_equals(tokens, i, decades[d].key, strlen(decades[d].key), true))
                    year = decades[d].year;
        }
        if (year && (!earliest || year < earliest))
            earliest = year;
    }
    return earliest;
}
