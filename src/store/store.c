/* store.c — store.h's functions, dispatched to the backend that opened
 * the store: PostgreSQL for a postgresql:// URI, SQLite for a file path.  Also what is the same for every
 * backend: the content hash. */
#include "store_backend.h"

#include "dates.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

store *store_open(const char *location, bool writable, char *error, size_t error_size)
{
    if (strncmp(location, "postgresql://", 13) == 0 || strncmp(location, "postgres://", 11) == 0)
        return store_pg_open(location, writable, error, error_size);
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

bool store_clusters_stale(store *s)
{
    return s->backend->clusters_stale(s);
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

static void add_condition(byte_buffer *sql, query_values *values, const char *condition, const char *value)
{
    buffer_append_str(sql, " AND ");
    buffer_append_str(sql, condition);
    if (value)
        values->values[values->count++] = value;
}

void events_query(const event_filter *f, byte_buffer *sql, query_values *values)
{
    values->count = 0;
    buffer_append_str(sql,
                      "SELECT a.id, e.article, e.idx, e.event_type, e.mode, e.actor_text, e.actor_country, "
                      "e.actor_sector, e.actor_org, e.recipient_text, e.recipient_country, e.recipient_sector, "
                      "e.recipient_org, e.location_text, e.location_country, e.lat, e.lon, e.date, e.modality, "
                      "e.dead, e.injured, e.arrested, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence, "
                      "e.sentence_start, e.sentence_end, e.goldstein, e.quad_class, e.cameo_root, e.cluster, "
                      "c.num_articles, c.num_sources, a.source, a.url, a.date "
                      "FROM events e JOIN articles a ON a.row = e.article "
                      "LEFT JOIN clusters c ON c.id = e.cluster WHERE 1 = 1");
    if (f->article)
        add_condition(sql, values, "a.id = ?", f->article);
    if (f->country)
        add_condition(sql, values, "? IN (e.actor_country, e.recipient_country, e.location_country)", f->country);
    if (f->actor)
        add_condition(sql, values, "coalesce(e.actor_country, e.actor_org) = ?", f->actor);
    if (f->recipient)
        add_condition(sql, values, "coalesce(e.recipient_country, e.recipient_org) = ?", f->recipient);
    if (f->type)
        add_condition(sql, values, "e.event_type = upper(?)", f->type);
    if (f->cluster)
        add_condition(sql, values, "e.cluster = ?", f->cluster);
    if (f->since) {
        date_format(f->since, values->since);
        add_condition(sql, values, "e.date >= ?", values->since);
    }
    if (f->until) {
        date_format(f->until, values->until);
        add_condition(sql, values, "e.date <= ?", values->until);
    }
    if (f->min_dead >= 0) {
        snprintf(values->dead, sizeof values->dead, "%lld", (long long)f->min_dead);
        add_condition(sql, values, "e.dead >= CAST(? AS INTEGER)", values->dead);
    }
    if (f->near)
        add_condition(sql, values, "e.lat IS NOT NULL", NULL);
    buffer_append_str(sql, " ORDER BY e.date ASC NULLS FIRST, a.id, e.idx");
}

double distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = M_PI / 180;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}
