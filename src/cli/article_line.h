/*
 * article_line.h — one JSON Lines article read into its fields, the same
 * way for every command that takes articles (`code`, `ingest`).
 *
 * Invalid UTF-8 is read as U+FFFD (with a warning), a bad date is a
 * warning (the default date is used), and a line that is not an object
 * with a "text" string, or whose text is over the size limit, is an error
 * the caller reports and counts.  Buffers are reused line after line.
 */
#ifndef MARSAD_ARTICLE_LINE_H
#define MARSAD_ARTICLE_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"
#include "json_read.h"

typedef struct {
    json_object_view view;      /* every member of the line, raw */
    const json_member *id_member;
    char id[256];               /* the id decoded ("" when none) */
    uint32_t date;              /* YYYYMMDD: the line's, else the default */
    byte_buffer text, title, source, url;   /* decoded; title/source/url empty when absent */
    byte_buffer repaired, scratch;
} article_line;

/* Reads line[0,len) (a trailing newline is ignored).  Warnings go to
 * standard error as "marsad WHO: FILE:LINE: ...".  On error returns false
 * with the reason in error (the id, if it could be read, is set). */
bool read_article_line(article_line *a, const char *who, const char *file, size_t line_number, const char *line,
                       size_t len, uint32_t default_date, size_t max_text_bytes, char *error, size_t error_size);

void article_line_free(article_line *a);

#endif
