/*
 * cmd_code.c — `marsad code`: JSON Lines of articles in, JSON Lines of
 * coded events out, one output line per input line, in input order.
 *
 * A pure stream filter (DESIGN.md): nothing is stored, nothing is fetched.
 * A broken line yields an error record naming the line, is counted, and
 * the batch goes on.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article_coder.h"
#include "article_line.h"
#include "cli.h"
#include "dates.h"
#include "event_json.h"
#include "json_write.h"
#include "lexicon.h"
#include "ner_model.h"

#define DEFAULT_MAX_ARTICLE_BYTES ((size_t)8 << 20)

typedef struct {
    lexicon *lex;
    ner_model *ner;             /* --ner: the tagger adds the names the lexicon lacks */
    uint32_t default_date;
    size_t max_article_bytes;
    article_coding coding;
    article_line line;          /* the current input line, read */
    byte_buffer out;
    size_t articles, events_total, bad_lines;
    bool progress;
    double started, last_progress;
} coder;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad code [--date YYYY-MM-DD] [--text] [--lexicon FILE] [--ner [--model FILE]]\n"
            "                   [--max-bytes SIZE] [FILE...]\n\n"
            "Codes Arabic news articles into PLOVER events (see CODEBOOK.md).\n"
            "Input: JSON Lines, one article a line: {\"id\", \"date\", \"title\", \"text\", ...}\n"
            "(standard input when no FILE).  Output: one JSON line per input line, in order:\n"
            "{\"id\", \"date\", \"events\": [...], \"entities\": [...]} and the other input fields\n"
            "except text and title.  A line that cannot be read gives {\"line\", \"error\"}.\n\n"
            "  --date D         date for articles without one (and for --text)\n"
            "  --text           each FILE is one plain-text article (its id is the file name)\n"
            "  --lexicon FILE   the compiled lexicon (default: lexicon.bin beside the binary)\n"
            "  --ner            also tag names with the NER model: entities the lexicon does not\n"
            "                   know are added with \"origin\":\"ner\" (events are unchanged; about\n"
            "                   three times slower)\n"
            "  --model FILE     the NER model for --ner (default: ner.model beside the binary)\n"
            "  --max-bytes SIZE refuse article texts larger than SIZE (default 8M)\n"
            "  -q, --quiet      no summary on standard error\n");
}

static void code_text(coder *c, const char *text, size_t len, uint32_t date)
{
    code_article(c->lex, c->ner, text, len, date, &c->coding);
    append_events_json(&c->out, text, &c->coding.tokens, &c->coding.events, &c->coding.actors);
    c->events_total += c->coding.events.count;
    c->articles++;
}

static void error_record(coder *c, const char *file, size_t line, const char *id, const char *fmt, const char *detail)
{
    char message[512];
    snprintf(message, sizeof message, fmt, detail);
    fprintf(stderr, "marsad code: %s:%zu: %s\n", file, line, message);
    buffer_append_str(&c->out, "{\"id\":");
    json_write_cstring(&c->out, id);
    buffer_printf(&c->out, ",\"line\":%zu,\"error\":", line);
    json_write_cstring(&c->out, message);
    buffer_append_str(&c->out, ",\"events\":[],\"entities\":[]}\n");
    c->bad_lines++;
}

static void flush_output(coder *c)
{
    if (c->out.len) {
        fwrite(c->out.data, 1, c->out.len, stdout);
        buffer_truncate(&c->out, 0);
    }
}

static void show_progress(coder *c, bool final)
{
    double now = seconds_now();
    if (!final && (!c->progress || now - c->last_progress < 1.0))
        return;
    c->last_progress = now;
    double rate = c->articles / (now - c->started > 1e-9 ? now - c->started : 1e-9);
    if (final)
        fprintf(stderr, "%smarsad code: %zu articles, %zu events, %zu bad lines (%.0f articles/s)\n",
                c->progress ? "\r\033[K" : "", c->articles, c->events_total, c->bad_lines, rate);
    else
        fprintf(stderr, "\r\033[Kmarsad code: %zu articles, %zu events, %zu bad lines, %.0f articles/s", c->articles,
                c->events_total, c->bad_lines, rate);
}

