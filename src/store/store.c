/* store.c — store.h's functions, dispatched to the backend that opened
 * the store: SQLite for a file path.  Also what is the same for every
 * backend: the content hash. */
#include "store_backend.h"

#include <stdio.h>
#include <string.h>

store *store_open(const char *location, bool writable, char *error, size_t error_size)
{
    if (strncmp(location, "postgresql://", 13) == 0 || strncmp(location, "postgres://", 11) == 0) {
        snprintf(error, error_size, "%s: the PostgreSQL backend is not built yet; use a SQLite file", location);
        return NULL;
    }
    return store_sqlite_open(location, writable, error, error_size);
}

void store_close(store *s)
{
    if (s)
        s->backend->close(s);
}

const char *store_error(store *s)
{
    return s->backend->error(s);
}

store_article_state store_lookup(store *s, const char *id, const char *hash)
{
    return s->backend->lookup(s, id, hash);
}

bool store_begin(store *s)
{
    return s->backend->begin(s);
}

bool store_commit(store *s)
{
    return s->backend->commit(s);
}

bool store_put_article(store *s, const store_article *a, const char *hash, const article_coding *coding,
                       bool *replaced)
{
    return s->backend->put_article(s, a, hash, coding, replaced);
}

bool store_rebuild_clusters(store *s, size_t *count)
{
    return s->backend->rebuild_clusters(s, count);
}

bool store_events(store *s, const event_filter *filter, bool (*each)(const stored_event *, void *), void *context)
{
    return s->backend->events(s, filter, each, context);
}

bool store_search(store *s, const char *query, int64_t limit, const char *open, const char *close,
                  bool (*each)(const search_hit *, void *), void *context)
{
    return s->backend->search(s, query, limit, open, close, each, context);
}

bool store_get_article(store *s, const char *id, void (*each_article)(const stored_article *, void *),
                       void (*each_entity)(const stored_entity *, void *), void *context)
{
    return s->backend->get_article(s, id, each_article, each_entity, context);
}

bool store_count(store *s, store_counts *out)
{
    return s->backend->count(s, out);
}

bool store_check(store *s)
{
    return s->backend->check(s);
}

/* 64-bit FNV-1a, fields separated by a byte no UTF-8 text holds */
static uint64_t hash_bytes(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

void store_content_hash(const store_article *a, char hash[STORE_HASH_SIZE])
{
    uint64_t h = 0xcbf29ce484222325ull;
    const char *fields[] = {a->id, a->source, a->url, a->title};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *f = fields[i] ? fields[i] : "";
        h = hash_bytes(h, f, strlen(f));
        h = hash_bytes(h, "\xff", 1);
    }
    char date[16];
    snprintf(date, sizeof date, "%u", (unsigned)a->date);
    h = hash_bytes(h, date, strlen(date));
    h = hash_bytes(h, "\xff", 1);
    h = hash_bytes(h, a->text, a->text_len);
    snprintf(hash, STORE_HASH_SIZE, "%016llx", (unsigned long long)h);
}
