/*
 * cmd_show.c — `marsad show`: one stored article as a reader sees it, its
 * entities and event triggers highlighted in place, then its events.
 * On a terminal highlights are colours; otherwise entities are written
 * [text|TYPE] and triggers {{text}}, so the output can be read and diffed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buffer.h"
#include "cli.h"
#include "store.h"

enum { MARK_NONE, MARK_PER, MARK_LOC, MARK_ORG, MARK_MISC, MARK_TRIGGER };

typedef struct {
    char *text;
    size_t len;
    char *header;
    uint8_t *marks;              /* one per byte of text */
    const char **labels;         /* the entity type starting at each byte, or NULL */
    byte_buffer events;
    size_t event_count;
} shown_article;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad show --db PATH [--color WHEN] ARTICLE_ID\n\n"
            "Prints a stored article with its entities and event triggers highlighted,\n"
            "then its events.  A name only the NER tagger found (ingest --ner) is\n"
            "labelled PER/ner, LOC/ner, ...\n\n"
            "  --db PATH        the database (made by marsad ingest)\n"
            "  --color WHEN     auto (default), always, never\n");
}

static void take_article(const stored_article *a, void *context)
{
    shown_article *s = context;
    s->len = a->text_len;
    s->text = xstrndup(a->text ? a->text : "", a->text_len);
    s->marks = xcalloc(s->len + 1, 1);
    s->labels = xcalloc(s->len + 1, sizeof *s->labels);
    byte_buffer h = {0};
    buffer_printf(&h, "%s\nsource: %s   date: %s%s%s\n\n%s\n\n", a->id, a->source ? a->source : "-",
                  a->date ? a->date : "-", a->url ? "   url: " : "", a->url ? a->url : "", a->title ? a->title : "");
    s->header = h.data;
}

static void take_entity(const stored_entity *x, void *context)
{
    shown_article *s = context;
    if (x->start < 0 || x->end > (int64_t)s->len || x->start >= x->end)
        return;
    uint8_t mark = strcmp(x->type, "PER") == 0 ? MARK_PER : strcmp(x->type, "LOC") == 0 ? MARK_LOC
                 : strcmp(x->type, "ORG") == 0 ? MARK_ORG : MARK_MISC;
    for (int64_t i = x->start; i < x->end; i++)
        if (s->marks[i] == MARK_NONE)
            s->marks[i] = mark;
    /* a name only the NER tagger found says so */
    static const char *const names[][2] = {{"", ""}, {"PER", "PER/ner"}, {"LOC", "LOC/ner"}, {"ORG", "ORG/ner"},
                                           {"MISC", "MISC/ner"}};
    bool from_ner = x->origin && strcmp(x->origin, "ner") == 0;
    s->labels[x->start] = names[mark][from_ner];   /* x->type dies with the row */
}

static bool take_event(const stored_event *e, void *context)
{
    shown_article *s = context;
    if (e->trigger_start >= 0 && e->trigger_end <= (int64_t)s->len)
        for (int64_t i = e->trigger_start; i < e->trigger_end; i++)
            s->marks[i] = MARK_TRIGGER;
    char dead[32] = "";
    if (e->dead >= 0)
        snprintf(dead, sizeof dead, "  dead %lld", (long long)e->dead);
    buffer_printf(&s->events, "  %zu. %-9s %s%s%s -> %s%s%s  in %s  %s  %s%s  «%s»%s%s\n", ++s->event_count,
                  e->event_type, e->actor.country ? e->actor.country : e->actor.org ? e->actor.org : "-",
                  e->actor.sector ? "/" : "", e->actor.sector ? e->actor.sector : "",
                  e->recipient.country ? e->recipient.country : e->recipient.org ? e->recipient.org : "-",
                  e->recipient.sector ? "/" : "", e->recipient.sector ? e->recipient.sector : "",
                  e->location.country ? e->location.country : "-", e->date ? e->date : "(no date)", e->modality,
                  dead, e->trigger, e->cluster ? "  cluster " : "", e->cluster ? e->cluster : "");
    return true;
}

static const char *const colours[] = {
    [MARK_NONE] = "\033[0m", [MARK_PER] = "\033[1;34m", [MARK_LOC] = "\033[1;32m",
    [MARK_ORG] = "\033[1;35m", [MARK_MISC] = "\033[1;36m", [MARK_TRIGGER] = "\033[1;7;31m",
};

static void print_marked(const shown_article *s, bool colored)
{
    byte_buffer out = {0};
    uint8_t current = MARK_NONE;
    const char *open_label = NULL;
    for (size_t i = 0; i <= s->len; i++) {
        uint8_t mark = i < s->len ? s->marks[i] : MARK_NONE;
        bool starts_entity = i < s->len && s->labels[i] != NULL;
        if (mark != current || starts_entity) {
            if (colored) {
                buffer_append_str(&out, colours[mark]);
            } else {
                if (current == MARK_TRIGGER)
                    buffer_append_str(&out, "}}");
                else if (current != MARK_NONE)
                    buffer_printf(&out, "|%s]", open_label ? open_label : "?");
                if (mark == MARK_TRIGGER)
                    buffer_append_str(&out, "{{");
                else if (mark != MARK_NONE)
                    buffer_append_char(&out, '[');
            }
            if (mark != MARK_TRIGGER && mark != MARK_NONE && s->labels[i])
                open_label = s->labels[i];
            current = mark;
        }
        if (i < s->len)
            buffer_append_char(&out, s->text[i]);
    }
    if (colored)
        buffer_append_str(&out, "\033[0m");
    buffer_append_char(&out, '\n');
    fwrite(out.data, 1, out.len, stdout);
    buffer_free(&out);
}

int cmd_show(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'D'},
        {"color", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL, *color = "auto";
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'D': db_path = optarg; break;
        case 'c': color = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!db_path || optind + 1 != argc) {
        fprintf(stderr, "marsad show: %s\n", !db_path ? "--db PATH is required" : "give one ARTICLE_ID");
        usage(stderr);
        return 2;
    }
    char error[600];
    store *db = store_open(db_path, false, error, sizeof error);
    if (!db) {
        fprintf(stderr, "marsad show: %s\n", error);
        return 1;
    }
    shown_article s = {0};
    event_filter f = {.article = argv[optind], .min_dead = -1};
    bool ok = store_get_article(db, argv[optind], take_article, take_entity, &s) &&
              store_events(db, &f, take_event, &s);
    if (ok) {
        bool colored = strcmp(color, "always") == 0 || (strcmp(color, "auto") == 0 && isatty(STDOUT_FILENO));
        fputs(s.header, stdout);
        print_marked(&s, colored);
        printf("\n%zu event%s:\n", s.event_count, s.event_count == 1 ? "" : "s");
        if (s.events.len)
            fwrite(s.events.data, 1, s.events.len, stdout);
    } else {
        fprintf(stderr, "marsad show: %s\n", store_error(db));
    }
    free(s.text);
    free(s.header);
    free(s.marks);
    free(s.labels);
    buffer_free(&s.events);
    store_close(db);
    return ok ? 0 : 1;
}
