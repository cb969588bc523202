/* json_write.c — see json_write.h. */
#include "json_write.h"

#include <math.h>
#include <string.h>

#include "utf8.h"

void json_write_string(byte_buffer *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    buffer_reserve(b, len + 2);
    buffer_append_char(b, '"');
    size_t pos = 0;
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        if (c >= 0x80) {
            size_t at = pos;
            bool malformed = false;
            utf8_next(s, len, &pos, &malformed);
            if (malformed)
                buffer_append(b, "\xEF\xBF\xBD", 3);
            else
                buffer_append(b, s + at, pos - at);
            continue;
        }
        pos++;
        switch (c) {
        case '"': buffer_append(b, "\\\"", 2); break;
        case '\\': buffer_append(b, "\\\\", 2); break;
        case '\n': buffer_append(b, "\\n", 2); break;
        case '\r': buffer_append(b, "\\r", 2); break;
        case '\t': buffer_append(b, "\\t", 2); break;
        default:
            if (c < 0x20) {
                char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                buffer_append(b, esc, 6);
            } else {
                buffer_append_char(b, (char)c);
            }
        }
    }
    buffer_append_char(b, '"');
}

void json_write_cstring(byte_buffer *b, const char *s)
{
    if (!s)
        buffer_append(b, "null", 4);
    else
        json_write_string(b, s, strlen(s));
}

void json_write_code(byte_buffer *b, const char *code)
{
    json_write_cstring(b, code && code[0] ? code : NULL);
}

void json_write_int(byte_buffer *b, int64_t v, int64_t null_value)
{
    if (v == null_value)
        buffer_append(b, "null", 4);
    else
        buffer_printf(b, "%lld", (long long)v);
}

void json_write_double(byte_buffer *b, double v)
{
    if (isnan(v))
        buffer_append(b, "null", 4);
    else
        buffer_printf(b, "%.5f", v);
}
