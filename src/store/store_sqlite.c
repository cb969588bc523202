/*
 * store_sqlite.c — the SQLite backend of store.h: one file, WAL mode,
 * batched transactions, an external-content FTS5 index over titles and
 * texts with the marsad_arabic tokenizer (search_terms.h).
 * The schema is documented in docs/schema.md; keep the two in step.
 */
#include "store_backend.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buffer.h"
#include "dates.h"
#include "search_terms.h"

/* 2: entities.origin */
#define SCHEMA_VERSION 2

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS articles (\n"
    "  row INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  source TEXT, url TEXT, date TEXT, title TEXT,\n"
    "  text TEXT NOT NULL,\n"
    "  content_hash TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS entities (\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  type TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,\n"
    "  country TEXT, origin TEXT NOT NULL DEFAULT 'lexicon',\n"
    "  PRIMARY KEY (article, idx)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS events (\n"
    "  row INTEGER PRIMARY KEY,\n"
    "  article INTEGER NOT NULL, idx INTEGER NOT NULL,\n"
    "  event_type TEXT NOT NULL, mode TEXT,\n"
    "  actor_text TEXT, actor_country TEXT, actor_sector TEXT, actor_org TEXT,\n"
    "  recipient_text TEXT, recipient_country TEXT, recipient_sector TEXT, recipient_org TEXT,\n"
    "  location_text TEXT, location_country TEXT, lat REAL, lon REAL,\n"
    "  date TEXT, modality TEXT NOT NULL,\n"
    "  dead INTEGER, injured INTEGER, arrested INTEGER,\n"
    "  trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,\n"
    "  sentence INTEGER, sentence_start INTEGER, sentence_end INTEGER,\n"
    "  goldstein REAL, quad_class INTEGER, cameo_root TEXT,\n"
    "  cluster TEXT,\n"
    "  UNIQUE (article, idx));\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events (date);\n"
    "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster);\n"
    "CREATE TABLE IF NOT EXISTS clusters (\n"
    "  id TEXT PRIMARY KEY,\n"
    "  event_type TEXT NOT NULL, actor TEXT NOT NULL, recipient TEXT NOT NULL, location_country TEXT NOT NULL,\n"
    "  first_date TEXT NOT NULL, last_date TEXT NOT NULL,\n"
    "  num_events INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,\n"
    "  max_dead INTEGER) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (\n"
    "  title, text, content='articles', content_rowid='row', tokenize='marsad_arabic');\n";

enum {
    Q_LOOKUP, Q_OLD_ROW, Q_FTS_DELETE, Q_DELETE_EVENTS, Q_DELETE_ENTITIES, Q_UPDATE_ARTICLE, Q_INSERT_ARTICLE,
    Q_FTS_INSERT, Q_INSERT_EVENT, Q_INSERT_ENTITY, Q_COUNT
};

static const char *const statement_sql[Q_COUNT] = {
    [Q_LOOKUP] = "SELECT content_hash FROM articles WHERE id = ?1",
    [Q_OLD_ROW] = "SELECT row FROM articles WHERE id = ?1",
    [Q_FTS_DELETE] = "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                     "SELECT 'delete', row, title, text FROM articles WHERE row = ?1",
    [Q_DELETE_EVENTS] = "DELETE FROM events WHERE article = ?1",
    [Q_DELETE_ENTITIES] = "DELETE FROM entities WHERE article = ?1",
    [Q_UPDATE_ARTICLE] = "UPDATE articles SET source = ?2, url = ?3, date = ?4, title = ?5, text = ?6, "
                         "content_hash = ?7 WHERE row = ?1",
    [Q_INSERT_ARTICLE] = "INSERT INTO articles (id, source, url, date, title, text, content_hash) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_FTS_INSERT] = "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
    [Q_INSERT_EVENT] =
        "INSERT INTO events (article, idx, event_type, mode, actor_text, actor_country, actor_sector, actor_org, "
        "recipient_text, recipient_country, recipient_sector, recipient_org, location_text, location_country, "
        "lat, lon, date, modality, dead, injured, arrested, trigger_text, trigger_start, trigger_end, sentence, "
        "sentence_start, sentence_end, goldstein, quad_class, cameo_root) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
        "?29, ?30)",
    [Q_INSERT_ENTITY] = "INSERT INTO entities (article, idx, type, text, start, \"end\", country, origin) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

typedef struct {
    store base;                  /* first: a sqlite_store is a store */
    sqlite3 *db;
    sqlite3_stmt *statements[Q_COUNT];
    char error[512];
    bool in_transaction;
    bool marked_stale;           /* this transaction has flagged the clusters stale */
    int version;                 /* of the schema (SCHEMA_VERSION once opened for writing) */
} sqlite_store;

/* data/event_scales.tsv, compiled in: type, quad class, Goldstein, CAMEO root */
static const char *const event_scale_rows[][4] = {
#include "event_scales.h"
};

static const char *const *scale_of(const char *type)
{
    for (size_t i = 0; i < sizeof event_scale_rows / sizeof event_scale_rows[0]; i++)
        if (strcmp(event_scale_rows[i][0], type) == 0)
            return event_scale_rows[i];
    return NULL;
}

static const store_backend sqlite_backend;
static void sqlite_close(store *base);

static bool fail(sqlite_store *s, const char *what)
{
    snprintf(s->error, sizeof s->error, "%s: %s", what, sqlite3_errmsg(s->db));
    return false;
}

static const char *sqlite_error(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    return s->error;
}

static bool exec(sqlite_store *s, const char *sql)
{
    char *message = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &message) != SQLITE_OK) {
        snprintf(s->error, sizeof s->error, "%s", message ? message : sqlite3_errmsg(s->db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

/* An index built with other search terms would no longer match queries,
 * nor let a changed article's old terms be deleted: rebuild it. */
static bool index_current_terms(sqlite_store *s)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'search_terms_version'", -1, &q, NULL) !=
        SQLITE_OK)
        return fail(s, "reading meta");
    int version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
    sqlite3_finalize(q);
    if (version == SEARCH_TERMS_VERSION)
        return true;
    char sql[300];
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE; %s INSERT OR REPLACE INTO meta VALUES ('search_terms_version', '%d'); COMMIT;",
             "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');", SEARCH_TERMS_VERSION);
    if (version)
        fprintf(stderr, "marsad: the search index was built with other terms; rebuilding it\n");
    if (!exec(s, sql)) {
        exec(s, "ROLLBACK");
        return false;
    }
    return true;
}

store *store_sqlite_open(const char *location, bool writable, char *error, size_t error_size)
{
    sqlite_store *s = xcalloc(1, sizeof *s);
    s->base.backend = &sqlite_backend;
    /* one connection, used by one thread at a time: no mutexes */
    int flags = (writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(location, &s->db, flags, NULL) != SQLITE_OK) {
        snprintf(error, error_size, "%s: %s", location, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        sqlite_close(&s->base);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* reads map the file instead of copying pages: searches touch many */
    exec(s, "PRAGMA mmap_size = 1073741824");
    if (!search_tokenizer_register(s->db)) {
        snprintf(error, error_size, "%s: this SQLite has no FTS5", location);
        sqlite_close(&s->base);
        return NULL;
    }
    int version = 0;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        version = sqlite3_column_int(q, 0);
    else {
        snprintf(error, error_size, "%s: %s", location, sqlite3_errmsg(s->db));
        sqlite3_finalize(q);
        sqlite_close(&s->base);
        return NULL;
    }
    sqlite3_finalize(q);
    if (version > SCHEMA_VERSION) {
        snprintf(error, error_size, "%s: schema version %d is newer than this marsad's (%d)", location, version,
                 SCHEMA_VERSION);
        sqlite_close(&s->base);
        return NULL;
    }
    s->version = version;
    if (writable) {
        /* a database of schema 1 gains entities.origin: all it holds came
         * from the lexicon, as ingest had no --ner then */
        const char *upgrade = version == 1 ? "ALTER TABLE entities ADD COLUMN origin TEXT NOT NULL DEFAULT 'lexicon';"
                                           : "";
        char sql[sizeof schema_sql + 300];
        snprintf(sql, sizeof sql,
                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; BEGIN; %s %s PRAGMA user_version = %d; COMMIT;",
                 upgrade, schema_sql, SCHEMA_VERSION);
        if (!exec(s, sql)) {
            snprintf(error, error_size, "%s: %s", location, s->error);
            sqlite_close(&s->base);
            return NULL;
        }
        s->version = SCHEMA_VERSION;
        /* a larger in-memory index before each flush: fewer segments to merge */
        exec(s, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 33554432)");
        if (!index_current_terms(s)) {
            snprintf(error, error_size, "%s: %s", location, s->error);
            sqlite_close(&s->base);
            return NULL;
        }
        for (int i = 0; i < Q_COUNT; i++)
            if (sqlite3_prepare_v3(s->db, statement_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->statements[i], NULL) !=
                SQLITE_OK) {
                snprintf(error, error_size, "%s: %s", location, sqlite3_errmsg(s->db));
                sqlite_close(&s->base);
                return NULL;
            }
    } else if (version == 0) {
        snprintf(error, error_size, "%s: not a marsad database (run marsad ingest first)", location);
        sqlite_close(&s->base);
        return NULL;
    } else {
        sqlite3_stmt *m = NULL;
        int terms = 0;
        if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'search_terms_version'", -1, &m, NULL) ==
                SQLITE_OK &&
            sqlite3_step(m) == SQLITE_ROW)
            terms = sqlite3_column_int(m, 0);
        sqlite3_finalize(m);
        if (terms != SEARCH_TERMS_VERSION)
            fprintf(stderr, "marsad: %s was indexed with other search terms; searches may miss. "
                            "'marsad ingest --db %s --check' rebuilds the index\n", location, location);
    }
    return &s->base;
}

static void sqlite_close(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    if (!s)
        return;
    if (s->in_transaction)
        exec(s, "ROLLBACK");
    for (int i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(s->statements[i]);
    sqlite3_close(s->db);
    free(s);
}

static sqlite3_stmt *statement(sqlite_store *s, int which)
{
    sqlite3_stmt *q = s->statements[which];
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return q;
}

static store_article_state sqlite_lookup(store *base, const char *id, const char *hash)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *q = statement(s, Q_LOOKUP);
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    store_article_state state = STORE_NEW;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *stored = (const char *)sqlite3_column_text(q, 0);
        state = stored && strcmp(stored, hash) == 0 ? STORE_UNCHANGED : STORE_CHANGED;
    }
    sqlite3_reset(q);
    return state;
}

static bool sqlite_begin(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    if (!exec(s, "BEGIN IMMEDIATE"))
        return false;
    s->in_transaction = true;
    s->marked_stale = false;
    return true;
}

static bool sqlite_commit(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    if (!exec(s, "COMMIT"))
        return false;
    s->in_transaction = false;
    s->marked_stale = false;
    return true;
}

static bool step_done(sqlite_store *s, sqlite3_stmt *q, const char *what)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE || fail(s, what);
}

