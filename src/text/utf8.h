/*
 * utf8.h — decoding UTF-8 from the open web without ever failing.
 *
 * Articles arrive with stray Latin-1 bytes, truncated sequences, overlong
 * forms, surrogates and NUL bytes.  utf8_next() decodes one code point and
 * reports malformed input as U+FFFD consuming exactly one byte, so the
 * caller always advances and byte offsets stay meaningful.  Nothing here
 * allocates.
 */
#ifndef MARSAD_UTF8_H
#define MARSAD_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the code point at text[*pos] and advances *pos past it.  On a
 * malformed sequence returns UTF8_REPLACEMENT, advances one byte and sets
 * *malformed (when not NULL).  Requires *pos < len. */
static inline uint32_t utf8_next(const char *text, size_t len, size_t *pos, bool *malformed);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);

/* Length in bytes of the well-formed sequence starting at s[0], or 0 when
 * the bytes there are not well-formed UTF-8. */
size_t utf8_sequence_length(const unsigned char *s, size_t available);

/* Counts of what utf8_scan found: the UTF-8 "check" of the pipeline. */
typedef struct {
    size_t code_points;
    size_t invalid_bytes;   /* bytes that were replaced by U+FFFD */
    size_t nul_bytes;       /* U+0000, legal UTF-8 but never text */
    size_t first_invalid;   /* byte offset of the first invalid byte, or SIZE_MAX */
} utf8_report;

utf8_report utf8_scan(const char *text, size_t len);

/* True when the whole buffer is well-formed UTF-8 without NUL bytes. */
bool utf8_is_clean(const char *text, size_t len);

/* Copies text into out (capacity >= 3 * len + 1), replacing each malformed
 * byte by U+FFFD; returns the new length.  Used where a consumer (JSON
 * output, SQLite) must never see invalid UTF-8. */
size_t utf8_repair(const char *text, size_t len, char *out);

/* ---- inline implementation: this is the innermost loop of the text core */

static inline uint32_t utf8_next(const char *text, size_t len, size_t *pos, bool *malformed)
{
    const unsigned char *s = (const unsigned char *)text + *pos;
    unsigned char c = s[0];
    if (c < 0x80) {
        *pos += 1;
        return c;
    }
    /* two bytes (all of Arabic) without the call */
    if ((unsigned)(c - 0xC2) < 0x1E && len - *pos >= 2 && (s[1] & 0xC0) == 0x80) {
        *pos += 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    size_t n = utf8_sequence_length(s, len - *pos);
    if (n == 0) {
        *pos += 1;
        if (malformed)
            *malformed = true;
        return UTF8_REPLACEMENT;
    }
    uint32_t cp;
    if (n == 2)
        cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    else if (n == 3)
        cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    else
        cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
             ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    *pos += n;
    return cp;
}

#endif