static void code_json_line(coder *c, const char *file, size_t line_number, const char *line, size_t len)
{
    char error[300];
    article_line *a = &c->line;
    if (!read_article_line(a, "code", file, line_number, line, len, c->default_date, c->max_article_bytes, error,
                           sizeof error)) {
        error_record(c, file, line_number, a->id[0] ? a->id : NULL, "%s", error);
        return;
    }
    buffer_append_str(&c->out, "{\"id\":");
    if (a->id_member)
        buffer_append(&c->out, a->id_member->value, a->id_member->value_len);
    else
        buffer_append_str(&c->out, "null");
    buffer_append_str(&c->out, ",\"date\":");
    if (a->date) {
        char d[11];
        date_format(a->date, d);
        json_write_cstring(&c->out, d);
    } else {
        buffer_append_str(&c->out, "null");
    }
    /* the other fields pass through as they came */
    static const char *const own[] = {"id", "date", "text", "title", "events", "entities"};
    for (size_t i = 0; i < a->view.count; i++) {
        const json_member *m = &a->view.members[i];
        bool skip = false;
        for (size_t k = 0; k < sizeof own / sizeof own[0] && !skip; k++)
            skip = m->key_len == strlen(own[k]) && memcmp(m->key, own[k], m->key_len) == 0;
        if (skip)
            continue;
        buffer_append_str(&c->out, ",\"");
        buffer_append(&c->out, m->key, m->key_len);
        buffer_append_str(&c->out, "\":");
        buffer_append(&c->out, m->value, m->value_len);
    }
    code_text(c, a->text.data, a->text.len, a->date);
    buffer_append_str(&c->out, "}\n");
}

static bool code_jsonl_file(coder *c, const char *path)
{
    bool from_stdin = strcmp(path, "-") == 0;
    const char *name = from_stdin ? "stdin" : path;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "marsad code: %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0, line_number = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        line_number++;
        code_json_line(c, name, line_number, line, (size_t)n);
        flush_output(c);
        show_progress(c, false);
    }
    free(line);
    if (!from_stdin)
        fclose(f);
    return true;
}

static bool code_text_file(coder *c, const char *path)
{
    char *text;
    size_t len;
    if (!read_whole_file(path, c->max_article_bytes, &text, &len))
        return false;
    buffer_append_str(&c->out, "{\"id\":");
    json_write_cstring(&c->out, path);
    buffer_append_str(&c->out, ",\"date\":");
    if (c->default_date) {
        char d[11];
        date_format(c->default_date, d);
        json_write_cstring(&c->out, d);
    } else {
        buffer_append_str(&c->out, "null");
    }
    code_text(c, text, len, c->default_date);
    buffer_append_str(&c->out, "}\n");
    flush_output(c);
    free(text);
    return true;
}

int cmd_code(int argc, char **argv)
{
    static const struct option options[] = {
        {"date", required_argument, NULL, 'd'},  {"text", no_argument, NULL, 't'},
        {"lexicon", required_argument, NULL, 'l'}, {"max-bytes", required_argument, NULL, 'm'},
        {"quiet", no_argument, NULL, 'q'},       {"help", no_argument, NULL, 'h'},
        {"ner", no_argument, NULL, 'n'},         {"model", required_argument, NULL, 'M'},
        {NULL, 0, NULL, 0},
    };
    coder c;
    memset(&c, 0, sizeof c);
    c.max_article_bytes = DEFAULT_MAX_ARTICLE_BYTES;
    bool plain_text = false, quiet = false, use_ner = false;
    const char *lexicon_path = NULL, *model_path = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            if (!parse_date_arg(optarg, &c.default_date)) {
                fprintf(stderr, "marsad code: --date: '%s' is not a date YYYY-MM-DD\n", optarg);
                return 2;
            }
            break;
        case 't': plain_text = true; break;
        case 'l': lexicon_path = optarg; break;
        case 'm':
            if (!parse_byte_size(optarg, &c.max_article_bytes)) {
                fprintf(stderr, "marsad code: --max-bytes: '%s' is not a size (try 8M)\n", optarg);
                return 2;
            }
            break;
        case 'q': quiet = true; break;
        case 'n': use_ner = true; break;
        case 'M': model_path = optarg; use_ner = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    char default_model[4096];
    if (use_ner && !(c.ner = ner_model_open(model_path ? model_path
                                                       : ner_model_default_path(default_model, sizeof default_model))))
        return 1;
    c.lex = lexicon_open_or_default(lexicon_path);
    if (!c.lex) {
        ner_model_close(c.ner);
        return 1;
    }
    c.progress = !quiet && isatty(STDERR_FILENO);
    c.started = c.last_progress = seconds_now();
    bool ok = true;
    if (optind == argc) {
        if (plain_text) {
            fprintf(stderr, "marsad code: --text needs FILE arguments\n");
            ok = false;
        } else {
            ok = code_jsonl_file(&c, "-");
        }
    }
    for (int i = optind; i < argc; i++)
        ok = (plain_text ? code_text_file(&c, argv[i]) : code_jsonl_file(&c, argv[i])) && ok;
    flush_output(&c);
    fflush(stdout);
    if (!quiet)
        show_progress(&c, true);
    article_coding_free(&c.coding);
    article_line_free(&c.line);
    buffer_free(&c.out);
    lexicon_close(c.lex);
    ner_model_close(c.ner);
    return ok ? 0 : 1;
}
