/*
 * brown_clusters.c — see brown_clusters.h.
 *
 * The window's clusters sit in slots 0..window (one more than the window,
 * for the word just added).  For every pair of slots we keep their bigram
 * count P, its share q of the mutual information, and L, what merging
 * the two would lose.  A merge or an added word changes L of the other
 * pairs only through the terms that involve the changed slots, so those
 * pairs are corrected in O(1) each (Brown et al. 1992, section 3) and only
 * the new cluster's own pairs are computed in full.  Pairs that never
 * meet the changed slots in the corpus are left alone.
 */
#include "brown_clusters.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"

#define LOG_TABLE_SIZE (1u << 20)

typedef struct {
    uint32_t slots;             /* window + 1 */
    double *p, *q, *loss;       /* slots x slots; loss only for c < d */
    double *row_q, *col_q;      /* sum of q over a slot's row / column */
    double *left, *right;       /* how often a slot's words are the left / right of a bigram */
    double *log_left, *log_right;
    int64_t *node;              /* the tree node in each slot, -1 when free */
    uint8_t *contact;           /* scratch: slots that meet the changed ones */
    double *old;                /* scratch: 8 rows of the slots being merged */
    double *log_table;
    double log_total;
} window_state;

typedef struct {
    uint32_t *start;            /* word -> its neighbours, CSR */
    uint32_t *word;
    uint32_t *count;
} neighbours;

static inline double log_of(const window_state *w, double x)
{
    return x < LOG_TABLE_SIZE ? w->log_table[(uint32_t)x] : log(x);
}

/* q of a bigram count n between clusters whose marginals have these logs */
static inline double mi_term(const window_state *w, double n, double log_l, double log_r)
{
    return n > 0 ? n * (log_of(w, n) - log_l - log_r + w->log_total) : 0;
}

#define AT(w, a, b) ((size_t)(a) * (w)->slots + (b))

/* What merging slots c and d would lose, computed in full. */
static double full_loss(const window_state *w, uint32_t c, uint32_t d)
{
    const double *p = w->p, *q = w->q;
    double lml = log_of(w, w->left[c] + w->left[d]), lmr = log_of(w, w->right[c] + w->right[d]);
    double before = w->row_q[c] + w->col_q[c] + w->row_q[d] + w->col_q[d] - q[AT(w, c, c)] - q[AT(w, d, d)] -
                    q[AT(w, c, d)] - q[AT(w, d, c)];
    double after = mi_term(w, p[AT(w, c, c)] + p[AT(w, c, d)] + p[AT(w, d, c)] + p[AT(w, d, d)], lml, lmr);
    for (uint32_t e = 0; e < w->slots; e++) {
        if (w->node[e] < 0 || e == c || e == d)
            continue;
        after += mi_term(w, p[AT(w, c, e)] + p[AT(w, d, e)], lml, w->log_right[e]);
        after += mi_term(w, p[AT(w, e, c)] + p[AT(w, e, d)], w->log_left[e], lmr);
    }
    return before - after;
}

/* Sets q of slot s's row and column and their sums, and corrects the sums
 * of the other rows and columns (old_row/old_col: s's previous q, or NULL). */
static void refresh_q(window_state *w, uint32_t s, const double *old_row, const double *old_col)
{
    double row = 0, col = 0;
    for (uint32_t e = 0; e < w->slots; e++) {
        if (w->node[e] < 0)
            continue;
        double qr = mi_term(w, w->p[AT(w, s, e)], w->log_left[s], w->log_right[e]);
        double qc = mi_term(w, w->p[AT(w, e, s)], w->log_left[e], w->log_right[s]);
        w->q[AT(w, s, e)] = qr;
        w->q[AT(w, e, s)] = qc;
        row += qr;
        col += qc;
        if (e != s) {
            w->row_q[e] += qc - (old_col ? old_col[e] : 0);
            w->col_q[e] += qr - (old_row ? old_row[e] : 0);
        }
    }
    w->row_q[s] = row;
    w->col_q[s] = col;
}

static void set_log_marginals(window_state *w, uint32_t s)
{
    w->log_left[s] = w->left[s] > 0 ? log_of(w, w->left[s]) : 0;
    w->log_right[s] = w->right[s] > 0 ? log_of(w, w->right[s]) : 0;
}

/* The slot of word v's cluster (v already added). */
static uint32_t slot_of(int64_t *uf, const uint32_t *node_slot, int64_t v)
{
    int64_t r = v;
    while (uf[r] >= 0)
        r = uf[r];
    while (uf[v] >= 0) {
        int64_t next = uf[v];
        uf[v] = r;
        v = next;
    }
    return node_slot[r];
}

