/*
 * bench.c — throughput of marsad's stages over a JSONL corpus, one core.
 *
 * Loads every article's text into memory first (JSON parsing is measured
 * elsewhere), then times, over several runs, and prints the medians in MB/s
 * of input text:
 *   text core:  tokenize() — UTF-8 check, normalise, tokenise, sentences —
 *               plus the clitic readings of every word (also per CPU
 *               second of the thread, which a busy host disturbs less);
 *   actors:     tokenize() + lexicon matching + actor coding.
 * Also reports the lexicon's load time, and, given a NER model and a CoNLL
 * file, the NER tagger's speed in tokens/s (features, lexicon and Viterbi).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buffer.h"
#include "clitics.h"
#include "tokenize.h"
#include "actors.h"
#include "event_json.h"
#include "events.h"
#include "lexicon.h"
#include "ner_lookahead.h"
#include "ner_model.h"
#include "ner_train.h"
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

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(double *rates, int runs)
{
    qsort(rates, (size_t)runs, sizeof *rates, compare_doubles);
    return rates[runs / 2];
}

static void bench_actors(const corpus *c, int runs, const char *lexicon_path)
{
    double start = now();
    lexicon *lex = lexicon_open(lexicon_path);
    double load_ms = (now() - start) * 1e3;
    if (!lex)
        return;
    token_list list = {0};
    actor_list actors = {0};
    event_list events = {0};
    byte_buffer json = {0};
    double *rates = xcalloc((size_t)runs, sizeof *rates);
    double *code_rates = xcalloc((size_t)runs, sizeof *code_rates);
    size_t entities = 0, actor_count = 0, event_count = 0;
    for (int r = 0; r < runs; r++) {
        entities = actor_count = 0;
        double t0 = now();
        for (size_t i = 0; i < c->count; i++) {
            tokenize(c->texts[i], c->lengths[i], &list);
            code_actors(lex, c->texts[i], &list, 20180601, &actors);
            entities += actors.entity_count;
            actor_count += actors.actor_count;
        }
        rates[r] = (double)c->bytes / 1e6 / (now() - t0);
    }
    for (int r = 0; r < runs; r++) {
        event_count = 0;
        double t0 = now();
        for (size_t i = 0; i < c->count; i++) {
            tokenize(c->texts[i], c->lengths[i], &list);
            code_actors(lex, c->texts[i], &list, 20180601, &actors);
            code_events(lex, c->texts[i], &list, &actors, 20180601, &events);
            buffer_truncate(&json, 0);
            append_events_json(&json, c->texts[i], &list, &events, &actors);
            event_count += events.count;
        }
        code_rates[r] = (double)c->bytes / 1e6 / (now() - t0);
    }
    double code_median = median_of(code_rates, runs);
    printf("code: %zu events; tokenise + actors + events + JSON out: median %.1f MB/s (%.0f articles/s) over %d runs "
           "(min %.1f, max %.1f), one core\n",
           event_count, code_median, code_median * 1e6 / ((double)c->bytes / (double)c->count), runs, code_rates[0],
           code_rates[runs - 1]);
    free(code_rates);
    event_list_free(&events);
    buffer_free(&json);
    printf("actors: %zu entities, %zu actors; lexicon of %zu entries opened in %.2f ms\n", entities, actor_count,
           lexicon_entry_count(lex), load_ms);
    double median = median_of(rates, runs);
    printf("actors: tokenise + match + code actors: median %.1f MB/s over %d runs (min %.1f, max %.1f), one core\n",
           median, runs, rates[0], rates[runs - 1]);
    free(rates);
    actor_list_free(&actors);
    token_list_free(&list);
    lexicon_close(lex);
}

/* Tokens/s of the NER tagger over a CoNLL file read beforehand: every pass
 * prepares each sentence (keys, clitics, lexicon matches, word classes) and
 * decodes it, then decodes again the sentences that look ahead
 * (ner_lookahead.h), as `marsad ner` does. */
