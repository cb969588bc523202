/*
 * api.c — the routes of the JSON API; see api.h and docs/api.md.
 *
 * Event pages are cut with a cursor naming the last event of the page
 * (date, article, index) rather than an offset, so a page is the same
 * whoever asks; the store orders events by exactly that key.
 */
#include "api.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "json_write.h"
#include "stored_event_json.h"

void api_error(api_response *out, int status, const char *message, const char *parameter)
{
    out->status = status;
    buffer_truncate(&out->body, 0);
    buffer_append_str(&out->body, "{\"error\":");
    json_write_cstring(&out->body, message);
    buffer_append_str(&out->body, ",\"parameter\":");
    json_write_cstring(&out->body, parameter);
    buffer_printf(&out->body, ",\"status\":%d}\n", status);
}

/* A 400 for the error query_params recorded: "name: what is wrong". */
static void bad_parameter(api_response *out, const query_params *q)
{
    char name[80] = "";
    const char *colon = strstr(q->error, ": ");
    if (colon && (size_t)(colon - q->error) < sizeof name)
        memcpy(name, q->error, (size_t)(colon - q->error)), name[colon - q->error] = '\0';
    api_error(out, 400, q->error[0] ? q->error : "bad request", name[0] ? name : NULL);
}

/* ---- events as JSON ---- */

void api_write_event(byte_buffer *b, const stored_event *e)
{
    buffer_append_str(b, "{\"id\":");
    byte_buffer id = {0};
    buffer_printf(&id, "%s:%d", e->article ? e->article : "", e->index);
    json_write_string(b, id.data, id.len);
    buffer_free(&id);
    buffer_append_char(b, ',');
    stored_event_json_members(b, e, true);
    buffer_append_str(b, ",\"source\":");
    json_write_cstring(b, e->source);
    buffer_append_str(b, ",\"url\":");
    json_write_cstring(b, e->url);
    buffer_append_char(b, '}');
}

/* ---- filters shared by /api/events, /api/stats and /api/clusters ---- */

static const char *const filter_names[] = {"article", "country", "actor", "recipient", "type", "since",
                                           "until",   "min_dead", "near", "cluster", NULL};

static bool read_filter(query_params *q, event_filter *f)
{
    *f = (event_filter){.min_dead = -1};
    return query_params_text(q, "article", 512, &f->article) && query_params_code(q, "country", 8, &f->country) &&
           query_params_code(q, "actor", 32, &f->actor) && query_params_code(q, "recipient", 32, &f->recipient) &&
           query_params_code(q, "type", 32, &f->type) && query_params_date(q, "since", &f->since) &&
           query_params_date(q, "until", &f->until) &&
           query_params_int(q, "min_dead", 0, 1000000000, &f->min_dead) &&
           (!query_params_get(q, "near") || (f->near = query_params_near(q, "near", &f->lat, &f->lon, &f->km))) &&
           query_params_text(q, "cluster", 128, &f->cluster);
}

/* Checks the parameters against names (the filters, then extra) and reads
 * the filter; on failure answers 400. */
static bool filter_request(query_params *q, const char *const *extra, event_filter *f, api_response *out)
{
    const char *known[QUERY_MAX_PARAMS + 16];
    size_t n = 0;
    for (size_t i = 0; filter_names[i]; i++)
        known[n++] = filter_names[i];
    for (size_t i = 0; extra && extra[i]; i++)
        known[n++] = extra[i];
    known[n] = NULL;
    if (!query_params_only(q, known) || !read_filter(q, f)) {
        bad_parameter(out, q);
        return false;
    }
    if (f->since && f->until && f->since > f->until) {
        api_error(out, 400, "since: after until", "since");
        return false;
    }
    return true;
}

/* ---- /api/events ---- */

typedef struct {
    char *date;                  /* "" for an event without a date */
    char *article;
    int index;
} event_key;

static void hex_append(byte_buffer *b, const char *s, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        buffer_append_char(b, digits[(unsigned char)s[i] >> 4]);
        buffer_append_char(b, digits[(unsigned char)s[i] & 15]);
    }
}

