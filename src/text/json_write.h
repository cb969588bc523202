/*
 * json_write.h — writing JSON by hand into a byte_buffer.  Strings from
 * articles may hold any bytes: invalid UTF-8 is written as U+FFFD and
 * control characters are escaped, so the output is always valid JSON.
 */
#ifndef MARSAD_JSON_WRITE_H
#define MARSAD_JSON_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "buffer.h"

void json_write_string(byte_buffer *b, const char *s, size_t len);
void json_write_cstring(byte_buffer *b, const char *s);          /* NULL writes null */
void json_write_code(byte_buffer *b, const char *code);   /* "" writes null */
void json_write_int(byte_buffer *b, int64_t v, int64_t null_value);
void json_write_double(byte_buffer *b, double v);          /* NAN writes null */

#endif
