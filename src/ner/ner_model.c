/*
 * ner_model.c — see ner_model.h.
 */
#include "ner_model.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define NER_MAGIC "MRSDNER1"
#define NER_VERSION 2   /* 2: word-class slots hold a Brown path */
#define TRANSITION_ROWS (NER_TAG_COUNT + 1)

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t bucket_bits;
    uint32_t tag_count;
    uint32_t template_count;   /* a model of another feature set is refused */
    float scale;               /* int16 weight = float weight * scale */
    uint32_t cluster_slots;    /* word classes between header and weights */
    int32_t transitions[TRANSITION_ROWS * NER_TAG_COUNT];
} ner_file_header;

/* The bucket table starts at a cache line. */
#define WEIGHTS_OFFSET ((sizeof(ner_file_header) + 63) / 64 * 64)

struct ner_model {
    ner_file_header header;
    ner_clusters clusters;
    ner_cluster_slot *owned_clusters;
    const int16_t *weights;   /* buckets x tags */
    int16_t *owned;           /* weights of a model built in memory */
    void *map;
    size_t map_len;
};

static const char *const tag_names[NER_TAG_COUNT] = {"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                                     "B-ORG", "I-ORG", "B-MISC", "I-MISC"};

const char *ner_tag_name(ner_tag tag)
{
    return tag < NER_TAG_COUNT ? tag_names[tag] : "O";
}

ner_tag ner_tag_parse(const char *s, size_t len, bool *known)
{
    *known = true;
    if (len == 1 && s[0] == 'O')
        return NER_O;
    if (len < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-') {
        *known = false;
        return NER_O;
    }
    bool inside = s[0] == 'I';
    const char *type = s + 2;
    size_t n = len - 2;
    while (n && *type == '-') {   /* AQMAR's I--ORG */
        type++;
        n--;
    }
    unsigned t = 0;
    if ((n == 3 && memcmp(type, "PER", 3) == 0) || (n == 4 && memcmp(type, "PERS", 4) == 0))
        t = 1;
    else if (n == 3 && memcmp(type, "LOC", 3) == 0)
        t = 2;
    else if (n == 3 && memcmp(type, "ORG", 3) == 0)
        t = 3;
    else if (n >= 3 && memcmp(type, "MIS", 3) == 0)   /* MISC, and AQMAR's MIS0..MIS3 */
        t = 4;
    if (!t) {
        *known = false;
        return NER_O;
    }
    return (ner_tag)(2 * t - 1 + inside);
}

static size_t bucket_count(const ner_model *m)
{
    return (size_t)1 << m->header.bucket_bits;
}

ner_model *ner_model_new(unsigned bucket_bits, const ner_clusters *clusters)
{
    ner_model *m = xcalloc(1, sizeof *m);
    memcpy(m->header.magic, NER_MAGIC, 8);
    m->header.version = NER_VERSION;
    m->header.bucket_bits = bucket_bits;
    m->header.tag_count = NER_TAG_COUNT;
    m->header.template_count = NER_TEMPLATE_COUNT;
    m->header.scale = 1;
    m->owned = xcalloc(bucket_count(m) * NER_TAG_COUNT, sizeof *m->owned);
    m->weights = m->owned;
    if (clusters && clusters->slot_count) {
        m->owned_clusters = xmalloc(clusters->slot_count * sizeof *m->owned_clusters);
        memcpy(m->owned_clusters, clusters->slots, clusters->slot_count * sizeof *m->owned_clusters);
        m->clusters.slots = m->owned_clusters;
        m->clusters.slot_count = clusters->slot_count;
        m->header.cluster_slots = clusters->slot_count;
    }
    return m;
}

const ner_clusters *ner_model_clusters(const ner_model *m)
{
    return &m->clusters;
}

unsigned ner_model_bucket_bits(const ner_model *m)
{
    return m->header.bucket_bits;
}

size_t ner_model_nonzero_buckets(const ner_model *m)
{
    size_t n = 0;
    for (size_t b = 0; b < bucket_count(m); b++) {
        const int16_t *row = m->weights + b * NER_TAG_COUNT;
        for (int t = 0; t < NER_TAG_COUNT; t++)
            if (row[t]) {
                n++;
                break;
            }
    }
    return n;
}

const int16_t *ner_model_weights(const ner_model *m)
{
    return m->weights;
}

void ner_model_transitions(const ner_model *m, int32_t *out)
{
    memcpy(out, m->header.transitions, sizeof m->header.transitions);
}

void ner_model_set_weights(ner_model *m, const float *weights, const float *transitions)
{
    size_t n = bucket_count(m) * NER_TAG_COUNT;
    float largest = 0;
    for (size_t i = 0; i < n; i++)
        largest = fmaxf(largest, fabsf(weights[i]));
    for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
        largest = fmaxf(largest, fabsf(transitions[i]));
    float scale = largest > 0 ? 32767.0f / largest : 1.0f;
    m->header.scale = scale;
    for (size_t i = 0; i < n; i++)
        m->owned[i] = (int16_t)lrintf(weights[i] * scale);
    for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
        m->header.transitions[i] = (int32_t)lrintf(transitions[i] * scale);
}

ner_model *ner_model_average(ner_model *const *models, size_t k)
{
    size_t n = bucket_count(models[0]) * NER_TAG_COUNT;
    float *weights = xcalloc(n, sizeof *weights);
    float transitions[TRANSITION_ROWS * NER_TAG_COUNT] = {0};
    for (size_t j = 0; j < k; j++) {
        float share = 1.0f / (models[j]->header.scale * (float)k);
        for (size_t i = 0; i < n; i++)
            weights[i] += (float)models[j]->weights[i] * share;
        for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
            transitions[i] += (float)models[j]->header.transitions[i] * share;
    }
    ner_model *m = ner_model_new(models[0]->header.bucket_bits, &models[0]->clusters);
    ner_model_set_weights(m, weights, transitions);
    free(weights);
    return m;
}

void ner_model_shift(ner_model *m, ner_tag tag, float delta)
{
    if (!m->owned)
        return;
    size_t bucket = ner_feature_hash(NER_T_BIAS, 0) & (bucket_count(m) - 1);
    int16_t *w = &m->owned[bucket * NER_TAG_COUNT + tag];
    long v = *w + lrintf(delta * 32767.0f);
    *w = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
}

bool ner_model_save(const ner_model *m, const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "marsad: %s: %s\n", tmp, strerror(errno));
        return false;
    }
    static const char zeros[64];
    bool ok = fwrite(&m->header, sizeof m->header, 1, f) == 1 &&
              fwrite(zeros, 1, WEIGHTS_OFFSET - sizeof m->header, f) == WEIGHTS_OFFSET - sizeof m->header &&
              (m->clusters.slot_count == 0 ||
               fwrite(m->clusters.slots, sizeof *m->clusters.slots, m->clusters.slot_count, f) == m->clusters.slot_count) &&
              fwrite(m->weights, sizeof *m->weights * NER_TAG_COUNT, bucket_count(m), f) == bucket_count(m);
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        fprintf(stderr, "marsad: %s: could not write the model: %s\n", path, strerror(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

ner_model *ner_model_open(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "marsad: %s: %s (train one with 'make train-ner')\n", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < WEIGHTS_OFFSET) {
        fprintf(stderr, "marsad: %s: not a NER model (too short)\n", path);
        close(fd);
        return NULL;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        fprintf(stderr, "marsad: %s: mmap: %s\n", path, strerror(errno));
        return NULL;
    }
    const ner_file_header *h = map;
    const char *problem = NULL;
    if (memcmp(h->magic, NER_MAGIC, 8) != 0)
        problem = "not a NER model";
    else if (h->version != NER_VERSION || h->tag_count != NER_TAG_COUNT)
        problem = "a NER model of another version";
    else if (h->template_count != NER_TEMPLATE_COUNT)
        problem = "a NER model of another feature set; retrain it with 'make train-ner'";
    else if (h->bucket_bits < 4 || h->bucket_bits > 26 || (h->cluster_slots & (h->cluster_slots - 1)) != 0 ||
             (size_t)st.st_size != WEIGHTS_OFFSET + (size_t)h->cluster_slots * sizeof(ner_cluster_slot) +
                                       ((size_t)1 << h->bucket_bits) * NER_TAG_COUNT * sizeof(int16_t))
        problem = "a NER model of the wrong size";
    if (problem) {
        fprintf(stderr, "marsad: %s: %s\n", path, problem);
        munmap(map, (size_t)st.st_size);
        return NULL;
    }
    ner_model *m = xcalloc(1, sizeof *m);
    m->header = *h;
    m->clusters.slots = (const ner_cluster_slot *)((const char *)map + WEIGHTS_OFFSET);
    m->clusters.slot_count = h->cluster_slots;
    m->weights = (const int16_t *)((const char *)map + WEIGHTS_OFFSET + h->cluster_slots * sizeof(ner_cluster_slot));
    m->map = map;
    m->map_len = (size_t)st.st_size;
    return m;
}

const char *ner_model_default_path(char *buf, size_t size)
{
    const char *env = getenv("MARSAD_NER_MODEL");
    if (env && *env) {
        snprintf(buf, size, "%s", env);
        return buf;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, size, "%s/ner.model", exe);
            if (access(buf, R_OK) == 0)
                return buf;
            /* build/asan/marsad uses the model of build/ */
            snprintf(buf, size, "%s/../ner.model", exe);
            if (access(buf, R_OK) == 0)
                return buf;
            snprintf(buf, size, "%s/ner.model", exe);
            return buf;
        }
    }
    snprintf(buf, size, "build/ner.model");
    return buf;
}

