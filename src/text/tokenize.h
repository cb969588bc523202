/*
 * tokenize.h — words, numbers and punctuation, grouped into sentences.
 *
 * A token is a span of the original text (byte offsets, end exclusive) plus
 * its matching key.  Keys of all tokens live in one arena so tokenising an
 * article costs two allocations that are reused for the next article.
 *
 * Sentences end at . ! ? ؟ … and at line breaks, but not inside numbers
 * (3.5), after a one-letter abbreviation (أ.ف.ب، د.ب.أ) or inside brackets
 * ("(رويترز)").  A run of more than MAX_SENTENCE_TOKENS tokens without any
 * of these is cut there: the longest sentence of the ANT corpus has 857
 * tokens, and the coder's work per sentence grows faster than its length.
 */
#ifndef MARSAD_TOKENIZE_H
#define MARSAD_TOKENIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buffer.h"

#define MAX_SENTENCE_TOKENS 1000

typedef enum { TOKEN_WORD, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_SYMBOL } token_kind;

enum {
    TOKEN_ENDS_IN_TEH_MARBUTA = 1 << 0,  /* the key's final ه was a ة in the text */
    TOKEN_HAS_LATIN = 1 << 1,
    TOKEN_HAS_ARABIC = 1 << 2,
    TOKEN_HAS_INVALID = 1 << 3,          /* held bytes that were not UTF-8 */
    TOKEN_ENDS_SENTENCE = 1 << 4,
    TOKEN_SPACE_BEFORE = 1 << 5,         /* separated from the previous token */
    TOKEN_NEWLINE_BEFORE = 1 << 6        /* a line break came before it */
};

typedef struct {
    uint32_t start, end;        /* byte offsets into the original text */
    uint32_t key_offset;        /* into token_list.keys */
    uint32_t key_len;
    uint8_t kind;               /* token_kind */
    uint8_t flags;
} token;

typedef struct {
    uint32_t first_token, token_count;
    uint32_t start, end;        /* byte span from first to last token */
} sentence;

typedef struct {
    token *tokens;
    size_t count, cap;
    sentence *sentences;
    size_t sentence_count, sentence_cap;
    /* Indices of the tokens a sentence can end at or must start at
     * (punctuation, and tokens after a line break), so that splitting
     * into sentences does not walk every token again. */
    uint32_t *boundaries;
    size_t boundary_count, boundary_cap;
    byte_buffer keys;
    size_t invalid_bytes;       /* replaced by U+FFFD while reading */
    size_t nul_bytes;
} token_list;

/* Tokenises text[0,len) into list, replacing what list held before.  Texts
 * over 4 GiB are not supported (offsets are 32-bit); callers cap article
 * size long before that. */
void tokenize(const char *text, size_t len, token_list *list);

void token_list_free(token_list *list);

static inline const char *token_key(const token_list *list, const token *t)
{
    return list->keys.data + t->key_offset;
}

const char *token_kind_name(token_kind kind);

/* Is the NUL-terminated word the key[0, len)?  The word lists are read
 * thousands of times an article: most words differ from the key in their
 * first letter (two bytes in Arabic), which is checked before any length
 * is counted, and the length is counted no further than len + 1. */
static inline bool key_equals_word(const char *key, size_t len, const char *word)
{
    if (len == 0 || word[0] != key[0] || (len >= 2 && word[1] != key[1]))
        return false;
    return strnlen(word, len + 1) == len && strncmp(word, key, len) == 0;
}

/* True when token i's key is one of words (matching keys, e.g. "علي" for
 * على); with_conjunction also accepts them behind a و (وبين، وإن). */
bool token_key_in(const token_list *list, size_t i, const char *const *words, size_t n, bool with_conjunction);

#endif
