/*
 * tsv.h — reading the data/ tables: a header line naming the columns,
 * '#' comments, one row a line.  Rows are read by column name, so a
 * linguist may add a column without breaking the reader.
 */
#ifndef MARSAD_TSV_H
#define MARSAD_TSV_H

#include <stdbool.h>
#include <stdio.h>

#define TSV_MAX_COLUMNS 16

typedef struct {
    FILE *file;
    const char *path;
    size_t line_number;
    char *line;
    size_t line_cap;
    char *header[TSV_MAX_COLUMNS];
    size_t header_count;
    char *fields[TSV_MAX_COLUMNS];
    size_t field_count;
} tsv_reader;

/* Opens path and reads its header; prints why and returns false on failure. */
bool tsv_open(tsv_reader *r, const char *path);

/* Reads the next data row; false at the end of the file. */
bool tsv_next(tsv_reader *r);

/* Index of the named column, or -1 (and a message) when the header lacks it. */
int tsv_column(tsv_reader *r, const char *name);

/* The field of the current row in column index (empty string when absent). */
const char *tsv_field(const tsv_reader *r, int column);

void tsv_close(tsv_reader *r);

#endif
