/*
 * bench_text.c — throughput of the text core over a JSONL corpus.
 *
 * Loads every article's text into memory first (JSON parsing is not the
 * text core), then times tokenize() — which decodes and checks the UTF-8,
 * normalises, tokenises and splits sentences in one pass — plus the clitic
 * readings of every word, several runs, and prints the median in MB/s of
 * input text on one core.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buffer.h"
#include "clitics.h"
#include "tokenize.h"
#include "utf8.h"

typedef struct {
    char **texts;
    size_t *lengths;
    size_t count, cap, bytes;
} corpus;

static void load(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t n;
    while ((n = getline(&line, &line_cap, f)) > 0) {
        json_error_t err;
        json_t *article = json_loadb(line, (size_t)n, 0, &err);
        const char *text = NULL;
        size_t len = 0;
        if (article && json_unpack(article, "{s:s%}", "text", &text, &len) == 0) {
            if (c->count == c->cap) {
                c->cap = c->cap ? 2 * c->cap : 1024;
                c->texts = xrealloc(c->texts, c->cap * sizeof *c->texts);
                c->lengths = xrealloc(c->lengths, c->cap * sizeof *c->lengths);
            }
            c->texts[c->count] = xstrndup(text, len);
            c->lengths[c->count++] = len;
            c->bytes += len;
        }
        json_decref(article);
    }
    free(line);
    fclose(f);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text ARTICLES.jsonl [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1)
        runs = 1;
    corpus c = {0};
    load(argv[1], &c);
    token_list list = {0};
    clitic_reading readings[CLITIC_MAX_READINGS];
    double *rates = xcalloc((size_t)runs, sizeof *rates);
    size_t tokens = 0, sentences = 0, reading_count = 0;
    for (int r = 0; r < runs; r++) {
        tokens = sentences = reading_count = 0;
        double start = now();
        for (size_t i = 0; i < c.count; i++) {
            tokenize(c.texts[i], c.lengths[i], &list);
            tokens += list.count;
            sentences += list.sentence_count;
            for (size_t t = 0; t < list.count; t++) {
                const token *tok = &list.tokens[t];
                if (tok->kind == TOKEN_WORD)
                    reading_count += clitic_readings(token_key(&list, tok), tok->key_len,
                                                     tok->flags & TOKEN_ENDS_IN_TEH_MARBUTA, readings,
                                                     CLITIC_MAX_READINGS);
            }
        }
        double seconds = now() - start;
        rates[r] = (double)c.bytes / 1e6 / seconds;
    }
    qsort(rates, (size_t)runs, sizeof *rates, compare_doubles);
    printf("text core: %zu articles, %.1f MB of text, %zu tokens, %zu sentences, %zu clitic readings\n", c.count,
           (double)c.bytes / 1e6, tokens, sentences, reading_count);
    printf("text core: median %.1f MB/s over %d runs (min %.1f, max %.1f), one core\n", rates[runs / 2], runs,
           rates[0], rates[runs - 1]);
    token_list_free(&list);
    for (size_t i = 0; i < c.count; i++)
        free(c.texts[i]);
    free(c.texts);
    free(c.lengths);
    free(rates);
    return 0;
}
