/*
 * cli.h — what the subcommands of build/marsad share: reading input files
 * with clear errors, and the table of commands.
 */
#ifndef MARSAD_CLI_H
#define MARSAD_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEFAULT_MAX_INPUT_BYTES ((size_t)256 << 20)

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

/* Reads a whole file ("-" or NULL for standard input) into *data (always
 * NUL-terminated, caller frees).  On failure prints "marsad: PATH: reason"
 * and returns false. */
bool read_whole_file(const char *path, size_t max_bytes, char **data, size_t *len);

/* Line (1-based) and column (byte, 1-based) of byte offset pos in text. */
void line_and_column(const char *text, size_t len, size_t pos, size_t *line, size_t *column);

/* Parses a size such as 50M, 2G, 4096; returns false if malformed. */
bool parse_byte_size(const char *s, size_t *out);

/* Parses YYYY-MM-DD into YYYYMMDD; false when malformed. */
bool parse_date_arg(const char *s, uint32_t *out);

/* A monotonic clock in seconds, for rates and progress. */
double seconds_now(void);

int cmd_tokens(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_compile_lexicon(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_ner(int argc, char **argv);
int cmd_train_ner(int argc, char **argv);
int cmd_word_clusters(int argc, char **argv);

#endif