/* The cursor: the hex of "DATE\tINDEX\tARTICLE" of the last event shown. */
static void cursor_write(byte_buffer *b, const stored_event *e)
{
    byte_buffer raw = {0};
    buffer_printf(&raw, "%s\t%d\t%s", e->date ? e->date : "", e->index, e->article ? e->article : "");
    buffer_append_char(b, '"');
    hex_append(b, raw.data, raw.len);
    buffer_append_char(b, '"');
    buffer_free(&raw);
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool cursor_read(const char *s, event_key *key)
{
    size_t len = strlen(s);
    if (len == 0 || len % 2 || len > 2048)
        return false;
    char *raw = xmalloc(len / 2 + 1);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
            free(raw);
            return false;
        }
        raw[i / 2] = (char)(hi * 16 + lo);
    }
    raw[len / 2] = '\0';
    char *tab1 = strchr(raw, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    uint32_t date = 0;
    bool ok = tab1 && tab2 && tab2 > tab1 + 1 && tab2[1] != '\0' &&
              (tab1 == raw || (tab1 - raw == 10 && (date = date_parse_iso(raw, 10)) != 0));
    if (ok) {
        char *end;
        long index = strtol(tab1 + 1, &end, 10);
        ok = end == tab2 && index >= 0 && index < 1000000;
        key->index = (int)index;
    }
    if (ok) {
        key->date = xstrndup(raw, (size_t)(tab1 - raw));
        key->article = xstrndup(tab2 + 1, strlen(tab2 + 1));
    }
    free(raw);
    return ok;
}

typedef struct {
    byte_buffer *out;
    int64_t limit, shown;
    const event_key *after;      /* skip up to and including this event */
    bool skipping, more;
    stored_event last;           /* only date, index and article are kept */
    byte_buffer next;
} event_page;

static bool page_event(const stored_event *e, void *context)
{
    event_page *p = context;
    if (p->skipping) {
        /* The store orders by date (undated first), article id, index.  Dates
         * compare the same everywhere; article ids follow the database's
         * collation (PostgreSQL's may not be byte order), so within the
         * cursor's date the page starts after the cursor's own event.  If
         * that event is gone, the page starts at the next date. */
        int c = strcmp(e->date ? e->date : "", p->after->date);
        if (c < 0)
            return true;
        if (c == 0) {
            if (e->index == p->after->index && strcmp(e->article, p->after->article) == 0)
                p->skipping = false;
            return true;
        }
        p->skipping = false;
    }
    if (p->shown == p->limit) {
        p->more = true;
        return false;
    }
    if (p->shown)
        buffer_append_char(p->out, ',');
    api_write_event(p->out, e);
    p->shown++;
    buffer_truncate(&p->next, 0);
    cursor_write(&p->next, e);
    return true;
}

static void route_events(store *db, query_params *q, api_response *out)
{
    static const char *const extra[] = {"limit", "cursor", NULL};
    event_filter f;
    if (!filter_request(q, extra, &f, out))
        return;
    int64_t limit = API_DEFAULT_PAGE;
    if (!query_params_int(q, "limit", 1, API_MAX_PAGE, &limit)) {
        bad_parameter(out, q);
        return;
    }
    event_key after = {0};
    const char *cursor = query_params_get(q, "cursor");
    if (cursor && !cursor_read(cursor, &after)) {
        api_error(out, 400, "cursor: not a cursor given by this API", "cursor");
        return;
    }
    /* Events without a date come first; a dated cursor lets the database
     * start at its date instead of the page skipping all before it. */
    if (cursor && after.date[0]) {
        uint32_t d = date_parse_iso(after.date, 10);
        if (d > f.since)
            f.since = d;
    }
    event_page page = {.out = &out->body, .limit = limit, .after = cursor ? &after : NULL, .skipping = cursor != NULL};
    buffer_append_str(&out->body, "{\"events\":[");
    bool ok = store_events(db, &f, page_event, &page);
    if (ok) {
        buffer_printf(&out->body, "],\"count\":%lld,\"limit\":%lld,\"next\":", (long long)page.shown, (long long)limit);
        buffer_append_str(&out->body, page.more && page.next.len ? page.next.data : "null");
        buffer_append_str(&out->body, "}\n");
        out->status = 200;
    } else {
        api_error(out, 500, store_error(db), NULL);
    }
    buffer_free(&page.next);
    free(after.date);
    free(after.article);
}

