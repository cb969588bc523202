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
#define NER_VERSION 4   /* 2: BILOU tags; 3: rows without O; 4: word-class slots hold a Brown path */
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

static const char *const type_names[5][2] = {
    {"O", "O"}, {"B-PER", "I-PER"}, {"B-LOC", "I-LOC"}, {"B-ORG", "I-ORG"}, {"B-MISC", "I-MISC"}};

const char *ner_tag_name(ner_tag tag)
{
    return tag < NER_TAG_COUNT ? type_names[ner_tag_type(tag)][ner_tag_is_inside(tag)] : "O";
}

const char *ner_tag_bilou_name(ner_tag tag)
{
    static const char *const names[NER_TAG_COUNT] = {
        "O",      "B-PER",  "I-PER",  "L-PER",  "U-PER",  "B-LOC",  "I-LOC",  "L-LOC",  "U-LOC",
        "B-ORG",  "I-ORG",  "L-ORG",  "U-ORG",  "B-MISC", "I-MISC", "L-MISC", "U-MISC"};
    return tag < NER_TAG_COUNT ? names[tag] : "O";
}

void ner_tags_to_bilou(uint8_t *tags, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (tags[i] == NER_O)
            continue;
        unsigned type = ner_tag_type((ner_tag)tags[i]);
        bool goes_on = i + 1 < n && ner_tag_is_inside((ner_tag)tags[i + 1]) &&
                       ner_tag_type((ner_tag)tags[i + 1]) == type;
        bool continues = ner_tag_is_inside((ner_tag)tags[i]);
        /* B, I, L, U of the type */
        tags[i] = (uint8_t)(4 * type - 3 + (continues ? (goes_on ? 1 : 2) : (goes_on ? 0 : 3)));
    }
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
    return (ner_tag)(4 * t - 3 + inside);
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
    /* rows of 32 bytes on 64-byte lines never straddle two */
    size_t bytes = bucket_count(m) * NER_ROW_TAGS * sizeof *m->owned;
    m->owned = aligned_alloc(64, bytes);
    if (!m->owned) {
        fprintf(stderr, "marsad: out of memory\n");
        abort();
    }
    memset(m->owned, 0, bytes);
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
        const int16_t *row = m->weights + b * NER_ROW_TAGS;
        for (int t = 0; t < NER_ROW_TAGS; t++)
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
    size_t buckets = bucket_count(m);
    float largest = 0;
    for (size_t b = 0; b < buckets; b++) {
        const float *row = weights + b * NER_TAG_COUNT;
        for (unsigned t = 1; t < NER_TAG_COUNT; t++)
            largest = fmaxf(largest, fabsf(row[t] - row[0]));
    }
    for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
        largest = fmaxf(largest, fabsf(transitions[i]));
    float scale = largest > 0 ? 32767.0f / largest : 1.0f;
    m->header.scale = scale;
    for (size_t b = 0; b < buckets; b++) {
        const float *row = weights + b * NER_TAG_COUNT;
        for (unsigned t = 1; t < NER_TAG_COUNT; t++)
            m->owned[b * NER_ROW_TAGS + t - 1] = (int16_t)lrintf((row[t] - row[0]) * scale);
    }
    for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
        m->header.transitions[i] = (int32_t)lrintf(transitions[i] * scale);
}

ner_model *ner_model_average(ner_model *const *models, size_t k)
{
    size_t buckets = bucket_count(models[0]);
    float *weights = xcalloc(buckets * NER_TAG_COUNT, sizeof *weights);
    float transitions[TRANSITION_ROWS * NER_TAG_COUNT] = {0};
    for (size_t j = 0; j < k; j++) {
        float share = 1.0f / (models[j]->header.scale * (float)k);
        for (size_t b = 0; b < buckets; b++)
            for (unsigned t = 1; t < NER_TAG_COUNT; t++)
                weights[b * NER_TAG_COUNT + t] += (float)models[j]->weights[b * NER_ROW_TAGS + t - 1] * share;
        for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
            transitions[i] += (float)models[j]->header.transitions[i] * share;
    }
    ner_model *m = ner_model_new(models[0]->header.bucket_bits, &models[0]->clusters);
    ner_model_set_weights(m, weights, transitions);
    free(weights);
    return m;
}

static void shift_weight(int16_t *w, long delta)
{
    long v = *w + delta;
    *w = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
}

