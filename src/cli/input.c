/* input.c — reading whole files for the CLI, with messages a user can act on. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buffer.h"
#include "dates.h"

bool read_whole_file(const char *path, size_t max_bytes, char **data, size_t *len)
{
    bool from_stdin = path == NULL || strcmp(path, "-") == 0;
    const char *name = from_stdin ? "standard input" : path;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "marsad: %s: %s\n", name, strerror(errno));
        return false;
    }
    byte_buffer b = {0};
    buffer_reserve(&b, 1 << 16);
    for (;;) {
        buffer_reserve(&b, 1 << 16);
        size_t n = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
        b.len += n;
        if (b.len > max_bytes) {
            fprintf(stderr, "marsad: %s: larger than the %zu-byte limit (raise it with --max-bytes)\n", name,
                    max_bytes);
            buffer_free(&b);
            if (!from_stdin)
                fclose(f);
            return false;
        }
        if (n == 0)
            break;
    }
    bool failed = ferror(f);
    int saved = errno;
    if (!from_stdin)
        fclose(f);
    if (failed) {
        fprintf(stderr, "marsad: %s: read error: %s\n", name, strerror(saved));
        buffer_free(&b);
        return false;
    }
    b.data[b.len] = '\0';
    *data = b.data;
    *len = b.len;
    return true;
}

void line_and_column(const char *text, size_t len, size_t pos, size_t *line, size_t *column)
{
    size_t l = 1, line_start = 0;
    for (size_t i = 0; i < pos && i < len; i++)
        if (text[i] == '\n') {
            l++;
            line_start = i + 1;
        }
    *line = l;
    *column = pos - line_start + 1;
}

bool parse_byte_size(const char *s, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10, end++;
    else if (*end == 'M' || *end == 'm') shift = 20, end++;
    else if (*end == 'G' || *end == 'g') shift = 30, end++;
    if (*end != '\0' || v > (~0ULL >> shift))
        return false;
    *out = (size_t)(v << shift);
    return true;
}

bool parse_date_arg(const char *s, uint32_t *out)
{
    uint32_t date = date_parse_iso(s, strlen(s));
    if (!date || strlen(s) != 10)
        return false;
    *out = date;
    return true;
}

double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
