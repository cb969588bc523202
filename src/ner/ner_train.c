/*
 * ner_train.c — see ner_train.h.
 */
#include "ner_train.h"

#include "ner_lookahead.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SENTENCE_TOKENS 1000

static char *slurp(const char *path, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "marsad: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    byte_buffer b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buffer_append(&b, chunk, n);
    bool failed = ferror(f);
    if (!is_stdin)
        fclose(f);
    if (failed) {
        fprintf(stderr, "marsad: %s: read error\n", path);
        buffer_free(&b);
        return NULL;
    }
    if (!b.data)
        buffer_append(&b, "", 0);
    *len = b.len;
    return b.data;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

bool ner_conll_read(const char *path, ner_conll *c)
{
    memset(c, 0, sizeof *c);
    size_t len;
    c->text = slurp(path, &len);
    if (!c->text)
        return false;
    bool has_blank_lines = false;
    for (size_t i = 0; i + 1 < len && !has_blank_lines; i++)
        has_blank_lines = c->text[i] == '\n' && c->text[i + 1] == '\n';
    size_t cap = 0, sentence_cap = 0;
    size_t sentence_tokens = 0, line_no = 0;
    grow_array((void **)&c->sentence_start, &sentence_cap, 1, sizeof *c->sentence_start);
    c->sentence_start[0] = 0;
    size_t blank_cap = 0;
    for (size_t pos = 0; pos < len;) {
        const char *line = c->text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t line_len = nl ? (size_t)(nl - line) : len - pos;
        pos += line_len + 1;
        line_no++;
        size_t a = 0;
        while (a < line_len && is_space(line[a]))
            a++;
        bool ends_sentence = false, blank = a == line_len;
        if (!blank) {
            size_t b = a;
            while (b < line_len && !is_space(line[b]))
                b++;
            size_t e = line_len;
            while (e > b && is_space(line[e - 1]))
                e--;
            size_t t = e;
            while (t > b && !is_space(line[t - 1]))
                t--;
            bool known = true;
            ner_tag tag = t < e ? ner_tag_parse(line + t, e - t, &known) : NER_O;
            if (!known && ++c->unknown_tags == 1)
                c->first_unknown_line = line_no;
            /* an I- that continues nothing starts an entity, as the scorer reads it */
            if (ner_tag_is_inside(tag) &&
                (sentence_tokens == 0 || ner_tag_type((ner_tag)c->gold[c->token_count - 1]) != ner_tag_type(tag)))
                tag = (ner_tag)(tag - 1);
            if (c->token_count == cap) {
                size_t old = cap;
                grow_array((void **)&c->words, &cap, c->token_count + 1, sizeof *c->words);
                size_t cap2 = old;
                grow_array((void **)&c->lengths, &cap2, cap, sizeof *c->lengths);
                cap2 = old;
                grow_array((void **)&c->gold, &cap2, cap, sizeof *c->gold);
            }
            c->words[c->token_count] = line + a;
            c->lengths[c->token_count] = (uint32_t)(b - a);
            c->gold[c->token_count++] = (uint8_t)tag;
            sentence_tokens++;
            bool period = b - a == 1 && line[a] == '.';
            ends_sentence = sentence_tokens >= MAX_SENTENCE_TOKENS || (!has_blank_lines && period);
        }
        if ((blank || ends_sentence || pos >= len) && sentence_tokens > 0) {
            grow_array((void **)&c->sentence_start, &sentence_cap, c->sentence_count + 2, sizeof *c->sentence_start);
            grow_array((void **)&c->blank_after, &blank_cap, c->sentence_count + 1, sizeof *c->blank_after);
            c->blank_after[c->sentence_count] = blank;
            ner_tags_to_bilou(c->gold + c->sentence_start[c->sentence_count], sentence_tokens);
            c->sentence_start[++c->sentence_count] = (uint32_t)c->token_count;
            sentence_tokens = 0;
        }
    }
    return true;
}

void ner_conll_free(ner_conll *c)
{
    free(c->text);
    free(c->words);
    free(c->lengths);
    free(c->gold);
    free(c->sentence_start);
    free(c->blank_after);
    memset(c, 0, sizeof *c);
}

struct ner_corpus {
    uint32_t *buckets;          /* the features of all tokens, as bucket numbers */
    uint32_t *feature_start;    /* token_count + 1 */
    uint8_t *gold;
    uint32_t *sentence_start;   /* sentence_count + 1, from 0 */
    size_t token_count, sentence_count;
};

ner_corpus *ner_corpus_build(const ner_conll *c, size_t first, size_t count, const lexicon *lex,
                             const ner_clusters *clusters, unsigned bucket_bits, const uint8_t *first_pass)
{
    ner_corpus *corpus = xcalloc(1, sizeof *corpus);
    size_t first_token = c->sentence_start[first], end_token = c->sentence_start[first + count];
    corpus->token_count = end_token - first_token;
    corpus->sentence_count = count;
    corpus->gold = xmalloc(corpus->token_count + 1);
    memcpy(corpus->gold, c->gold + first_token, corpus->token_count);
    corpus->sentence_start = xmalloc((count + 1) * sizeof *corpus->sentence_start);
    for (size_t s = 0; s <= count; s++)
        corpus->sentence_start[s] = c->sentence_start[first + s] - (uint32_t)first_token;
    corpus->feature_start = xmalloc((corpus->token_count + 1) * sizeof *corpus->feature_start);
    size_t cap = corpus->token_count * 40 + 64;
    corpus->buckets = xmalloc(cap * sizeof *corpus->buckets);
    size_t used = 0;
    uint32_t mask = ((uint32_t)1 << bucket_bits) - 1;
    /* describe every sentence first: the features of a word look at the
     * tags of the sentences after it too (ner_lookahead.h) */
    ner_sentence s = {.clusters = clusters};
    ner_document d = {0};
    for (size_t k = 0; k < count; k++) {
        size_t a = c->sentence_start[first + k], b = c->sentence_start[first + k + 1];
        ner_prepare_strings(&s, lex, c->words + a, c->lengths + a, b - a);
        ner_document_keep(&d, &s, NULL);
        if (first_pass)
            ner_memory_note(&s, first_pass + a);
    }
    if (first_pass)
        ner_document_look_ahead(&d, first_pass + first_token);
    ner_sentence_free(&s);
    for (size_t k = 0; k < count; k++) {
        size_t a = c->sentence_start[first + k];
        ner_document_lend(&d, k, &s);
        for (size_t i = 0; i < s.count; i++) {
            if (used + NER_MAX_FEATURES > cap) {
                cap *= 2;
                corpus->buckets = xrealloc(corpus->buckets, cap * sizeof *corpus->buckets);
            }
            corpus->feature_start[a - first_token + i] = (uint32_t)used;
            size_t n = ner_features(&s, i, corpus->buckets + used);
            for (size_t f = 0; f < n; f++)
                corpus->buckets[used + f] &= mask;
            used += n;
        }
    }
    ner_document_release(&s);
    ner_document_free(&d);
    corpus->feature_start[corpus->token_count] = (uint32_t)used;
    return corpus;
}

void ner_corpus_free(ner_corpus *corpus)
{
    if (!corpus)
        return;
    free(corpus->buckets);
    free(corpus->feature_start);
    free(corpus->gold);
    free(corpus->sentence_start);
    free(corpus);
}

size_t ner_corpus_tokens(const ner_corpus *corpus)
{
    return corpus->token_count;
}

/* Entities as (start, end, type), in order. */
typedef struct {
    size_t start, end;
    unsigned type;
} span;

static size_t spans_of(const uint8_t *tags, size_t n, span *out)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        if (tags[i] == NER_O) {
            i++;
            continue;
        }
        unsigned type = ner_tag_type((ner_tag)tags[i]);
        size_t j = i + 1;
        while (j < n && ner_tag_is_inside((ner_tag)tags[j]) && ner_tag_type((ner_tag)tags[j]) == type)
            j++;
        out[count++] = (span){i, j, type};
        i = j;
    }
    return count;
}

