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

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_CLONES 1   /* functions built for AVX2 as well, picked at run time */
#endif

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
    struct narrow_costs *costs;   /* the transitions for narrow Viterbi; NULL where they do not fit */
};

static void refresh_costs(ner_model *m);

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
    refresh_costs(m);
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
    refresh_costs(m);
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
    refresh_costs(m);
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
    free(m->costs);
    free(m);
}

/* Viterbi over BILOU looks only at the 97 tag pairs that may follow each
 * other: the tags that start something (O, B-, U-) follow only the nine
 * closed ones (O, L-, U-), and I- and L- only B- and I- of their type.
 * Both sets are fixed, so the loops over them have constant bounds and
 * unroll into straight code.
 *
 * A path's score is kept times 32, with the tag it came from in the five
 * low bits as 31 - tag: one comparison of v > top then picks the best
 * predecessor and, among equal scores, the lowest tag (what a scan in tag
 * order that keeps the first maximum picks), without a second register
 * to track it.  Scores stay in int64: a long sentence's sums exceed int32. */
#define FROM_BITS 5
#define FROM_MASK ((1u << FROM_BITS) - 1)
#define NEG_INFINITY_SCORE (INT64_MIN / 64)   /* room to add any cost times 32 */
_Static_assert(NER_TAG_COUNT <= FROM_MASK + 1, "a tag fits the low bits of a path score");

enum { CLOSED_TAGS = 9, ENTITY_TYPES = 4 };
/* in increasing order, so that ties go to the lowest tag */
static const uint8_t closed_tags[CLOSED_TAGS] = {NER_O,     NER_L_PER, NER_U_PER,  NER_L_LOC, NER_U_LOC,
                                                 NER_L_ORG, NER_U_ORG, NER_L_MISC, NER_U_MISC};
static const uint8_t starting_tags[CLOSED_TAGS] = {NER_O,     NER_B_PER, NER_U_PER,  NER_B_LOC, NER_U_LOC,
                                                   NER_B_ORG, NER_U_ORG, NER_B_MISC, NER_U_MISC};

/* The cost of going from tag `from` to tag `to`, scaled, with from in the low bits. */
static int64_t scaled_cost(const int32_t *transitions, unsigned from, unsigned to)
{
    return (int64_t)transitions[from * NER_TAG_COUNT + to] * (1 << FROM_BITS) + (FROM_MASK - from);
}

/* Notes the best way into tag t (top, a scaled score with its predecessor,
 * kept as it is in the low bits: the way back reads it) and the score of
 * the path ending there. */
static inline void arrive(int64_t *next, uint8_t *back, unsigned t, int64_t top, int32_t score)
{
    int64_t from_bits = (int64_t)((uint64_t)top & FROM_MASK);
    back[t] = (uint8_t)from_bits;
    next[t] = top - from_bits + (int64_t)score * (1 << FROM_BITS);
}

