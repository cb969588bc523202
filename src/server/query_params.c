/*
 * query_params.c — see query_params.h.
 */
#include "query_params.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "dates.h"
#include "utf8.h"

static bool fail(query_params *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(query_params *q, const char *fmt, ...)
{
    if (q->error[0])
        return false;        /* the first error is the one worth reporting */
    va_list args;
    va_start(args, fmt);
    vsnprintf(q->error, sizeof q->error, fmt, args);
    va_end(args);
    return false;
}

/* A name as it may be quoted in an error: printable ASCII, cut short. */
static const char *quoted_name(const char *name, size_t len, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < size && n < 40; i++)
        out[n++] = name[i] > 0x20 && name[i] < 0x7f && name[i] != '"' && name[i] != '\\' ? name[i] : '?';
    out[n] = '\0';
    return out;
}

void query_params_init(query_params *q)
{
    memset(q, 0, sizeof *q);
}

void query_params_free(query_params *q)
{
    for (size_t i = 0; i < q->count; i++) {
        free(q->params[i].name);
        free(q->params[i].value);
    }
    q->count = 0;
}

bool query_params_add(query_params *q, const char *name, size_t name_len, const char *value, size_t value_len)
{
    char shown[48];
    if (!value)
        value = "", value_len = 0;
    quoted_name(name, name_len, shown, sizeof shown);
    if (name_len == 0)
        return fail(q, "a parameter without a name");
    if (name_len > 64)
        return fail(q, "%s: parameter name too long", shown);
    if (memchr(name, '\0', name_len) || memchr(value, '\0', value_len))
        return fail(q, "%s: contains a NUL byte", shown);
    if (value_len > QUERY_MAX_VALUE)
        return fail(q, "%s: value longer than %d bytes", shown, QUERY_MAX_VALUE);
    if (q->count == QUERY_MAX_PARAMS)
        return fail(q, "more than %d parameters", QUERY_MAX_PARAMS);
    for (size_t i = 0; i < q->count; i++)
        if (strlen(q->params[i].name) == name_len && memcmp(q->params[i].name, name, name_len) == 0)
            return fail(q, "%s: given more than once", shown);
    q->params[q->count].name = xstrndup(name, name_len);
    q->params[q->count].value = xstrndup(value, value_len);
    q->count++;
    return true;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..len) into out (capacity len + 1); -1 on a bad escape. */
static long percent_decode(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '+') {
            out[n++] = ' ';
        } else if (s[i] == '%') {
            int hi = i + 2 < len ? hex_value(s[i + 1]) : -1;
            int lo = i + 2 < len ? hex_value(s[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return -1;
            out[n++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[n++] = s[i];
        }
    }
    out[n] = '\0';
    return (long)n;
}

bool query_params_parse(query_params *q, const char *raw, size_t len)
{
    size_t start = 0;
    while (start <= len) {
        const char *amp = memchr(raw + start, '&', len - start);
        size_t end = amp ? (size_t)(amp - raw) : len;
        if (end > start) {
            const char *pair = raw + start;
            size_t pair_len = end - start;
            const char *eq = memchr(pair, '=', pair_len);
            size_t name_len = eq ? (size_t)(eq - pair) : pair_len;
            const char *value = eq ? eq + 1 : pair + pair_len;
            size_t value_len = eq ? pair_len - name_len - 1 : 0;
            char *name_out = xmalloc(name_len + 1), *value_out = xmalloc(value_len + 1);
            long nl = percent_decode(pair, name_len, name_out);
            long vl = percent_decode(value, value_len, value_out);
            char shown[48];
            bool ok = nl >= 0 && vl >= 0
                          ? query_params_add(q, name_out, (size_t)nl, value_out, (size_t)vl)
                          : fail(q, "%s: malformed percent-escape", quoted_name(pair, name_len, shown, sizeof shown));
            free(name_out);
            free(value_out);
            if (!ok)
                return false;
        }
        if (!amp)
            break;
        start = end + 1;
    }
    return true;
}

bool query_params_only(query_params *q, const char *const *known)
{
    for (size_t i = 0; i < q->count; i++) {
        size_t k = 0;
        while (known[k] && strcmp(known[k], q->params[i].name) != 0)
            k++;
        if (!known[k]) {
            char shown[48];
            const char *name = q->params[i].name;
            return fail(q, "%s: unknown parameter", quoted_name(name, strlen(name), shown, sizeof shown));
        }
    }
    return true;
}

const char *query_params_get(const query_params *q, const char *name)
{
    for (size_t i = 0; i < q->count; i++)
        if (strcmp(q->params[i].name, name) == 0)
            return q->params[i].value;
    return NULL;
}

bool query_params_int(query_params *q, const char *name, int64_t min, int64_t max, int64_t *out)
{
    const char *v = query_params_get(q, name);
    if (!v)
        return true;
    bool digits = *v != '\0';
    for (const char *p = *v == '-' ? v + 1 : v; *p; p++)
        digits = digits && *p >= '0' && *p <= '9';
    errno = 0;
    long long n = digits ? strtoll(v, NULL, 10) : 0;
    if (!digits || errno == ERANGE || strcmp(v, "-") == 0)
        return fail(q, "%s: not an integer", name);
    if (n < min || n > max)
        return fail(q, "%s: must be %lld to %lld", name, (long long)min, (long long)max);
    *out = n;
    return true;
}

bool query_params_date(query_params *q, const char *name, uint32_t *out)
{
    const char *v = query_params_get(q, name);
    if (!v)
        return true;
    uint32_t date = strlen(v) == 10 ? date_parse_iso(v, 10) : 0;
    if (!date || !date_is_valid(date))
        return fail(q, "%s: not a date YYYY-MM-DD", name);
    *out = date;
    return true;
}

bool query_params_code(query_params *q, const char *name, size_t max_len, const char **out)
{
    const char *v = query_params_get(q, name);
    if (!v)
        return true;
    size_t len = strlen(v);
    bool ok = len > 0 && len <= max_len;
    for (size_t i = 0; ok && i < len; i++) {
        char c = v[i];
        ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
    if (!ok)
        return fail(q, "%s: must be 1 to %zu letters, digits, '_' or '-'", name, max_len);
    *out = v;
    return true;
}

bool query_params_text(query_params *q, const char *name, size_t max_len, const char **out)
{
    const char *v = query_params_get(q, name);
    if (!v)
        return true;
    size_t len = strlen(v);
    if (len == 0 || len > max_len)
        return fail(q, "%s: must be 1 to %zu bytes", name, max_len);
    if (!utf8_is_clean(v, len))
        return fail(q, "%s: not valid UTF-8", name);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return fail(q, "%s: contains a control character", name);
    *out = v;
    return true;
}

bool query_params_near(query_params *q, const char *name, double *lat, double *lon, double *km)
{
    const char *v = query_params_get(q, name);
    if (!v)
        return true;
    double parts[3];
    const char *p = v;
    for (int i = 0; i < 3; i++) {
        char *end;
        errno = 0;
        parts[i] = strtod(p, &end);
        if (end == p || errno == ERANGE || !isfinite(parts[i]) || *end != (i < 2 ? ',' : '\0'))
            return fail(q, "%s: not LAT,LON,KM", name);
        p = end + 1;
    }
    if (fabs(parts[0]) > 90 || fabs(parts[1]) > 180 || !(parts[2] > 0) || parts[2] > 20040)
        return fail(q, "%s: LAT within ±90, LON within ±180, 0 < KM <= 20040", name);
    *lat = parts[0], *lon = parts[1], *km = parts[2];
    return true;
}
