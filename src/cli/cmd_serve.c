/*
 * cmd_serve.c — `marsad serve`: the JSON API (src/server/api.c, docs/api.md)
 * and the dashboard (build/web) over HTTP with libmicrohttpd.
 *
 * The database is opened read-only, once per worker thread: SQLite
 * connections are opened without mutexes, so each request borrows a
 * connection no other thread is using.  Binds to 127.0.0.1 unless told.
 */
#include <arpa/inet.h>
#include <getopt.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "api.h"
#include "buffer.h"
#include "cli.h"
#include "query_params.h"
#include "response_cache.h"
#include "static_files.h"
#include "store.h"

#define MAX_THREADS 64

typedef struct {
    store *stores[MAX_THREADS];
    bool busy[MAX_THREADS];
    size_t count;
    pthread_mutex_t lock;
    pthread_cond_t freed;
    const char *web_root;        /* NULL when the dashboard is not built */
    const char *db_path;
    bool db_is_file;
    response_cache *cache;       /* NULL when --cache-mb 0 */
} server;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad serve --db PATH|postgresql://... [--host ADDR] [--port N] [--web DIR]\n"
            "                    [--threads N] [--cache-mb N]\n\n"
            "Serves the JSON API (docs/api.md) under /api/ and the dashboard at /.\n"
            "The database is only read.\n\n"
            "  --db PATH        the database (made by marsad ingest)\n"
            "  --host ADDR      address to listen on (default 127.0.0.1: this machine only)\n"
            "  --port N         port (default 8080; 0 picks a free one, printed on start)\n"
            "  --web DIR        the dashboard files (default: web/ beside the binary, as make builds it)\n"
            "  --threads N      worker threads and database connections (default 4)\n"
            "  --cache-mb N     keep up to N MB of answers for repeated requests (default 64, 0: none)\n"
            "  --quiet          no line on start\n");
}

static store *borrow_store(server *s, size_t *slot)
{
    pthread_mutex_lock(&s->lock);
    for (;;) {
        for (size_t i = 0; i < s->count; i++)
            if (!s->busy[i]) {
                s->busy[i] = true;
                *slot = i;
                pthread_mutex_unlock(&s->lock);
                return s->stores[i];
            }
        pthread_cond_wait(&s->freed, &s->lock);
    }
}

static void return_store(server *s, size_t slot)
{
    pthread_mutex_lock(&s->lock);
    s->busy[slot] = false;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
}

static enum MHD_Result collect_argument(void *context, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    query_params *q = context;
    if (!key)
        return MHD_YES;
    query_params_add(q, key, strlen(key), value ? value : "", value ? strlen(value) : 0);
    return q->error[0] ? MHD_NO : MHD_YES;
}

static enum MHD_Result send_answer(struct MHD_Connection *connection, int status, byte_buffer *body, const char *type)
{
    struct MHD_Response *response =
        MHD_create_response_from_buffer(body->len, body->data ? body->data : (void *)"", MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    /* The dashboard loads nothing from elsewhere: no tile server, no CDN */
    MHD_add_response_header(response, "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    enum MHD_Result r = MHD_queue_response(connection, (unsigned)status, response);
    MHD_destroy_response(response);
    return r;
}

/* What the database looks like now: an SQLite file changes size or time
 * (its own or its write-ahead log's) when anything is written; a server
 * database is trusted for 5 seconds. */
static uint64_t database_generation(const server *s)
{
    if (!s->db_is_file)
        return (uint64_t)time(NULL) / 5;
    uint64_t g = 0;
    char wal[PATH_MAX];
    snprintf(wal, sizeof wal, "%s-wal", s->db_path);
    const char *paths[] = {s->db_path, wal};
    for (int i = 0; i < 2; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0)
            g = g * 1000003u + (uint64_t)st.st_size * 31u + (uint64_t)st.st_mtim.tv_sec * 1000000007u +
                (uint64_t)st.st_mtim.tv_nsec + (uint64_t)st.st_ino;
        else
            g = g * 1000003u + 7;
    }
    return g;
}

static void cache_key(byte_buffer *key, const char *url, const query_params *q)
{
    buffer_append_str(key, url);
    for (size_t i = 0; i < q->count; i++)
        buffer_printf(key, "%c%s=%s", i ? '\x01' : '?', q->params[i].name, q->params[i].value);
}

static enum MHD_Result answer(void *context, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **request_state)
{
    (void)version, (void)upload_data, (void)request_state;
    server *s = context;
    api_response r = {0};
    enum MHD_Result result;
    if (*upload_data_size) {
        *upload_data_size = 0;      /* a body is never read: the answer is a 405 */
    }
    if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0) {
        query_params q;
        query_params_init(&q);
        MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collect_argument, &q);
        size_t slot = 0;
        bool reads = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
        byte_buffer key = {0};
        uint64_t generation = 0;
        bool cached = false;
        if (reads && s->cache && !q.error[0]) {
            cache_key(&key, url, &q);
            generation = database_generation(s);
            cached = response_cache_get(s->cache, key.data, generation, &r.status, &r.body);
        }
        if (!cached) {
            store *db = reads ? borrow_store(s, &slot) : NULL;
            api_handle(db, method, url, &q, &r);
            if (db)
                return_store(s, slot);
            if (key.len && r.status == 200)
                response_cache_put(s->cache, key.data, generation, r.status, r.body.data, r.body.len);
        }
        buffer_free(&key);
        query_params_free(&q);
        result = send_answer(connection, r.status, &r.body, "application/json; charset=utf-8");
    } else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        api_error(&r, 405, "only GET and HEAD", NULL);
        result = send_answer(connection, 405, &r.body, "application/json; charset=utf-8");
    } else {
        const char *type = NULL;
        if (static_file_read(s->web_root, url, &r.body, &type)) {
            result = send_answer(connection, 200, &r.body, type);
        } else {
            api_error(&r, 404, s->web_root ? "no such file" : "the dashboard is not built (make web)", NULL);
            result = send_answer(connection, 404, &r.body, "application/json; charset=utf-8");
        }
    }
    buffer_free(&r.body);
    return result;
}