/* ---- /api/events/{id} ---- */

typedef struct {
    int index;
    bool found;
    byte_buffer *out;
} one_event;

static bool find_event(const stored_event *e, void *context)
{
    one_event *o = context;
    if (e->index != o->index)
        return true;
    api_write_event(o->out, e);
    buffer_append_char(o->out, '\n');
    o->found = true;
    return false;
}

static void route_event(store *db, const char *id, api_response *out)
{
    const char *colon = strrchr(id, ':');
    char *end = NULL;
    long index = colon ? strtol(colon + 1, &end, 10) : -1;
    if (!colon || colon == id || !end || *end || end == colon + 1 || index < 0 || index > 1000000 ||
        strlen(id) > 600) {
        api_error(out, 404, "no event with this id (ids are ARTICLE:INDEX)", NULL);
        return;
    }
    char *article = xstrndup(id, (size_t)(colon - id));
    event_filter f = {.article = article, .min_dead = -1};
    one_event o = {.index = (int)index, .out = &out->body};
    if (!store_events(db, &f, find_event, &o))
        api_error(out, 500, store_error(db), NULL);
    else if (!o.found)
        api_error(out, 404, "no event with this id", NULL);
    else
        out->status = 200;
    free(article);
}

/* ---- /api/articles/{id} ---- */

typedef struct {
    byte_buffer *out;
    bool found;
    size_t entities, events;
} article_view;

static void article_head(const stored_article *a, void *context)
{
    article_view *v = context;
    byte_buffer *b = v->out;
    v->found = true;
    buffer_append_str(b, "{\"id\":");
    json_write_cstring(b, a->id);
    buffer_append_str(b, ",\"source\":");
    json_write_cstring(b, a->source);
    buffer_append_str(b, ",\"url\":");
    json_write_cstring(b, a->url);
    buffer_append_str(b, ",\"date\":");
    json_write_cstring(b, a->date);
    buffer_append_str(b, ",\"title\":");
    json_write_cstring(b, a->title);
    buffer_append_str(b, ",\"offsets\":\"utf8_bytes\",\"text\":");
    json_write_string(b, a->text ? a->text : "", a->text ? a->text_len : 0);
    buffer_append_str(b, ",\"entities\":[");
}

static void article_entity(const stored_entity *x, void *context)
{
    article_view *v = context;
    byte_buffer *b = v->out;
    if (v->entities++)
        buffer_append_char(b, ',');
    buffer_append_str(b, "{\"type\":");
    json_write_cstring(b, x->type);
    buffer_append_str(b, ",\"text\":");
    json_write_cstring(b, x->text);
    buffer_append_str(b, ",\"country\":");
    json_write_cstring(b, x->country);
    buffer_append_str(b, ",\"origin\":");
    json_write_cstring(b, x->origin);
    buffer_printf(b, ",\"start\":%lld,\"end\":%lld}", (long long)x->start, (long long)x->end);
}

static bool article_event(const stored_event *e, void *context)
{
    article_view *v = context;
    if (v->events++)
        buffer_append_char(v->out, ',');
    api_write_event(v->out, e);
    return true;
}

static void route_article(store *db, const char *id, api_response *out)
{
    article_view v = {.out = &out->body};
    if (strlen(id) > 600) {
        api_error(out, 404, "no article with this id", NULL);
        return;
    }
    if (!store_get_article(db, id, article_head, article_entity, &v)) {
        if (v.found)
            api_error(out, 500, store_error(db), NULL);
        else
            api_error(out, 404, "no article with this id", NULL);
        return;
    }
    buffer_append_str(&out->body, "],\"events\":[");
    event_filter f = {.article = id, .min_dead = -1};
    if (!store_events(db, &f, article_event, &v)) {
        api_error(out, 500, store_error(db), NULL);
        return;
    }
    buffer_append_str(&out->body, "]}\n");
    out->status = 200;
}