double ner_entity_f1(const uint8_t *gold, const uint8_t *predicted, size_t n)
{
    span *g = xmalloc((n + 1) * sizeof *g), *p = xmalloc((n + 1) * sizeof *p);
    size_t gn = spans_of(gold, n, g), pn = spans_of(predicted, n, p), hits = 0;
    for (size_t i = 0, j = 0; i < gn && j < pn;) {
        if (g[i].start < p[j].start)
            i++;
        else if (p[j].start < g[i].start)
            j++;
        else {
            hits += g[i].end == p[j].end && g[i].type == p[j].type;
            i++;
            j++;
        }
    }
    free(g);
    free(p);
    return gn + pn ? 2.0 * (double)hits / (double)(gn + pn) : 0.0;
}

#define TRANSITIONS ((NER_TAG_COUNT + 1) * NER_TAG_COUNT)

/* Tags sentences [first, end) of corpus with a model, into tags. */
static void tag_sentences(const int32_t *transitions, const int16_t *weights, const ner_corpus *corpus, size_t first,
                          size_t end, uint8_t *tags)
{
    size_t longest = 0;
    for (size_t s = first; s < end; s++) {
        size_t n = corpus->sentence_start[s + 1] - corpus->sentence_start[s];
        longest = n > longest ? n : longest;
    }
    int32_t *scores = xmalloc((longest + 1) * NER_TAG_COUNT * sizeof *scores);
    uint8_t *work = xmalloc((longest + 1) * NER_TAG_COUNT);
    for (size_t s = first; s < end; s++) {
        size_t a = corpus->sentence_start[s], n = corpus->sentence_start[s + 1] - a;
        for (size_t i = 0; i < n; i++) {
            int32_t *row = scores + i * NER_TAG_COUNT;
            memset(row, 0, NER_TAG_COUNT * sizeof *row);   /* O stays 0 (ner_model.h) */
            for (uint32_t f = corpus->feature_start[a + i]; f < corpus->feature_start[a + i + 1]; f++) {
                const int16_t *w = weights + (size_t)corpus->buckets[f] * NER_ROW_TAGS;
                for (unsigned t = 1; t < NER_TAG_COUNT; t++)
                    row[t] += w[t - 1];
            }
        }
        ner_viterbi(scores, n, transitions, work, tags + a);
    }
    free(scores);
    free(work);
}

