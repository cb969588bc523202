/*
 * buffer.h — a growable byte buffer and allocation that never returns NULL.
 *
 * marsad treats running out of memory as fatal: every allocation goes
 * through xmalloc/xrealloc, which print a message and exit, so callers never
 * carry half-handled NULL checks.
 */
#ifndef MARSAD_BUFFER_H
#define MARSAD_BUFFER_H

#include <stddef.h>

typedef struct {
    char *data;     /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} byte_buffer;

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrndup(const char *s, size_t len);

/* Grows the array *items (of *cap elements of elem_size) to hold at least
 * need elements. */
void grow_array(void **items, size_t *cap, size_t need, size_t elem_size);

void buffer_reserve(byte_buffer *b, size_t extra);
void buffer_append(byte_buffer *b, const char *s, size_t n);
void buffer_append_str(byte_buffer *b, const char *s);
void buffer_append_char(byte_buffer *b, char c);
void buffer_printf(byte_buffer *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buffer_truncate(byte_buffer *b, size_t len);
void buffer_free(byte_buffer *b);

#endif