void ner_model_shift(ner_model *m, ner_tag tag, float delta)
{
    if (!m->owned)
        return;
    size_t bucket = ner_feature_hash(NER_T_BIAS, 0) & (bucket_count(m) - 1);
    int16_t *row = &m->owned[bucket * NER_ROW_TAGS];
    long step = lrintf(delta * 32767.0f);
    if (tag == NER_O) {
        /* O's weight is 0 by construction: raising it lowers all others */
        for (unsigned t = 0; t < NER_ROW_TAGS; t++)
            shift_weight(&row[t], -step);
    } else {
        shift_weight(&row[tag - 1], step);
    }
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
              fwrite(m->weights, sizeof *m->weights * NER_ROW_TAGS, bucket_count(m), f) == bucket_count(m);
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
                                       ((size_t)1 << h->bucket_bits) * NER_ROW_TAGS * sizeof(int16_t))
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
    /* each tag looks only at the tags that may come before it: an inside
     * tag at the two open tags of its type, the others at the nine closed
     * ones (O, L-, U-), a third of all pairs */
    uint8_t from_tags[NER_TAG_COUNT][NER_TAG_COUNT], from_count[NER_TAG_COUNT];
    int64_t cost[NER_TAG_COUNT][NER_TAG_COUNT];
    for (unsigned t = 0; t < NER_TAG_COUNT; t++) {
        from_count[t] = 0;
        for (unsigned p = 0; p < NER_TAG_COUNT; p++)
            if (ner_transition_allowed(p, (ner_tag)t)) {
                cost[t][from_count[t]] = transitions[p * NER_TAG_COUNT + t];
                from_tags[t][from_count[t]++] = (uint8_t)p;
            }
    }
    int64_t best[NER_TAG_COUNT], next[NER_TAG_COUNT];
    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
        best[t] = ner_transition_allowed(NER_TAG_COUNT, (ner_tag)t)
                      ? (int64_t)transitions[NER_TAG_COUNT * NER_TAG_COUNT + t] + scores[t]
                      : NEG_INFINITY_SCORE;
    for (size_t i = 1; i < count; i++) {
        for (unsigned t = 0; t < NER_TAG_COUNT; t++) {
            const uint8_t *from_tag = from_tags[t];
            int64_t top = best[from_tag[0]] + cost[t][0];
            unsigned from = from_tag[0];
            for (unsigned k = 1; k < from_count[t]; k++) {
                int64_t v = best[from_tag[k]] + cost[t][k];
                from = v > top ? from_tag[k] : from;
                top = v > top ? v : top;
            }
            next[t] = top + scores[i * NER_TAG_COUNT + t];
            work[i * NER_TAG_COUNT + t] = (uint8_t)from;
        }
        memcpy(best, next, sizeof best);
    }
    unsigned last = 0;   /* O may always end a sentence */
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (ner_tag_may_end((ner_tag)t) && best[t] > best[last])
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
    unsigned last = 0;   /* O may always end a sentence */
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (ner_tag_may_end((ner_tag)t) && best[t] > best[last])
            last = t;
    for (size_t i = count; i-- > 0;) {
        tags[i] = (uint8_t)last;
        if (i)
            last = work[i * NER_TAG_COUNT + last];
    }
}

typedef int16_t narrow_row __attribute__((vector_size(32)));
typedef int32_t wide_row __attribute__((vector_size(64)));
_Static_assert(NER_ROW_TAGS == 16, "the tagger adds a row as one vector of 16 tags");

const int32_t *ner_model_last_scores(const ner_sentence *s)
{
    return s->scores;
}

void ner_model_add_weights(const ner_model *m, const uint32_t *features, size_t k, int32_t *scores)
{
    uint32_t mask = (uint32_t)bucket_count(m) - 1;
    for (size_t f = 0; f < k; f++) {
        const int16_t *row = m->weights + (size_t)(features[f] & mask) * NER_ROW_TAGS;
        for (unsigned t = 1; t < NER_TAG_COUNT; t++)
            scores[t] += row[t - 1];
    }
}

void ner_model_remove_weights(const ner_model *m, const uint32_t *features, size_t k, int32_t *scores)
{
    uint32_t mask = (uint32_t)bucket_count(m) - 1;
    for (size_t f = 0; f < k; f++) {
        const int16_t *row = m->weights + (size_t)(features[f] & mask) * NER_ROW_TAGS;
        for (unsigned t = 1; t < NER_TAG_COUNT; t++)
            scores[t] -= row[t - 1];
    }
}

void ner_model_decode(const ner_model *m, const int32_t *scores, size_t count, uint8_t *work, uint8_t *tags)
{
    ner_viterbi(scores, count, m->header.transitions, work, tags);
}

void ner_model_tag(const ner_model *m, ner_sentence *s, uint8_t *tags)
{
    ner_model_tag_words(m, s, tags);
    ner_memory_note(s, tags);
}

void ner_model_tag_words(const ner_model *m, ner_sentence *s, uint8_t *tags)
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
        __builtin_prefetch(m->weights + (size_t)s->features[f] * NER_ROW_TAGS);
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n)
            for (uint32_t f = s->feature_start[i + 2]; f < s->feature_start[i + 3]; f++)
                __builtin_prefetch(m->weights + (size_t)s->features[f] * NER_ROW_TAGS);
        /* the sixteen tags after O in one vector; O scores 0 */
        wide_row sum = {0};
        for (uint32_t f = s->feature_start[i]; f < s->feature_start[i + 1]; f++) {
            narrow_row x;
            memcpy(&x, m->weights + (size_t)s->features[f] * NER_ROW_TAGS, sizeof x);
            sum += __builtin_convertvector(x, wide_row);
        }
        s->scores[i * NER_TAG_COUNT] = 0;
        memcpy(s->scores + i * NER_TAG_COUNT + 1, &sum, sizeof sum);
    }
    ner_viterbi(s->scores, n, m->header.transitions, s->work, tags);
}