/* Puts word v, the next by frequency, in the free slot n. */
static void add_word(window_state *w, uint32_t n, uint32_t v, const neighbours *right, const neighbours *left,
                     int64_t *uf, uint32_t *node_slot)
{
    uint32_t S = w->slots;
    for (uint32_t e = 0; e < S; e++)
        w->p[AT(w, n, e)] = w->p[AT(w, e, n)] = 0;
    w->node[n] = v;
    node_slot[v] = n;
    w->left[n] = w->right[n] = 0;
    for (uint32_t k = right->start[v]; k < right->start[v + 1]; k++) {
        w->left[n] += right->count[k];
        if (right->word[k] <= v)
            w->p[AT(w, n, slot_of(uf, node_slot, right->word[k]))] += right->count[k];
    }
    for (uint32_t k = left->start[v]; k < left->start[v + 1]; k++) {
        w->right[n] += left->count[k];
        if (left->word[k] < v)
            w->p[AT(w, slot_of(uf, node_slot, left->word[k]), n)] += left->count[k];
    }
    set_log_marginals(w, n);
    refresh_q(w, n, NULL, NULL);
    for (uint32_t e = 0; e < S; e++)
        w->contact[e] = w->node[e] >= 0 && e != n && (w->p[AT(w, n, e)] > 0 || w->p[AT(w, e, n)] > 0);
    const double *p = w->p, *q = w->q;
    for (uint32_t c = 0; c < S; c++) {
        if (w->node[c] < 0 || c == n)
            continue;
        for (uint32_t d = c + 1; d < S; d++) {
            if (w->node[d] < 0 || d == n || !(w->contact[c] || w->contact[d]))
                continue;
            double lml = log_of(w, w->left[c] + w->left[d]), lmr = log_of(w, w->right[c] + w->right[d]);
            w->loss[AT(w, c, d)] += q[AT(w, c, n)] + q[AT(w, n, c)] + q[AT(w, d, n)] + q[AT(w, n, d)] -
                                    mi_term(w, p[AT(w, c, n)] + p[AT(w, d, n)], lml, w->log_right[n]) -
                                    mi_term(w, p[AT(w, n, c)] + p[AT(w, n, d)], w->log_left[n], lmr);
        }
    }
    for (uint32_t e = 0; e < S; e++) {
        if (w->node[e] < 0 || e == n)
            continue;
        w->loss[e < n ? AT(w, e, n) : AT(w, n, e)] = full_loss(w, e < n ? e : n, e < n ? n : e);
    }
}

