/*
 * cmd_ingest.c — `marsad ingest`: articles in (JSON Lines, plain-text files,
 * directories of them), coded and stored in the event database.
 *
 * Idempotent: an article already stored with the same content is skipped
 * before it is coded, a changed one replaces its old version.  Articles are
 * written in batched transactions, so a crash or kill loses at most the open
 * batch and re-running finishes the job; clusters are recomputed at the end
 * of every run that stored something.  A bad line is reported with file
 * and line, counted, and skipped.
 *
 * With -j N, N threads code while the main thread reads and stores: articles
 * go in small batches, and while the coders work on one batch the main
 * thread stores the previous one, in input order.  SQLite has one writer.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article_coder.h"
#include "article_line.h"
#include "cli.h"
#include "html_text.h"
#include "lexicon.h"
#include "ner_model.h"
#include "search_terms.h"
#include "store.h"
#include "utf8.h"

#define DEFAULT_MAX_ARTICLE_BYTES ((size_t)8 << 20)
#define DEFAULT_BATCH 1000
#define PIPELINE_BATCH 64       /* articles handed to the coders at a time */

/* One article on its way through the pipeline: its fields copied out of
 * the input line, and what the coders found. */
typedef struct {
    byte_buffer id, source, url, title, text;
    uint32_t date;
    char hash[STORE_HASH_SIZE];
    article_coding coding;
    prepared_terms terms;        /* the text's search terms, stemmed by the coder */
} job;

typedef struct {
    job jobs[PIPELINE_BATCH];
    size_t count;
} batch;

/* The coders: each takes the next job of the dispatched batch. */
typedef struct {
    const lexicon *lex;
    const ner_model *ner;        /* --ner: the tagger adds the names the lexicon lacks */
    pthread_mutex_t lock;
    pthread_cond_t work, finished;
    batch *current;
    size_t next, done;
    bool quit;
    pthread_t *threads;
    size_t thread_count;
} coder_pool;

typedef struct {
    store *db;
    lexicon *lex;
    uint32_t default_date;
    size_t max_article_bytes, batch;
    article_line line;
    html_article page;
    coder_pool pool;
    batch batches[2];
    batch *filling, *coding;     /* being read into; being coded (or NULL) */
    size_t read, added, replaced, unchanged, bad, events, in_batch;
    bool failed, recode;
    /* progress */
    bool bar, quiet;
    double started, last_shown;
    uint64_t total_bytes, done_bytes;
} ingester;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad ingest --db PATH [options] FILE...|DIR|-\n\n"
            "Codes articles and stores them, their entities and events in the database PATH\n"
            "(SQLite; created when absent; schema in docs/schema.md).  Input: JSON Lines\n"
            "(*.jsonl, *.ndjson, *.json, or - for standard input), one article a line\n"
            "{\"id\", \"date\", \"title\", \"text\", \"source\", \"url\"}; *.html and *.htm are web\n"
            "pages whose article text is extracted; any other file is one plain-text\n"
            "article.  A file's id is its path; directories are read recursively.\n"
            "Re-ingesting an article with the same content changes nothing; a changed\n"
            "article replaces its old events.\n\n"
            "  --db PATH        the database (required)\n"
            "  --date D         date for articles without one\n"
            "  --lexicon FILE   the compiled lexicon (default: lexicon.bin beside the binary)\n"
            "  --ner            also store the names the NER model finds and the lexicon does\n"
            "                   not know, with origin 'ner' (events are unchanged; slower)\n"
            "  --model FILE     the NER model for --ner (default: ner.model beside the binary)\n"
            "  --max-bytes SIZE skip article texts larger than SIZE (default 8M)\n"
            "  --batch N        articles per transaction (default %d)\n"
            "  -j N             N threads code while one stores (default 1)\n"
            "  --recode         code and store again articles already stored (after the\n"
            "                   lexicon or the coder changed)\n"
            "  --check          check the database and its search index (with or without input)\n"
            "  -q, --quiet      no progress and no summary\n",
            DEFAULT_BATCH);
}

