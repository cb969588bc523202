/*
 * json_read.c — see json_read.h.  A recursive-descent validator with an
 * explicit depth bound; nothing is allocated but the member array.
 */
#include "json_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define MAX_DEPTH 64

typedef struct {
    const char *s;
    size_t len, pos;
    char *error;
    size_t error_size;
} parser;

static bool fail(parser *p, const char *what)
{
    snprintf(p->error, p->error_size, "%s at byte %zu", what, p->pos + 1);
    return false;
}

static void skip_space(parser *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool parse_string(parser *p)
{
    p->pos++;     /* the opening quote */
    while (p->pos < p->len) {
        unsigned char c = (unsigned char)p->s[p->pos];
        if (c == '"') {
            p->pos++;
            return true;
        }
        if (c < 0x20)
            return fail(p, "control character inside a string");
        if (c == '\\') {
            if (p->pos + 1 >= p->len)
                return fail(p, "unfinished escape");
            char e = p->s[p->pos + 1];
            if (e == 'u') {
                if (p->pos + 6 > p->len)
                    return fail(p, "unfinished \\u escape");
                for (size_t i = 2; i < 6; i++)
                    if (hex_value(p->s[p->pos + i]) < 0)
                        return fail(p, "bad \\u escape");
                p->pos += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == '\0')
                return fail(p, "bad escape");
            p->pos += 2;
            continue;
        }
        p->pos++;
    }
    return fail(p, "unterminated string");
}

static bool parse_digits(parser *p)
{
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
        p->pos++;
    return p->pos > start;
}

static bool parse_number(parser *p)
{
    if (p->s[p->pos] == '-')
        p->pos++;
    if (p->pos < p->len && p->s[p->pos] == '0')
        p->pos++;
    else if (!parse_digits(p))
        return fail(p, "bad number");
    if (p->pos < p->len && p->s[p->pos] == '.') {
        p->pos++;
        if (!parse_digits(p))
            return fail(p, "bad number");
    }
    if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
        p->pos++;
        if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
            p->pos++;
        if (!parse_digits(p))
            return fail(p, "bad number");
    }
    return true;
}

static bool parse_literal(parser *p, const char *word)
{
    size_t n = strlen(word);
    if (p->pos + n > p->len || memcmp(p->s + p->pos, word, n) != 0)
        return fail(p, "unexpected character");
    p->pos += n;
    return true;
}

static bool parse_value(parser *p, int depth, json_kind *kind);

static bool parse_container(parser *p, int depth, bool is_object)
{
    if (depth >= MAX_DEPTH)
        return fail(p, "nested more than 64 deep");
    char close = is_object ? '}' : ']';
    p->pos++;
    skip_space(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return true;
    }
    for (;;) {
        skip_space(p);
        if (is_object) {
            if (p->pos >= p->len || p->s[p->pos] != '"')
                return fail(p, "expected a key");
            if (!parse_string(p))
                return false;
            skip_space(p);
            if (p->pos >= p->len || p->s[p->pos] != ':')
                return fail(p, "expected ':'");
            p->pos++;
        }
        json_kind kind;
        if (!parse_value(p, depth + 1, &kind))
            return false;
        skip_space(p);
        if (p->pos >= p->len)
            return fail(p, "unterminated object or array");
        if (p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->s[p->pos] == close) {
            p->pos++;
            return true;
        }
        return fail(p, "expected ',' or a closing bracket");
    }
}

static bool parse_value(parser *p, int depth, json_kind *kind)
{
    skip_space(p);
    if (p->pos >= p->len)
        return fail(p, "expected a value");
    char c = p->s[p->pos];
    switch (c) {
    case '"': *kind = JSON_STRING; return parse_string(p);
    case '{': *kind = JSON_OBJECT; return parse_container(p, depth, true);
    case '[': *kind = JSON_ARRAY; return parse_container(p, depth, false);
    case 't': *kind = JSON_TRUE; return parse_literal(p, "true");
    case 'f': *kind = JSON_FALSE; return parse_literal(p, "false");
    case 'n': *kind = JSON_NULL; return parse_literal(p, "null");
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            *kind = JSON_NUMBER;
            return parse_number(p);
        }
        return fail(p, "unexpected character");
    }
}

bool json_parse_object(const char *text, size_t len, json_object_view *out, char *error, size_t error_size)
{
    parser p = {text, len, 0, error, error_size};
    out->count = 0;
    skip_space(&p);
    if (p.pos >= len || text[p.pos] != '{')
        return fail(&p, "expected a JSON object");
    p.pos++;
    skip_space(&p);
    if (p.pos < len && text[p.pos] == '}') {
        p.pos++;
    } else {
        for (;;) {
            skip_space(&p);
            if (p.pos >= len || text[p.pos] != '"')
                return fail(&p, "expected a key");
            size_t key_start = p.pos;
            if (!parse_string(&p))
                return false;
            size_t key_end = p.pos;
            skip_space(&p);
            if (p.pos >= len || text[p.pos] != ':')
                return fail(&p, "expected ':'");
            p.pos++;
            skip_space(&p);
            size_t value_start = p.pos;
            json_kind kind;
            if (!parse_value(&p, 1, &kind))
                return false;
            grow_array((void **)&out->members, &out->cap, out->count + 1, sizeof *out->members);
            json_member *m = &out->members[out->count++];
            m->key = text + key_start + 1;
            m->key_len = key_end - key_start - 2;
            m->value = text + value_start;
            m->value_len = p.pos - value_start;
            m->kind = kind;
            skip_space(&p);
            if (p.pos < len && text[p.pos] == ',') {
                p.pos++;
                continue;
            }
            if (p.pos < len && text[p.pos] == '}') {
                p.pos++;
                break;
            }
            return fail(&p, "expected ',' or '}'");
        }
    }
    skip_space(&p);
    if (p.pos != len)
        return fail(&p, "text after the object");
    return true;
}

const json_member *json_member_named(const json_object_view *view, const char *key)
{
    size_t n = strlen(key);
    const json_member *found = NULL;
    for (size_t i = 0; i < view->count; i++)     /* the last of duplicate keys wins */
        if (view->members[i].key_len == n && memcmp(view->members[i].key, key, n) == 0)
            found = &view->members[i];
    return found;
}

static unsigned read_hex4(const char *s)
{
    return (unsigned)(hex_value(s[0]) << 12 | hex_value(s[1]) << 8 | hex_value(s[2]) << 4 | hex_value(s[3]));
}

void json_decode_string(const char *raw, size_t raw_len, byte_buffer *out)
{
    if (raw_len < 2)
        return;
    const char *s = raw + 1;
    size_t len = raw_len - 2, i = 0;
    buffer_reserve(out, len);
    out->data[out->len] = '\0';   /* "" appends nothing, yet must read as a string */
    while (i < len) {
        size_t run = i;
        while (run < len && s[run] != '\\')
            run++;
        buffer_append(out, s + i, run - i);
        i = run;
        if (i >= len)
            break;
        char e = s[i + 1];
        i += 2;
        char c = 0;
        switch (e) {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u': {
            uint32_t cp = read_hex4(s + i);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= len && s[i] == '\\' && s[i + 1] == 'u') {
                uint32_t low = read_hex4(s + i + 2);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            char buf[4];
            size_t n = utf8_encode(cp, buf);   /* a lone surrogate becomes U+FFFD */
            buffer_append(out, buf, n);
            continue;
        }
        default: c = e; break;      /* \" \\ \/ */
        }
        buffer_append_char(out, c);
    }
}

void json_object_view_free(json_object_view *view)
{
    free(view->members);
    view->members = NULL;
    view->count = view->cap = 0;
}
