/*
 * cmd_tokens.c — `marsad tokens [FILE]`: the text core made visible.
 *
 * One line per token: byte offsets, kind, surface, matching key, clitic
 * readings and, where a figure starts, its value.  A "# sentence" line
 * opens each sentence.  Problems with the input (invalid UTF-8, NUL bytes,
 * an empty file) are reported on stderr with their line; the tokens are
 * printed all the same.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clitics.h"
#include "numbers.h"
#include "tokenize.h"
#include "utf8.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: marsad tokens [--max-bytes SIZE] [FILE]\n\n"
                 "Prints, per token of FILE (or standard input): start and end byte offsets,\n"
                 "kind, surface text, normalised matching key, clitic readings, and the value\n"
                 "of any figure that starts there (~ approximate, >= at least).\n\n"
                 "  --max-bytes SIZE   refuse inputs larger than SIZE (default 256M)\n"
                 "  -h, --help         this help\n");
}

/* Prints text with tabs and line breaks made visible, so each token stays
 * on one line of output. */
static void print_visible(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\t') fputs("\\t", stdout);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\0') fputs("\\0", stdout);
        else putchar(c);
    }
}

static void report_input_problems(const char *name, const char *text, size_t len)
{
    if (len == 0) {
        fprintf(stderr, "marsad tokens: %s: empty input, no tokens\n", name);
        return;
    }
    utf8_report r = utf8_scan(text, len);
    if (r.invalid_bytes) {
        size_t line, column;
        line_and_column(text, len, r.first_invalid, &line, &column);
        fprintf(stderr, "marsad tokens: %s:%zu:%zu: %zu invalid UTF-8 byte%s read as U+FFFD (first here)\n", name,
                line, column, r.invalid_bytes, r.invalid_bytes == 1 ? "" : "s");
    }
    if (r.nul_bytes)
        fprintf(stderr, "marsad tokens: %s: %zu NUL byte%s read as spaces\n", name, r.nul_bytes,
                r.nul_bytes == 1 ? "" : "s");
}

int cmd_tokens(int argc, char **argv)
{
    static const struct option options[] = {
        {"max-bytes", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    size_t max_bytes = DEFAULT_MAX_INPUT_BYTES;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'm':
            if (!parse_byte_size(optarg, &max_bytes)) {
                fprintf(stderr, "marsad tokens: --max-bytes: '%s' is not a size (try 50M)\n", optarg);
                return 2;
            }
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (argc - optind > 1) {
        fprintf(stderr, "marsad tokens: one file at a time\n");
        return 2;
    }
    const char *path = optind < argc ? argv[optind] : "-";
    const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
    char *text;
    size_t len;
    if (!read_whole_file(path, max_bytes, &text, &len))
        return 1;
    if (len > UINT32_MAX) {
        fprintf(stderr, "marsad tokens: %s: over 4 GiB\n", name);
        free(text);
        return 1;
    }
    report_input_problems(name, text, len);

    static char out_buffer[1 << 16];
    setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    token_list list = {0};
    tokenize(text, len, &list);
    clitic_reading readings[CLITIC_MAX_READINGS];
    char formatted[512];
    for (size_t s = 0; s < list.sentence_count; s++) {
        const sentence *sent = &list.sentences[s];
        printf("# sentence %zu\t%u\t%u\n", s + 1, sent->start, sent->end);
        for (size_t i = sent->first_token; i < sent->first_token + sent->token_count; i++) {
            const token *t = &list.tokens[i];
            const char *key = token_key(&list, t);
            printf("%u\t%u\t%s\t", t->start, t->end, token_kind_name((token_kind)t->kind));
            print_visible(text + t->start, t->end - t->start);
            putchar('\t');
            print_visible(key, t->key_len);
            putchar('\t');
            if (t->kind == TOKEN_WORD) {
                size_t n = clitic_readings(key, t->key_len, t->flags & TOKEN_ENDS_IN_TEH_MARBUTA, readings, CLITIC_MAX_READINGS);
                for (size_t r = 1; r < n; r++) {
                    if (r > 1)
                        fputs(" | ", stdout);
                    fputs(clitic_reading_format(key, t->key_len, &readings[r], formatted, sizeof formatted), stdout);
                }
            }
            putchar('\t');
            parsed_number number;
            if (parse_number_at(&list, i, &number)) {
                format_number(&number, formatted, sizeof formatted);
                printf("%s", formatted);
                if (number.token_count > 1)
                    printf(" [%zu tokens]", number.token_count);
            }
            putchar('\n');
        }
    }
    fflush(stdout);
    setvbuf(stdout, NULL, _IOLBF, 0);
    token_list_free(&list);
    free(text);
    return 0;
}