static void show_progress(ingester *g, bool final)
{
    double now = seconds_now();
    if (g->quiet || (!final && (!g->bar || now - g->last_shown < 0.2)))
        return;
    g->last_shown = now;
    double elapsed = now - g->started > 1e-9 ? now - g->started : 1e-9;
    double rate = g->read / elapsed;
    if (final) {
        fprintf(stderr,
                "%smarsad ingest: %zu articles read: %zu added, %zu replaced, %zu unchanged, %zu bad; "
                "%zu events; %.1f s (%.0f articles/s)\n",
                g->bar ? "\r\033[K" : "", g->read, g->added, g->replaced, g->unchanged, g->bad, g->events, elapsed,
                rate);
        return;
    }
    char bar[31] = "";
    char eta[32] = "";
    if (g->total_bytes) {
        double share = (double)g->done_bytes / (double)g->total_bytes;
        if (share > 1)
            share = 1;
        int filled = (int)(share * 30);
        for (int i = 0; i < 30; i++)
            bar[i] = i < filled ? '#' : '.';
        bar[30] = '\0';
        if (share > 0.001) {
            int left = (int)(elapsed * (1 - share) / share);
            snprintf(eta, sizeof eta, " ETA %d:%02d", left / 60, left % 60);
        }
        fprintf(stderr, "\r\033[K[%s] %3.0f%% %zu articles, %.0f/s%s", bar, share * 100, g->read, rate, eta);
    } else {
        fprintf(stderr, "\r\033[K%zu articles, %.0f/s", g->read, rate);
    }
}

static bool end_batch(ingester *g)
{
    if (g->in_batch == 0)
        return true;
    g->in_batch = 0;
    if (!store_commit(g->db)) {
        fprintf(stderr, "marsad ingest: %s\n", store_error(g->db));
        g->failed = true;
        return false;
    }
    return true;
}

static void *coder_thread(void *arg)
{
    coder_pool *p = arg;
    search_stemmer *stemmer = search_stemmer_new();
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->quit && (!p->current || p->next >= p->current->count))
            pthread_cond_wait(&p->work, &p->lock);
        if (p->quit)
            break;
        job *j = &p->current->jobs[p->next++];
        pthread_mutex_unlock(&p->lock);
        code_article(p->lex, p->ner, j->text.data, j->text.len, j->date, &j->coding);
        prepare_search_terms(stemmer, &j->coding.tokens, &j->terms);
        pthread_mutex_lock(&p->lock);
        if (++p->done == p->current->count)
            pthread_cond_signal(&p->finished);
    }
    pthread_mutex_unlock(&p->lock);
    search_stemmer_free(stemmer);
    return NULL;
}

static void pool_start(coder_pool *p, const lexicon *lex, const ner_model *ner, size_t threads)
{
    p->lex = lex;
    p->ner = ner;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->finished, NULL);
    p->threads = xcalloc(threads, sizeof *p->threads);
    for (size_t i = 0; i < threads; i++)
        if (pthread_create(&p->threads[i], NULL, coder_thread, p) == 0)
            p->thread_count++;
    if (p->thread_count == 0) {
        fprintf(stderr, "marsad ingest: cannot start a coding thread\n");
        exit(1);
    }
}

static void pool_stop(coder_pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->quit = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < p->thread_count; i++)
        pthread_join(p->threads[i], NULL);
    free(p->threads);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->finished);
}

static void pool_dispatch(coder_pool *p, batch *b)
{
    pthread_mutex_lock(&p->lock);
    p->current = b;
    p->next = p->done = 0;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
}

static void pool_wait(coder_pool *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->current && p->done < p->current->count)
        pthread_cond_wait(&p->finished, &p->lock);
    p->current = NULL;
    pthread_mutex_unlock(&p->lock);
}

