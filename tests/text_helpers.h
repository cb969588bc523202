/* Helpers shared by the text-core tests: tokenise a string, find tokens. */
#ifndef MARSAD_TEST_TEXT_HELPERS_H
#define MARSAD_TEST_TEXT_HELPERS_H

#include <string.h>

#include "tokenize.h"

/* The keys of all tokens of text joined by single spaces, into out. */
static inline void joined_keys(const char *text, char *out, size_t size)
{
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < list.count && used + 1 < size; i++) {
        size_t n = list.tokens[i].key_len;
        if (used + n + 2 >= size)
            break;
        if (i > 0)
            out[used++] = ' ';
        memcpy(out + used, token_key(&list, &list.tokens[i]), n);
        used += n;
        out[used] = '\0';
    }
    token_list_free(&list);
}

#endif