/* Viterbi in int64, for any scores. */
static void viterbi_wide(const int32_t *scores, size_t count, const int32_t *transitions, uint8_t *work, uint8_t *tags)
{
    int64_t after_closed[CLOSED_TAGS][CLOSED_TAGS];         /* [starting tag][closed tag before] */
    int64_t after_open[ENTITY_TYPES][2][2];                 /* [type][I-, L-][B-, I- before] */
    for (unsigned j = 0; j < CLOSED_TAGS; j++)
        for (unsigned k = 0; k < CLOSED_TAGS; k++)
            after_closed[j][k] = scaled_cost(transitions, closed_tags[k], starting_tags[j]);
    for (unsigned x = 0; x < ENTITY_TYPES; x++) {
        unsigned begin = NER_B_PER + 4 * x;   /* B-, then I-, L-, U- of the type */
        for (unsigned e = 0; e < 2; e++)
            for (unsigned q = 0; q < 2; q++)
                after_open[x][e][q] = scaled_cost(transitions, begin + q, begin + 1 + e);
    }
    int64_t rows[2][NER_TAG_COUNT], *best = rows[0], *next = rows[1];   /* this word's and the next's */
    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
        best[t] = ner_transition_allowed(NER_TAG_COUNT, (ner_tag)t)
                      ? ((int64_t)transitions[NER_TAG_COUNT * NER_TAG_COUNT + t] + scores[t]) * (1 << FROM_BITS)
                      : NEG_INFINITY_SCORE;
    for (size_t i = 1; i < count; i++) {
        const int32_t *score = scores + i * NER_TAG_COUNT;
        uint8_t *back = work + i * NER_TAG_COUNT;
#pragma GCC unroll 9
        for (unsigned j = 0; j < CLOSED_TAGS; j++) {
            int64_t top = best[closed_tags[0]] + after_closed[j][0];
#pragma GCC unroll 8
            for (unsigned k = 1; k < CLOSED_TAGS; k++) {
                int64_t v = best[closed_tags[k]] + after_closed[j][k];
                top = v > top ? v : top;
            }
            arrive(next, back, starting_tags[j], top, score[starting_tags[j]]);
        }
#pragma GCC unroll 4
        for (unsigned x = 0; x < ENTITY_TYPES; x++) {
            unsigned begin = NER_B_PER + 4 * x;
            for (unsigned e = 0; e < 2; e++) {
                int64_t top = best[begin] + after_open[x][e][0], v = best[begin + 1] + after_open[x][e][1];
                top = v > top ? v : top;
                arrive(next, back, begin + 1 + e, top, score[begin + 1 + e]);
            }
        }
        int64_t *done = best;
        best = next;
        next = done;
    }
    unsigned last = 0;   /* O may always end a sentence */
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (ner_tag_may_end((ner_tag)t) && best[t] > best[last])
            last = t;
    for (size_t i = count; i-- > 0;) {
        tags[i] = (uint8_t)last;
        if (i)
            last = FROM_MASK - work[i * NER_TAG_COUNT + last];
    }
}

#ifdef __SSE2__
/* The same Viterbi four tags a step, in int32 lanes of SSE2, for the
 * sentences whose numbers are small enough (all of a model's): the
 * entity types side by side, so a row is five vectors,
 * B- (of PER, LOC, ORG, MISC), U-, I-, L- and O.  Every row is shifted to
 * make O's path score 0, which keeps a long sentence's sums in range and
 * changes no comparison (all of a row's scores move by the same amount);
 * paths carry their predecessor in the five low bits as above, so the
 * largest of the candidates is the one the scalar code picks, whatever
 * the order of comparing them. */
#define NARROW_LIMIT (1 << 21)   /* |score|, |transition| below this: no int32 sum overflows */

typedef struct narrow_costs {
    /* the cost from each closed tag (O, L- of the four types, U- of them)
     * to B- and to U- of the four types */
    __m128i to_begin[CLOSED_TAGS], to_unit[CLOSED_TAGS];
    __m128i last_to_o, unit_to_o, o_to_o;   /* L-x and U-x to O, by type; O to O in every lane */
    __m128i begin_to_inside, inside_to_inside, begin_to_last, inside_to_last;
    int32_t start[NER_TAG_COUNT];   /* scaled, NEG for the tags no sentence starts with */
} narrow_costs;

/* A tag's byte in a row of back pointers: O, then B-, U-, I-, L- of the four types. */
static const uint8_t narrow_position[NER_TAG_COUNT] = {0, 1, 9, 13, 5, 2, 10, 14, 6, 3, 11, 15, 7, 4, 12, 16, 8};

static __m128i lanes_of(const int32_t *transitions, const unsigned from[4], const unsigned to[4])
{
    int32_t v[4];
    for (unsigned x = 0; x < 4; x++)
        v[x] = (int32_t)scaled_cost(transitions, from[x], to[x]);
    return _mm_setr_epi32(v[0], v[1], v[2], v[3]);
}