/* Stores the coded articles of b, in order. */
static void store_batch(ingester *g, batch *b)
{
    for (size_t i = 0; i < b->count && !g->failed; i++) {
        job *j = &b->jobs[i];
        if (g->in_batch == 0 && !store_begin(g->db)) {
            fprintf(stderr, "marsad ingest: %s\n", store_error(g->db));
            g->failed = true;
            return;
        }
        store_article a = {j->id.data, j->source.data, j->url.data, j->title.data, j->text.data, j->text.len, j->date};
        bool replaced;
        search_tokenizer_offer(j->text.data, j->text.len, &j->terms);
        bool stored = store_put_article(g->db, &a, j->hash, &j->coding, &replaced);
        search_tokenizer_offer(NULL, 0, NULL);
        if (!stored) {
            fprintf(stderr, "marsad ingest: %s: %s\n", a.id, store_error(g->db));
            g->failed = true;
            return;
        }
        g->events += j->coding.events.count;
        if (replaced)
            g->replaced++;
        else
            g->added++;
        if (++g->in_batch >= g->batch)
            end_batch(g);
    }
    b->count = 0;
}

/* The filling batch is full (or the input is over): hand it to the coders
 * and store the one they finished meanwhile. */
static void advance_pipeline(ingester *g)
{
    batch *previous = g->coding;
    if (previous)
        pool_wait(&g->pool);
    g->coding = NULL;
    if (g->filling->count) {
        pool_dispatch(&g->pool, g->filling);
        g->coding = g->filling;
        g->filling = g->filling == &g->batches[0] ? &g->batches[1] : &g->batches[0];
    }
    if (previous)
        store_batch(g, previous);
}

static void copy_field(byte_buffer *to, const char *from, size_t len)
{
    buffer_truncate(to, 0);
    buffer_append(to, from ? from : "", from ? len : 0);
}

/* Queues one article for coding unless it is stored already with the
 * same content. */
static void ingest_article(ingester *g, store_article *a)
{
    g->read++;
    char hash[STORE_HASH_SIZE];
    char id_from_hash[STORE_HASH_SIZE + 8];
    if (!a->id || !a->id[0]) {
        /* no id: the text names the article */
        store_article anonymous = *a;
        anonymous.id = "";
        store_content_hash(&anonymous, hash);
        snprintf(id_from_hash, sizeof id_from_hash, "sha:%s", hash);
        a->id = id_from_hash;
    }
    store_content_hash(a, hash);
    if (!g->recode && store_lookup(g->db, a->id, hash) == STORE_UNCHANGED) {
        g->unchanged++;
        return;
    }
    job *j = &g->filling->jobs[g->filling->count++];
    copy_field(&j->id, a->id, strlen(a->id));
    copy_field(&j->source, a->source, a->source ? strlen(a->source) : 0);
    copy_field(&j->url, a->url, a->url ? strlen(a->url) : 0);
    copy_field(&j->title, a->title, a->title ? strlen(a->title) : 0);
    copy_field(&j->text, a->text, a->text_len);
    j->date = a->date;
    memcpy(j->hash, hash, sizeof hash);
    if (g->filling->count == PIPELINE_BATCH)
        advance_pipeline(g);
}

static void bad_input(ingester *g, const char *file, size_t line, const char *message)
{
    fprintf(stderr, "%smarsad ingest: %s:%zu: %s\n", g->bar ? "\r\033[K" : "", file, line, message);
    g->bad++;
}

static bool ingest_jsonl(ingester *g, const char *path)
{
    bool from_stdin = strcmp(path, "-") == 0;
    const char *name = from_stdin ? "stdin" : path;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "marsad ingest: %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0, line_number = 0;
    ssize_t n;
    char error[300];
    while (!g->failed && (n = getline(&line, &cap, f)) > 0) {
        line_number++;
        g->done_bytes += (uint64_t)n;
        article_line *a = &g->line;
        if (!read_article_line(a, "ingest", name, line_number, line, (size_t)n, g->default_date,
                               g->max_article_bytes, error, sizeof error)) {
            bad_input(g, name, line_number, error);
            continue;
        }
        store_article article = {a->id, a->source.data, a->url.data, a->title.data, a->text.data, a->text.len,
                                 a->date};
        ingest_article(g, &article);
        show_progress(g, false);
    }
    free(line);
    if (!from_stdin)
        fclose(f);
    return !g->failed;
}