ner_model *ner_model_open_or_default(const char *path)
{
    char default_path[4096];
    return ner_model_open(path ? path : ner_model_default_path(default_path, sizeof default_path));
}

void ner_model_close(ner_model *m)
{
    if (!m)
        return;
    if (m->map)
        munmap(m->map, m->map_len);
    free(m->owned);
    free(m->owned_clusters);
    free(m);
}

#define NEG_INFINITY_SCORE (INT64_MIN / 4)

void ner_viterbi(const int32_t *scores, size_t count, const int32_t *transitions, uint8_t *work, uint8_t *tags)
{
    if (count == 0)
        return;
    /* forbidden transitions cost "minus infinity": no branch in the loop */
    int64_t cost[(NER_TAG_COUNT + 1) * NER_TAG_COUNT];
    for (unsigned p = 0; p <= NER_TAG_COUNT; p++)
        for (unsigned t = 0; t < NER_TAG_COUNT; t++)
            cost[p * NER_TAG_COUNT + t] = ner_transition_allowed(p, (ner_tag)t) ? transitions[p * NER_TAG_COUNT + t]
                                                                                : NEG_INFINITY_SCORE;
    int64_t best[NER_TAG_COUNT], next[NER_TAG_COUNT];
    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
        best[t] = cost[NER_TAG_COUNT * NER_TAG_COUNT + t] + scores[t];
    for (size_t i = 1; i < count; i++) {
        for (unsigned t = 0; t < NER_TAG_COUNT; t++) {
            int64_t top = best[0] + cost[t];
            unsigned from = 0;
            for (unsigned p = 1; p < NER_TAG_COUNT; p++) {
                int64_t v = best[p] + cost[p * NER_TAG_COUNT + t];
                from = v > top ? p : from;
                top = v > top ? v : top;
            }
            next[t] = top + scores[i * NER_TAG_COUNT + t];
            work[i * NER_TAG_COUNT + t] = (uint8_t)from;
        }
        memcpy(best, next, sizeof best);
    }
    unsigned last = 0;
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (best[t] > best[last])
            last = t;
    for (size_t i = count; i-- > 0;) {
        tags[i] = (uint8_t)last;
        if (i)
            last = work[i * NER_TAG_COUNT + last];
    }
}

