/*
 * brown_clusters.h — hierarchical word clusters from unlabelled text
 * (Brown et al. 1992, with Liang's 2005 window), for the NER tagger.
 *
 * Words are taken in order of frequency; the first `window` start as one
 * cluster each, and every further word is added as a cluster of its own,
 * after which the two clusters whose merge loses least of the mutual
 * information between adjacent clusters are merged.  When every word is in,
 * the remaining clusters are merged down to one.  The merges form a binary
 * tree; a word's path from the root (0 = left, 1 = right) is its bit string,
 * and prefixes of it are classes of every granularity at once (Ratinov &
 * Roth 2009 use prefixes of 4, 6, 10 and 20 bits as NER features).
 *
 * Deterministic: no randomness, ties go to the first pair in slot order.
 * Time grows as words × window², memory as window².
 */
#ifndef MARSAD_BROWN_CLUSTERS_H
#define MARSAD_BROWN_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>

#define BROWN_GAP UINT32_MAX       /* in a corpus: no bigram across it */
#define BROWN_PATH_BITS 32         /* bits of a path kept (from the root) */

typedef struct {
    uint32_t bits;     /* the first min(length, 32) steps, the first in the highest bit */
    uint32_t length;   /* the whole path's length */
} brown_path;

/* corpus[0, n) holds word numbers below word_count, numbered in order of
 * decreasing frequency (0 the most frequent), or BROWN_GAP; every word
 * should occur.  Fills paths[word_count].  progress, when not NULL, is
 * called now and then with the number of words added so far. */
void brown_cluster(const uint32_t *corpus, size_t n, uint32_t word_count, uint32_t window, brown_path *paths,
                   void (*progress)(uint32_t words_done, void *context), void *context);

#endif