static bool ingest_text_file(ingester *g, const char *path)
{
    char *text;
    size_t len;
    if (!read_whole_file(path, g->max_article_bytes, &text, &len)) {
        g->bad++;
        return true;
    }
    g->done_bytes += len;
    /* as for JSON lines: invalid UTF-8 read as U+FFFD, and said */
    utf8_report check = utf8_scan(text, len);
    if (check.invalid_bytes) {
        fprintf(stderr, "%smarsad ingest: %s: %zu invalid UTF-8 byte%s read as U+FFFD\n", g->bar ? "\r\033[K" : "",
                path, check.invalid_bytes, check.invalid_bytes == 1 ? "" : "s");
        char *repaired = xmalloc(3 * len + 1);
        len = utf8_repair(text, len, repaired);
        repaired[len] = '\0';
        free(text);
        text = repaired;
    }
    store_article article = {path, "", "", "", text, len, g->default_date};
    ingest_article(g, &article);
    free(text);
    show_progress(g, false);
    return !g->failed;
}

static bool ingest_html_file(ingester *g, const char *path)
{
    char *html;
    size_t len;
    if (!read_whole_file(path, DEFAULT_MAX_INPUT_BYTES, &html, &len)) {
        g->bad++;
        return true;
    }
    g->done_bytes += len;
    if (!html_article_extract(html, len, &g->page)) {
        bad_input(g, path, 1, "no article text in this page");
    } else if (g->page.text.len > g->max_article_bytes) {
        bad_input(g, path, 1, "the page's text is over the --max-bytes limit");
    } else {
        store_article article = {path, g->page.site.data, g->page.url.data, g->page.title.data, g->page.text.data,
                                 g->page.text.len, g->page.date ? g->page.date : g->default_date};
        ingest_article(g, &article);
    }
    free(html);
    show_progress(g, false);
    return !g->failed;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_jsonl(const char *path)
{
    return strcmp(path, "-") == 0 || has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") ||
           has_suffix(path, ".json");
}

/* Calls visit for path, or for every regular file under it in name order. */
static bool walk(ingester *g, const char *path, bool (*visit)(ingester *, const char *))
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        struct dirent **entries;
        int n = scandir(path, &entries, NULL, alphasort);
        if (n < 0) {
            fprintf(stderr, "marsad ingest: %s: %s\n", path, strerror(errno));
            return false;
        }
        bool ok = true;
        for (int i = 0; i < n; i++) {
            if (entries[i]->d_name[0] != '.' && ok && !g->failed) {
                size_t size = strlen(path) + strlen(entries[i]->d_name) + 2;
                char *child = xmalloc(size);
                snprintf(child, size, "%s/%s", path, entries[i]->d_name);
                ok = walk(g, child, visit) && ok;
                free(child);
            }
            free(entries[i]);
        }
        free(entries);
        return ok;
    }
    return visit(g, path);
}

static bool add_size(ingester *g, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0)
        g->total_bytes += (uint64_t)st.st_size;
    return true;
}