/* ---- /api/search ---- */

typedef struct {
    byte_buffer *out;
    size_t hits;
} search_page;

static bool search_hit_json(const search_hit *h, void *context)
{
    search_page *p = context;
    byte_buffer *b = p->out;
    if (p->hits++)
        buffer_append_char(b, ',');
    buffer_append_str(b, "{\"id\":");
    json_write_cstring(b, h->id);
    buffer_append_str(b, ",\"source\":");
    json_write_cstring(b, h->source);
    buffer_append_str(b, ",\"date\":");
    json_write_cstring(b, h->date);
    buffer_append_str(b, ",\"title\":");
    json_write_cstring(b, h->title);
    buffer_append_str(b, ",\"snippet\":");
    json_write_cstring(b, h->snippet);
    buffer_append_str(b, ",\"rank\":");
    json_write_double(b, h->rank);
    buffer_printf(b, ",\"events\":%lld}", (long long)h->events);
    return true;
}

static void route_search(store *db, query_params *q, api_response *out)
{
    static const char *const known[] = {"q", "limit", NULL};
    const char *text = NULL;
    int64_t limit = 20;
    if (!query_params_only(q, known) || !query_params_text(q, "q", 1000, &text) ||
        !query_params_int(q, "limit", 1, API_MAX_SEARCH, &limit)) {
        bad_parameter(out, q);
        return;
    }
    if (!text) {
        api_error(out, 400, "q: required", "q");
        return;
    }
    search_page p = {.out = &out->body};
    buffer_append_str(&out->body, "{\"query\":");
    json_write_cstring(&out->body, text);
    buffer_append_str(&out->body, ",\"hits\":[");
    /* A query the full-text engine cannot read is the asker's mistake */
    if (!store_search(db, text, limit, "\x01", "\x02", search_hit_json, &p)) {
        byte_buffer message = {0};
        buffer_printf(&message, "q: cannot be searched (%s)", store_error(db));
        api_error(out, 400, message.data, "q");
        buffer_free(&message);
        return;
    }
    buffer_printf(&out->body, "],\"count\":%zu,\"mark\":[\"\\u0001\",\"\\u0002\"]}\n", p.hits);
    out->status = 200;
}

/* ---- /api/stats ---- */

typedef struct {
    char key[16];
    int64_t events, dead;
} tally;

typedef struct {
    tally *items;
    size_t count, cap;
} tallies;

static tally *tally_of(tallies *t, const char *key, bool last_only)
{
    if (last_only) {
        if (t->count && strcmp(t->items[t->count - 1].key, key) == 0)
            return &t->items[t->count - 1];
    } else {
        for (size_t i = 0; i < t->count; i++)
            if (strcmp(t->items[i].key, key) == 0)
                return &t->items[i];
    }
    grow_array((void **)&t->items, &t->cap, t->count + 1, sizeof *t->items);
    tally *n = &t->items[t->count++];
    memset(n, 0, sizeof *n);
    snprintf(n->key, sizeof n->key, "%s", key);
    return n;
}

typedef struct {
    tallies days, types, countries;
    int64_t events, dead, undated;
} stats;

static bool count_event(const stored_event *e, void *context)
{
    stats *s = context;
    int64_t dead = e->dead > 0 ? e->dead : 0;
    s->events++, s->dead += dead;
    if (e->date) {
        tally *d = tally_of(&s->days, e->date, true);   /* events come ordered by date */
        d->events++, d->dead += dead;
    } else {
        s->undated++;
    }
    tally *t = tally_of(&s->types, e->event_type ? e->event_type : "", false);
    t->events++, t->dead += dead;
    const char *country = e->location.country ? e->location.country : e->actor.country;
    if (country) {
        tally *c = tally_of(&s->countries, country, false);
        c->events++, c->dead += dead;
    }
    return true;
}

static int by_events(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    return x->events != y->events ? (x->events < y->events ? 1 : -1) : strcmp(x->key, y->key);
}