static void bench_ner(const char *model_path, const char *conll_path, const char *lexicon_path, int runs)
{
    ner_model *model = ner_model_open(model_path);
    lexicon *lex = lexicon_open(lexicon_path);
    ner_conll c;
    if (!model || !lex || !ner_conll_read(conll_path, &c)) {
        ner_model_close(model);
        if (lex)
            lexicon_close(lex);
        return;
    }
    ner_sentence s = {.clusters = ner_model_clusters(model)};
    ner_document d = {0};
    uint8_t *tags = xmalloc(c.token_count + 1);
    double *rates = xcalloc((size_t)runs, sizeof *rates), *cpu_rates = xcalloc((size_t)runs, sizeof *cpu_rates);
    for (int r = 0; r < runs; r++) {
        size_t tagged = 0;
        double t0 = now(), c0 = cpu_now(), elapsed;
        do {
            ner_memory_forget(&s);
            ner_document_clear(&d);
            for (size_t k = 0; k < c.sentence_count; k++) {
                size_t a = c.sentence_start[k], n = c.sentence_start[k + 1] - a;
                ner_prepare_strings(&s, lex, c.words + a, c.lengths + a, n);
                ner_model_tag(model, &s, tags + a);
                ner_document_keep(&d, &s, ner_model_last_scores(&s));
            }
            ner_lookahead_tag(model, &d, tags, tags, NER_LOOKAHEAD_ROUNDS);   /* the passes after */
            tagged += c.token_count;
        } while ((elapsed = now() - t0) < 0.5);
        rates[r] = (double)tagged / elapsed;
        cpu_rates[r] = (double)tagged / (cpu_now() - c0);
    }
    double median = median_of(rates, runs), cpu_median = median_of(cpu_rates, runs);
    printf("ner: %zu tokens of %s; features + lexicon + Viterbi: median %.0f tokens/s over %d runs (min %.0f, max %.0f), "
           "one core\n", c.token_count, conll_path, median, runs, rates[0], rates[runs - 1]);
    /* the machine is shared: the thread's own CPU time says what one core does */
    printf("ner: per CPU second of this thread: median %.0f tokens/s (min %.0f, max %.0f)\n", cpu_median, cpu_rates[0],
           cpu_rates[runs - 1]);
    free(rates);
    free(cpu_rates);
    free(tags);
    ner_document_free(&d);
    ner_sentence_free(&s);
    ner_conll_free(&c);
    lexicon_close(lex);
    ner_model_close(model);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench ARTICLES.jsonl [RUNS] [LEXICON [NER_MODEL CONLL]]\n");
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
    double *tokenize_rates = xcalloc((size_t)runs, sizeof *tokenize_rates);
    double *cpu_rates = xcalloc((size_t)runs, sizeof *cpu_rates);
    size_t tokens = 0, sentences = 0, reading_count = 0;
    for (int r = 0; r < runs; r++) {
        double start = now();
        for (size_t i = 0; i < c.count; i++)
            tokenize(c.texts[i], c.lengths[i], &list);
        tokenize_rates[r] = (double)c.bytes / 1e6 / (now() - start);
    }
    for (int r = 0; r < runs; r++) {
        tokens = sentences = reading_count = 0;
        double start = now(), cpu_start = cpu_now();
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
        cpu_rates[r] = (double)c.bytes / 1e6 / (cpu_now() - cpu_start);
    }
    median_of(rates, runs);
    median_of(cpu_rates, runs);
    double tokenize_median = median_of(tokenize_rates, runs);
    printf("text core: %zu articles, %.1f MB of text, %zu tokens, %zu sentences, %zu clitic readings\n", c.count,
           (double)c.bytes / 1e6, tokens, sentences, reading_count);
    printf("text core: UTF-8 check + normalise + tokenise + sentences: median %.1f MB/s over %d runs (min %.1f, max %.1f)\n",
           tokenize_median, runs, tokenize_rates[0], tokenize_rates[runs - 1]);
    printf("text core: the same + clitic readings of every word: median %.1f MB/s over %d runs (min %.1f, max %.1f)\n",
           rates[runs / 2], runs, rates[0], rates[runs - 1]);
    /* the machine is shared: the thread's own CPU time says what one core does */
    printf("text core: the same, per CPU second of this thread: median %.1f MB/s (min %.1f, max %.1f)\n",
           cpu_rates[runs / 2], cpu_rates[0], cpu_rates[runs - 1]);
    token_list_free(&list);
    if (argc > 3)
        bench_actors(&c, runs, argv[3]);
    if (argc > 5)
        bench_ner(argv[4], argv[5], argv[3], runs);
    for (size_t i = 0; i < c.count; i++)
        free(c.texts[i]);
    free(c.texts);
    free(c.lengths);
    free(rates);
    free(tokenize_rates);
    free(cpu_rates);
    return 0;
}