static bool ingest_path(ingester *g, const char *path)
{
    if (is_jsonl(path))
        return ingest_jsonl(g, path);
    if (has_suffix(path, ".html") || has_suffix(path, ".htm"))
        return ingest_html_file(g, path);
    return ingest_text_file(g, path);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'D'},   {"date", required_argument, NULL, 'd'},
        {"lexicon", required_argument, NULL, 'l'}, {"max-bytes", required_argument, NULL, 'm'},
        {"batch", required_argument, NULL, 'b'}, {"quiet", no_argument, NULL, 'q'},
        {"jobs", required_argument, NULL, 'j'},  {"check", no_argument, NULL, 'c'},
        {"recode", no_argument, NULL, 'R'},
        {"ner", no_argument, NULL, 'n'},         {"model", required_argument, NULL, 'M'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ingester g;
    memset(&g, 0, sizeof g);
    g.max_article_bytes = DEFAULT_MAX_ARTICLE_BYTES;
    g.batch = DEFAULT_BATCH;
    const char *db_path = NULL, *lexicon_path = NULL, *model_path = NULL;
    bool use_ner = false;
    ner_model *ner = NULL;
    long threads = 1;
    bool check = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "j:qh", options, NULL)) != -1) {
        switch (opt) {
        case 'D': db_path = optarg; break;
        case 'd':
            if (!parse_date_arg(optarg, &g.default_date)) {
                fprintf(stderr, "marsad ingest: --date: '%s' is not a date YYYY-MM-DD\n", optarg);
                return 2;
            }
            break;
        case 'l': lexicon_path = optarg; break;
        case 'm':
            if (!parse_byte_size(optarg, &g.max_article_bytes)) {
                fprintf(stderr, "marsad ingest: --max-bytes: '%s' is not a size (try 8M)\n", optarg);
                return 2;
            }
            break;
        case 'b':
            g.batch = (size_t)strtoul(optarg, NULL, 10);
            if (g.batch == 0) {
                fprintf(stderr, "marsad ingest: --batch: '%s' is not a positive number\n", optarg);
                return 2;
            }
            break;
        case 'j':
            threads = strtol(optarg, NULL, 10);
            if (threads < 1 || threads > 256) {
                fprintf(stderr, "marsad ingest: -j: '%s' is not a number of threads (1-256)\n", optarg);
                return 2;
            }
            break;
        case 'c': check = true; break;
        case 'R': g.recode = true; break;
        case 'n': use_ner = true; break;
        case 'M': model_path = optarg; use_ner = true; break;
        case 'q': g.quiet = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!db_path || (optind == argc && !check)) {
        fprintf(stderr, "marsad ingest: %s\n", !db_path ? "--db PATH is required" : "no input (give FILE, DIR or -)");
        usage(stderr);
        return 2;
    }
    /* the lexicon and the model first: a bad one must not leave a new or
     * upgraded database behind */
    g.lex = lexicon_open_or_default(lexicon_path);
    if (!g.lex)
        return 1;
    if (use_ner && !(ner = ner_model_open_or_default(model_path))) {
        lexicon_close(g.lex);
        return 1;
    }
    char error[600];
    g.db = store_open(db_path, true, error, sizeof error);
    if (!g.db) {
        fprintf(stderr, "marsad ingest: %s\n", error);
        ner_model_close(ner);
        lexicon_close(g.lex);
        return 1;
    }
    g.bar = !g.quiet && isatty(STDERR_FILENO);
    g.filling = &g.batches[0];
    pool_start(&g.pool, g.lex, ner, (size_t)threads);
    for (int i = optind; i < argc; i++)
        walk(&g, argv[i], add_size);
    g.started = g.last_shown = seconds_now();
    bool ok = true;
    for (int i = optind; i < argc && !g.failed; i++)
        ok = walk(&g, argv[i], ingest_path) && ok;
    /* drain: code and store what is still queued */
    advance_pipeline(&g);
    advance_pipeline(&g);
    pool_stop(&g.pool);
    if (!g.failed)
        end_batch(&g);
    size_t clusters = 0;
    if (!g.failed && (g.added + g.replaced > 0 || store_clusters_stale(g.db)) &&
        !store_rebuild_clusters(g.db, &clusters)) {
        fprintf(stderr, "marsad ingest: %s\n", store_error(g.db));
        g.failed = true;
    }
    if (optind < argc)
        show_progress(&g, true);
    if (check && !g.failed) {
        if (store_check(g.db)) {
            fprintf(stderr, "marsad ingest: %s: database and search index check ok\n", db_path);
        } else {
            fprintf(stderr, "marsad ingest: %s: check failed: %s\n", db_path, store_error(g.db));
            g.failed = true;
        }
    }
    for (size_t b = 0; b < 2; b++)
        for (size_t i = 0; i < PIPELINE_BATCH; i++) {
            job *j = &g.batches[b].jobs[i];
            buffer_free(&j->id), buffer_free(&j->source), buffer_free(&j->url);
            buffer_free(&j->title), buffer_free(&j->text);
            article_coding_free(&j->coding);
            prepared_terms_free(&j->terms);
        }
    article_line_free(&g.line);
    html_article_free(&g.page);
    lexicon_close(g.lex);
    ner_model_close(ner);
    store_close(g.db);
    return ok && !g.failed ? 0 : 1;
}
