/* Properties every output of the text core must have, whatever the input:
 * checked by tests/test_properties.c on real articles and by the fuzz
 * harnesses of fuzz/ on hostile bytes.  Each check returns NULL when the
 * property holds, else a description of the first violation. */
#ifndef MARSAD_TEST_TEXT_PROPERTIES_H
#define MARSAD_TEST_TEXT_PROPERTIES_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "normalize.h"
#include "tokenize.h"
#include "utf8.h"

/* The character boundaries of text as utf8_next() walks it: a malformed
 * byte is a character of its own.  boundary[i] for i in [0, len]. */
static inline bool *utf8_boundaries(const char *text, size_t len)
{
    bool *boundary = xcalloc(len + 1, 1);
    size_t pos = 0;
    boundary[0] = true;
    while (pos < len) {
        utf8_next(text, len, &pos, NULL);
        boundary[pos] = true;
    }
    return boundary;
}

/* Tokens lie inside the text, in order, without overlap, start and end on
 * character boundaries, each with a NUL-terminated key in the arena;
 * sentences cover the tokens in order. */
static inline const char *check_tokens(const char *text, size_t len, const token_list *list)
{
    bool *boundary = utf8_boundaries(text, len);
    const char *problem = NULL;
    size_t previous_end = 0;
    for (size_t i = 0; i < list->count && !problem; i++) {
        const token *t = &list->tokens[i];
        if (t->start >= t->end || t->end > len)
            problem = "token span empty or outside the text";
        else if (t->start < previous_end)
            problem = "tokens overlap or are out of order";
        else if (!boundary[t->start] || !boundary[t->end])
            problem = "token offset not on a character boundary";
        else if ((size_t)t->key_offset + t->key_len >= list->keys.len + 1 ||
                 token_key(list, t)[t->key_len] != '\0')
            problem = "token key outside the arena or not terminated";
        previous_end = t->end;
    }
    size_t next_token = 0;
    for (size_t s = 0; s < list->sentence_count && !problem; s++) {
        const sentence *se = &list->sentences[s];
        if (se->first_token != next_token || se->token_count == 0 || se->first_token + se->token_count > list->count)
            problem = "sentences do not cover the tokens in order";
        else if (se->start != list->tokens[se->first_token].start ||
                 se->end != list->tokens[se->first_token + se->token_count - 1].end)
            problem = "sentence span differs from its tokens'";
        next_token = se->first_token + se->token_count;
    }
    if (!problem && next_token != list->count)
        problem = "tokens left outside every sentence";
    free(boundary);
    return problem;
}

/* A byte span [start, end) of text lies inside it, on character boundaries. */
static inline const char *check_span(const char *text, size_t len, size_t start, size_t end)
{
    if (start > end || end > len)
        return "span outside the text";
    bool *boundary = utf8_boundaries(text, len);
    bool ok = boundary[start] && boundary[end];
    free(boundary);
    return ok ? NULL : "span not on character boundaries";
}

/* normalize_for_match is idempotent: the key of a key is the key itself. */
static inline const char *check_normalize_idempotent(const char *text, size_t len)
{
    byte_buffer once = {0}, twice = {0};
    normalize_for_match(text, len, &once);
    normalize_for_match(once.data ? once.data : "", once.len, &twice);
    bool same = once.len == twice.len && (once.len == 0 || memcmp(once.data, twice.data, once.len) == 0);
    bool clean = utf8_is_clean(once.data ? once.data : "", once.len) || memchr(text, 0, len);
    buffer_free(&once);
    buffer_free(&twice);
    if (!same)
        return "normalize_for_match is not idempotent";
    return clean ? NULL : "a matching key is not clean UTF-8";
}

#endif