/* Merges slots a < b into a as tree node `parent`; b becomes free. */
static void merge(window_state *w, uint32_t a, uint32_t b, int64_t parent)
{
    uint32_t S = w->slots;
    double *p = w->p, *q = w->q;
    double *pa_r = w->old, *pa_c = pa_r + S, *pb_r = pa_c + S, *pb_c = pb_r + S;
    double *qa_r = pb_c + S, *qa_c = qa_r + S, *qb_r = qa_c + S, *qb_c = qb_r + S;
    for (uint32_t e = 0; e < S; e++) {
        pa_r[e] = p[AT(w, a, e)], pa_c[e] = p[AT(w, e, a)], pb_r[e] = p[AT(w, b, e)], pb_c[e] = p[AT(w, e, b)];
        qa_r[e] = q[AT(w, a, e)], qa_c[e] = q[AT(w, e, a)], qb_r[e] = q[AT(w, b, e)], qb_c[e] = q[AT(w, e, b)];
        w->contact[e] = w->node[e] >= 0 && e != a && e != b && (pa_r[e] > 0 || pa_c[e] > 0 || pb_r[e] > 0 || pb_c[e] > 0);
    }
    double old_left_a = w->log_left[a], old_right_a = w->log_right[a];
    /* the merged cluster */
    double self = pa_r[a] + pa_r[b] + pb_r[a] + pb_r[b];
    for (uint32_t e = 0; e < S; e++) {
        p[AT(w, a, e)] = pa_r[e] + pb_r[e];
        p[AT(w, e, a)] = pa_c[e] + pb_c[e];
        p[AT(w, b, e)] = p[AT(w, e, b)] = 0;
    }
    p[AT(w, a, a)] = self;
    w->left[a] += w->left[b];
    w->right[a] += w->right[b];
    set_log_marginals(w, a);
    w->node[a] = parent;
    w->node[b] = -1;
    /* b's terms leave the other rows' sums; refresh_q replaces a's */
    for (uint32_t e = 0; e < S; e++) {
        if (w->node[e] >= 0 && e != a) {
            w->row_q[e] -= qb_c[e];
            w->col_q[e] -= qb_r[e];
        }
    }
    refresh_q(w, a, qa_r, qa_c);
    /* the other pairs: take out what a and b were to them, put in the merged one */
    for (uint32_t c = 0; c < S; c++) {
        if (w->node[c] < 0 || c == a)
            continue;
        for (uint32_t d = c + 1; d < S; d++) {
            if (w->node[d] < 0 || d == a || !(w->contact[c] || w->contact[d]))
                continue;
            double lml = log_of(w, w->left[c] + w->left[d]), lmr = log_of(w, w->right[c] + w->right[d]);
            double delta = -(qa_c[c] + qa_r[c] + qa_c[d] + qa_r[d] + qb_c[c] + qb_r[c] + qb_c[d] + qb_r[d]);
            delta += mi_term(w, pa_c[c] + pa_c[d], lml, old_right_a) + mi_term(w, pa_r[c] + pa_r[d], old_left_a, lmr);
            delta += mi_term(w, pb_c[c] + pb_c[d], lml, w->log_right[b]) +
                     mi_term(w, pb_r[c] + pb_r[d], w->log_left[b], lmr);
            delta += q[AT(w, c, a)] + q[AT(w, a, c)] + q[AT(w, d, a)] + q[AT(w, a, d)];
            delta -= mi_term(w, p[AT(w, c, a)] + p[AT(w, d, a)], lml, w->log_right[a]) +
                     mi_term(w, p[AT(w, a, c)] + p[AT(w, a, d)], w->log_left[a], lmr);
            w->loss[AT(w, c, d)] += delta;
        }
    }
    for (uint32_t e = 0; e < S; e++) {
        if (w->node[e] < 0 || e == a)
            continue;
        w->loss[e < a ? AT(w, e, a) : AT(w, a, e)] = full_loss(w, e < a ? e : a, e < a ? a : e);
    }
}

static void best_pair(const window_state *w, uint32_t *a, uint32_t *b)
{
    double best = INFINITY;
    *a = *b = 0;
    for (uint32_t c = 0; c < w->slots; c++) {
        if (w->node[c] < 0)
            continue;
        for (uint32_t d = c + 1; d < w->slots; d++) {
            if (w->node[d] >= 0 && w->loss[AT(w, c, d)] < best) {
                best = w->loss[AT(w, c, d)];
                *a = c;
                *b = d;
            }
        }
    }
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* Each word's neighbours on one side, from pairs sorted by (word, neighbour). */
static void build_neighbours(const uint64_t *pairs, size_t n, uint32_t word_count, neighbours *out)
{
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || pairs[i] != pairs[i - 1];
    out->start = xcalloc((size_t)word_count + 1, sizeof *out->start);
    out->word = xmalloc((distinct ? distinct : 1) * sizeof *out->word);
    out->count = xmalloc((distinct ? distinct : 1) * sizeof *out->count);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && pairs[i] == pairs[i - 1]) {
            out->count[k - 1]++;
            continue;
        }
        out->start[(pairs[i] >> 32) + 1]++;
        out->word[k] = (uint32_t)pairs[i];
        out->count[k++] = 1;
    }
    for (uint32_t v = 0; v < word_count; v++)
        out->start[v + 1] += out->start[v];
}

static void neighbours_free(neighbours *x)
{
    free(x->start);
    free(x->word);
    free(x->count);
}

/* Merges the window's best pair into node *next_node: the two become its
 * children (the second takes bit 1), their words follow it, and it sits in
 * the first one's slot.  Returns the slot the second one freed. */
static uint32_t merge_best(window_state *w, int64_t *tree, int64_t *uf, uint8_t *bit, uint32_t *node_slot,
                           int64_t *next_node)
{
    uint32_t a, b;
    best_pair(w, &a, &b);
    int64_t na = w->node[a], nb = w->node[b];
    merge(w, a, b, *next_node);
    tree[na] = uf[na] = tree[nb] = uf[nb] = *next_node;
    bit[nb] = 1;
    node_slot[(*next_node)++] = a;
    return b;
}