static void tag_corpus(const int32_t *transitions, const int16_t *weights, const ner_corpus *corpus, uint8_t *tags)
{
    tag_sentences(transitions, weights, corpus, 0, corpus->sentence_count, tags);
}

double ner_corpus_f1(const ner_model *m, const ner_corpus *corpus)
{
    int32_t transitions[TRANSITIONS];
    ner_model_transitions(m, transitions);
    uint8_t *tags = xmalloc(corpus->token_count + 1);
    tag_corpus(transitions, ner_model_weights(m), corpus, tags);
    double f1 = ner_entity_f1(corpus->gold, tags, corpus->token_count);
    free(tags);
    return f1;
}

/* A small deterministic generator for the visiting order (xorshift64*). */
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* The weights averaged over steps: w - u / steps (the lazy-average trick:
 * u sums each update times the step it was made at). */
static void average(const float *w, const double *u, size_t n, double steps, float *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (float)(w[i] - u[i] / steps);
}

ner_model *ner_train(const ner_corpus *train, const ner_corpus *dev, const ner_train_options *o,
                     ner_train_report *report)
{
    size_t buckets = (size_t)1 << o->bucket_bits, size = buckets * NER_TAG_COUNT;
    float *w = xcalloc(size, sizeof *w);
    double *u = xcalloc(size, sizeof *u);
    float *averaged = xmalloc(size * sizeof *averaged);
    float tw[TRANSITIONS] = {0}, averaged_t[TRANSITIONS];
    double tu[TRANSITIONS] = {0};
    size_t longest = 0;
    for (size_t s = 0; s < train->sentence_count; s++) {
        size_t n = train->sentence_start[s + 1] - train->sentence_start[s];
        longest = n > longest ? n : longest;
    }
    float *scores = xmalloc((longest + 1) * NER_TAG_COUNT * sizeof *scores);
    uint8_t *work = xmalloc((longest + 1) * NER_TAG_COUNT);
    uint8_t *predicted = xmalloc(longest + 1);
    uint32_t *order = xmalloc((train->sentence_count + 1) * sizeof *order);
    for (size_t s = 0; s < train->sentence_count; s++)
        order[s] = (uint32_t)s;
    uint8_t *dev_tags = dev ? xmalloc(dev->token_count + 1) : NULL;
    ner_model *best = NULL;
    double best_f1 = -1, step = 1;
    unsigned best_epoch = 0, stale = 0;
    uint64_t random_state = o->seed ? o->seed : 1;

    for (unsigned epoch = 1; epoch <= o->epochs; epoch++) {
        for (size_t s = train->sentence_count; s > 1; s--) {
            size_t j = next_random(&random_state) % s;
            uint32_t x = order[s - 1];
            order[s - 1] = order[j];
            order[j] = x;
        }
        size_t mistakes = 0;
        for (size_t k = 0; k < train->sentence_count; k++, step++) {
            size_t s = order[k], a = train->sentence_start[s], n = train->sentence_start[s + 1] - a;
            if (s >= o->skip_first && s < o->skip_first + o->skip_count)
                continue;
            const uint8_t *gold = train->gold + a;
            for (size_t i = 0; i < n; i++) {
                float *row = scores + i * NER_TAG_COUNT;
                memset(row, 0, NER_TAG_COUNT * sizeof *row);
                for (uint32_t f = train->feature_start[a + i]; f < train->feature_start[a + i + 1]; f++) {
                    const float *wr = w + (size_t)train->buckets[f] * NER_TAG_COUNT;
                    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
                        row[t] += wr[t];
                }
            }
            ner_viterbi_float(scores, n, tw, work, predicted);
            if (memcmp(predicted, gold, n) == 0)
                continue;
            mistakes++;
            for (size_t i = 0; i < n; i++) {
                unsigned g = gold[i], p = predicted[i];
                unsigned gp = i ? gold[i - 1] : NER_TAG_COUNT, pp = i ? predicted[i - 1] : NER_TAG_COUNT;
                if (g != p) {
                    for (uint32_t f = train->feature_start[a + i]; f < train->feature_start[a + i + 1]; f++) {
                        size_t at = (size_t)train->buckets[f] * NER_TAG_COUNT;
                        w[at + g] += 1;
                        u[at + g] += step;
                        w[at + p] -= 1;
                        u[at + p] -= step;
                    }
                }
                if (g != p || gp != pp) {
                    tw[gp * NER_TAG_COUNT + g] += 1;
                    tu[gp * NER_TAG_COUNT + g] += step;
                    tw[pp * NER_TAG_COUNT + p] -= 1;
                    tu[pp * NER_TAG_COUNT + p] -= step;
                }
            }
        }
        bool last = epoch == o->epochs;
        if (!dev && !last)
            continue;
        average(w, u, size, step, averaged);
        for (size_t i = 0; i < TRANSITIONS; i++)
            averaged_t[i] = (float)(tw[i] - tu[i] / step);
        ner_model *m = ner_model_new(o->bucket_bits, o->clusters);
        ner_model_set_weights(m, averaged, averaged_t);
        double f1 = 0;
        if (dev) {
            /* score the dev set with the int16 model exactly as it will be saved */
            int32_t transitions[TRANSITIONS];
            ner_model_transitions(m, transitions);
            tag_corpus(transitions, ner_model_weights(m), dev, dev_tags);
            f1 = ner_entity_f1(dev->gold, dev_tags, dev->token_count);
        }
        if (o->verbose)
            fprintf(stderr, "epoch %u: %zu of %zu training sentences wrong%s", epoch, mistakes, train->sentence_count,
                    dev ? "" : "\n");
        if (o->verbose && dev)
            fprintf(stderr, ", dev F1 %.4f\n", f1);
        if (!dev || f1 > best_f1) {
            ner_model_close(best);
            best = m;
            best_f1 = f1;
            best_epoch = epoch;
            stale = 0;
        } else {
            ner_model_close(m);
            if (++stale >= o->patience)
                break;
        }
    }
    if (report) {
        report->best_epoch = best_epoch;
        report->best_dev_f1 = dev ? best_f1 : 0;
    }
    free(w);
    free(u);
    free(averaged);
    free(scores);
    free(work);
    free(predicted);
    free(order);
    free(dev_tags);
    return best;
}

uint8_t *ner_first_pass(const ner_conll *c, const lexicon *lex, const ner_clusters *clusters, unsigned bucket_bits,
                        unsigned folds, unsigned epochs)
{
    ner_corpus *corpus = ner_corpus_build(c, 0, c->sentence_count, lex, clusters, bucket_bits, NULL);
    uint8_t *tags = xcalloc(c->token_count + 1, 1);
    for (unsigned f = 0; f < folds; f++) {
        size_t first = c->sentence_count * f / folds, end = c->sentence_count * (f + 1) / folds;
        ner_train_options o = {.bucket_bits = bucket_bits, .epochs = epochs, .seed = 1, .clusters = clusters,
                               .skip_first = first, .skip_count = end - first};
        ner_model *m = ner_train(corpus, NULL, &o, NULL);
        int32_t transitions[TRANSITIONS];
        ner_model_transitions(m, transitions);
        tag_sentences(transitions, ner_model_weights(m), corpus, first, end, tags);
        ner_model_close(m);
    }
    ner_corpus_free(corpus);
    return tags;
}