static void bind_optional_text(sqlite3_stmt *q, int column, const char *text, size_t len)
{
    if (text && len)
        sqlite3_bind_text(q, column, text, (int)len, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, column);
}

static void bind_code(sqlite3_stmt *q, int column, const char *code)
{
    bind_optional_text(q, column, code, code ? strlen(code) : 0);
}

static void bind_count(sqlite3_stmt *q, int column, int64_t v)
{
    if (v == NO_COUNT)
        sqlite3_bind_null(q, column);
    else
        sqlite3_bind_int64(q, column, v);
}

static void bind_party(sqlite3_stmt *q, int column, const char *text, const event_party *p)
{
    if (!p->present) {
        for (int i = 0; i < 4; i++)
            sqlite3_bind_null(q, column + i);
        return;
    }
    sqlite3_bind_text(q, column, text + p->start, (int)(p->end - p->start), SQLITE_STATIC);
    bind_code(q, column + 1, p->country);
    bind_code(q, column + 2, p->sector);
    bind_code(q, column + 3, p->org);
}

static bool put_events(sqlite_store *s, int64_t row, const store_article *a, const article_coding *c)
{
    const char *text = a->text;
    for (size_t i = 0; i < c->events.count; i++) {
        const event *e = &c->events.items[i];
        sqlite3_stmt *q = statement(s, Q_INSERT_EVENT);
        const char *type = event_type_name((event_type)e->type);
        sqlite3_bind_int64(q, 1, row);
        sqlite3_bind_int(q, 2, (int)i);
        sqlite3_bind_text(q, 3, type, -1, SQLITE_STATIC);
        bind_code(q, 4, e->mode);
        bind_party(q, 5, text, &e->actor);
        bind_party(q, 9, text, &e->recipient);
        if (e->location.present) {
            sqlite3_bind_text(q, 13, text + e->location.start, (int)(e->location.end - e->location.start),
                              SQLITE_STATIC);
            bind_code(q, 14, e->location.country);
            if (!isnan(e->location.lat) && !isnan(e->location.lon)) {
                sqlite3_bind_double(q, 15, e->location.lat);
                sqlite3_bind_double(q, 16, e->location.lon);
            }
        }
        char date[11];
        if (e->date) {
            date_format(e->date, date);
            sqlite3_bind_text(q, 17, date, -1, SQLITE_STATIC);
        }
        sqlite3_bind_text(q, 18, modality_name((modality)e->modality), -1, SQLITE_STATIC);
        bind_count(q, 19, e->dead);
        bind_count(q, 20, e->injured);
        bind_count(q, 21, e->arrested);
        sqlite3_bind_text(q, 22, text + e->trigger_start, (int)(e->trigger_end - e->trigger_start), SQLITE_STATIC);
        sqlite3_bind_int64(q, 23, e->trigger_start);
        sqlite3_bind_int64(q, 24, e->trigger_end);
        if (e->sentence < c->tokens.sentence_count) {
            const sentence *sent = &c->tokens.sentences[e->sentence];
            sqlite3_bind_int64(q, 25, e->sentence);
            sqlite3_bind_int64(q, 26, sent->start);
            sqlite3_bind_int64(q, 27, sent->end);
        }
        const char *const *scale = scale_of(type);
        if (scale) {
            sqlite3_bind_double(q, 28, atof(scale[2]));
            sqlite3_bind_int(q, 29, atoi(scale[1]));
            sqlite3_bind_text(q, 30, scale[3], -1, SQLITE_STATIC);
        }
        if (!step_done(s, q, "storing an event"))
            return false;
    }
    for (size_t i = 0; i < c->actors.entity_count; i++) {
        const entity *x = &c->actors.entities[i];
        sqlite3_stmt *q = statement(s, Q_INSERT_ENTITY);
        sqlite3_bind_int64(q, 1, row);
        sqlite3_bind_int(q, 2, (int)i);
        sqlite3_bind_text(q, 3, entity_type_name((entity_type)x->type), -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, text + x->start, (int)(x->end - x->start), SQLITE_STATIC);
        sqlite3_bind_int64(q, 5, x->start);
        sqlite3_bind_int64(q, 6, x->end);
        bind_code(q, 7, x->country);
        sqlite3_bind_text(q, 8, entity_origin_name((entity_origin)x->origin), -1, SQLITE_STATIC);
        if (!step_done(s, q, "storing an entity"))
            return false;
    }
    return true;
}

