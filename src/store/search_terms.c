/* search_terms.c — see search_terms.h. */
#include "search_terms.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "clitics.h"
#include "normalize.h"
#include "tokenize.h"

/* Snowball costs more than the rest of indexing together, and news repeats
 * its words: a direct-mapped cache of recent words and their terms. */
#define CACHE_SLOTS 262144
#define CACHE_WORD 31

typedef struct {
    uint8_t word_len, term_len;   /* word_len 0 = empty slot */
    char word[CACHE_WORD];        /* the key, then a final byte for the ة flag */
    char term[CACHE_WORD];
} cached_term;

struct search_stemmer {
    struct sb_stemmer *snowball;
    cached_term *cache;
};

search_stemmer *search_stemmer_new(void)
{
    struct sb_stemmer *snowball = sb_stemmer_new("arabic", "UTF_8");
    if (!snowball)
        return NULL;
    search_stemmer *s = xmalloc(sizeof *s);
    s->snowball = snowball;
    s->cache = xcalloc(CACHE_SLOTS, sizeof *s->cache);
    return s;
}

void search_stemmer_free(search_stemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->snowball);
    free(s->cache);
    free(s);
}

static size_t code_points(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

#define ALEF "\xD8\xA7"
#define HEH "\xD9\x87"
#define TEH_MARBUTA "\xD8\xA9"
#define WAW "\xD9\x88"
#define FEH "\xD9\x81"
#define LAM "\xD9\x84"
#define KAF "\xD9\x83"
#define NOON "\xD9\x86"
#define MEEM "\xD9\x85"

static bool is_conjunction(const char *p, size_t len)
{
    return len == 2 && (memcmp(p, WAW, 2) == 0 || memcmp(p, FEH, 2) == 0);
}

/* Step 3: the reading that strips only conjunctions, as many as leave a
 * stem of three letters or more. */
static size_t strip_conjunctions(char *term, size_t len)
{
    clitic_reading readings[CLITIC_MAX_READINGS];
    size_t n = clitic_readings(term, len, false, readings, CLITIC_MAX_READINGS);
    const clitic_reading *best = NULL;
    for (size_t i = 1; i < n; i++) {
        const clitic_reading *r = &readings[i];
        if (r->enclitic_len || r->restored_teh_marbuta || r->proclitic_count == 0)
            continue;
        bool only_conjunctions = true;
        size_t at = 0;
        for (size_t k = 0; k < r->proclitic_count && only_conjunctions; k++) {
            only_conjunctions = is_conjunction(term + at, r->proclitic_len[k]);
            at += r->proclitic_len[k];
        }
        if (!only_conjunctions || code_points(term + r->stem_offset, r->stem_len) < 3)
            continue;
        if (!best || r->proclitic_count > best->proclitic_count)
            best = r;
    }
    if (!best)
        return len;
    memmove(term, term + best->stem_offset, best->stem_len);
    return best->stem_len;
}

static size_t compute_term(search_stemmer *s, const char *key, size_t len, bool ends_in_teh_marbuta,
                           char out[SEARCH_TERM_MAX])
{
    if (len == 0 || len >= SEARCH_TERM_MAX - 2)
        return 0;
    char word[SEARCH_TERM_MAX];
    memcpy(word, key, len);
    bool arabic = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 'A' && c <= 'Z')
            word[i] = (char)(c - 'A' + 'a');
        else if (c == 0xD8 || c == 0xD9)
            arabic = true;
    }
    if (!arabic) {
        memcpy(out, word, len);
        out[len] = '\0';
        return len;
    }
    /* A definite noun takes no pronoun suffix, so its final ه is a ة written
     * without dots (الارمينيه): read it as the text's ة would be. */
    bool definite = (len > 4 && memcmp(word, ALEF LAM, 4) == 0) ||
                    (len > 6 && memcmp(word + 2, ALEF LAM, 4) == 0) || (len > 4 && memcmp(word, LAM LAM, 4) == 0);
    if ((ends_in_teh_marbuta || definite) && len >= 6 && memcmp(word + len - 2, HEH, 2) == 0)
        memcpy(word + len - 2, TEH_MARBUTA, 2);
    size_t n = len;
    const sb_symbol *stem = s ? sb_stemmer_stem(s->snowball, (const sb_symbol *)word, (int)len) : NULL;
    int stem_len = stem ? sb_stemmer_length(s->snowball) : 0;
    if (stem_len > 0 && (size_t)stem_len + 4 < SEARCH_TERM_MAX) {
        memcpy(out, stem, (size_t)stem_len);
        n = (size_t)stem_len;
        /* The stemmer takes a final ك/كن/كم as "your", which news hardly
         * ever says; it is nearly always part of the word (اشتباك، بلينكن). */
        static const char *const second_person[] = {KAF NOON, KAF MEEM, KAF};
        for (size_t i = 0; i < sizeof second_person / sizeof second_person[0]; i++) {
            size_t k = strlen(second_person[i]);
            if (len > k && memcmp(word + len - k, second_person[i], k) == 0) {
                if (n < k || memcmp(out + n - k, second_person[i], k) != 0) {
                    memcpy(out + n, second_person[i], k);
                    n += k;
                }
                break;
            }
        }
    } else {
        memcpy(out, word, len);
    }
    out[n] = '\0';
    if (n < CLITIC_MAX_WORD)
        n = strip_conjunctions(out, n);
    size_t letters = code_points(out, n);
    /* the stemmer keeps the article of short words (القوات → القو) */
    if (definite && letters >= 4 && memcmp(out, ALEF LAM, 4) == 0) {
        memmove(out, out + 4, n - 4);
        n -= 4;
        letters -= 2;
    }
    /* the alef of a plural ات whose ت the stemmer took */
    if (letters >= 3 && memcmp(out + n - 2, ALEF, 2) == 0) {
        n -= 2;
        letters--;
    }
    /* the long alef of a verbal noun before its last radical: افتعال → افتعل */
    if (letters >= 5 && n >= 6 && memcmp(out, ALEF, 2) == 0 && memcmp(out + n - 4, ALEF, 2) == 0 &&
        ((unsigned char)out[n - 2] & 0xE0) == 0xC0) {
        memmove(out + n - 4, out + n - 2, 2);
        n -= 2;
    }
    out[n] = '\0';
    return n;
}

