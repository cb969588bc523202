/*
 * cmd_word_clusters.c — `marsad word-clusters ARTICLES.jsonl`: Brown
 * clusters (brown_clusters.h) of the matching keys of a corpus's words,
 * as word<TAB>bit string<TAB>count rows, most frequent first.  It derives
 * data/ner_brown.tsv, features of the NER tagger (models/README.md).
 *
 * The words are the tokeniser's keys (what the tagger looks words up by);
 * figures count as one word, punctuation as itself; words rarer than the
 * --words most frequent break the text as an article's end does.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_line.h"
#include "brown_clusters.h"
#include "cli.h"
#include "clitics.h"
#include "ner_features.h"
#include "tokenize.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: marsad word-clusters [--words N] [--window C] [--stems] ARTICLES.jsonl\n\n"
                 "Clusters the words of ARTICLES (JSON Lines with \"title\" and \"text\") by the\n"
                 "words next to them (Brown clusters) and prints word<TAB>path<TAB>count rows:\n"
                 "a word's path in the merge tree as a bit string (at most 32 bits), most\n"
                 "frequent words first.  Deterministic.\n\n"
                 "  --words N    cluster the N most frequent words (default 50000)\n"
                 "  --window C   clusters kept apart while words are added (default 256);\n"
                 "               time grows as N x C^2\n"
                 "  --stems      cluster clitic-stripped stems (وبالاتحاد → اتحاد) instead of keys\n"
                 "  -q           no progress on standard error\n"
                 "  -h, --help   this help\n");
}

/* The corpus's distinct words: an open-addressing table over their bytes. */
typedef struct {
    uint32_t *slots;            /* word number + 1; 0 = empty */
    uint64_t *hashes;           /* per word */
    uint32_t *offsets, *lengths, *counts;
    byte_buffer bytes;
    uint32_t count, cap, slot_count;
} vocabulary;

static uint32_t vocabulary_id(vocabulary *v, const char *s, size_t len)
{
    if (2 * (v->count + 1) > v->slot_count) {
        uint32_t slots = v->slot_count ? v->slot_count * 2 : 1u << 16;
        uint32_t *table = xcalloc(slots, sizeof *table);
        for (uint32_t i = 0; i < v->count; i++) {
            uint32_t at = (uint32_t)v->hashes[i] & (slots - 1);
            while (table[at])
                at = (at + 1) & (slots - 1);
            table[at] = i + 1;
        }
        free(v->slots);
        v->slots = table;
        v->slot_count = slots;
    }
    uint64_t h = ner_string_hash(s, len);
    uint32_t at = (uint32_t)h & (v->slot_count - 1);
    for (; v->slots[at]; at = (at + 1) & (v->slot_count - 1)) {
        uint32_t id = v->slots[at] - 1;
        if (v->hashes[id] == h && v->lengths[id] == len && memcmp(v->bytes.data + v->offsets[id], s, len) == 0)
            return id;
    }
    if (v->count == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4096;
        v->hashes = xrealloc(v->hashes, v->cap * sizeof *v->hashes);
        v->offsets = xrealloc(v->offsets, v->cap * sizeof *v->offsets);
        v->lengths = xrealloc(v->lengths, v->cap * sizeof *v->lengths);
        v->counts = xrealloc(v->counts, v->cap * sizeof *v->counts);
    }
    uint32_t id = v->count++;
    v->hashes[id] = h;
    v->offsets[id] = (uint32_t)v->bytes.len;
    v->lengths[id] = (uint32_t)len;
    v->counts[id] = 0;
    buffer_append(&v->bytes, s, len);
    v->slots[at] = id + 1;
    return id;
}

static void vocabulary_free(vocabulary *v)
{
    free(v->slots);
    free(v->hashes);
    free(v->offsets);
    free(v->lengths);
    free(v->counts);
    buffer_free(&v->bytes);
}

static const vocabulary *sort_vocabulary;

/* More frequent first; equal counts in byte order, so the numbering is fixed. */
static int by_frequency(const void *x, const void *y)
{
    const vocabulary *v = sort_vocabulary;
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    if (v->counts[a] != v->counts[b])
        return v->counts[a] > v->counts[b] ? -1 : 1;
    uint32_t la = v->lengths[a], lb = v->lengths[b];
    int c = memcmp(v->bytes.data + v->offsets[a], v->bytes.data + v->offsets[b], la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

typedef struct {
    uint32_t *ids;
    size_t count, cap;
} id_list;

static void push_id(id_list *l, uint32_t id)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1 << 20;
        l->ids = xrealloc(l->ids, l->cap * sizeof *l->ids);
    }
    l->ids[l->count++] = id;
}

static void add_text(const char *text, size_t len, bool stems, token_list *tokens, vocabulary *v, id_list *corpus)
{
    clitic_reading readings[CLITIC_MAX_READINGS];
    char stem[CLITIC_MAX_WORD + 1];
    tokenize(text, len, tokens);
    for (size_t i = 0; i < tokens->count; i++) {
        const token *t = &tokens->tokens[i];
        const char *word = token_key(tokens, t);
        size_t word_len = t->key_len;
        if (t->kind == TOKEN_NUMBER) {
            word = "<num>";
            word_len = 5;
        } else if (word_len == 0) {
            word = text + t->start;
            word_len = t->end - t->start;
        } else if (stems && t->kind == TOKEN_WORD) {
            size_t n = clitic_readings(word, word_len, (t->flags & TOKEN_ENDS_IN_TEH_MARBUTA) != 0, readings,
                                       CLITIC_MAX_READINGS);
            if (n > 1) {
                word_len = clitic_stem(word, &readings[n - 1], stem);
                word = stem;
            }
        }
        uint32_t id = vocabulary_id(v, word, word_len);
        v->counts[id]++;
        push_id(corpus, id);
    }
}