static bool sqlite_put_article(store *base, const store_article *a, const char *hash, const article_coding *coding,
                       bool *replaced)
{
    sqlite_store *s = (sqlite_store *)base;
    if (!s->marked_stale) {
        if (!exec(s, "INSERT OR REPLACE INTO meta VALUES ('clusters_stale', '1')"))
            return false;
        s->marked_stale = true;
    }
    char date[11] = "";
    if (a->date)
        date_format(a->date, date);
    int64_t row = 0;
    sqlite3_stmt *q = statement(s, Q_OLD_ROW);
    sqlite3_bind_text(q, 1, a->id, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW)
        row = sqlite3_column_int64(q, 0);
    sqlite3_reset(q);
    *replaced = row != 0;
    if (row) {
        /* a changed article: take out everything the old version put in */
        static const int removals[] = {Q_FTS_DELETE, Q_DELETE_EVENTS, Q_DELETE_ENTITIES};
        for (size_t i = 0; i < sizeof removals / sizeof removals[0]; i++) {
            q = statement(s, removals[i]);
            sqlite3_bind_int64(q, 1, row);
            if (!step_done(s, q, "removing the old version of an article"))
                return false;
        }
        q = statement(s, Q_UPDATE_ARTICLE);
        sqlite3_bind_int64(q, 1, row);
    } else {
        q = statement(s, Q_INSERT_ARTICLE);
        sqlite3_bind_text(q, 1, a->id, -1, SQLITE_STATIC);
    }
    bind_code(q, 2, a->source);
    bind_code(q, 3, a->url);
    bind_code(q, 4, date);
    bind_code(q, 5, a->title);
    sqlite3_bind_text(q, 6, a->text, (int)a->text_len, SQLITE_STATIC);
    sqlite3_bind_text(q, 7, hash, -1, SQLITE_STATIC);
    if (!step_done(s, q, "storing an article"))
        return false;
    if (!row)
        row = sqlite3_last_insert_rowid(s->db);
    q = statement(s, Q_FTS_INSERT);
    sqlite3_bind_int64(q, 1, row);
    bind_code(q, 2, a->title);
    sqlite3_bind_text(q, 3, a->text, (int)a->text_len, SQLITE_STATIC);
    if (!step_done(s, q, "indexing an article"))
        return false;
    return put_events(s, row, a, coding);
}

