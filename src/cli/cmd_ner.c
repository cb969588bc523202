/*
 * cmd_ner.c — `marsad ner [--model M] [FILE]`: tags CoNLL tokens with the
 * NER model and prints `token TAG` lines, keeping the file's blank lines.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lexicon.h"
#include "ner_lookahead.h"
#include "ner_model.h"
#include "ner_train.h"
#include "utf8.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: marsad ner [--model FILE] [--lexicon FILE] [FILE]\n\n"
                 "Tags the tokens of a CoNLL file (FILE or standard input: one token a line,\n"
                 "first column; a blank line between sentences; any tags are ignored) with\n"
                 "the NER model and prints `token TAG` lines, TAG one of O, B-/I- PER, LOC,\n"
                 "ORG, MISC.  The file is read as one document: what a word was tagged in\n"
                 "the 20 sentences before and after it weighs on its tag (more passes;\n"
                 "models/README.md).\n\n"
                 "  --model FILE    the NER model (default: ner.model beside the binary)\n"
                 "  --lexicon FILE  the compiled lexicon the model was trained with\n"
                 "                  (default: lexicon.bin beside the binary)\n");
}

int cmd_ner(int argc, char **argv)
{
    static const struct option options[] = {
        {"model", required_argument, NULL, 'm'},
        {"lexicon", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *model_path = NULL, *lexicon_path = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'm': model_path = optarg; break;
        case 'l': lexicon_path = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (argc - optind > 1) {
        usage(stderr);
        return 2;
    }
    ner_model *model = ner_model_open_or_default(model_path);
    if (!model)
        return 1;
    lexicon *lex = lexicon_open_or_default(lexicon_path);
    if (!lex) {
        ner_model_close(model);
        return 1;
    }
    ner_conll c;
    if (!ner_conll_read(optind < argc ? argv[optind] : "-", &c)) {
        lexicon_close(lex);
        ner_model_close(model);
        return 1;
    }
    ner_sentence s = {.clusters = ner_model_clusters(model)};
    ner_document d = {0};
    uint8_t *tags = xmalloc(c.token_count + 1);
    for (size_t k = 0; k < c.sentence_count; k++) {
        size_t a = c.sentence_start[k], n = c.sentence_start[k + 1] - a;
        ner_prepare_strings(&s, lex, c.words + a, c.lengths + a, n);
        ner_model_tag(model, &s, tags + a);
        ner_document_keep(&d, &s, ner_model_last_scores(&s));
    }
    /* again, with what the words were tagged in the sentences after */
    ner_lookahead_tag(model, &d, tags, tags, NER_LOOKAHEAD_ROUNDS);
    ner_document_free(&d);
    for (size_t k = 0; k < c.sentence_count; k++) {
        size_t a = c.sentence_start[k], n = c.sentence_start[k + 1] - a;
        for (size_t i = 0; i < n; i++)
            printf("%.*s %s\n", (int)c.lengths[a + i], c.words[a + i], ner_tag_name((ner_tag)tags[a + i]));
        if (c.blank_after[k])
            putchar('\n');
    }
    /* bad bytes are tagged like any other token, but said so */
    size_t bad = 0;
    const char *first_bad = NULL;
    for (size_t i = 0; i < c.token_count; i++)
        if (!utf8_is_clean(c.words[i], c.lengths[i]) && bad++ == 0)
            first_bad = c.words[i];
    if (bad) {
        size_t line, column;
        line_and_column(c.text, strlen(c.text), (size_t)(first_bad - c.text), &line, &column);
        fprintf(stderr, "marsad ner: %s:%zu: invalid UTF-8 (%zu tokens with it in all); tagged as read\n",
                optind < argc ? argv[optind] : "-", line, bad);
    }
    if (c.unknown_tags == 0 && c.token_count == 0)
        fprintf(stderr, "marsad ner: %s: no tokens\n", optind < argc ? argv[optind] : "-");
    free(tags);
    ner_sentence_free(&s);
    ner_conll_free(&c);
    lexicon_close(lex);
    ner_model_close(model);
    return 0;
}