/* false when a transition is too large for the narrow lanes */
static bool narrow_costs_init(narrow_costs *c, const int32_t *transitions)
{
    for (size_t i = 0; i < TRANSITION_ROWS * NER_TAG_COUNT; i++)
        if (transitions[i] >= NARROW_LIMIT || transitions[i] <= -NARROW_LIMIT)
            return false;
    unsigned begin[4], unit[4], inside[4], last[4], o[4] = {NER_O, NER_O, NER_O, NER_O};
    for (unsigned x = 0; x < 4; x++) {
        begin[x] = NER_B_PER + 4 * x;
        inside[x] = begin[x] + 1;
        last[x] = begin[x] + 2;
        unit[x] = begin[x] + 3;
    }
    for (unsigned k = 0; k < CLOSED_TAGS; k++) {
        unsigned from[4] = {closed_tags[k], closed_tags[k], closed_tags[k], closed_tags[k]};
        c->to_begin[k] = lanes_of(transitions, from, begin);
        c->to_unit[k] = lanes_of(transitions, from, unit);
    }
    c->last_to_o = lanes_of(transitions, last, o);
    c->unit_to_o = lanes_of(transitions, unit, o);
    c->o_to_o = lanes_of(transitions, o, o);
    c->begin_to_inside = lanes_of(transitions, begin, inside);
    c->inside_to_inside = lanes_of(transitions, inside, inside);
    c->begin_to_last = lanes_of(transitions, begin, last);
    c->inside_to_last = lanes_of(transitions, inside, last);
    for (unsigned t = 0; t < NER_TAG_COUNT; t++)
        c->start[t] = ner_transition_allowed(NER_TAG_COUNT, (ner_tag)t)
                          ? transitions[NER_TAG_COUNT * NER_TAG_COUNT + t] * (1 << FROM_BITS)
                          : -(1 << 30);
    return true;
}

/* Written in GCC's vector extension, not as intrinsics: a compare and a
 * blend where the target has them (AVX2's clone below), four
 * instructions of SSE2 where not. */
typedef int32_t lanes32 __attribute__((vector_size(16)));
static inline __m128i max32(__m128i a, __m128i b)
{
    lanes32 x = (lanes32)a, y = (lanes32)b, greater = x > y;
    return (__m128i)((greater & x) | (~greater & y));
}

/* |v| (or |v| - 1) of each lane, OR-ed into *bits: the largest stays below
 * NARROW_LIMIT when every lane does. */
static inline void note_size(__m128i *bits, __m128i v)
{
    *bits = _mm_or_si128(*bits, _mm_xor_si128(v, _mm_srai_epi32(v, 31)));
}

/* The start's costs of a tag of PER and of the same tag of LOC, ORG and MISC. */
static inline __m128i start_lanes(const narrow_costs *c, unsigned tag)
{
    return _mm_setr_epi32(c->start[tag], c->start[tag + 4], c->start[tag + 8], c->start[tag + 12]);
}

/* The path scores of a row of lanes: the best candidates (top) without
 * their predecessors' bits (from), plus the word's scores, less the
 * row's shift. */
static inline __m128i arrive_lanes(__m128i top, __m128i from, __m128i scores, __m128i shift)
{
    return _mm_sub_epi32(_mm_add_epi32(_mm_sub_epi32(top, from), _mm_slli_epi32(scores, FROM_BITS)), shift);
}

/* Viterbi in the narrow lanes; false (and tags unset) when a score was too
 * large for them.  Built twice, and the machine's own picked when the
 * program starts: with AVX2's three-operand instructions and pmaxsd the
 * loop is half as long. */