/* ---- clusters ---- */

/* Days since 1970-01-01 of "YYYY-MM-DD" (Howard Hinnant's days_from_civil). */
static long day_number(const char *date)
{
    int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static const char *or_dash(const unsigned char *s)
{
    return s ? (const char *)s : "-";
}

static bool sqlite_rebuild_clusters(store *base, size_t *count)
{
    sqlite_store *s = (sqlite_store *)base;
    *count = 0;
    if (!sqlite_begin(&s->base))
        return false;
    if (!exec(s, "UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL; DELETE FROM clusters; "
                 "DELETE FROM meta WHERE key = 'clusters_stale';"))
        goto failed;
    /* The same real-world event: same type, actor, recipient and location
     * country, asserted, on dates that chain within a day of each other. */
    sqlite3_stmt *q = NULL, *set = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT row, event_type, coalesce(actor_country, 'IGO:' || actor_org), "
                           "coalesce(recipient_country, 'IGO:' || recipient_org), location_country, date "
                           "FROM events WHERE modality = 'asserted' AND date IS NOT NULL "
                           "AND coalesce(actor_country, actor_org, recipient_country, recipient_org) IS NOT NULL "
                           "ORDER BY 2, 3, 4, 5, date, row",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "UPDATE events SET cluster = ?1 WHERE row = ?2", -1, &set, NULL) != SQLITE_OK) {
        fail(s, "clustering events");
        sqlite3_finalize(q);
        goto failed;
    }
    char key[128] = "", cluster[160] = "";
    long last_day = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        char this_key[128];
        snprintf(this_key, sizeof this_key, "%s:%s:%s:%s", sqlite3_column_text(q, 1), or_dash(sqlite3_column_text(q, 2)),
                 or_dash(sqlite3_column_text(q, 3)), or_dash(sqlite3_column_text(q, 4)));
        const char *date = (const char *)sqlite3_column_text(q, 5);
        long day = day_number(date);
        if (strcmp(this_key, key) != 0 || day - last_day > 1) {
            snprintf(key, sizeof key, "%s", this_key);
            snprintf(cluster, sizeof cluster, "%s:%s", this_key, date);
            ++*count;
        }
        last_day = day;
        sqlite3_bind_text(set, 1, cluster, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(set, 2, sqlite3_column_int64(q, 0));
        if (sqlite3_step(set) != SQLITE_DONE) {
            fail(s, "clustering events");
            break;
        }
        sqlite3_reset(set);
    }
    sqlite3_finalize(q);
    sqlite3_finalize(set);
    if (rc != SQLITE_DONE)
        goto failed;
    if (!exec(s, "INSERT INTO clusters SELECT e.cluster, min(e.event_type), "
                 "coalesce(min(e.actor_country), 'IGO:' || min(e.actor_org), '-'), "
                 "coalesce(min(e.recipient_country), 'IGO:' || min(e.recipient_org), '-'), "
                 "coalesce(min(e.location_country), '-'), min(e.date), max(e.date), count(*), "
                 "count(DISTINCT e.article), count(DISTINCT coalesce(a.source, a.id)), max(e.dead) "
                 "FROM events e JOIN articles a ON a.row = e.article WHERE e.cluster IS NOT NULL "
                 "GROUP BY e.cluster"))
        goto failed;
    return sqlite_commit(&s->base);