void ner_viterbi_float(const float *scores, size_t count, const float *transitions, uint8_t *work, uint8_t *tags)
{
    if (count == 0)
        return;
    float best[NER_TAG_COUNT], next[NER_TAG_COUNT];
    const float *start = transitions + NER_TAG_COUNT * NER_TAG_COUNT;
    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
        best[t] = ner_transition_allowed(NER_TAG_COUNT, (ner_tag)t) ? start[t] + scores[t] : -INFINITY;
    for (size_t i = 1; i < count; i++) {
        for (unsigned t = 0; t < NER_TAG_COUNT; t++) {
            float top = -INFINITY;
            unsigned from = 0;
            for (unsigned p = 0; p < NER_TAG_COUNT; p++) {
                if (!ner_transition_allowed(p, (ner_tag)t))
                    continue;
                float v = best[p] + transitions[p * NER_TAG_COUNT + t];
                if (v > top) {
                    top = v;
                    from = p;
                }
            }
            next[t] = top + scores[i * NER_TAG_COUNT + t];
            work[i * NER_TAG_COUNT + t] = (uint8_t)from;
        }
        memcpy(best, next, sizeof best);
    }
    unsigned last = 0;
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (best[t] > best[last])
            last = t;
    for (size_t i = count; i-- > 0;) {
        tags[i] = (uint8_t)last;
        if (i)
            last = work[i * NER_TAG_COUNT + last];
    }
}