__attribute__((target_clones("avx2", "default"))) static bool viterbi_narrow(const narrow_costs *c,
                                                                             const int32_t *scores, size_t count,
                                                                             uint8_t *work, uint8_t *tags)
{
    const __m128i from_mask = _mm_set1_epi32(FROM_MASK);
    __m128i sizes = _mm_setzero_si128();
    /* one row of scores as O (lane 0 of o), B-, U-, I-, L- of the types */
    __m128i o, begin, unit, inside, last;
#define LOAD_SCORES(row)                                                                                    \
    do {                                                                                                    \
        const int32_t *r_ = (row);                                                                          \
        __m128i r0 = _mm_loadu_si128((const __m128i *)r_), r1 = _mm_loadu_si128((const __m128i *)(r_ + 4)); \
        __m128i r2 = _mm_loadu_si128((const __m128i *)(r_ + 8)), r3 = _mm_loadu_si128((const __m128i *)(r_ + 12)); \
        __m128i r4 = _mm_cvtsi32_si128(r_[16]);                                                             \
        __m128i t0 = _mm_unpacklo_epi32(r0, r1), t1 = _mm_unpacklo_epi32(r2, r3);   /* O U1 B1 B2, U2 U3 B3 B4 */ \
        __m128i t2 = _mm_unpackhi_epi32(r0, r1), t3 = _mm_unpackhi_epi32(r2, r3);   /* I1 I2 L1 L2, I3 I4 L3 L4 */ \
        o = _mm_unpacklo_epi64(t0, t1);                                             /* O U1 U2 U3 */        \
        begin = _mm_unpackhi_epi64(t0, t1);                                                                 \
        inside = _mm_unpacklo_epi64(t2, t3);                                                                \
        last = _mm_unpackhi_epi64(t2, t3);                                                                  \
        unit = _mm_or_si128(_mm_srli_si128(o, 4), _mm_slli_si128(r4, 12));                                  \
        note_size(&sizes, o);                                                                               \
        note_size(&sizes, begin);                                                                           \
        note_size(&sizes, inside);                                                                          \
        note_size(&sizes, last);                                                                            \
        note_size(&sizes, r4);                                                                              \
    } while (0)

    /* the first word: the start's costs and its scores, shifted to O = 0 */
    LOAD_SCORES(scores);
    const __m128i none = _mm_setzero_si128();
    __m128i shift = _mm_shuffle_epi32(arrive_lanes(_mm_cvtsi32_si128(c->start[NER_O]), none, o, none), 0);
    __m128i best_begin = arrive_lanes(start_lanes(c, NER_B_PER), none, begin, shift);
    __m128i best_unit = arrive_lanes(start_lanes(c, NER_U_PER), none, unit, shift);
    __m128i best_inside = _mm_set1_epi32(-(1 << 30)), best_last = best_inside;   /* no name goes on at the start */
    for (size_t i = 1; i < count; i++) {
        LOAD_SCORES(scores + i * NER_TAG_COUNT);
        /* B- and U- from the closed tags: O's path score is 0 */
        __m128i top_begin = c->to_begin[0], top_unit = c->to_unit[0];
#define FROM_CLOSED(vector, lane, k)                                                              \
        do {                                                                                      \
            __m128i b_ = _mm_shuffle_epi32(vector, _MM_SHUFFLE(lane, lane, lane, lane));          \
            top_begin = max32(top_begin, _mm_add_epi32(b_, c->to_begin[k]));                      \
            top_unit = max32(top_unit, _mm_add_epi32(b_, c->to_unit[k]));                         \
        } while (0)
        FROM_CLOSED(best_last, 0, 1);
        FROM_CLOSED(best_unit, 0, 2);
        FROM_CLOSED(best_last, 1, 3);
        FROM_CLOSED(best_unit, 1, 4);
        FROM_CLOSED(best_last, 2, 5);
        FROM_CLOSED(best_unit, 2, 6);
        FROM_CLOSED(best_last, 3, 7);
        FROM_CLOSED(best_unit, 3, 8);
#undef FROM_CLOSED
        /* O from the closed tags: the best of eight lanes, then of O */
        __m128i top_o = max32(_mm_add_epi32(best_last, c->last_to_o), _mm_add_epi32(best_unit, c->unit_to_o));
        top_o = max32(top_o, _mm_shuffle_epi32(top_o, _MM_SHUFFLE(1, 0, 3, 2)));
        top_o = max32(top_o, _mm_shuffle_epi32(top_o, _MM_SHUFFLE(2, 3, 0, 1)));
        top_o = max32(top_o, c->o_to_o);
        /* I- and L- from B- and I- of their type */
        __m128i top_inside = max32(_mm_add_epi32(best_begin, c->begin_to_inside),
                                   _mm_add_epi32(best_inside, c->inside_to_inside));
        __m128i top_last = max32(_mm_add_epi32(best_begin, c->begin_to_last),
                                 _mm_add_epi32(best_inside, c->inside_to_last));
        /* arrive: the predecessor out of the low bits, the word's scores in */
        __m128i from_o = _mm_and_si128(top_o, from_mask), from_begin = _mm_and_si128(top_begin, from_mask);
        __m128i from_unit = _mm_and_si128(top_unit, from_mask), from_inside = _mm_and_si128(top_inside, from_mask);
        __m128i from_last = _mm_and_si128(top_last, from_mask);
        shift = _mm_shuffle_epi32(arrive_lanes(top_o, from_o, o, none), 0);
        best_begin = arrive_lanes(top_begin, from_begin, begin, shift);
        best_unit = arrive_lanes(top_unit, from_unit, unit, shift);
        best_inside = arrive_lanes(top_inside, from_inside, inside, shift);
        best_last = arrive_lanes(top_last, from_last, last, shift);
        uint8_t *back = work + i * NER_TAG_COUNT;
        back[0] = (uint8_t)_mm_cvtsi128_si32(from_o);
        _mm_storeu_si128((__m128i *)(back + 1), _mm_packus_epi16(_mm_packs_epi32(from_begin, from_unit),
                                                                  _mm_packs_epi32(from_inside, from_last)));
    }
#undef LOAD_SCORES
    int32_t size[4];
    _mm_storeu_si128((__m128i *)size, sizes);
    if ((size[0] | size[1] | size[2] | size[3]) >= NARROW_LIMIT)
        return false;
    int32_t best[NER_TAG_COUNT];
    best[0] = 0;
    _mm_storeu_si128((__m128i *)(best + 1), best_begin);
    _mm_storeu_si128((__m128i *)(best + 5), best_unit);
    _mm_storeu_si128((__m128i *)(best + 9), best_inside);
    _mm_storeu_si128((__m128i *)(best + 13), best_last);
    unsigned end = 0;   /* O may always end a sentence */
    for (unsigned t = 1; t < NER_TAG_COUNT; t++)
        if (ner_tag_may_end((ner_tag)t) && best[narrow_position[t]] > best[narrow_position[end]])
            end = t;
    for (size_t i = count; i-- > 0;) {
        tags[i] = (uint8_t)end;
        if (i)
            end = FROM_MASK - work[i * NER_TAG_COUNT + narrow_position[end]];
    }
    return true;
}