static void write_tallies(byte_buffer *b, const char *name, const char *key_name, const tallies *t)
{
    buffer_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < t->count; i++) {
        buffer_printf(b, "%s{\"%s\":", i ? "," : "", key_name);
        json_write_cstring(b, t->items[i].key);
        buffer_printf(b, ",\"events\":%lld,\"dead\":%lld}", (long long)t->items[i].events,
                      (long long)t->items[i].dead);
    }
    buffer_append_char(b, ']');
}

static void route_stats(store *db, query_params *q, api_response *out)
{
    event_filter f;
    if (!filter_request(q, NULL, &f, out))
        return;
    stats s = {0};
    if (store_events(db, &f, count_event, &s)) {
        qsort(s.types.items, s.types.count, sizeof *s.types.items, by_events);
        qsort(s.countries.items, s.countries.count, sizeof *s.countries.items, by_events);
        buffer_printf(&out->body, "{\"events\":%lld,\"dead\":%lld,\"undated\":%lld", (long long)s.events,
                      (long long)s.dead, (long long)s.undated);
        write_tallies(&out->body, "days", "date", &s.days);
        write_tallies(&out->body, "types", "type", &s.types);
        write_tallies(&out->body, "countries", "country", &s.countries);
        buffer_append_str(&out->body, "}\n");
        out->status = 200;
    } else {
        api_error(out, 500, store_error(db), NULL);
    }
    free(s.days.items);
    free(s.types.items);
    free(s.countries.items);
}

/* ---- /api/clusters ---- */

typedef struct {
    char *id, *type, *first, *last, *country;
    int64_t events, dead, articles, sources;
} cluster_row;

typedef struct {
    cluster_row *items;
    size_t count, cap;
} cluster_rows;

static bool take_clustered(const stored_event *e, void *context)
{
    cluster_rows *r = context;
    if (!e->cluster)
        return true;
    grow_array((void **)&r->items, &r->cap, r->count + 1, sizeof *r->items);
    const char *country = e->location.country ? e->location.country : e->actor.country;
    r->items[r->count++] = (cluster_row){
        .id = xstrndup(e->cluster, strlen(e->cluster)),
        .type = xstrndup(e->event_type ? e->event_type : "", e->event_type ? strlen(e->event_type) : 0),
        .first = e->date ? xstrndup(e->date, strlen(e->date)) : NULL,
        .last = e->date ? xstrndup(e->date, strlen(e->date)) : NULL,
        .country = country ? xstrndup(country, strlen(country)) : NULL,
        .events = 1, .dead = e->dead, .articles = e->cluster_articles, .sources = e->cluster_sources,
    };
    return true;
}

static int by_cluster_id(const void *a, const void *b)
{
    return strcmp(((const cluster_row *)a)->id, ((const cluster_row *)b)->id);
}

static int by_size(const void *a, const void *b)
{
    const cluster_row *x = a, *y = b;
    if (x->articles != y->articles)
        return x->articles < y->articles ? 1 : -1;
    return strcmp(x->id, y->id);
}

