/*
 * main.c — build/marsad: one binary, one subcommand per job.
 * Each command lives in its own cmd_*.c and parses its own options.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const command commands[] = {
    {"code", cmd_code, "code articles (JSON Lines or --text files) into PLOVER events, as JSON Lines"},
    {"entities", cmd_entities, "the people, places, organisations and actors found in an article"},
    {"tokens", cmd_tokens, "show what the text core makes of a text: tokens, offsets, keys, clitics, numbers"},
    {"ingest", cmd_ingest, "code articles and store them, their entities and events in a database"},
    {"search", cmd_search, "full-text search of the stored articles (Arabic-aware)"},
    {"events", cmd_events, "stored events, filtered, as a table, JSON Lines, CSV, GeoJSON or GDELT columns"},
    {"show", cmd_show, "one stored article with its entities and event triggers highlighted"},
    {"serve", cmd_serve, "the JSON API and the analysts' dashboard over HTTP (read-only)"},
    {"ner", cmd_ner, "tag the tokens of a CoNLL file with PER, LOC, ORG and MISC (BIO)"},
    {"train-ner", cmd_train_ner, "train the NER tagger on a CoNLL file"},
    {"word-clusters", cmd_word_clusters, "Brown clusters of a corpus's words (derives data/ner_brown.tsv)"},
    {"compile-lexicon", cmd_compile_lexicon, "compile the data/ tables into the lexicon file (run by make)"},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out, "usage: marsad COMMAND [OPTIONS] [FILE...]\n\n"
                 "marsad reads Arabic news and codes political and conflict events.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-16s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'marsad COMMAND --help' for the options of a command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "marsad: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