#else
typedef struct narrow_costs {
    int unused;
} narrow_costs;
static bool narrow_costs_init(narrow_costs *c, const int32_t *transitions)
{
    (void)c;
    (void)transitions;
    return false;
}
#endif

/* Works out the model's costs for the narrow Viterbi once, not per sentence. */
static void refresh_costs(ner_model *m)
{
    if (!m->costs)
        m->costs = xmalloc(sizeof *m->costs);
    if (!narrow_costs_init(m->costs, m->header.transitions)) {
        free(m->costs);
        m->costs = NULL;
    }
}

static const narrow_costs *model_costs(const ner_model *m)
{
    return m->costs;
}

/* Viterbi with the narrow lanes where they hold the numbers (costs NULL:
 * the transitions' are not narrow). */
static void decode(const narrow_costs *costs, const int32_t *scores, size_t count, const int32_t *transitions,
                   uint8_t *work, uint8_t *tags)
{
    if (count == 0)
        return;
#ifdef __SSE2__
    if (costs && viterbi_narrow(costs, scores, count, work, tags))
        return;
#endif
    viterbi_wide(scores, count, transitions, work, tags);
}

void ner_viterbi(const int32_t *scores, size_t count, const int32_t *transitions, uint8_t *work, uint8_t *tags)
{
    narrow_costs costs;
    decode(narrow_costs_init(&costs, transitions) ? &costs : NULL, scores, count, transitions, work, tags);
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

/* The sum of k bucket rows (each NER_ROW_TAGS int16 weights, the tags
 * after O; rows[f] the offset of one in weights, bucket * NER_ROW_TAGS) as
 * int32, into sum.  This and ner_model_add_weights are where
 * the tagger reads the table's rows. */
_Static_assert(NER_ROW_TAGS == 16, "a row is two vectors of eight tags, its offset a bucket shifted by 4");
static void sum_rows(const int16_t *weights, const uint32_t *rows, size_t k, int32_t *sum)
{
#ifdef __SSE2__
    /* SSE2 has no widening add, but pmaddwd of two rows interleaved word
     * by word (x0 y0 x1 y1 ...) with ones yields x0 + y0, x1 + y1, ... as
     * int32: two rows in one step, the sums in tag order */
    const __m128i ones = _mm_set1_epi16(1), zero = _mm_setzero_si128();
    __m128i acc[4] = {zero, zero, zero, zero};
    for (size_t f = 0; f < k; f += 2) {
        const __m128i *x = (const __m128i *)(weights + rows[f]);
        __m128i x0 = _mm_loadu_si128(x), x1 = _mm_loadu_si128(x + 1), y0 = zero, y1 = zero;
        if (f + 1 < k) {   /* an odd row out pairs with zeros */
            const __m128i *y = (const __m128i *)(weights + rows[f + 1]);
            y0 = _mm_loadu_si128(y);
            y1 = _mm_loadu_si128(y + 1);
        }
        acc[0] = _mm_add_epi32(acc[0], _mm_madd_epi16(_mm_unpacklo_epi16(x0, y0), ones));   /* tags 1-4 */
        acc[1] = _mm_add_epi32(acc[1], _mm_madd_epi16(_mm_unpackhi_epi16(x0, y0), ones));   /* 5-8 */
        acc[2] = _mm_add_epi32(acc[2], _mm_madd_epi16(_mm_unpacklo_epi16(x1, y1), ones));   /* 9-12 */
        acc[3] = _mm_add_epi32(acc[3], _mm_madd_epi16(_mm_unpackhi_epi16(x1, y1), ones));   /* 13-16 */
    }
    for (unsigned q = 0; q < 4; q++)
        _mm_storeu_si128((__m128i *)(sum + 4 * q), acc[q]);
#else
    memset(sum, 0, NER_ROW_TAGS * sizeof *sum);
    for (size_t f = 0; f < k; f++) {
        const int16_t *row = weights + rows[f];
        for (unsigned t = 0; t < NER_ROW_TAGS; t++)
            sum[t] += row[t];
    }
#endif
}

#ifdef HAVE_AVX2_CLONES
/* sum_rows with AVX2: a row is one 256-bit load, and each step adds two
 * rows as eight pairs per 128-bit half; the halves come out as tags 1-4
 * and 9-12 (low words) and 5-8 and 13-16 (high), put in order at the end. */
__attribute__((target("avx2"))) static void sum_rows_avx2(const int16_t *weights, const uint32_t *rows, size_t k,
                                                           int32_t *sum)
{
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i low = _mm256_setzero_si256(), high = _mm256_setzero_si256();
    size_t f = 0;
    for (; f + 4 <= k; f += 4) {   /* four rows a step: the loop's own counting halves */
        __m256i x = _mm256_loadu_si256((const __m256i *)(weights + rows[f]));
        __m256i y = _mm256_loadu_si256((const __m256i *)(weights + rows[f + 1]));
        __m256i u = _mm256_loadu_si256((const __m256i *)(weights + rows[f + 2]));
        __m256i v = _mm256_loadu_si256((const __m256i *)(weights + rows[f + 3]));
        low = _mm256_add_epi32(low, _mm256_madd_epi16(_mm256_unpacklo_epi16(x, y), ones));
        high = _mm256_add_epi32(high, _mm256_madd_epi16(_mm256_unpackhi_epi16(x, y), ones));
        low = _mm256_add_epi32(low, _mm256_madd_epi16(_mm256_unpacklo_epi16(u, v), ones));
        high = _mm256_add_epi32(high, _mm256_madd_epi16(_mm256_unpackhi_epi16(u, v), ones));
    }
    for (; f < k; f += 2) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(weights + rows[f]));
        __m256i y = f + 1 < k ? _mm256_loadu_si256((const __m256i *)(weights + rows[f + 1]))
                              : _mm256_setzero_si256();   /* an odd row out pairs with zeros */
        low = _mm256_add_epi32(low, _mm256_madd_epi16(_mm256_unpacklo_epi16(x, y), ones));
        high = _mm256_add_epi32(high, _mm256_madd_epi16(_mm256_unpackhi_epi16(x, y), ones));
    }
    _mm256_storeu_si256((__m256i *)sum, _mm256_permute2x128_si256(low, high, 0x20));
    _mm256_storeu_si256((__m256i *)(sum + 8), _mm256_permute2x128_si256(low, high, 0x31));
}

