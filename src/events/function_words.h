/*
 * function_words.h — the closed word classes the event coder reads grammar
 * from (prepositions, relative pronouns, verbs of carrying out, words of
 * time ...), one named list each.
 *
 * The lists live in data/function_words.tsv, where a linguist adds a word
 * without touching C; the build turns each row into a FUNCTION_WORDS()
 * line (scripts/tsv_to_word_lists.awk) that is read here twice: once to
 * declare the lists, once, in function_words.c, to define them.
 */
#ifndef MARSAD_FUNCTION_WORDS_H
#define MARSAD_FUNCTION_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "tokenize.h"

typedef struct {
    const char *name;                /* as in the TSV's first column */
    const char *const *words;        /* matching keys */
    size_t count;
} word_list;

#define FUNCTION_WORDS(list, ...) extern const word_list list;
#include "function_words.inc"
#undef FUNCTION_WORDS

/* Every list, for the test that checks the words are matching keys. */
extern const word_list *const all_function_words[];
extern const size_t all_function_words_count;

/* Is token i one of the list's words, alone or with و in front? */
static inline bool key_in(const token_list *tokens, size_t i, const word_list *list)
{
    return token_key_in(tokens, i, list->words, list->count, true);
}

/* Is token i this one word, alone or with و in front? */
static inline bool key_is(const token_list *tokens, size_t i, const char *word)
{
    return token_key_in(tokens, i, &word, 1, true);
}

/* Is this key (of len bytes) one of the list's words, exactly? */
bool is_one_of(const word_list *list, const char *key, size_t len);

#endif