failed:
    exec(s, "ROLLBACK");
    s->in_transaction = false;
    return false;
}

/* ---- reading ---- */

static const char *text_at(sqlite3_stmt *q, int column)
{
    return (const char *)sqlite3_column_text(q, column);
}

static int64_t count_at(sqlite3_stmt *q, int column)
{
    return sqlite3_column_type(q, column) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, column);
}

static double real_at(sqlite3_stmt *q, int column)
{
    return sqlite3_column_type(q, column) == SQLITE_NULL ? NAN : sqlite3_column_double(q, column);
}

static bool sqlite_events(store *base, const event_filter *f, bool (*each)(const stored_event *, void *), void *context)
{
    sqlite_store *s = (sqlite_store *)base;
    byte_buffer sql = {0};
    query_values values;
    events_query(f, &sql, &values);
    sqlite3_stmt *q = NULL;
    bool ok = sqlite3_prepare_v2(s->db, sql.data, -1, &q, NULL) == SQLITE_OK;
    buffer_free(&sql);
    if (!ok)
        return fail(s, "querying events");
    for (size_t i = 0; i < values.count; i++)
        sqlite3_bind_text(q, (int)i + 1, values.values[i], -1, SQLITE_STATIC);
    int64_t shown = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        stored_event e = {
            .article = text_at(q, 0), .article_row = sqlite3_column_int64(q, 1), .index = sqlite3_column_int(q, 2),
            .event_type = text_at(q, 3), .mode = text_at(q, 4),
            .actor = {text_at(q, 5), text_at(q, 6), text_at(q, 7), text_at(q, 8)},
            .recipient = {text_at(q, 9), text_at(q, 10), text_at(q, 11), text_at(q, 12)},
            .location = {text_at(q, 13), text_at(q, 14), NULL, NULL},
            .lat = real_at(q, 15), .lon = real_at(q, 16), .date = text_at(q, 17), .modality = text_at(q, 18),
            .dead = count_at(q, 19), .injured = count_at(q, 20), .arrested = count_at(q, 21),
            .trigger = text_at(q, 22), .trigger_start = sqlite3_column_int64(q, 23),
            .trigger_end = sqlite3_column_int64(q, 24), .sentence = count_at(q, 25),
            .sentence_start = count_at(q, 26), .sentence_end = count_at(q, 27), .goldstein = real_at(q, 28),
            .quad_class = sqlite3_column_int(q, 29), .cameo_root = text_at(q, 30), .cluster = text_at(q, 31),
            .cluster_articles = count_at(q, 32), .cluster_sources = count_at(q, 33), .source = text_at(q, 34),
            .url = text_at(q, 35), .article_date = text_at(q, 36),
        };
        if (f->near && distance_km(f->lat, f->lon, e.lat, e.lon) > f->km)
            continue;
        if (!each(&e, context))
            break;
        if (f->limit && ++shown >= f->limit)
            break;
    }
    ok = rc == SQLITE_ROW || rc == SQLITE_DONE || fail(s, "querying events");
    sqlite3_finalize(q);
    return ok;
}