/* No cached answer of our own: threads tagging at once (ingest -j) would
 * race to write it; libgcc's is set before main. */
static bool cpu_has_avx2(void)
{
    return __builtin_cpu_supports("avx2");
}
#endif

const int32_t *ner_model_last_scores(const ner_sentence *s)
{
    return s->scores;
}

#ifdef HAVE_AVX2_CLONES
/* Adds (sign 1) or takes away (-1) the rows of k feature hashes to one
 * word's scores, a row two widening loads: the later passes do this for a
 * few features of most words. */
__attribute__((target("avx2"))) static void add_rows_avx2(const ner_model *m, const uint32_t *features, size_t k,
                                                           int32_t *scores, int sign)
{
    uint32_t mask = (uint32_t)bucket_count(m) - 1;
    __m256i low = _mm256_setzero_si256(), high = _mm256_setzero_si256();
    for (size_t f = 0; f < k; f++) {
        const int16_t *row = m->weights + (size_t)(features[f] & mask) * NER_ROW_TAGS;
        low = _mm256_add_epi32(low, _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)row)));
        high = _mm256_add_epi32(high, _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(row + 8))));
    }
    __m256i *at = (__m256i *)(scores + 1);
    if (sign > 0) {
        _mm256_storeu_si256(at, _mm256_add_epi32(_mm256_loadu_si256(at), low));
        _mm256_storeu_si256(at + 1, _mm256_add_epi32(_mm256_loadu_si256(at + 1), high));
    } else {
        _mm256_storeu_si256(at, _mm256_sub_epi32(_mm256_loadu_si256(at), low));
        _mm256_storeu_si256(at + 1, _mm256_sub_epi32(_mm256_loadu_si256(at + 1), high));
    }
}
#endif