static void route_clusters(store *db, query_params *q, api_response *out)
{
    static const char *const extra[] = {"limit", NULL};
    event_filter f;
    int64_t limit = API_DEFAULT_PAGE;
    if (!filter_request(q, extra, &f, out))
        return;
    if (!query_params_int(q, "limit", 1, API_MAX_PAGE, &limit)) {
        bad_parameter(out, q);
        return;
    }
    cluster_rows r = {0};
    if (!store_events(db, &f, take_clustered, &r)) {
        api_error(out, 500, store_error(db), NULL);
    } else {
        /* Fold the events of each cluster into one row */
        qsort(r.items, r.count, sizeof *r.items, by_cluster_id);
        size_t kept = 0;
        for (size_t i = 0; i < r.count; i++) {
            cluster_row *c = &r.items[i];
            if (kept && strcmp(r.items[kept - 1].id, c->id) == 0) {
                cluster_row *k = &r.items[kept - 1];
                k->events++;
                if (c->dead > k->dead)
                    k->dead = c->dead;
                if (c->first && (!k->first || strcmp(c->first, k->first) < 0)) {
                    char *t = k->first;
                    k->first = c->first, c->first = t;
                }
                if (c->last && (!k->last || strcmp(c->last, k->last) > 0)) {
                    char *t = k->last;
                    k->last = c->last, c->last = t;
                }
                free(c->id), free(c->type), free(c->first), free(c->last), free(c->country);
            } else {
                r.items[kept++] = *c;
            }
        }
        qsort(r.items, kept, sizeof *r.items, by_size);
        buffer_append_str(&out->body, "{\"clusters\":[");
        for (size_t i = 0; i < kept && (int64_t)i < limit; i++) {
            cluster_row *c = &r.items[i];
            byte_buffer *b = &out->body;
            buffer_append_str(b, i ? ",{\"id\":" : "{\"id\":");
            json_write_cstring(b, c->id);
            buffer_append_str(b, ",\"event_type\":");
            json_write_cstring(b, c->type);
            buffer_append_str(b, ",\"first\":");
            json_write_cstring(b, c->first);
            buffer_append_str(b, ",\"last\":");
            json_write_cstring(b, c->last);
            buffer_append_str(b, ",\"country\":");
            json_write_cstring(b, c->country);
            buffer_printf(b, ",\"events\":%lld,\"articles\":%lld,\"sources\":%lld,\"dead\":", (long long)c->events,
                          (long long)c->articles, (long long)c->sources);
            json_write_int(b, c->dead, -1);
            buffer_append_char(b, '}');
        }
        buffer_printf(&out->body, "],\"count\":%zu,\"total\":%zu}\n", kept < (size_t)limit ? kept : (size_t)limit,
                      kept);
        out->status = 200;
        r.count = kept;
    }
    for (size_t i = 0; i < r.count; i++)
        free(r.items[i].id), free(r.items[i].type), free(r.items[i].first), free(r.items[i].last),
            free(r.items[i].country);
    free(r.items);
}

/* ---- /api/health ---- */

static void route_health(store *db, query_params *q, api_response *out)
{
    static const char *const none[] = {NULL};
    if (!query_params_only(q, none)) {
        bad_parameter(out, q);
        return;
    }
    store_counts c;
    if (!store_count(db, &c)) {
        api_error(out, 503, store_error(db), NULL);
        return;
    }
    buffer_printf(&out->body,
                  "{\"status\":\"ok\",\"articles\":%lld,\"events\":%lld,\"entities\":%lld,\"clusters\":%lld}\n",
                  (long long)c.articles, (long long)c.events, (long long)c.entities, (long long)c.clusters);
    out->status = 200;
}

/* ---- routing ---- */

typedef struct {
    const char *path;
    void (*run)(store *db, query_params *q, api_response *out);
} route;

static const route routes[] = {
    {"/api/events", route_events}, {"/api/clusters", route_clusters}, {"/api/search", route_search},
    {"/api/stats", route_stats},   {"/api/health", route_health},
};

typedef struct {
    const char *prefix;
    void (*run)(store *db, const char *id, api_response *out);
} id_route;

static const id_route id_routes[] = {
    {"/api/events/", route_event},
    {"/api/articles/", route_article},
};

void api_handle(store *db, const char *method, const char *path, query_params *params, api_response *out)
{
    out->status = 500;
    buffer_truncate(&out->body, 0);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        api_error(out, 405, "only GET and HEAD: the API reads, never writes", NULL);
        return;
    }
    if (params->error[0]) {
        bad_parameter(out, params);
        return;
    }
    size_t len = strlen(path);
    while (len > 5 && path[len - 1] == '/')
        len--;                                   /* "/api/events/" is "/api/events" */
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strlen(routes[i].path) == len && memcmp(routes[i].path, path, len) == 0) {
            routes[i].run(db, params, out);
            return;
        }
    for (size_t i = 0; i < sizeof id_routes / sizeof id_routes[0]; i++) {
        size_t n = strlen(id_routes[i].prefix);
        if (strncmp(path, id_routes[i].prefix, n) == 0 && path[n] && !strchr(path + n, '/')) {
            if (params->count) {
                api_error(out, 400, "this route takes no parameters", params->params[0].name);
                return;
            }
            id_routes[i].run(db, path + n, out);
            return;
        }
    }
    api_error(out, 404, "no such route (see docs/api.md)", NULL);
}
