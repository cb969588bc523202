/*
 * store_backend.h — what a database backend implements behind store.h.
 * A backend's own struct starts with a `store`, whose backend member
 * points at its table of functions; store.c dispatches through it.
 * Each function has the meaning of its namesake in store.h.
 */
#ifndef MARSAD_STORE_BACKEND_H
#define MARSAD_STORE_BACKEND_H

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

/* The backends' openers (NULL with a message in error on failure). */
store *store_sqlite_open(const char *location, bool writable, char *error, size_t error_size);

#endif
