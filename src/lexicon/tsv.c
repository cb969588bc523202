/* tsv.c — see tsv.h. */
#include "tsv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"

static size_t split_fields(char *line, char **fields)
{
    size_t n = 0;
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    char *p = line;
    while (n < TSV_MAX_COLUMNS) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static bool read_line(tsv_reader *r)
{
    for (;;) {
        ssize_t n = getline(&r->line, &r->line_cap, r->file);
        if (n < 0)
            return false;
        r->line_number++;
        if (r->line[0] == '#' || r->line[0] == '\n' || (r->line[0] == '\r' && r->line[1] == '\n'))
            continue;
        return true;
    }
}

bool tsv_open(tsv_reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->file = fopen(path, "r");
    if (!r->file) {
        fprintf(stderr, "marsad: %s: %s\n", path, strerror(errno));
        return false;
    }
    if (!read_line(r)) {
        fprintf(stderr, "marsad: %s: no header line\n", path);
        tsv_close(r);
        return false;
    }
    char *fields[TSV_MAX_COLUMNS];
    r->header_count = split_fields(r->line, fields);
    for (size_t i = 0; i < r->header_count; i++)
        r->header[i] = xstrndup(fields[i], strlen(fields[i]));
    return true;
}

bool tsv_next(tsv_reader *r)
{
    if (!read_line(r))
        return false;
    r->field_count = split_fields(r->line, r->fields);
    return true;
}

int tsv_column(tsv_reader *r, const char *name)
{
    for (size_t i = 0; i < r->header_count; i++)
        if (strcmp(r->header[i], name) == 0)
            return (int)i;
    fprintf(stderr, "marsad: %s: no column '%s' in the header\n", r->path, name);
    return -1;
}

const char *tsv_field(const tsv_reader *r, int column)
{
    if (column < 0 || (size_t)column >= r->field_count)
        return "";
    return r->fields[column];
}

void tsv_close(tsv_reader *r)
{
    if (r->file)
        fclose(r->file);
    for (size_t i = 0; i < r->header_count; i++)
        free(r->header[i]);
    free(r->line);
    memset(r, 0, sizeof *r);
}
