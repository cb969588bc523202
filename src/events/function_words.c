/*
 * function_words.c — see function_words.h.  The lists are compiled in from
 * data/function_words.tsv; nothing is read at run time.
 */
#include "function_words.h"

#include <string.h>

#define FUNCTION_WORDS(list, ...)                                                                                   \
    static const char *const list##_words[] = {__VA_ARGS__};                                                      \
    const word_list list = {#list, list##_words, sizeof list##_words / sizeof list##_words[0]};
#include "function_words.inc"
#undef FUNCTION_WORDS

#define FUNCTION_WORDS(list, ...) &list,
const word_list *const all_function_words[] = {
#include "function_words.inc"
};
#undef FUNCTION_WORDS
const size_t all_function_words_count = sizeof all_function_words / sizeof all_function_words[0];

bool is_one_of(const word_list *list, const char *key, size_t len)
{
    for (size_t i = 0; i < list->count; i++)
        if (key_equals_word(key, len, list->words[i]))
            return true;
    return false;
}
