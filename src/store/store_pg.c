/*
 * store_pg.c — the PostgreSQL backend of store.h (libpq), for a team
 * sharing one database: `--db postgresql://host/dbname`.
 *
 * The schema mirrors docs/schema.md; text columns compared or sorted are
 * COLLATE "C" so results come in the same order as from SQLite.  Full-text
 * search uses a tsvector column filled with marsad's own search terms
 * (search_terms.h), title terms weighted A: PostgreSQL's text parser never
 * sees the Arabic, so the terms are exactly SQLite's.  Snippets are cut
 * client-side around the first matching word.
 */
#include "store_backend.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "dates.h"
#include "search_terms.h"

#define PG_SCHEMA_VERSION 2   /* 2: entities.origin */

static const char pg_schema[] =
    "CREATE TABLE IF NOT EXISTS articles (\n"
    "  row BIGSERIAL PRIMARY KEY,\n"
    "  id TEXT COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  source TEXT, url TEXT, date TEXT COLLATE \"C\", title TEXT,\n"
    "  text TEXT NOT NULL,\n"
    "  content_hash TEXT NOT NULL,\n"
    "  terms TSVECTOR);\n"
    "CREATE INDEX IF NOT EXISTS articles_terms ON articles USING gin (terms);\n"
    "CREATE TABLE IF NOT EXISTS entities (\n"
    "  article BIGINT NOT NULL, idx INTEGER NOT NULL,\n"
    "  type TEXT NOT NULL, text TEXT NOT NULL, start BIGINT NOT NULL, \"end\" BIGINT NOT NULL, country TEXT,\n"
    "  origin TEXT NOT NULL DEFAULT 'lexicon',\n"
    "  PRIMARY KEY (article, idx));\n"
    /* a database of schema 1 gains the column: all it holds came from the lexicon */
    "ALTER TABLE entities ADD COLUMN IF NOT EXISTS origin TEXT NOT NULL DEFAULT 'lexicon';\n"
    "CREATE TABLE IF NOT EXISTS events (\n"
    "  row BIGSERIAL PRIMARY KEY,\n"
    "  article BIGINT NOT NULL, idx INTEGER NOT NULL,\n"
    "  event_type TEXT COLLATE \"C\" NOT NULL, mode TEXT,\n"
    "  actor_text TEXT, actor_country TEXT COLLATE \"C\", actor_sector TEXT, actor_org TEXT COLLATE \"C\",\n"
    "  recipient_text TEXT, recipient_country TEXT COLLATE \"C\", recipient_sector TEXT,\n"
    "  recipient_org TEXT COLLATE \"C\",\n"
    "  location_text TEXT, location_country TEXT COLLATE \"C\", lat DOUBLE PRECISION, lon DOUBLE PRECISION,\n"
    "  date TEXT COLLATE \"C\", modality TEXT NOT NULL,\n"
    "  dead BIGINT, injured BIGINT, arrested BIGINT,\n"
    "  trigger_text TEXT NOT NULL, trigger_start BIGINT NOT NULL, trigger_end BIGINT NOT NULL,\n"
    "  sentence BIGINT, sentence_start BIGINT, sentence_end BIGINT,\n"
    "  goldstein DOUBLE PRECISION, quad_class INTEGER, cameo_root TEXT,\n"
    "  cluster TEXT COLLATE \"C\",\n"
    "  UNIQUE (article, idx));\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events (date);\n"
    "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster);\n"
    "CREATE TABLE IF NOT EXISTS clusters (\n"
    "  id TEXT COLLATE \"C\" PRIMARY KEY,\n"
    "  event_type TEXT NOT NULL, actor TEXT NOT NULL, recipient TEXT NOT NULL, location_country TEXT NOT NULL,\n"
    "  first_date TEXT NOT NULL, last_date TEXT NOT NULL,\n"
    "  num_events BIGINT NOT NULL, num_articles BIGINT NOT NULL, num_sources BIGINT NOT NULL,\n"
    "  max_dead BIGINT);\n"
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n";

typedef struct {
    store base;
    PGconn *conn;
    char error[512];
    bool in_transaction;
    bool marked_stale;           /* this transaction has flagged the clusters stale */
    int version;                 /* of the schema (PG_SCHEMA_VERSION once opened for writing) */
    search_stemmer *stemmer;     /* for queries, snippets and unprepared texts */
    token_list tokens;
    prepared_terms terms, title_terms;
    byte_buffer tsvector, clean_text, scratch;
} pg_store;

static const store_backend pg_backend;
static void pg_close(store *base);