static bool search_once(sqlite_store *s, const char *query, int64_t limit, const char *open, const char *close,
                        bool (*each)(const search_hit *, void *), void *context, bool *syntax_error)
{
    sqlite3_stmt *q = NULL;
    *syntax_error = false;
    if (sqlite3_prepare_v2(s->db,
                           /* ORDER BY rank inside a pure FTS5 query lets FTS5 sort
                            * before snippet() runs: only the rows shown get one */
                           "SELECT a.id, a.source, a.date, a.title, f.snip, f.score, "
                           "(SELECT count(*) FROM events WHERE article = a.row) "
                           "FROM (SELECT rowid, snippet(articles_fts, 1, ?3, ?4, '…', 24) AS snip, rank AS score "
                           "      FROM articles_fts WHERE articles_fts MATCH ?1 AND rank MATCH 'bm25(2.0, 1.0)' "
                           "      ORDER BY rank LIMIT ?2) f "
                           "JOIN articles a ON a.row = f.rowid ORDER BY f.score",
                           -1, &q, NULL) != SQLITE_OK)
        return fail(s, "searching");
    sqlite3_bind_text(q, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, limit > 0 ? limit : -1);
    sqlite3_bind_text(q, 3, open, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, close, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        search_hit hit = {text_at(q, 0), text_at(q, 1), text_at(q, 2), text_at(q, 3), text_at(q, 4),
                          sqlite3_column_double(q, 5), sqlite3_column_int64(q, 6)};
        if (!each(&hit, context))
            break;
    }
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (!ok) {
        /* the query's fault, not the database's: "unterminated string",
         * "no such column: b" for a-b, "syntax error near ..." */
        *syntax_error = true;
        fail(s, "searching");
    }
    sqlite3_finalize(q);
    return ok;
}

