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
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article_coder.h"
#include "article_line.h"
#include "cli.h"
#include "lexicon.h"
#include "store.h"

#define DEFAULT_MAX_ARTICLE_BYTES ((size_t)8 << 20)
#define DEFAULT_BATCH 1000

typedef struct {
    store *db;
    lexicon *lex;
    uint32_t default_date;
    size_t max_article_bytes, batch;
    article_coding coding;
    article_line line;
    size_t read, added, replaced, unchanged, bad, events, in_batch;
    bool failed;
    /* progress */
    bool bar, quiet;
    double started, last_shown;
    uint64_t total_bytes, done_bytes;
} ingester;

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad ingest --db PATH [options] FILE...|DIR|-\n\n"
            "Codes articles and stores them, their entities and events in the database PATH\n"
            "(SQLite; created when absent; schema in docs/schema.md).  Input: JSON Lines\n"
            "(*.jsonl, *.ndjson, *.json, or - for standard input), one article a line\n"
            "{\"id\", \"date\", \"title\", \"text\", \"source\", \"url\"}; any other file is one\n"
            "plain-text article whose id is its path; directories are read recursively.\n"
            "Re-ingesting an article with the same content changes nothing; a changed\n"
            "article replaces its old events.\n\n"
            "  --db PATH        the database (required)\n"
            "  --date D         date for articles without one\n"
            "  --lexicon FILE   the compiled lexicon (default: lexicon.bin beside the binary)\n"
            "  --max-bytes SIZE skip article texts larger than SIZE (default 8M)\n"
            "  --batch N        articles per transaction (default %d)\n"
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

/* Stores one article unless it is stored already with the same content. */
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
    store_article_state state = store_lookup(g->db, a->id, hash);
    if (state == STORE_UNCHANGED) {
        g->unchanged++;
        return;
    }
    if (g->in_batch == 0 && !store_begin(g->db)) {
        fprintf(stderr, "marsad ingest: %s\n", store_error(g->db));
        g->failed = true;
        return;
    }
    code_article(g->lex, a->text, a->text_len, a->date, &g->coding);
    if (!store_put_article(g->db, a, hash, &g->coding)) {
        fprintf(stderr, "marsad ingest: %s: %s\n", a->id, store_error(g->db));
        g->failed = true;
        return;
    }
    g->events += g->coding.events.count;
    if (state == STORE_NEW)
        g->added++;
    else
        g->replaced++;
    if (++g->in_batch >= g->batch)
        end_batch(g);
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
    store_article article = {path, "", "", "", text, len, g->default_date};
    ingest_article(g, &article);
    free(text);
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
    return is_jsonl(path) ? ingest_jsonl(g, path) : ingest_text_file(g, path);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'D'},   {"date", required_argument, NULL, 'd'},
        {"lexicon", required_argument, NULL, 'l'}, {"max-bytes", required_argument, NULL, 'm'},
        {"batch", required_argument, NULL, 'b'}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    ingester g;
    memset(&g, 0, sizeof g);
    g.max_article_bytes = DEFAULT_MAX_ARTICLE_BYTES;
    g.batch = DEFAULT_BATCH;
    const char *db_path = NULL, *lexicon_path = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
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
        case 'q': g.quiet = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!db_path || optind == argc) {
        fprintf(stderr, "marsad ingest: %s\n", !db_path ? "--db PATH is required" : "no input (give FILE, DIR or -)");
        usage(stderr);
        return 2;
    }
    char error[600];
    g.db = store_open(db_path, true, error, sizeof error);
    if (!g.db) {
        fprintf(stderr, "marsad ingest: %s\n", error);
        return 1;
    }
    g.lex = lexicon_open_or_default(lexicon_path);
    if (!g.lex) {
        store_close(g.db);
        return 1;
    }
    g.bar = !g.quiet && isatty(STDERR_FILENO);
    for (int i = optind; i < argc; i++)
        walk(&g, argv[i], add_size);
    g.started = g.last_shown = seconds_now();
    bool ok = true;
    for (int i = optind; i < argc && !g.failed; i++)
        ok = walk(&g, argv[i], ingest_path) && ok;
    if (!g.failed)
        end_batch(&g);
    size_t clusters = 0;
    if (!g.failed && g.added + g.replaced > 0 && !store_rebuild_clusters(g.db, &clusters)) {
        fprintf(stderr, "marsad ingest: %s\n", store_error(g.db));
        g.failed = true;
    }
    show_progress(&g, true);
    article_coding_free(&g.coding);
    article_line_free(&g.line);
    lexicon_close(g.lex);
    store_close(g.db);
    return ok && !g.failed ? 0 : 1;
}
