/*
 * cmd_lexicon.c — `marsad compile-lexicon DATA_DIR -o FILE`: the build step
 * that turns the TSV tables of data/ into the mmapped lexicon (run by make).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lexicon.h"

int cmd_compile_lexicon(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = "build/lexicon.bin";
    bool verbose = true;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:qh", options, NULL)) != -1) {
        switch (opt) {
        case 'o': output = optarg; break;
        case 'q': verbose = false; break;
        case 'h':
            printf("usage: marsad compile-lexicon [-o FILE] [DATA_DIR]\n\n"
                   "Compiles the lexicon tables of DATA_DIR (default data) — countries, orgs,\n"
                   "groups, media, sectors, places, people — into FILE (default build/lexicon.bin),\n"
                   "which the other commands mmap at start-up.\n");
            return 0;
        default:
            return 2;
        }
    }
    const char *dir = optind < argc ? argv[optind] : "data";
    return lexicon_compile(dir, output, verbose) ? 0 : 1;
}