typedef int16_t narrow_row __attribute__((vector_size(16)));
typedef int32_t wide_row __attribute__((vector_size(32)));
_Static_assert(NER_TAG_COUNT == 9, "the tagger adds rows as 8 + 1 tags");

void ner_model_tag(const ner_model *m, ner_sentence *s, uint8_t *tags)
{
    size_t n = s->count;
    if (n == 0)
        return;
    if (s->scratch_cap < n) {
        free(s->features);
        free(s->feature_start);
        free(s->scores);
        free(s->work);
        s->scratch_cap = n < 64 ? 64 : n;
        s->features = xmalloc(s->scratch_cap * NER_MAX_FEATURES * sizeof *s->features);
        s->feature_start = xmalloc((s->scratch_cap + 1) * sizeof *s->feature_start);
        s->scores = xmalloc(s->scratch_cap * NER_TAG_COUNT * sizeof *s->scores);
        s->work = xmalloc(s->scratch_cap * NER_TAG_COUNT);
    }
    uint32_t mask = (uint32_t)bucket_count(m) - 1;
    uint32_t used = 0;
    for (size_t i = 0; i < n; i++) {
        s->feature_start[i] = used;
        size_t k = ner_features(s, i, s->features + used);
        for (size_t f = 0; f < k; f++)
            s->features[used + f] &= mask;
        used += (uint32_t)k;
    }
    s->feature_start[n] = used;
    /* the rows are scattered over megabytes: ask for the next word's rows
     * while adding up this word's */
    for (uint32_t f = 0; f < s->feature_start[n < 2 ? n : 2]; f++)
        __builtin_prefetch(m->weights + (size_t)s->features[f] * NER_TAG_COUNT);
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n)
            for (uint32_t f = s->feature_start[i + 2]; f < s->feature_start[i + 3]; f++)
                __builtin_prefetch(m->weights + (size_t)s->features[f] * NER_TAG_COUNT);
        /* eight tags in one vector, the ninth on its own */
        wide_row sum = {0};
        int32_t last = 0;
        for (uint32_t f = s->feature_start[i]; f < s->feature_start[i + 1]; f++) {
            const int16_t *row = m->weights + (size_t)s->features[f] * NER_TAG_COUNT;
            narrow_row x;
            memcpy(&x, row, sizeof x);
            sum += __builtin_convertvector(x, wide_row);
            last += row[8];
        }
        memcpy(s->scores + i * NER_TAG_COUNT, &sum, sizeof sum);
        s->scores[i * NER_TAG_COUNT + 8] = last;
    }
    ner_viterbi(s->scores, n, m->header.transitions, s->work, tags);
    ner_memory_note(s, tags);
}
