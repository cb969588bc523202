/*
 * cmd_entities.c — `marsad entities [--date D] [FILE]`: the named entities
 * and actors found in an article, with byte offsets.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actors.h"
#include "cli.h"
#include "json_read.h"
#include "lexicon.h"
#include "ner_fuse.h"
#include "ner_model.h"
#include "tokenize.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: marsad entities [--date YYYY-MM-DD] [--lexicon FILE] [--model FILE | --no-ner] [FILE]\n\n"
                 "Prints the entities (PER, LOC, ORG, MISC) and the actors (country, sector, IGO)\n"
                 "found in a plain-text article (FILE or standard input), one a line:\n"
                 "  entity TYPE START END COUNTRY ORIGIN TEXT\n"
                 "  actor  START END COUNTRY SECTOR ORG ROLE TEXT\n"
                 "ROLE is 'state' for a country or capital standing for its government,\n"
                 "'place' for a location, 'actor' otherwise.  Offsets are bytes.  ORIGIN is\n"
                 "'lexicon' for a name the lexicon knows, 'ner' for one only the NER tagger\n"
                 "found (where both find a name, the lexicon's entity is kept).\n\n"
                 "  --date D        the article's date: a person's role depends on it\n"
                 "  --lexicon FILE  the compiled lexicon (default: lexicon.bin beside the binary)\n"
                 "  --model FILE    the NER model (default: ner.model beside the binary, when there)\n"
                 "  --no-ner        lexicon entities only\n");
}

static void print_span(const char *text, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i++)
        putchar(text[i] == '\n' || text[i] == '\t' ? ' ' : text[i]);
}

static const char *or_dash(const char *s)
{
    return s[0] ? s : "-";
}

/* Is the input's first line a JSON object with a "text" member, as
 * marsad code reads (json_read.h)? */
static bool looks_like_json_lines(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')) {
        text++;
        len--;
    }
    const char *line_end = memchr(text, '\n', len);
    json_object_view view = {0};
    char error[160];
    bool article = json_parse_object(text, line_end ? (size_t)(line_end - text) : len, &view, error, sizeof error) &&
                   json_member_named(&view, "text") != NULL;
    json_object_view_free(&view);
    return article;
}

int cmd_entities(int argc, char **argv)
{
    static const struct option options[] = {
        {"date", required_argument, NULL, 'd'},
        {"lexicon", required_argument, NULL, 'l'},
        {"model", required_argument, NULL, 'm'},
        {"no-ner", no_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    uint32_t date = 0;
    const char *lexicon_path = NULL, *model_path = NULL;
    bool use_ner = true;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            if (!parse_date_arg(optarg, &date)) {
                fprintf(stderr, "marsad entities: --date: '%s' is not a date YYYY-MM-DD\n", optarg);
                return 2;
            }
            break;
        case 'l': lexicon_path = optarg; break;
        case 'm': model_path = optarg; break;
        case 'n': use_ner = false; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    /* the tagger joins in when asked for, or when its model is installed */
    ner_model *model = NULL;
    char default_model[4096];
    if (use_ner && model_path && !(model = ner_model_open(model_path)))
        return 1;
    if (use_ner && !model_path && access(ner_model_default_path(default_model, sizeof default_model), R_OK) == 0 &&
        !(model = ner_model_open(default_model)))
        return 1;
    lexicon *lex = lexicon_open_or_default(lexicon_path);
    if (!lex) {
        ner_model_close(model);
        return 1;
    }
    char *text;
    size_t len;
    if (!read_whole_file(optind < argc ? argv[optind] : "-", DEFAULT_MAX_INPUT_BYTES, &text, &len)) {
        lexicon_close(lex);
        ner_model_close(model);
        return 1;
    }
    /* its words would be read as the article's: "id", "date" tagged as names */
    if (looks_like_json_lines(text, len))
        fprintf(stderr,
                "marsad entities: %s looks like JSON Lines; this command reads one plain-text article "
                "(marsad code reads JSON Lines)\n",
                optind < argc ? argv[optind] : "standard input");
    token_list tokens = {0};
    actor_list actors = {0};
    tokenize(text, len, &tokens);
    code_actors(lex, text, &tokens, date, &actors);
    if (model)
        ner_add_entities(model, text, &tokens, &actors);
    for (size_t i = 0; i < actors.entity_count; i++) {
        const entity *e = &actors.entities[i];
        printf("entity\t%s\t%u\t%u\t%s\t%s\t", entity_type_name((entity_type)e->type), e->start, e->end,
               or_dash(e->country), entity_origin_name((entity_origin)e->origin));
        print_span(text, e->start, e->end);
        putchar('\n');
    }
    for (size_t i = 0; i < actors.actor_count; i++) {
        const actor *a = &actors.actors[i];
        printf("actor\t%u\t%u\t%s\t%s\t%s\t%s\t", a->start, a->end, or_dash(a->country), or_dash(a->sector),
               or_dash(a->org), a->is_location ? "place" : a->is_state_metonym ? "state" : "actor");
        print_span(text, a->start, a->end);
        putchar('\n');
    }
    actor_list_free(&actors);
    token_list_free(&tokens);
    free(text);
    lexicon_close(lex);
    ner_model_close(model);
    return 0;
}