void brown_cluster(const uint32_t *corpus, size_t n, uint32_t word_count, uint32_t window, brown_path *paths,
                   void (*progress)(uint32_t words_done, void *context), void *context)
{
    if (word_count == 0)
        return;
    if (window < 2)
        window = 2;
    /* the bigrams, both ways */
    size_t pair_count = 0;
    for (size_t i = 0; i + 1 < n; i++)
        pair_count += corpus[i] != BROWN_GAP && corpus[i + 1] != BROWN_GAP;
    uint64_t *pairs = xmalloc((pair_count ? pair_count : 1) * sizeof *pairs);
    neighbours right, left;
    for (int side = 0; side < 2; side++) {
        size_t k = 0;
        for (size_t i = 0; i + 1 < n; i++) {
            if (corpus[i] == BROWN_GAP || corpus[i + 1] == BROWN_GAP)
                continue;
            uint64_t x = corpus[i], y = corpus[i + 1];
            pairs[k++] = side == 0 ? x << 32 | y : y << 32 | x;
        }
        qsort(pairs, pair_count, sizeof *pairs, compare_u64);
        build_neighbours(pairs, pair_count, word_count, side == 0 ? &right : &left);
    }
    free(pairs);

    window_state w = {.slots = window + 1};
    uint32_t S = w.slots;
    w.p = xcalloc((size_t)S * S, sizeof *w.p);
    w.q = xcalloc((size_t)S * S, sizeof *w.q);
    w.loss = xcalloc((size_t)S * S, sizeof *w.loss);
    w.row_q = xcalloc(S, sizeof *w.row_q);
    w.col_q = xcalloc(S, sizeof *w.col_q);
    w.left = xcalloc(S, sizeof *w.left);
    w.right = xcalloc(S, sizeof *w.right);
    w.log_left = xcalloc(S, sizeof *w.log_left);
    w.log_right = xcalloc(S, sizeof *w.log_right);
    w.node = xmalloc(S * sizeof *w.node);
    w.contact = xcalloc(S, sizeof *w.contact);
    w.old = xcalloc((size_t)8 * S, sizeof *w.old);
    w.log_table = xmalloc(LOG_TABLE_SIZE * sizeof *w.log_table);
    w.log_table[0] = 0;
    for (uint32_t i = 1; i < LOG_TABLE_SIZE; i++)
        w.log_table[i] = log((double)i);
    w.log_total = pair_count ? log((double)pair_count) : 0;
    for (uint32_t s = 0; s < S; s++)
        w.node[s] = -1;

    size_t nodes = 2 * (size_t)word_count;
    int64_t *uf = xmalloc(nodes * sizeof *uf), *tree = xmalloc(nodes * sizeof *tree);
    uint8_t *bit = xcalloc(nodes, 1);
    uint32_t *node_slot = xcalloc(nodes, sizeof *node_slot);
    for (size_t i = 0; i < nodes; i++)
        uf[i] = tree[i] = -1;
    int64_t next_node = word_count;
    uint32_t active = 0, free_slot = 0;

    for (uint32_t v = 0; v < word_count; v++) {
        add_word(&w, free_slot, v, &right, &left, uf, node_slot);
        active++;
        free_slot = active;   /* while filling, the next slot */
        if (active == S) {
            free_slot = merge_best(&w, tree, uf, bit, node_slot, &next_node);
            active--;
        }
        if (progress && (v + 1) % 1000 == 0)
            progress(v + 1, context);
    }
    while (active > 1) {
        merge_best(&w, tree, uf, bit, node_slot, &next_node);
        active--;
    }

    /* paths from the root down: a parent is always numbered after its children */
    uint32_t *bits = xcalloc((size_t)next_node, sizeof *bits), *length = xcalloc((size_t)next_node, sizeof *length);
    for (int64_t x = next_node - 2; x >= 0; x--) {
        int64_t up = tree[x];
        if (up < 0)
            continue;
        length[x] = length[up] + 1;
        bits[x] = bits[up] | (length[up] < BROWN_PATH_BITS ? (uint32_t)bit[x] << (BROWN_PATH_BITS - 1 - length[up]) : 0);
    }
    for (uint32_t v = 0; v < word_count; v++)
        paths[v] = (brown_path){.bits = bits[v], .length = length[v]};

    free(bits);
    free(length);
    free(uf);
    free(tree);
    free(bit);
    free(node_slot);
    free(w.p);
    free(w.q);
    free(w.loss);
    free(w.row_q);
    free(w.col_q);
    free(w.left);
    free(w.right);
    free(w.log_left);
    free(w.log_right);
    free(w.node);
    free(w.contact);
    free(w.old);
    free(w.log_table);
    neighbours_free(&right);
    neighbours_free(&left);
}
