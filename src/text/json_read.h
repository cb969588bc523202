/*
 * json_read.h — reading one JSON object a line, fast, without building a
 * tree.  The whole line is validated (RFC 8259 grammar, nesting up to 64
 * deep), and the object's top-level members are returned as spans of the
 * line: a key, and its value's raw JSON text.  Strings are decoded only
 * when asked (json_decode_string), so a long "text" is copied once.
 * Replaces jansson on the hot path of `marsad code`, where parsing JSON
 * cost more than coding the article.
 */
#ifndef MARSAD_JSON_READ_H
#define MARSAD_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "buffer.h"

typedef enum { JSON_STRING, JSON_NUMBER, JSON_OBJECT, JSON_ARRAY, JSON_TRUE, JSON_FALSE, JSON_NULL } json_kind;

typedef struct {
    const char *key;        /* raw, without the quotes (escapes not decoded) */
    size_t key_len;
    const char *value;      /* raw JSON text of the value */
    size_t value_len;
    json_kind kind;
} json_member;

typedef struct {
    json_member *members;
    size_t count, cap;
} json_object_view;

/* Parses text[0,len) as one JSON object (surrounding whitespace allowed).
 * On failure returns false and writes a message with the byte offset into
 * error.  The view's spans point into text. */
bool json_parse_object(const char *text, size_t len, json_object_view *out, char *error, size_t error_size);

/* The member named key (plain ASCII, compared raw), or NULL. */
const json_member *json_member_named(const json_object_view *view, const char *key);

/* Appends the decoded contents of a raw JSON string (with its quotes) to
 * out: escapes resolved, \u surrogate pairs joined, a lone surrogate
 * written as U+FFFD. */
void json_decode_string(const char *raw, size_t raw_len, byte_buffer *out);

void json_object_view_free(json_object_view *view);

#endif
