/*
 * search_terms.h — the terms full-text search indexes and looks up, and the
 * SQLite FTS5 tokenizer ("marsad_arabic") that produces them.
 *
 * A word becomes one term, the same way in documents and in queries:
 *   1. marsad's matching key (normalize.h): hamza-alef variants, ى/ي,
 *      diacritics and tatweel folded; Latin letters lower-cased;
 *   2. Snowball's Arabic light stemmer (libstemmer) on the key, with a
 *      final ة restored so it is read as the feminine ending;
 *   3. marsad's clitic segmentation (clitics.h) peels a conjunction و/ف the
 *      stemmer leaves before an alef (واشتبكت → اشتبكت → اشتبك);
 *   4. two folds of our own: the alef left of a plural ات (اشتباكا →
 *      اشتباك), and the long alef of the verbal nouns of forms VII, VIII
 *      and X (اشتباك → اشتبك, انسحاب → انسحب, استهداف → استهدف), so a noun
 *      finds its verb.
 * Hence "الاشتباكات" finds "اشتباكات" and "واشتبكت".  Recall over precision:
 * this is for finding articles, not for coding them.
 */
#ifndef MARSAD_SEARCH_TERMS_H
#define MARSAD_SEARCH_TERMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "buffer.h"
#include "tokenize.h"

#define SEARCH_TERM_MAX 128

/* Bump when search_term() changes: a database indexed with other terms
 * has its search index rebuilt when opened for writing. */
#define SEARCH_TERMS_VERSION 1

typedef struct search_stemmer search_stemmer;

/* NULL when libstemmer has no Arabic stemmer (then step 2 is skipped). */
search_stemmer *search_stemmer_new(void);
void search_stemmer_free(search_stemmer *s);

/* Writes the term of the matching key key[0,len) into out (NUL-terminated)
 * and returns its length; 0 for a word too long to index.  ends_in_teh_marbuta
 * is the token's TOKEN_ENDS_IN_TEH_MARBUTA flag.  s may be NULL. */
size_t search_term(search_stemmer *s, const char *key, size_t len, bool ends_in_teh_marbuta,
                   char out[SEARCH_TERM_MAX]);

/* The terms of a whole text, space-separated (for tests and `search --explain`). */
void search_terms_of_text(const char *text, size_t len, char *out, size_t size);

/* The terms of a text computed ahead of time, with their byte spans, so
 * that many threads can do the stemming and the one SQLite writer only
 * stores: see search_tokenizer_offer(). */
typedef struct {
    byte_buffer terms;           /* the terms, back to back */
    uint32_t *spans;             /* per term: offset in terms, length, start, end */
    size_t count, cap;
} prepared_terms;

/* Prepares the terms of a text already tokenised into tokens. */
void prepare_search_terms(search_stemmer *s, const token_list *tokens, prepared_terms *out);
void prepared_terms_free(prepared_terms *p);

/* Until the next call, the tokenizer on this thread emits terms instead of
 * tokenising when it is given text[0,len) (compared by content); NULL
 * withdraws the offer. */
void search_tokenizer_offer(const char *text, size_t len, const prepared_terms *terms);

/* The terms offered on this thread for text[0,len), or NULL. */
const prepared_terms *search_tokenizer_offered(const char *text, size_t len);

/* Registers the "marsad_arabic" FTS5 tokenizer on db; false if FTS5 is missing. */
bool search_tokenizer_register(sqlite3 *db);

#endif
