/*
 * cmd_train_ner.c — `marsad train-ner TRAIN [--dev DEV | --holdout PCT] -o MODEL`:
 * trains the NER tagger (ner_train.h) on a CoNLL file and writes the model.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "lexicon.h"
#include "ner_train.h"

#define MAX_SEEDS 16
#define FIRST_PASS_FOLDS 5
#define FIRST_PASS_EPOCHS 10

static void usage(FILE *out)
{
    fprintf(out, "usage: marsad train-ner TRAIN [--dev DEV | --holdout PCT] [OPTIONS] -o MODEL\n\n"
                 "Trains the NER tagger (averaged perceptron, BIO tags of PER, LOC, ORG, MISC) on\n"
                 "TRAIN, a CoNLL file of `token TAG` lines with blank lines between sentences.\n\n"
                 "  --dev DEV        keep the epoch that scores best on DEV (entity F1)\n"
                 "  --holdout PCT    hold out the last PCT%% of TRAIN's sentences to choose the\n"
                 "                   number of epochs, then train again on all of TRAIN\n"
                 "  --epochs N       at most N epochs (default 30; exactly N without a dev set)\n"
                 "  --patience N     stop after N epochs without progress on the dev set (default 4)\n"
                 "  --bits B         2^B weight buckets (default 20)\n"
                 "  --seed S         seed of the sentence order (default 1)\n"
                 "  --seeds K        train K models, seeds S to S+K-1, and keep their mean\n"
                 "  --lexicon FILE   the compiled lexicon (default: lexicon.bin beside the binary)\n"
                 "  --no-lexicon     train without lexicon features\n"
                 "  --clusters TSV   word classes (data/ner_clusters.tsv), kept in the model\n"
                 "  --word-stats TSV how the classes' words behave in a corpus\n"
                 "                   (data/ner_word_stats.tsv), kept in the model\n"
                 "  --brown TSV      Brown clusters of words (data/ner_brown.tsv), kept in the model\n"
                 "  --no-memory      no features of the tags given in earlier sentences\n"
                 "                   (by default they are learnt from a 5-fold first pass;\n"
                 "                   a --dev file is scored without them)\n"
                 "  -o MODEL         where to write the model\n"
                 "  -q               no progress on standard error\n");
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static bool parse_count(const char *option, const char *s, unsigned min, unsigned max, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < min || v > max) {
        fprintf(stderr, "marsad train-ner: %s: '%s' is not a number from %u to %u\n", option, s, min, max);
        return false;
    }
    *out = (unsigned)v;
    return true;
}

int cmd_train_ner(int argc, char **argv)
{
    static const struct option options[] = {
        {"dev", required_argument, NULL, 'd'},      {"holdout", required_argument, NULL, 'H'},
        {"epochs", required_argument, NULL, 'e'},   {"patience", required_argument, NULL, 'p'},
        {"bits", required_argument, NULL, 'b'},     {"seed", required_argument, NULL, 's'},
        {"lexicon", required_argument, NULL, 'l'},  {"no-lexicon", no_argument, NULL, 'n'},
        {"clusters", required_argument, NULL, 'c'}, {"word-stats", required_argument, NULL, 'w'},
        {"seeds", required_argument, NULL, 'S'},   {"no-memory", no_argument, NULL, 'M'},
        {"brown", required_argument, NULL, 'B'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ner_train_options o = {.bucket_bits = 20, .epochs = 30, .patience = 4, .seed = 1, .verbose = true};
    const char *dev_path = NULL, *out_path = NULL, *lexicon_path = NULL, *clusters_path = NULL, *stats_path = NULL,
               *brown_path = NULL;
    ner_clusters clusters = {0};
    ner_cluster_slot *cluster_slots = NULL;
    unsigned holdout = 0, seed = 1, seeds = 1;
    bool use_lexicon = true, use_memory = true;
    uint8_t *first_pass = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "ho:q", options, NULL)) != -1) {
        switch (opt) {
        case 'd': dev_path = optarg; break;
        case 'H': if (!parse_count("--holdout", optarg, 1, 50, &holdout)) return 2; break;
        case 'e': if (!parse_count("--epochs", optarg, 1, 1000, &o.epochs)) return 2; break;
        case 'p': if (!parse_count("--patience", optarg, 1, 1000, &o.patience)) return 2; break;
        case 'b': if (!parse_count("--bits", optarg, 8, 24, &o.bucket_bits)) return 2; break;
        case 's': if (!parse_count("--seed", optarg, 1, 0xFFFFFFFFu, &seed)) return 2; break;
        case 'l': lexicon_path = optarg; break;
        case 'c': clusters_path = optarg; break;
        case 'w': stats_path = optarg; break;
        case 'B': brown_path = optarg; break;
        case 'S': if (!parse_count("--seeds", optarg, 1, MAX_SEEDS, &seeds)) return 2; break;
        case 'n': use_lexicon = false; break;
        case 'M': use_memory = false; break;
        case 'o': out_path = optarg; break;
        case 'q': o.verbose = false; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    o.seed = seed;
    if (optind != argc - 1 || !out_path) {
        usage(stderr);
        return 2;
    }
    if (dev_path && holdout) {
        fprintf(stderr, "marsad train-ner: --dev and --holdout exclude each other\n");
        return 2;
    }
    if (stats_path && !clusters_path) {
        fprintf(stderr, "marsad train-ner: --word-stats needs --clusters\n");
        return 2;
    }
    if (clusters_path && !ner_clusters_load(clusters_path, &clusters, &cluster_slots))
        return 1;
    if (stats_path && !ner_clusters_load_stats(stats_path, cluster_slots, clusters.slot_count)) {
        free(cluster_slots);
        return 1;
    }
    if (brown_path && !ner_clusters_load_brown(brown_path, &clusters, &cluster_slots)) {
        free(cluster_slots);
        return 1;
    }
    o.clusters = &clusters;
    lexicon *lex = NULL;
    if (use_lexicon && !(lex = lexicon_open_or_default(lexicon_path))) {
        free(cluster_slots);
        return 1;
    }
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    ner_conll train = {0}, dev = {0};
    int status = 1;
    ner_model *model = NULL;
    ner_corpus *train_corpus = NULL, *dev_corpus = NULL;
    if (!ner_conll_read(argv[optind], &train) || (dev_path && !ner_conll_read(dev_path, &dev)))
        goto done;
    if (train.unknown_tags)
        fprintf(stderr, "marsad train-ner: %s: %zu tags read as O (not BIO), the first on line %zu\n", argv[optind],
                train.unknown_tags, train.first_unknown_line);
    if (train.sentence_count == 0) {
        fprintf(stderr, "marsad train-ner: %s: no sentences\n", argv[optind]);
        goto done;
    }
    size_t kept = train.sentence_count;
    if (holdout) {
        kept = train.sentence_count - train.sentence_count * holdout / 100;
        if (kept == 0 || kept == train.sentence_count) {
            fprintf(stderr, "marsad train-ner: %s: too few sentences to hold out %u%%\n", argv[optind], holdout);
            goto done;
        }
    }
    if (use_memory) {
        first_pass = ner_first_pass(&train, lex, &clusters, o.bucket_bits, FIRST_PASS_FOLDS, FIRST_PASS_EPOCHS);
        if (o.verbose)
            fprintf(stderr, "first pass (%u folds, %u epochs) done in %.1f s\n", FIRST_PASS_FOLDS, FIRST_PASS_EPOCHS,
                    seconds_since(&start));
    }
    train_corpus = ner_corpus_build(&train, 0, kept, lex, &clusters, o.bucket_bits, first_pass);
    if (holdout)
        dev_corpus =
            ner_corpus_build(&train, kept, train.sentence_count - kept, lex, &clusters, o.bucket_bits, first_pass);
    else if (dev_path)
        dev_corpus = ner_corpus_build(&dev, 0, dev.sentence_count, lex, &clusters, o.bucket_bits, NULL);
    if (o.verbose)
        fprintf(stderr, "training on %zu tokens (%zu sentences)%s%zu dev tokens; features ready in %.1f s\n",
                ner_corpus_tokens(train_corpus), kept, dev_corpus ? ", " : "",
                dev_corpus ? ner_corpus_tokens(dev_corpus) : 0, seconds_since(&start));
    /* one model per seed, each visiting the sentences in its own order;
     * their mean is the model */
    ner_model *models[MAX_SEEDS] = {0};
    unsigned epochs[MAX_SEEDS] = {0};
    for (unsigned k = 0; k < seeds; k++) {
        ner_train_options one = o;
        one.seed = o.seed + k;
        ner_train_report report = {0};
        models[k] = ner_train(train_corpus, dev_corpus, &one, &report);
        epochs[k] = report.best_epoch;
        if (dev_corpus && o.verbose)
            fprintf(stderr, "seed %llu: best epoch %u: dev F1 %.4f\n", (unsigned long long)one.seed, report.best_epoch,
                    report.best_dev_f1);
    }
    model = seeds == 1 ? models[0] : ner_model_average(models, seeds);
    if (dev_corpus && o.verbose)
        fprintf(stderr, "best dev F1 %.4f (the mean of %u models)\n", ner_corpus_f1(model, dev_corpus), seeds);
    /* the perceptron errs on the side of O: find the shift of each tag's
     * weight (O, then the B-, I-, L- and U- of each type) that scores best on the
     * dev set, one tag at a time */
    float shift[NER_TAG_COUNT] = {0};
    if (dev_corpus) {
        /* fractions of the largest weight */
        static const float o_shifts[] = {0, -0.005f, -0.01f, -0.02f, -0.03f, -0.04f, -0.06f, -0.08f, -0.1f, -0.13f, -0.16f, -0.2f, -0.25f, -0.3f, -0.4f};
        static const float type_shifts[] = {0, -0.04f, -0.02f, -0.01f, 0.01f, 0.02f, 0.04f};
        double best = ner_corpus_f1(model, dev_corpus);
        for (unsigned tag = 0; tag < NER_TAG_COUNT; tag++) {
            const float *grid = tag == NER_O ? o_shifts : type_shifts;
            size_t grid_size = tag == NER_O ? sizeof o_shifts / sizeof *o_shifts : sizeof type_shifts / sizeof *type_shifts;
            float applied = 0, chosen = 0;
            for (size_t i = 1; i < grid_size; i++) {
                ner_model_shift(model, (ner_tag)tag, grid[i] - applied);
                applied = grid[i];
                double f1 = ner_corpus_f1(model, dev_corpus);
                if (f1 > best) {
                    best = f1;
                    chosen = grid[i];
                }
            }
            ner_model_shift(model, (ner_tag)tag, chosen - applied);
            shift[tag] = chosen;
            if (o.verbose)
                fprintf(stderr, "%s shifted by %.3f: dev F1 %.4f\n", ner_tag_bilou_name((ner_tag)tag), (double)chosen, best);
        }
    }
    if (holdout) {
        /* the held-out slice chose the number of epochs: now learn from all of it */
        ner_corpus_free(train_corpus);
        train_corpus = ner_corpus_build(&train, 0, train.sentence_count, lex, &clusters, o.bucket_bits, first_pass);
        for (unsigned k = 0; k < seeds; k++) {
            ner_model_close(models[k]);
            ner_train_options all = o;
            all.seed = o.seed + k;
            all.epochs = epochs[k];
            if (o.verbose)
                fprintf(stderr, "seed %llu: training on all %zu tokens for %u epochs\n", (unsigned long long)all.seed,
                        ner_corpus_tokens(train_corpus), all.epochs);
            models[k] = ner_train(train_corpus, NULL, &all, NULL);
        }
        if (seeds > 1)
            ner_model_close(model);
        model = seeds == 1 ? models[0] : ner_model_average(models, seeds);
        for (unsigned tag = 0; tag < NER_TAG_COUNT; tag++)
            ner_model_shift(model, (ner_tag)tag, shift[tag]);
    }
    if (seeds > 1)
        for (unsigned k = 0; k < seeds; k++)
            ner_model_close(models[k]);
    if (!model || !ner_model_save(model, out_path))
        goto done;
    if (o.verbose)
        fprintf(stderr, "wrote %s: 2^%u buckets, %zu in use; %.1f s in all\n", out_path, o.bucket_bits,
                ner_model_nonzero_buckets(model), seconds_since(&start));
    status = 0;
done:
    ner_model_close(model);
    ner_corpus_free(train_corpus);
    ner_corpus_free(dev_corpus);
    ner_conll_free(&train);
    ner_conll_free(&dev);
    if (lex)
        lexicon_close(lex);
    free(cluster_slots);
    free(first_pass);
    return status;
}