void ner_model_add_weights(const ner_model *m, const uint32_t *features, size_t k, int32_t *scores)
{
#ifdef HAVE_AVX2_CLONES
    if (cpu_has_avx2()) {
        add_rows_avx2(m, features, k, scores, 1);
        return;
    }
#endif
    uint32_t mask = (uint32_t)bucket_count(m) - 1;
    for (size_t f = 0; f < k; f++) {
        const int16_t *row = m->weights + (size_t)(features[f] & mask) * NER_ROW_TAGS;
        for (unsigned t = 1; t < NER_TAG_COUNT; t++)
            scores[t] += row[t - 1];
    }
}

void ner_model_remove_weights(const ner_model *m, const uint32_t *features, size_t k, int32_t *scores)
{
#ifdef HAVE_AVX2_CLONES
    if (cpu_has_avx2()) {
        add_rows_avx2(m, features, k, scores, -1);
        return;
    }
#endif
    uint32_t mask = (uint32_t)bucket_count(m) - 1;
    for (size_t f = 0; f < k; f++) {
        const int16_t *row = m->weights + (size_t)(features[f] & mask) * NER_ROW_TAGS;
        for (unsigned t = 1; t < NER_TAG_COUNT; t++)
            scores[t] -= row[t - 1];
    }
}

void ner_model_decode(const ner_model *m, const int32_t *scores, size_t count, uint8_t *work, uint8_t *tags)
{
    decode(model_costs(m), scores, count, m->header.transitions, work, tags);
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
        uint32_t *features = s->features + used;
        size_t k = ner_features(s, i, features);
        /* each hash becomes the offset of its bucket's row, and the rows,
         * scattered over megabytes, are asked for now, so that they come
         * in while the next words' features are hashed (four a step) */
        size_t f = 0;
#ifdef __SSE2__
        const __m128i masks = _mm_set1_epi32((int32_t)mask);
        for (; f + 4 <= k; f += 4) {
            __m128i hashes = _mm_loadu_si128((const __m128i *)(features + f));
            _mm_storeu_si128((__m128i *)(features + f), _mm_slli_epi32(_mm_and_si128(hashes, masks), 4));
            __builtin_prefetch(m->weights + features[f]);
            __builtin_prefetch(m->weights + features[f + 1]);
            __builtin_prefetch(m->weights + features[f + 2]);
            __builtin_prefetch(m->weights + features[f + 3]);
        }
#endif
        for (; f < k; f++) {
            features[f] = (features[f] & mask) * NER_ROW_TAGS;
            __builtin_prefetch(m->weights + features[f]);
        }
        used += (uint32_t)k;
    }
    s->feature_start[n] = used;
#ifdef HAVE_AVX2_CLONES
    bool wide = cpu_has_avx2();
#endif
    for (size_t i = 0; i < n; i++) {
        int32_t *scores = s->scores + i * NER_TAG_COUNT;
        const uint32_t *features = s->features + s->feature_start[i];
        size_t k = s->feature_start[i + 1] - s->feature_start[i];
        scores[0] = 0;   /* O's weight is 0 in every row */
#ifdef HAVE_AVX2_CLONES
        if (wide) {
            sum_rows_avx2(m->weights, features, k, scores + 1);
            continue;
        }
#endif
        sum_rows(m->weights, features, k, scores + 1);
    }
    decode(model_costs(m), s->scores, n, m->header.transitions, s->work, tags);
}
