/*
 * cmd_search.c — `marsad search`: ranked full-text search of the stored
 * articles, with the matches highlighted in a snippet.  Queries go through
 * the same tokenizer as the texts (search_terms.h), so spelling variants
 * and clitic forms find each other.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buffer.h"
#include "cli.h"
#include "json_write.h"
#include "search_terms.h"
#include "store.h"

typedef struct {
    bool jsonl;
    size_t shown;
    byte_buffer out;
} search_output;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad search --db PATH [options] QUERY...\n\n"
            "Prints the stored articles that match QUERY, best first, with a snippet.\n"
            "QUERY is FTS5 syntax: words (all must match), \"a phrase\", OR, NOT, word*.\n"
            "Words are normalised and stemmed the way texts are: الاشتباكات finds اشتباكات\n"
            "and واشتبكت.\n\n"
            "  --db PATH        the database (made by marsad ingest)\n"
            "  -n, --limit N    at most N articles (default 10)\n"
            "  --format F       text (default) or jsonl\n"
            "  --color WHEN     highlight with colours: auto (default), always, never\n"
            "  --terms          print the search terms of QUERY and stop\n"
            "  --time           print the query time (wall and CPU) on standard error\n");
}

static bool print_hit(const search_hit *hit, void *context)
{
    search_output *o = context;
    o->shown++;
    byte_buffer *b = &o->out;
    buffer_truncate(b, 0);
    if (o->jsonl) {
        buffer_append_str(b, "{\"id\":");
        json_write_cstring(b, hit->id);
        buffer_append_str(b, ",\"source\":");
        json_write_cstring(b, hit->source);
        buffer_append_str(b, ",\"date\":");
        json_write_cstring(b, hit->date);
        buffer_append_str(b, ",\"title\":");
        json_write_cstring(b, hit->title);
        buffer_printf(b, ",\"score\":%.4f,\"events\":%lld,\"snippet\":", -hit->rank, (long long)hit->events);
        json_write_cstring(b, hit->snippet);
        buffer_append_str(b, "}\n");
    } else {
        buffer_printf(b, "%zu. %s  %s  %s  (%lld event%s, score %.2f)\n   %s\n   %s\n\n", o->shown, hit->id,
                      hit->source ? hit->source : "-", hit->date ? hit->date : "-", (long long)hit->events,
                      hit->events == 1 ? "" : "s", -hit->rank, hit->title ? hit->title : "",
                      hit->snippet ? hit->snippet : "");
    }
    fwrite(b->data, 1, b->len, stdout);
    return true;
}

int cmd_search(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'D'},   {"limit", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'}, {"color", required_argument, NULL, 'c'},
        {"terms", no_argument, NULL, 't'},       {"time", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL, *color = "auto";
    long limit = 10;
    bool terms_only = false, timing = false;
    search_output o = {0};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "n:h", options, NULL)) != -1) {
        switch (opt) {
        case 'D': db_path = optarg; break;
        case 'n': limit = strtol(optarg, NULL, 10); break;
        case 'f':
            if (strcmp(optarg, "jsonl") != 0 && strcmp(optarg, "text") != 0) {
                fprintf(stderr, "marsad search: --format: '%s' is not text or jsonl\n", optarg);
                return 2;
            }
            o.jsonl = strcmp(optarg, "jsonl") == 0;
            break;
        case 'c': color = optarg; break;
        case 't': terms_only = true; break;
        case 'T': timing = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind == argc || (!db_path && !terms_only)) {
        fprintf(stderr, "marsad search: %s\n", optind == argc ? "no QUERY" : "--db PATH is required");
        usage(stderr);
        return 2;
    }
    byte_buffer query = {0};
    for (int i = optind; i < argc; i++) {
        if (query.len)
            buffer_append_char(&query, ' ');
        buffer_append_str(&query, argv[i]);
    }
    if (terms_only) {
        char terms[4096];
        search_terms_of_text(query.data, query.len, terms, sizeof terms);
        printf("%s\n", terms);
        buffer_free(&query);
        return 0;
    }
    char error[600];
    store *db = store_open(db_path, false, error, sizeof error);
    if (!db) {
        fprintf(stderr, "marsad search: %s\n", error);
        buffer_free(&query);
        return 1;
    }
    bool colored = strcmp(color, "always") == 0 || (strcmp(color, "auto") == 0 && !o.jsonl && isatty(STDOUT_FILENO));
    const char *open = colored ? "\033[1;31m" : "[", *close = colored ? "\033[0m" : "]";
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    bool ok = store_search(db, query.data, limit, open, close, print_hit, &o);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!ok)
        fprintf(stderr, "marsad search: %s\n", store_error(db));
    else if (o.shown == 0 && !o.jsonl)
        fprintf(stderr, "marsad search: no article matches '%s'\n", query.data);
    if (timing)
        fprintf(stderr, "marsad search: %zu results in %.1f ms (%.1f ms of CPU)\n", o.shown,
                (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
                (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6);
    buffer_free(&o.out);
    buffer_free(&query);
    store_close(db);
    return ok ? 0 : 1;
}
