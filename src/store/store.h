/*
 * store.h — the event database: articles, their entities and events, and
 * clusters of events that several articles report (docs/schema.md).
 *
 * This is the whole interface the commands use; backends implement it
 * behind store_backend.h: SQLite for a file path (store_sqlite.c), and
 * PostgreSQL through libpq for a "postgresql://" URI (store_pg.c), for a
 * team sharing one database.
 *
 * Writing is idempotent: each article carries a hash of its content;
 * putting an article whose id is known with the same hash changes nothing,
 * with another hash replaces the article and all it produced.  Writes go
 * in batches (store_begin/store_commit): a crash loses at most the open
 * batch, never leaves half an article.
 */
#ifndef MARSAD_STORE_H
#define MARSAD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article_coder.h"

typedef struct store store;

/* Opens (creating it and its schema when writable and absent) the store at
 * location.  NULL with a message in error on failure. */
store *store_open(const char *location, bool writable, char *error, size_t error_size);
void store_close(store *s);

/* The last error of s, for messages. */
const char *store_error(store *s);

/* ---- writing ---- */

typedef struct {
    const char *id;              /* the article's own id: unique in the store */
    const char *source, *url, *title;   /* "" when unknown */
    const char *text;            /* NUL-terminated; text_len bytes before the NUL */
    size_t text_len;
    uint32_t date;               /* YYYYMMDD or 0 */
} store_article;

#define STORE_HASH_SIZE 17       /* 16 hex digits and the NUL */

/* The content hash of everything stored of the article. */
void store_content_hash(const store_article *a, char hash[STORE_HASH_SIZE]);

typedef enum { STORE_NEW, STORE_CHANGED, STORE_UNCHANGED } store_article_state;

/* Whether the article id is stored, and with this content hash. */
store_article_state store_lookup(store *s, const char *id, const char *hash);

bool store_begin(store *s);
bool store_commit(store *s);

/* Stores the article and what coding found in it, replacing an older
 * version of the same id (then *replaced is set).  Returns false on a
 * database error. */
bool store_put_article(store *s, const store_article *a, const char *hash, const article_coding *coding,
                       bool *replaced);

/* Recomputes the event clusters from all stored events (one transaction);
 * *count receives the number of clusters. */
bool store_rebuild_clusters(store *s, size_t *count);

/* True when articles were stored since the clusters were last rebuilt:
 * a run killed after its last batch but before its clusters were done
 * leaves them so, and the next run rebuilds them. */
bool store_clusters_stale(store *s);

/* ---- reading ---- */

typedef struct {
    const char *text, *country, *sector, *org;   /* NULL when absent */
} stored_party;

typedef struct {
    const char *article;         /* the article's id */
    int64_t article_row;
    int index;                   /* order of the event in its article */
    const char *event_type, *mode;
    stored_party actor, recipient, location;
    double lat, lon;             /* NAN when unknown */
    const char *date;            /* YYYY-MM-DD or NULL */
    const char *modality;
    int64_t dead, injured, arrested;   /* -1 when the article gives none */
    const char *trigger;
    int64_t trigger_start, trigger_end;
    int64_t sentence, sentence_start, sentence_end;
    double goldstein;
    int quad_class;
    const char *cameo_root;
    const char *cluster;         /* NULL when not clustered */
    int64_t cluster_articles, cluster_sources;
    const char *source, *url, *article_date;
} stored_event;

typedef struct {
    const char *article;         /* one article id */
    const char *country;         /* actor, recipient or location country */
    const char *actor, *recipient;   /* country code or org */
    const char *type;
    const char *cluster;
    uint32_t since, until;       /* YYYYMMDD, 0 = open */
    int64_t min_dead;            /* -1 = no filter */
    bool near;
    double lat, lon, km;
    int64_t limit;               /* 0 = all */
} event_filter;

/* Calls each for every event matching the filter, ordered by date, article
 * and position; each returns false to stop.  The strings live until it returns. */
bool store_events(store *s, const event_filter *filter, bool (*each)(const stored_event *, void *), void *context);

typedef struct {
    const char *id, *source, *date, *title, *snippet;
    double rank;                 /* bm25: lower is better */
    int64_t events;
} search_hit;

/* Full-text search (FTS5 syntax, search_terms.h tokenization); snippets
 * mark matches with open and close. */
bool store_search(store *s, const char *query, int64_t limit, const char *open, const char *close,
                  bool (*each)(const search_hit *, void *), void *context);

typedef struct {
    int64_t row;
    const char *id, *source, *url, *date, *title, *text;
    size_t text_len;
    const char *hash;
} stored_article;

typedef struct {
    const char *type, *text, *country;
    int64_t start, end;
    const char *origin;   /* "lexicon" or "ner" (entity_origin_name) */
} stored_entity;

/* The article with id; each_entity gets its entities in text order.
 * Returns false (with store_error "no article ...") when absent. */
bool store_get_article(store *s, const char *id, void (*each_article)(const stored_article *, void *),
                   void (*each_entity)(const stored_entity *, void *), void *context);

/* Checks the database and that the search index agrees with the texts
 * (SQLite's integrity_check and FTS5's integrity-check). */
bool store_check(store *s);

typedef struct {
    int64_t articles, events, entities, clusters;
} store_counts;

bool store_count(store *s, store_counts *out);

#endif