/* web/ beside the running binary: build/web for build/marsad. */
static char *default_web_root(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    byte_buffer path = {0};
    buffer_printf(&path, "%s/web", exe);
    return path.data;
}

static bool parse_port(const char *s, unsigned *port)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end || n < 0 || n > 65535)
        return false;
    *port = (unsigned)n;
    return true;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'D'},   {"host", required_argument, NULL, 'H'},
        {"port", required_argument, NULL, 'p'}, {"web", required_argument, NULL, 'w'},
        {"threads", required_argument, NULL, 't'}, {"quiet", no_argument, NULL, 'q'},
        {"cache-mb", required_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL, *host = "127.0.0.1", *web = NULL;
    unsigned port = 8080;
    long threads = 4, cache_mb = 64;
    bool quiet = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'D': db_path = optarg; break;
        case 'H': host = optarg; break;
        case 'w': web = optarg; break;
        case 'q': quiet = true; break;
        case 'p':
            if (!parse_port(optarg, &port)) {
                fprintf(stderr, "marsad serve: --port: '%s' is not a port 0-65535\n", optarg);
                return 2;
            }
            break;
        case 't': {
            char *end;
            threads = strtol(optarg, &end, 10);
            if (*end || threads < 1 || threads > MAX_THREADS) {
                fprintf(stderr, "marsad serve: --threads: '%s' is not 1-%d\n", optarg, MAX_THREADS);
                return 2;
            }
            break;
        }
        case 'c': {
            char *end;
            cache_mb = strtol(optarg, &end, 10);
            if (*end || cache_mb < 0 || cache_mb > 65536) {
                fprintf(stderr, "marsad serve: --cache-mb: '%s' is not 0-65536\n", optarg);
                return 2;
            }
            break;
        }
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!db_path || optind != argc) {
        fprintf(stderr, "marsad serve: %s\n", !db_path ? "--db PATH is required" : "unexpected argument");
        usage(stderr);
        return 2;
    }

    struct sockaddr_in addr4 = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    struct sockaddr_in6 addr6 = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
    const struct sockaddr *addr = (const struct sockaddr *)&addr4;
    unsigned family_flag = 0;
    if (inet_pton(AF_INET6, host, &addr6.sin6_addr) == 1) {
        addr = (const struct sockaddr *)&addr6;
        family_flag = MHD_USE_IPv6;
    } else if (inet_pton(AF_INET, host, &addr4.sin_addr) != 1) {
        fprintf(stderr, "marsad serve: --host: '%s' is not an IPv4 or IPv6 address\n", host);
        return 2;
    }

    server s = {.count = (size_t)threads, .db_path = db_path,
                .db_is_file = strncmp(db_path, "postgresql://", 13) != 0 && strncmp(db_path, "postgres://", 11) != 0};
    if (cache_mb)
        s.cache = response_cache_new(1024, (size_t)cache_mb << 20);
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.freed, NULL);
    int status = 0;
    char error[600];
    for (size_t i = 0; i < s.count; i++) {
        s.stores[i] = store_open(db_path, false, error, sizeof error);
        if (!s.stores[i]) {
            fprintf(stderr, "marsad serve: %s\n", error);
            s.count = i;
            status = 1;
            goto done;
        }
    }
    char *web_root = web ? xstrndup(web, strlen(web)) : default_web_root();
    struct stat st;
    if (web_root && (stat(web_root, &st) != 0 || !S_ISDIR(st.st_mode))) {
        if (web)
            fprintf(stderr, "marsad serve: --web: '%s' is not a directory\n", web);
        free(web_root);
        web_root = NULL;
        if (web) {
            status = 2;
            goto done;
        }
    }
    s.web_root = web_root;

    /* Signals go to sigwait below, not to the worker threads */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | family_flag, (uint16_t)port, NULL, NULL,
        answer, &s, MHD_OPTION_SOCK_ADDR, addr, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024, MHD_OPTION_END);
    if (!daemon) {
        fprintf(stderr, "marsad serve: cannot listen on %s port %u\n", host, port);
        status = 1;
    } else {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
        if (strncmp(host, "127.", 4) != 0 && strcmp(host, "::1") != 0)
            fprintf(stderr, "marsad serve: listening on %s, beyond this machine: the API has no authentication\n",
                    host);
        if (!quiet) {
            printf("marsad serve: http://%s%s%s:%u/ (%s; dashboard %s)\n", family_flag ? "[" : "", host,
                   family_flag ? "]" : "", info ? info->port : port, db_path, web_root ? web_root : "not built");
            fflush(stdout);
        }
        int sig;
        sigwait(&stop_signals, &sig);
        MHD_stop_daemon(daemon);
    }
    free(web_root);
done:
    for (size_t i = 0; i < s.count; i++)
        store_close(s.stores[i]);
    response_cache_free(s.cache);
    pthread_mutex_destroy(&s.lock);
    pthread_cond_destroy(&s.freed);
    return status;
}