static void show_progress(uint32_t done, void *context)
{
    fprintf(stderr, "\rmarsad word-clusters: %u of %u words clustered", done, *(uint32_t *)context);
}

int cmd_word_clusters(int argc, char **argv)
{
    static const struct option options[] = {
        {"words", required_argument, NULL, 'n'}, {"window", required_argument, NULL, 'c'},
        {"stems", no_argument, NULL, 's'},       {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    unsigned long words = 50000, window = 256;
    bool stems = false, quiet = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "hq", options, NULL)) != -1) {
        char *end;
        switch (opt) {
        case 'n':
        case 'c': {
            unsigned long x = strtoul(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || x < 2 || x > (opt == 'n' ? 10000000ul : 4096ul)) {
                fprintf(stderr, "marsad word-clusters: --%s: '%s' is not a number from 2 to %lu\n",
                        opt == 'n' ? "words" : "window", optarg, opt == 'n' ? 10000000ul : 4096ul);
                return 2;
            }
            *(opt == 'n' ? &words : &window) = x;
            break;
        }
        case 's': stems = true; break;
        case 'q': quiet = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        usage(stderr);
        return 2;
    }
    const char *path = argv[optind];
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "marsad word-clusters: %s: cannot open\n", path);
        return 1;
    }
    vocabulary v = {0};
    id_list corpus = {0};
    token_list tokens = {0};
    article_line a = {0};
    char *line = NULL, error[300];
    size_t cap = 0, line_number = 0, bad = 0, articles = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        line_number++;
        if (!read_article_line(&a, "word-clusters", path, line_number, line, (size_t)n, 20000101,
                               DEFAULT_MAX_INPUT_BYTES, error, sizeof error)) {
            fprintf(stderr, "marsad word-clusters: %s:%zu: %s; skipped\n", path, line_number, error);
            bad++;
            continue;
        }
        push_id(&corpus, BROWN_GAP);
        add_text(a.title.data ? a.title.data : "", a.title.len, stems, &tokens, &v, &corpus);
        push_id(&corpus, BROWN_GAP);
        add_text(a.text.data ? a.text.data : "", a.text.len, stems, &tokens, &v, &corpus);
        articles++;
    }
    free(line);
    fclose(f);
    article_line_free(&a);
    token_list_free(&tokens);

    uint32_t *order = xmalloc((v.count ? v.count : 1) * sizeof *order);
    for (uint32_t i = 0; i < v.count; i++)
        order[i] = i;
    sort_vocabulary = &v;
    qsort(order, v.count, sizeof *order, by_frequency);
    uint32_t kept = v.count < words ? v.count : (uint32_t)words;
    uint32_t *rank = xmalloc((v.count ? v.count : 1) * sizeof *rank);
    for (uint32_t i = 0; i < v.count; i++)
        rank[order[i]] = i < kept ? i : BROWN_GAP;
    for (size_t i = 0; i < corpus.count; i++)
        corpus.ids[i] = corpus.ids[i] == BROWN_GAP ? BROWN_GAP : rank[corpus.ids[i]];
    if (!quiet)
        fprintf(stderr, "marsad word-clusters: %zu articles (%zu skipped), %zu tokens, %u distinct words\n", articles,
                bad, corpus.count, v.count);

    brown_path *paths = xcalloc(kept ? kept : 1, sizeof *paths);
    brown_cluster(corpus.ids, corpus.count, kept, (uint32_t)window, paths, quiet ? NULL : show_progress, &kept);
    if (!quiet)
        fputc('\n', stderr);
    printf("# Brown clusters of the %u most frequent %s of the ANT corpus (window %lu), by\n"
           "# `marsad word-clusters` (see data/README.md): word, path in the merge tree, count\n"
           "word\tpath\tcount\n",
           kept, stems ? "clitic-stripped stems" : "matching keys", window);
    for (uint32_t i = 0; i < kept; i++) {
        uint32_t id = order[i];
        if (v.lengths[id] == 5 && memcmp(v.bytes.data + v.offsets[id], "<num>", 5) == 0)
            continue;
        char bits[BROWN_PATH_BITS + 1];
        uint32_t len = paths[i].length < BROWN_PATH_BITS ? paths[i].length : BROWN_PATH_BITS;
        for (uint32_t b = 0; b < len; b++)
            bits[b] = (char)('0' + (paths[i].bits >> (BROWN_PATH_BITS - 1 - b) & 1));
        bits[len] = '\0';
        printf("%.*s\t%s\t%u\n", (int)v.lengths[id], v.bytes.data + v.offsets[id], bits, v.counts[id]);
    }
    free(paths);
    free(order);
    free(rank);
    free(corpus.ids);
    vocabulary_free(&v);
    return 0;
}
