/*
 * store_backend.h — what a database backend implements behind store.h.
 * A backend's own struct starts with a `store`, whose backend member
 * points at its table of functions; store.c dispatches through it.
 * Each function has the meaning of its namesake in store.h.
 */
#ifndef MARSAD_STORE_BACKEND_H
#define MARSAD_STORE_BACKEND_H

#include "buffer.h"
#include "store.h"

typedef struct {
    void (*close)(store *s);
    const char *(*error)(store *s);
    store_article_state (*lookup)(store *s, const char *id, const char *hash);
    bool (*begin)(store *s);
    bool (*commit)(store *s);
    bool (*put_article)(store *s, const store_article *a, const char *hash, const article_coding *coding,
                        bool *replaced);
    bool (*rebuild_clusters)(store *s, size_t *count);
    bool (*clusters_stale)(store *s);
    bool (*events)(store *s, const event_filter *filter, bool (*each)(const stored_event *, void *), void *context);
    bool (*search)(store *s, const char *query, int64_t limit, const char *open, const char *close,
                   bool (*each)(const search_hit *, void *), void *context);
    bool (*get_article)(store *s, const char *id, void (*each_article)(const stored_article *, void *),
                        void (*each_entity)(const stored_entity *, void *), void *context);
    bool (*count)(store *s, store_counts *out);
    bool (*check)(store *s);
} store_backend;

struct store {
    const store_backend *backend;
};

/* The query of store_events() for filter f, in SQL both backends read,
 * with ? for each of values (which point into f or into values). */
typedef struct {
    const char *values[16];
    size_t count;
    char since[11], until[11], dead[24];
} query_values;
void events_query(const event_filter *f, byte_buffer *sql, query_values *values);

/* Great-circle distance in km (for --near, filtered after the query). */
double distance_km(double lat1, double lon1, double lat2, double lon2);

/* The backends' openers (NULL with a message in error on failure). */
store *store_sqlite_open(const char *location, bool writable, char *error, size_t error_size);
store *store_pg_open(const char *location, bool writable, char *error, size_t error_size);

#endif
