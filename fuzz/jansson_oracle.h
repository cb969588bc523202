/* jansson as a second opinion for fuzz_json_read, in its own translation
 * unit because jansson's JSON_TRUE ... clash with json_read.h's. */
#ifndef MARSAD_FUZZ_JANSSON_ORACLE_H
#define MARSAD_FUZZ_JANSSON_ORACLE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct oracle_document oracle_document;

/* Parses text as JSON (NUL allowed in strings).  Returns the document, or
 * NULL with jansson's message in error. */
oracle_document *oracle_parse(const char *text, size_t len, char *error, size_t error_size);
bool oracle_is_object(const oracle_document *doc);
/* The string member named key: true with its bytes, or false. */
bool oracle_string_member(const oracle_document *doc, const char *key, const char **value, size_t *len);
void oracle_free(oracle_document *doc);

#endif