/* data/event_scales.tsv, compiled in: type, quad class, Goldstein, CAMEO root */
static const char *const pg_scale_rows[][4] = {
#include "event_scales.h"
};

static const char *const *scale_of(const char *type)
{
    for (size_t i = 0; i < sizeof pg_scale_rows / sizeof pg_scale_rows[0]; i++)
        if (strcmp(pg_scale_rows[i][0], type) == 0)
            return pg_scale_rows[i];
    return NULL;
}

static bool fail(pg_store *s, const char *what, const PGresult *r)
{
    const char *message = r ? PQresultErrorMessage(r) : PQerrorMessage(s->conn);
    snprintf(s->error, sizeof s->error, "%s: %s", what, message && *message ? message : "PostgreSQL error");
    size_t n = strlen(s->error);
    while (n && s->error[n - 1] == '\n')
        s->error[--n] = '\0';
    return false;
}

/* Runs sql with text parameters (NULL = SQL NULL); NULL on error. */
static PGresult *run(pg_store *s, const char *what, const char *sql, int count, const char *const *values)
{
    /* without parameters, PQexec: it also runs several statements */
    PGresult *r = count ? PQexecParams(s->conn, sql, count, NULL, values, NULL, NULL, 0) : PQexec(s->conn, sql);
    ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return r;
    fail(s, what, r);
    PQclear(r);
    return NULL;
}

static bool run_ok(pg_store *s, const char *what, const char *sql, int count, const char *const *values)
{
    PGresult *r = run(s, what, sql, count, values);
    PQclear(r);
    return r != NULL;
}

static const char *pg_error(store *base)
{
    return ((pg_store *)base)->error;
}

