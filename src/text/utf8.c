/*
 * utf8.c — see utf8.h.  The validity rules are those of RFC 3629 / Unicode
 * Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
#include "utf8.h"

#include <stdint.h>

size_t utf8_sequence_length(const unsigned char *s, size_t available)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4)       /* continuation byte, overlong lead, or > U+10FFFF */
        return 0;
    if (c < 0xE0) {
        if (available < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (available < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)    /* overlong */
            return 0;
        if (c == 0xED && s[1] >= 0xA0)   /* UTF-16 surrogate */
            return 0;
        return 3;
    }
    if (available < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
        return 0;
    if (c == 0xF0 && s[1] < 0x90)        /* overlong */
        return 0;
    if (c == 0xF4 && s[1] >= 0x90)       /* above U+10FFFF */
        return 0;
    return 4;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = UTF8_REPLACEMENT;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return utf8_encode(UTF8_REPLACEMENT, out);
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

utf8_report utf8_scan(const char *text, size_t len)
{
    utf8_report report = {0, 0, 0, SIZE_MAX};
    size_t pos = 0;
    while (pos < len) {
        bool malformed = false;
        size_t at = pos;
        uint32_t cp = utf8_next(text, len, &pos, &malformed);
        report.code_points++;
        if (malformed) {
            report.invalid_bytes++;
            if (report.first_invalid == SIZE_MAX)
                report.first_invalid = at;
        } else if (cp == 0) {
            report.nul_bytes++;
        }
    }
    return report;
}

bool utf8_is_clean(const char *text, size_t len)
{
    utf8_report r = utf8_scan(text, len);
    return r.invalid_bytes == 0 && r.nul_bytes == 0;
}

size_t utf8_repair(const char *text, size_t len, char *out)
{
    size_t pos = 0, n = 0;
    while (pos < len) {
        size_t at = pos;
        bool malformed = false;
        utf8_next(text, len, &pos, &malformed);
        if (malformed) {
            n += utf8_encode(UTF8_REPLACEMENT, out + n);
        } else {
            for (size_t i = at; i < pos; i++)
                out[n++] = text[i];
        }
    }
    out[n] = '\0';
    return n;
}