static bool sqlite_search(store *base, const char *query, int64_t limit, const char *open, const char *close,
                  bool (*each)(const search_hit *, void *), void *context)
{
    sqlite_store *s = (sqlite_store *)base;
    bool syntax_error;
    if (search_once(s, query, limit, open, close, each, context, &syntax_error))
        return true;
    if (!syntax_error)
        return false;
    /* Not FTS5 syntax (a stray quote, a hyphen, a colon): search the words as
     * words.  If that fails too, the first error is the one to report. */
    char first_error[sizeof s->error];
    memcpy(first_error, s->error, sizeof first_error);
    byte_buffer quoted = {0};
    for (const char *p = query; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        buffer_append_str(&quoted, quoted.len ? " \"" : "\"");
        for (; p < end; p++) {
            if (*p == '"')
                buffer_append_char(&quoted, '"');
            buffer_append_char(&quoted, *p);
        }
        buffer_append_char(&quoted, '"');
    }
    s->error[0] = '\0';
    bool ok = quoted.len && search_once(s, quoted.data, limit, open, close, each, context, &syntax_error);
    if (!ok)
        memcpy(s->error, first_error, sizeof first_error);
    buffer_free(&quoted);
    return ok;
}

static bool sqlite_get_article(store *base, const char *id, void (*each_article)(const stored_article *, void *),
                   void (*each_entity)(const stored_entity *, void *), void *context)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT row, id, source, url, date, title, text, content_hash FROM articles WHERE id = ?1",
                           -1, &q, NULL) != SQLITE_OK)
        return fail(s, "reading an article");
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_ROW) {
        snprintf(s->error, sizeof s->error, "no article with id '%s'", id);
        sqlite3_finalize(q);
        return false;
    }
    stored_article a = {sqlite3_column_int64(q, 0), text_at(q, 1), text_at(q, 2), text_at(q, 3), text_at(q, 4),
                        text_at(q, 5), text_at(q, 6), (size_t)sqlite3_column_bytes(q, 6), text_at(q, 7)};
    each_article(&a, context);
    int64_t row = a.row;
    sqlite3_finalize(q);
    if (sqlite3_prepare_v2(s->db,
                           s->version >= 2 ? "SELECT type, text, country, start, \"end\", origin FROM entities "
                                             "WHERE article = ?1 ORDER BY start, idx"
                                           : "SELECT type, text, country, start, \"end\", 'lexicon' FROM entities "
                                             "WHERE article = ?1 ORDER BY start, idx",
                           -1, &q, NULL) != SQLITE_OK)
        return fail(s, "reading entities");
    sqlite3_bind_int64(q, 1, row);
    while (sqlite3_step(q) == SQLITE_ROW) {
        stored_entity x = {text_at(q, 0), text_at(q, 1), text_at(q, 2), sqlite3_column_int64(q, 3),
                           sqlite3_column_int64(q, 4), text_at(q, 5)};
        each_entity(&x, context);
    }
    sqlite3_finalize(q);
    return true;
}

static bool sqlite_count(store *base, store_counts *out)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                           "(SELECT count(*) FROM entities), (SELECT count(*) FROM clusters)",
                           -1, &q, NULL) != SQLITE_OK)
        return fail(s, "counting");
    bool ok = sqlite3_step(q) == SQLITE_ROW;
    if (ok)
        *out = (store_counts){sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2),
                              sqlite3_column_int64(q, 3)};
    sqlite3_finalize(q);
    return ok || fail(s, "counting");
}

static bool sqlite_clusters_stale(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *q = NULL;
    bool stale = false;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM meta WHERE key = 'clusters_stale'", -1, &q, NULL) == SQLITE_OK)
        stale = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return stale;
}

static bool sqlite_check(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK)
        return fail(s, "checking");
    bool ok = sqlite3_step(q) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
    if (!ok)
        snprintf(s->error, sizeof s->error, "integrity_check: %s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    /* rank 1: also compare the index with the tokens of the stored texts */
    return ok && exec(s, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
}

static const store_backend sqlite_backend = {
    .close = sqlite_close, .error = sqlite_error, .lookup = sqlite_lookup, .begin = sqlite_begin,
    .commit = sqlite_commit, .put_article = sqlite_put_article, .rebuild_clusters = sqlite_rebuild_clusters,
    .clusters_stale = sqlite_clusters_stale,
    .events = sqlite_events, .search = sqlite_search, .get_article = sqlite_get_article, .count = sqlite_count,
    .check = sqlite_check,
};