store *store_pg_open(const char *location, bool writable, char *error, size_t error_size)
{
    pg_store *s = xcalloc(1, sizeof *s);
    s->base.backend = &pg_backend;
    s->conn = PQconnectdb(location);
    if (PQstatus(s->conn) != CONNECTION_OK) {
        snprintf(error, error_size, "%s: %s", location, PQerrorMessage(s->conn));
        size_t n = strlen(error);
        while (n && error[n - 1] == '\n')
            error[--n] = '\0';
        pg_close(&s->base);
        return NULL;
    }
    PQclientEncoding(s->conn);
    PQsetClientEncoding(s->conn, "UTF8");
    run_ok(s, "setting up", "SET client_min_messages = warning", 0, NULL);
    s->stemmer = search_stemmer_new();
    if (writable) {
        char version[16];
        snprintf(version, sizeof version, "%d", PG_SCHEMA_VERSION);
        const char *values[] = {version};
        /* several ingest processes may start on one database at once: the
         * first creates the schema while the others wait on this lock
         * (CREATE TABLE IF NOT EXISTS alone races on PostgreSQL's catalogue) */
        if (!run_ok(s, "creating the schema", "BEGIN", 0, NULL) ||
            !run_ok(s, "creating the schema", "SELECT pg_advisory_xact_lock(7217040)", 0, NULL) ||
            !run_ok(s, "creating the schema", pg_schema, 0, NULL) ||
            !run_ok(s, "creating the schema",
                    "INSERT INTO meta VALUES ('schema_version', $1) ON CONFLICT (key) "
                    "DO UPDATE SET value = GREATEST(meta.value::int, EXCLUDED.value::int)::text",
                    1, values) ||
            !run_ok(s, "creating the schema", "COMMIT", 0, NULL)) {
            snprintf(error, error_size, "%s: %s", location, s->error);
            pg_close(&s->base);
            return NULL;
        }
        s->version = PG_SCHEMA_VERSION;
    } else {
        PGresult *r = run(s, "opening", "SELECT value FROM meta WHERE key = 'schema_version'", 0, NULL);
        if (!r || PQntuples(r) == 0) {
            snprintf(error, error_size, "%s: not a marsad database (run marsad ingest first)", location);
            PQclear(r);
            pg_close(&s->base);
            return NULL;
        }
        s->version = atoi(PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    return &s->base;
}

static void pg_close(store *base)
{
    pg_store *s = (pg_store *)base;
    if (s->in_transaction)
        run_ok(s, "rolling back", "ROLLBACK", 0, NULL);
    PQfinish(s->conn);
    search_stemmer_free(s->stemmer);
    token_list_free(&s->tokens);
    prepared_terms_free(&s->terms);
    prepared_terms_free(&s->title_terms);
    buffer_free(&s->tsvector);
    buffer_free(&s->clean_text);
    buffer_free(&s->scratch);
    free(s);
}

static store_article_state pg_lookup(store *base, const char *id, const char *hash)
{
    pg_store *s = (pg_store *)base;
    const char *values[] = {id};
    PGresult *r = run(s, "looking up an article", "SELECT content_hash FROM articles WHERE id = $1", 1, values);
    store_article_state state = STORE_NEW;
    if (r && PQntuples(r) == 1)
        state = strcmp(PQgetvalue(r, 0, 0), hash) == 0 ? STORE_UNCHANGED : STORE_CHANGED;
    PQclear(r);
    return state;
}

/* Advisory locks that let several ingest processes share one database:
 * a batch of articles holds WRITERS_LOCK shared, a rebuild of the clusters
 * holds it alone, so a rebuild never meets a batch half-written (they
 * would otherwise deadlock on the rows each touches). */
#define WRITERS_LOCK "7217041"

static bool pg_begin_transaction(pg_store *s)
{
    if (!run_ok(s, "beginning a transaction", "BEGIN", 0, NULL))
        return false;
    s->in_transaction = true;
    s->marked_stale = false;
    return true;
}

static bool pg_begin(store *base)
{
    pg_store *s = (pg_store *)base;
    return pg_begin_transaction(s) &&
           run_ok(s, "beginning a transaction", "SELECT pg_advisory_xact_lock_shared(" WRITERS_LOCK ")", 0, NULL);
}

static bool pg_commit(store *base)
{
    pg_store *s = (pg_store *)base;
    s->in_transaction = false;
    s->marked_stale = false;
    return run_ok(s, "committing", "COMMIT", 0, NULL);
}

/* Appends the terms as tsvector entries 'term':position[weight]. */
static void append_tsvector(byte_buffer *b, const prepared_terms *p, unsigned *position, const char *weight)
{
    for (size_t i = 0; i < p->count; i++) {
        const uint32_t *span = p->spans + 4 * i;
        buffer_append_char(b, '\'');
        for (uint32_t k = 0; k < span[1]; k++) {
            char c = p->terms.data[span[0] + k];
            if (c == '\'' || c == '\\')
                buffer_append_char(b, c == '\'' ? '\'' : '\\');
            buffer_append_char(b, c);
        }
        buffer_printf(b, "':%u%s ", *position < 16383 ? *position : 16383, weight);
        ++*position;
    }
}

static const prepared_terms *terms_of(pg_store *s, const char *text, size_t len, prepared_terms *into)
{
    const prepared_terms *offered = search_tokenizer_offered(text, len);
    if (offered)
        return offered;
    tokenize(text, len, &s->tokens);
    prepare_search_terms(s->stemmer, &s->tokens, into);
    return into;
}

static const char *code_or_null(const char *code)
{
    return code && code[0] ? code : NULL;
}

/* Appends value as an SQL literal, or NULL. */
static void literal(pg_store *s, byte_buffer *sql, const char *value, size_t len)
{
    if (!value) {
        buffer_append_str(sql, "NULL");
        return;
    }
    char *quoted = PQescapeLiteral(s->conn, value, len);
    if (quoted) {
        buffer_append_str(sql, quoted);
        PQfreemem(quoted);
    } else {
        buffer_append_str(sql, "NULL");
    }
}

static void code_literal(pg_store *s, byte_buffer *sql, const char *code)
{
    code = code_or_null(code);
    literal(s, sql, code, code ? strlen(code) : 0);
}

static void count_literal(byte_buffer *sql, int64_t v)
{
    if (v == NO_COUNT)
        buffer_append_str(sql, "NULL");
    else
        buffer_printf(sql, "%lld", (long long)v);
}

/* One round trip for the lookup, one for everything else: the statements
 * go as one batch of literals, since waiting on the server for each row
 * costs more than building them. */
static bool pg_put_article(store *base, const store_article *a, const char *hash, const article_coding *coding,
                           bool *replaced)
{
    pg_store *s = (pg_store *)base;
    /* PostgreSQL text holds no NUL: a space keeps every offset */
    buffer_truncate(&s->clean_text, 0);
    buffer_append(&s->clean_text, a->text, a->text_len);
    if (!s->clean_text.data)
        buffer_append(&s->clean_text, "", 0);
    for (size_t i = 0; i < s->clean_text.len; i++)
        if (s->clean_text.data[i] == '\0')
            s->clean_text.data[i] = ' ';
    const char *text = s->clean_text.data;
    unsigned position = 1;
    buffer_truncate(&s->tsvector, 0);
    buffer_append(&s->tsvector, "", 0);
    const char *title = a->title ? a->title : "";
    append_tsvector(&s->tsvector, terms_of(s, title, strlen(title), &s->title_terms), &position, "A");
    append_tsvector(&s->tsvector, terms_of(s, a->text, a->text_len, &s->terms), &position, "");

    char date[11] = "";
    if (a->date)
        date_format(a->date, date);
    const char *id_value[] = {a->id};
    /* another ingest may be storing the same article at this moment: the
     * one that gets this lock first inserts it, the other then finds it and
     * replaces it (same id, never a duplicate); the lock lasts until the
     * batch commits */
    if (!run_ok(s, "storing an article", "SELECT pg_advisory_xact_lock(hashtext($1))", 1, id_value))
        return false;
    PGresult *r = run(s, "storing an article", "SELECT row FROM articles WHERE id = $1", 1, id_value);
    if (!r)
        return false;
    char row[40] = "currval('articles_row_seq')";
    *replaced = PQntuples(r) == 1;
    if (*replaced)
        snprintf(row, sizeof row, "%lld", atoll(PQgetvalue(r, 0, 0)));
    PQclear(r);

    byte_buffer *sql = &s->scratch;
    buffer_truncate(sql, 0);
    if (!s->marked_stale) {
        buffer_append_str(sql, "INSERT INTO meta VALUES ('clusters_stale', '1') ON CONFLICT (key) DO NOTHING;\n");
        s->marked_stale = true;
    }
    if (*replaced) {
        buffer_printf(sql, "DELETE FROM events WHERE article = %s; DELETE FROM entities WHERE article = %s; "
                           "UPDATE articles SET source = ", row, row);
        code_literal(s, sql, a->source);
        buffer_append_str(sql, ", url = ");
        code_literal(s, sql, a->url);
        buffer_append_str(sql, ", date = ");
        code_literal(s, sql, date);
        buffer_append_str(sql, ", title = ");
        code_literal(s, sql, a->title);
        buffer_append_str(sql, ", text = ");
        literal(s, sql, text, a->text_len);
        buffer_append_str(sql, ", content_hash = ");
        code_literal(s, sql, hash);
        buffer_append_str(sql, ", terms = ");
        literal(s, sql, s->tsvector.data, s->tsvector.len);
        buffer_printf(sql, "::tsvector WHERE row = %s;\n", row);
    } else {
        buffer_append_str(sql, "INSERT INTO articles (id, source, url, date, title, text, content_hash, terms) VALUES (");
        const char *fields[] = {a->id, a->source, a->url, date};
        for (size_t i = 0; i < 4; i++) {
            code_literal(s, sql, fields[i]);
            buffer_append_str(sql, ", ");
        }
        code_literal(s, sql, a->title);
        buffer_append_str(sql, ", ");
        literal(s, sql, text, a->text_len);
        buffer_append_str(sql, ", ");
        code_literal(s, sql, hash);
        buffer_append_str(sql, ", ");
        literal(s, sql, s->tsvector.data, s->tsvector.len);
        buffer_append_str(sql, "::tsvector);\n");
    }
    for (size_t i = 0; i < coding->events.count; i++) {
        const event *e = &coding->events.items[i];
        const char *type = event_type_name((event_type)e->type);
        const char *const *scale = scale_of(type);
        buffer_append_str(sql, i ? ",\n(" : "INSERT INTO events (article, idx, event_type, mode, actor_text, "
                                           "actor_country, actor_sector, actor_org, recipient_text, "
                                           "recipient_country, recipient_sector, recipient_org, location_text, "
                                           "location_country, lat, lon, date, modality, dead, injured, arrested, "
                                           "trigger_text, trigger_start, trigger_end, sentence, sentence_start, "
                                           "sentence_end, goldstein, quad_class, cameo_root) VALUES (");
        buffer_printf(sql, "%s, %zu, ", row, i);
        code_literal(s, sql, type);
        buffer_append_str(sql, ", ");
        code_literal(s, sql, e->mode);
        const event_party *parties[] = {&e->actor, &e->recipient};
        for (int k = 0; k < 2; k++) {
            const event_party *p = parties[k];
            buffer_append_str(sql, ", ");
            literal(s, sql, p->present ? text + p->start : NULL, p->end - p->start);
            const char *codes[] = {p->country, p->sector, p->org};
            for (int c = 0; c < 3; c++) {
                buffer_append_str(sql, ", ");
                code_literal(s, sql, p->present ? codes[c] : NULL);
            }
        }
        buffer_append_str(sql, ", ");
        literal(s, sql, e->location.present ? text + e->location.start : NULL, e->location.end - e->location.start);
        buffer_append_str(sql, ", ");
        code_literal(s, sql, e->location.present ? e->location.country : NULL);
        if (e->location.present && !isnan(e->location.lat) && !isnan(e->location.lon))
            buffer_printf(sql, ", %.17g, %.17g", (double)e->location.lat, (double)e->location.lon);
        else
            buffer_append_str(sql, ", NULL, NULL");
        char edate[11] = "";
        if (e->date)
            date_format(e->date, edate);
        buffer_append_str(sql, ", ");
        code_literal(s, sql, edate);
        buffer_append_str(sql, ", ");
        code_literal(s, sql, modality_name((modality)e->modality));
        buffer_append_str(sql, ", ");
        count_literal(sql, e->dead);
        buffer_append_str(sql, ", ");
        count_literal(sql, e->injured);
        buffer_append_str(sql, ", ");
        count_literal(sql, e->arrested);
        buffer_append_str(sql, ", ");
        literal(s, sql, text + e->trigger_start, e->trigger_end - e->trigger_start);
        buffer_printf(sql, ", %u, %u", e->trigger_start, e->trigger_end);
        if (e->sentence < coding->tokens.sentence_count) {
            const sentence *sent = &coding->tokens.sentences[e->sentence];
            buffer_printf(sql, ", %u, %u, %u", e->sentence, sent->start, sent->end);
        } else {
            buffer_append_str(sql, ", NULL, NULL, NULL");
        }
        if (scale)
            buffer_printf(sql, ", %s, %s, '%s')", scale[2], scale[1], scale[3]);
        else
            buffer_append_str(sql, ", NULL, NULL, NULL)");
    }
    if (coding->events.count)
        buffer_append_str(sql, ";\n");
    for (size_t i = 0; i < coding->actors.entity_count; i++) {
        const entity *x = &coding->actors.entities[i];
        buffer_append_str(sql, i ? ",\n(" : "INSERT INTO entities (article, idx, type, text, start, \"end\", country, "
                                           "origin) VALUES (");
        buffer_printf(sql, "%s, %zu, '%s', ", row, i, entity_type_name((entity_type)x->type));
        literal(s, sql, text + x->start, x->end - x->start);
        buffer_printf(sql, ", %u, %u, ", x->start, x->end);
        code_literal(s, sql, x->country);
        buffer_printf(sql, ", '%s')", entity_origin_name((entity_origin)x->origin));
    }
    if (coding->actors.entity_count)
        buffer_append_str(sql, ";\n");
    return run_ok(s, "storing an article", sql->data, 0, NULL);
}

/* The same clusters as the SQLite backend computes in C, in one statement:
 * a new cluster wherever the key changes or a date is more than a day
 * after the previous one. */
static bool pg_rebuild_clusters(store *base, size_t *count)
{
    pg_store *s = (pg_store *)base;
    *count = 0;
    if (!pg_begin_transaction(s))
        return false;
    /* alone: after the batches being written, and one rebuild at a time */
    bool ok = run_ok(s, "clustering events", "SELECT pg_advisory_xact_lock(" WRITERS_LOCK ")", 0, NULL) &&
              run_ok(s, "clustering events", "UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL", 0, NULL) &&
              run_ok(s, "clustering events",
                     "DELETE FROM clusters; DELETE FROM meta WHERE key = 'clusters_stale'", 0, NULL) &&
              run_ok(s, "clustering events",
                     "WITH e AS (SELECT row, event_type, coalesce(actor_country, 'IGO:' || actor_org, '-') AS a, "
                     "  coalesce(recipient_country, 'IGO:' || recipient_org, '-') AS r, "
                     "  coalesce(location_country, '-') AS l, date, date::date AS d FROM events "
                     "  WHERE modality = 'asserted' AND date IS NOT NULL "
                     "  AND coalesce(actor_country, actor_org, recipient_country, recipient_org) IS NOT NULL), "
                     "g AS (SELECT *, CASE WHEN d - lag(d) OVER w <= 1 THEN 0 ELSE 1 END AS starts FROM e "
                     "  WINDOW w AS (PARTITION BY event_type, a, r, l ORDER BY date, row)), "
                     "h AS (SELECT *, sum(starts) OVER (PARTITION BY event_type, a, r, l ORDER BY date, row) AS grp "
                     "  FROM g), "
                     "k AS (SELECT row, event_type || ':' || a || ':' || r || ':' || l || ':' || "
                     "  min(date) OVER (PARTITION BY event_type, a, r, l, grp) AS cluster FROM h) "
                     "UPDATE events SET cluster = k.cluster FROM k WHERE events.row = k.row",
                     0, NULL) &&
              run_ok(s, "clustering events",
                     "INSERT INTO clusters SELECT e.cluster, min(e.event_type), "
                     "coalesce(min(e.actor_country), 'IGO:' || min(e.actor_org), '-'), "
                     "coalesce(min(e.recipient_country), 'IGO:' || min(e.recipient_org), '-'), "
                     "coalesce(min(e.location_country), '-'), min(e.date), max(e.date), count(*), "
                     "count(DISTINCT e.article), count(DISTINCT coalesce(a.source, a.id)), max(e.dead) "
                     "FROM events e JOIN articles a ON a.row = e.article WHERE e.cluster IS NOT NULL "
                     "GROUP BY e.cluster",
                     0, NULL);
    if (ok) {
        PGresult *r = run(s, "counting clusters", "SELECT count(*) FROM clusters", 0, NULL);
        if (r)
            *count = (size_t)atoll(PQgetvalue(r, 0, 0));
        PQclear(r);
        return pg_commit(base);
    }
    char saved[sizeof s->error];
    memcpy(saved, s->error, sizeof saved);
    run_ok(s, "rolling back", "ROLLBACK", 0, NULL);
    s->in_transaction = false;
    memcpy(s->error, saved, sizeof saved);
    return false;
}

static const char *text_at(const PGresult *r, int row, int column)
{
    return PQgetisnull(r, row, column) ? NULL : PQgetvalue(r, row, column);
}

static int64_t count_at(const PGresult *r, int row, int column)
{
    return PQgetisnull(r, row, column) ? -1 : atoll(PQgetvalue(r, row, column));
}

static double real_at(const PGresult *r, int row, int column)
{
    return PQgetisnull(r, row, column) ? NAN : atof(PQgetvalue(r, row, column));
}

static bool pg_events(store *base, const event_filter *f, bool (*each)(const stored_event *, void *), void *context)
{
    pg_store *s = (pg_store *)base;
    byte_buffer sql = {0}, numbered = {0};
    query_values values;
    events_query(f, &sql, &values);
    int n = 0;
    for (size_t i = 0; i < sql.len; i++)
        if (sql.data[i] == '?')
            buffer_printf(&numbered, "$%d", ++n);
        else
            buffer_append_char(&numbered, sql.data[i]);
    buffer_free(&sql);
    PGresult *r = run(s, "querying events", numbered.data, (int)values.count, values.values);
    buffer_free(&numbered);
    if (!r)
        return false;
    int64_t shown = 0;
    for (int i = 0; i < PQntuples(r); i++) {
        stored_event e = {
            .article = text_at(r, i, 0), .article_row = count_at(r, i, 1), .index = (int)count_at(r, i, 2),
            .event_type = text_at(r, i, 3), .mode = text_at(r, i, 4),
            .actor = {text_at(r, i, 5), text_at(r, i, 6), text_at(r, i, 7), text_at(r, i, 8)},
            .recipient = {text_at(r, i, 9), text_at(r, i, 10), text_at(r, i, 11), text_at(r, i, 12)},
            .location = {text_at(r, i, 13), text_at(r, i, 14), NULL, NULL},
            .lat = real_at(r, i, 15), .lon = real_at(r, i, 16), .date = text_at(r, i, 17),
            .modality = text_at(r, i, 18), .dead = count_at(r, i, 19), .injured = count_at(r, i, 20),
            .arrested = count_at(r, i, 21), .trigger = text_at(r, i, 22), .trigger_start = count_at(r, i, 23),
            .trigger_end = count_at(r, i, 24), .sentence = count_at(r, i, 25), .sentence_start = count_at(r, i, 26),
            .sentence_end = count_at(r, i, 27), .goldstein = real_at(r, i, 28),
            .quad_class = (int)count_at(r, i, 29), .cameo_root = text_at(r, i, 30), .cluster = text_at(r, i, 31),
            .cluster_articles = count_at(r, i, 32), .cluster_sources = count_at(r, i, 33),
            .source = text_at(r, i, 34), .url = text_at(r, i, 35), .article_date = text_at(r, i, 36),
        };
        if (f->near && distance_km(f->lat, f->lon, e.lat, e.lon) > f->km)
            continue;
        if (!each(&e, context))
            break;
        if (f->limit && ++shown >= f->limit)
            break;
    }
    PQclear(r);
    return true;
}

/* The query as a tsquery of marsad terms: words are ANDed, OR and NOT
 * work between words, quotes and other FTS5 syntax are ignored. */
static bool query_terms(pg_store *s, const char *query, byte_buffer *out, byte_buffer *term_list)
{
    buffer_truncate(out, 0);
    buffer_truncate(term_list, 0);
    const char *op = NULL;
    bool negate = false, any = false;
    for (const char *p = query; *p;) {
        while (*p == ' ')
            p++;
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        if (end == p)
            break;
        if ((size_t)(end - p) == 2 && memcmp(p, "OR", 2) == 0) {
            op = " | ";
        } else if ((size_t)(end - p) == 3 && memcmp(p, "NOT", 3) == 0) {
            negate = true;
        } else {
            tokenize(p, (size_t)(end - p), &s->tokens);
            prepare_search_terms(s->stemmer, &s->tokens, &s->terms);
            for (size_t i = 0; i < s->terms.count; i++) {
                const uint32_t *span = s->terms.spans + 4 * i;
                if (any)
                    buffer_append_str(out, op ? op : " & ");
                if (negate)
                    buffer_append_char(out, '!');
                buffer_append_char(out, '\'');
                for (uint32_t k = 0; k < span[1]; k++) {
                    char c = s->terms.terms.data[span[0] + k];
                    if (c == '\'' || c == '\\')
                        buffer_append_char(out, c == '\'' ? '\'' : '\\');
                    buffer_append_char(out, c);
                }
                buffer_append_char(out, '\'');
                buffer_append(term_list, s->terms.terms.data + span[0], span[1]);
                buffer_append_char(term_list, '\n');
                any = true;
                op = NULL;
                negate = false;
            }
        }
        p = end;
    }
    return any;
}

static bool is_query_term(const byte_buffer *term_list, const char *term, size_t len)
{
    for (const char *p = term_list->data; p && *p;) {
        const char *nl = strchr(p, '\n');
        if ((size_t)(nl - p) == len && memcmp(p, term, len) == 0)
            return true;
        p = nl + 1;
    }
    return false;
}

/* About 24 words around the first match, matches marked. */
static void make_snippet(pg_store *s, const char *text, const byte_buffer *term_list, const char *open,
                         const char *close, byte_buffer *out)
{
    buffer_truncate(out, 0);
    tokenize(text, strlen(text), &s->tokens);
    size_t first = s->tokens.count;
    bool *matched = xcalloc(s->tokens.count + 1, sizeof *matched);
    for (size_t i = 0; i < s->tokens.count; i++) {
        const token *t = &s->tokens.tokens[i];
        if (t->kind != TOKEN_WORD && t->kind != TOKEN_NUMBER)
            continue;
        char term[SEARCH_TERM_MAX];
        size_t n = search_term(s->stemmer, token_key(&s->tokens, t), t->key_len, t->flags & TOKEN_ENDS_IN_TEH_MARBUTA,
                               term);
        if (n && is_query_term(term_list, term, n)) {
            matched[i] = true;
            if (first == s->tokens.count)
                first = i;
        }
    }
    if (first == s->tokens.count)
        first = 0;
    size_t from = first > 8 ? first - 8 : 0, to = from + 24 < s->tokens.count ? from + 24 : s->tokens.count;
    if (from > 0)
        buffer_append_str(out, "…");
    for (size_t i = from; i < to; i++) {
        const token *t = &s->tokens.tokens[i];
        if (i > from && (t->flags & TOKEN_SPACE_BEFORE))
            buffer_append_char(out, ' ');
        if (matched[i])
            buffer_append_str(out, open);
        buffer_append(out, text + t->start, t->end - t->start);
        if (matched[i])
            buffer_append_str(out, close);
    }
    if (to < s->tokens.count)
        buffer_append_str(out, "…");
    if (!out->data)
        buffer_append(out, "", 0);
    free(matched);
}

static bool pg_search(store *base, const char *query, int64_t limit, const char *open, const char *close,
                      bool (*each)(const search_hit *, void *), void *context)
{
    pg_store *s = (pg_store *)base;
    byte_buffer tsquery = {0}, term_list = {0}, snippet = {0};
    if (!query_terms(s, query, &tsquery, &term_list)) {
        buffer_free(&tsquery);
        buffer_free(&term_list);
        return true;
    }
    char limit_text[24];
    snprintf(limit_text, sizeof limit_text, "%lld", (long long)(limit > 0 ? limit : 1000000000));
    const char *values[] = {tsquery.data, limit_text};
    PGresult *r = run(s, "searching",
                      "SELECT a.id, a.source, a.date, a.title, a.text, ts_rank_cd(a.terms, q) AS score, "
                      "(SELECT count(*) FROM events WHERE article = a.row) "
                      "FROM articles a, CAST($1 AS tsquery) q WHERE a.terms @@ q "
                      "ORDER BY score DESC, a.row LIMIT CAST($2 AS BIGINT)",
                      2, values);
    for (int i = 0; r && i < PQntuples(r); i++) {
        make_snippet(s, PQgetvalue(r, i, 4), &term_list, open, close, &snippet);
        search_hit hit = {text_at(r, i, 0), text_at(r, i, 1), text_at(r, i, 2), text_at(r, i, 3), snippet.data,
                          -real_at(r, i, 5), count_at(r, i, 6)};
        if (!each(&hit, context))
            break;
    }
    PQclear(r);
    buffer_free(&tsquery);
    buffer_free(&term_list);
    buffer_free(&snippet);
    return r != NULL;
}

static bool pg_get_article(store *base, const char *id, void (*each_article)(const stored_article *, void *),
                           void (*each_entity)(const stored_entity *, void *), void *context)
{
    pg_store *s = (pg_store *)base;
    const char *values[] = {id};
    PGresult *r = run(s, "reading an article",
                      "SELECT row, id, source, url, date, title, text, content_hash FROM articles WHERE id = $1", 1,
                      values);
    if (!r)
        return false;
    if (PQntuples(r) == 0) {
        snprintf(s->error, sizeof s->error, "no article with id '%s'", id);
        PQclear(r);
        return false;
    }
    stored_article a = {count_at(r, 0, 0), text_at(r, 0, 1), text_at(r, 0, 2), text_at(r, 0, 3), text_at(r, 0, 4),
                        text_at(r, 0, 5), text_at(r, 0, 6), (size_t)PQgetlength(r, 0, 6), text_at(r, 0, 7)};
    each_article(&a, context);
    char row[24];
    snprintf(row, sizeof row, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    const char *row_value[] = {row};
    r = run(s, "reading entities",
            s->version >= 2
                ? "SELECT type, text, country, start, \"end\", origin FROM entities WHERE article = $1 ORDER BY start, idx"
                : "SELECT type, text, country, start, \"end\", 'lexicon' FROM entities WHERE article = $1 "
                  "ORDER BY start, idx",
            1, row_value);
    for (int i = 0; r && i < PQntuples(r); i++) {
        stored_entity x = {text_at(r, i, 0), text_at(r, i, 1), text_at(r, i, 2), count_at(r, i, 3),
                           count_at(r, i, 4), text_at(r, i, 5)};
        each_entity(&x, context);
    }
    PQclear(r);
    return r != NULL;
}

static bool pg_count(store *base, store_counts *out)
{
    pg_store *s = (pg_store *)base;
    PGresult *r = run(s, "counting",
                      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                      "(SELECT count(*) FROM entities), (SELECT count(*) FROM clusters)",
                      0, NULL);
    if (!r)
        return false;
    *out = (store_counts){count_at(r, 0, 0), count_at(r, 0, 1), count_at(r, 0, 2), count_at(r, 0, 3)};
    PQclear(r);
    return true;
}

/* Every event and entity belongs to a stored article, and every article
 * is indexed. */
static bool pg_clusters_stale(store *base)
{
    pg_store *s = (pg_store *)base;
    PGresult *r = run(s, "reading meta", "SELECT 1 FROM meta WHERE key = 'clusters_stale'", 0, NULL);
    bool stale = r && PQntuples(r) > 0;
    PQclear(r);
    return stale;
}

static bool pg_check(store *base)
{
    pg_store *s = (pg_store *)base;
    PGresult *r = run(s, "checking",
                      "SELECT (SELECT count(*) FROM events e WHERE NOT EXISTS "
                      "  (SELECT 1 FROM articles a WHERE a.row = e.article)) + "
                      "(SELECT count(*) FROM entities x WHERE NOT EXISTS "
                      "  (SELECT 1 FROM articles a WHERE a.row = x.article)) + "
                      "(SELECT count(*) FROM articles WHERE terms IS NULL)",
                      0, NULL);
    if (!r)
        return false;
    bool ok = atoll(PQgetvalue(r, 0, 0)) == 0;
    if (!ok)
        snprintf(s->error, sizeof s->error, "%s rows without their article, or articles not indexed",
                 PQgetvalue(r, 0, 0));
    PQclear(r);
    return ok;
}

static const store_backend pg_backend = {
    .close = pg_close, .error = pg_error, .lookup = pg_lookup, .begin = pg_begin, .commit = pg_commit,
    .put_article = pg_put_article, .rebuild_clusters = pg_rebuild_clusters,
    .clusters_stale = pg_clusters_stale, .events = pg_events,
    .search = pg_search, .get_article = pg_get_article, .count = pg_count, .check = pg_check,
};