static cached_term *cache_slot(const search_stemmer *s, const char *key, size_t len, bool ends_in_teh_marbuta)
{
    uint32_t h = 2166136261u ^ (ends_in_teh_marbuta ? 0x9e37u : 0);
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)key[i]) * 16777619u;
    return &s->cache[h & (CACHE_SLOTS - 1)];
}

size_t search_term(search_stemmer *s, const char *key, size_t len, bool ends_in_teh_marbuta,
                   char out[SEARCH_TERM_MAX])
{
    if (!s || len + 1 > CACHE_WORD)
        return compute_term(s, key, len, ends_in_teh_marbuta, out);
    cached_term *slot = cache_slot(s, key, len, ends_in_teh_marbuta);
    if (slot->word_len == len + 1 && memcmp(slot->word, key, len) == 0 && slot->word[len] == (char)ends_in_teh_marbuta) {
        memcpy(out, slot->term, slot->term_len);
        out[slot->term_len] = '\0';
        return slot->term_len;
    }
    size_t n = compute_term(s, key, len, ends_in_teh_marbuta, out);
    if (n < CACHE_WORD) {
        slot->word_len = (uint8_t)(len + 1);
        memcpy(slot->word, key, len);
        slot->word[len] = (char)ends_in_teh_marbuta;
        slot->term_len = (uint8_t)n;
        memcpy(slot->term, out, n);
    }
    return n;
}

void search_terms_of_text(const char *text, size_t len, char *out, size_t size)
{
    token_list tokens = {0};
    search_stemmer *s = search_stemmer_new();
    tokenize(text, len, &tokens);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < tokens.count; i++) {
        const token *t = &tokens.tokens[i];
        if (t->kind != TOKEN_WORD && t->kind != TOKEN_NUMBER)
            continue;
        char term[SEARCH_TERM_MAX];
        size_t n = search_term(s, token_key(&tokens, t), t->key_len, t->flags & TOKEN_ENDS_IN_TEH_MARBUTA, term);
        if (n == 0 || used + n + 2 > size)
            continue;
        if (used)
            out[used++] = ' ';
        memcpy(out + used, term, n + 1);
        used += n;
    }
    search_stemmer_free(s);
    token_list_free(&tokens);
}

void prepare_search_terms(search_stemmer *s, const token_list *tokens, prepared_terms *out)
{
    buffer_truncate(&out->terms, 0);
    out->count = 0;
    /* The cache is bigger than the CPU's: ask for the slot of a word a few
     * words ahead, so it has arrived when that word's turn comes. */
    const size_t ahead = 8;
    for (size_t i = 0; i < tokens->count; i++) {
        if (s && i + ahead < tokens->count) {
            const token *later = &tokens->tokens[i + ahead];
            if (later->key_len + 1 <= CACHE_WORD)
                __builtin_prefetch(cache_slot(s, token_key(tokens, later), later->key_len,
                                              later->flags & TOKEN_ENDS_IN_TEH_MARBUTA));
        }
        const token *t = &tokens->tokens[i];
        if (t->kind != TOKEN_WORD && t->kind != TOKEN_NUMBER)
            continue;
        char term[SEARCH_TERM_MAX];
        size_t n = search_term(s, token_key(tokens, t), t->key_len, t->flags & TOKEN_ENDS_IN_TEH_MARBUTA, term);
        if (n == 0)
            continue;
        grow_array((void **)&out->spans, &out->cap, 4 * (out->count + 1), sizeof *out->spans);
        uint32_t *span = out->spans + 4 * out->count++;
        span[0] = (uint32_t)out->terms.len;
        span[1] = (uint32_t)n;
        span[2] = t->start;
        span[3] = t->end;
        buffer_append(&out->terms, term, n);
    }
}

void prepared_terms_free(prepared_terms *p)
{
    buffer_free(&p->terms);
    free(p->spans);
    memset(p, 0, sizeof *p);
}

static _Thread_local struct {
    const char *text;
    size_t len;
    const prepared_terms *terms;
} offered;

void search_tokenizer_offer(const char *text, size_t len, const prepared_terms *terms)
{
    offered.text = text;
    offered.len = len;
    offered.terms = terms;
}

const prepared_terms *search_tokenizer_offered(const char *text, size_t len)
{
    if (offered.terms && offered.len == len && memcmp(offered.text, text, len) == 0)
        return offered.terms;
    return NULL;
}

/* ---- the FTS5 tokenizer ---- */

typedef struct {
    search_stemmer *stemmer;
    token_list tokens;
} fts_tokenizer;

static int fts_create(void *context, const char **args, int arg_count, Fts5Tokenizer **out)
{
    (void)context;
    (void)args;
    (void)arg_count;
    fts_tokenizer *t = xcalloc(1, sizeof *t);
    t->stemmer = search_stemmer_new();
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *tokenizer)
{
    fts_tokenizer *t = (fts_tokenizer *)tokenizer;
    search_stemmer_free(t->stemmer);
    token_list_free(&t->tokens);
    free(t);
}

static int fts_tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int len,
                        int (*emit)(void *, int, const char *, int, int, int))
{
    (void)flags;
    fts_tokenizer *t = (fts_tokenizer *)tokenizer;
    if (len <= 0 || !text)
        return SQLITE_OK;
    /* SQLite hands over its own copy of the text: compare contents */
    if (offered.terms && offered.len == (size_t)len && memcmp(offered.text, text, offered.len) == 0) {
        const prepared_terms *p = offered.terms;
        for (size_t i = 0; i < p->count; i++) {
            const uint32_t *span = p->spans + 4 * i;
            int rc = emit(context, 0, p->terms.data + span[0], (int)span[1], (int)span[2], (int)span[3]);
            if (rc != SQLITE_OK)
                return rc;
        }
        return SQLITE_OK;
    }
    tokenize(text, (size_t)len, &t->tokens);
    for (size_t i = 0; i < t->tokens.count; i++) {
        const token *tok = &t->tokens.tokens[i];
        if (tok->kind != TOKEN_WORD && tok->kind != TOKEN_NUMBER)
            continue;
        char term[SEARCH_TERM_MAX];
        size_t n = search_term(t->stemmer, token_key(&t->tokens, tok), tok->key_len,
                               tok->flags & TOKEN_ENDS_IN_TEH_MARBUTA, term);
        if (n == 0)
            continue;
        int rc = emit(context, 0, term, (int)n, (int)tok->start, (int)tok->end);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

bool search_tokenizer_register(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api || api->iVersion < 2)
        return false;
    static fts5_tokenizer methods = {fts_create, fts_delete, fts_tokenize};
    return api->xCreateTokenizer(api, "marsad_arabic", NULL, &methods, NULL) == SQLITE_OK;
}
