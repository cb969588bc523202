/* Tests of the NER tagger's Brown clusters: the clustering itself
 * (brown_clusters.h) on a small Arabic text whose names and places come in
 * their own contexts, and the features the tagger takes from
 * data/ner_brown.tsv (ner_features.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "brown_clusters.h"
#include "lexicon_fixture.h"
#include "ner_features.h"
#include "ner_test_helpers.h"

/* A small news-like text: people say and meet, places are where. */
static const char *const sentences[] = {
    "قال محمد إن الوفد وصل إلى حلب",         "قال أحمد إن الجيش دخل دمشق",
    "قال علي إن القصف طال بغداد",             "قال حسن إن الوفد وصل إلى بيروت",
    "التقى محمد مع أحمد في دمشق",            "التقى علي مع حسن في حلب",
    "التقى أحمد مع علي في بيروت",            "التقى حسن مع محمد في بغداد",
    "وصل الوفد إلى بغداد وقال محمد إن",      "دخل الجيش حلب وقال علي إن",
    "طال القصف دمشق وقال حسن إن",            "وصل الوفد إلى بيروت وقال أحمد إن",
};

#define MAX_WORDS 64

typedef struct {
    const char *word[MAX_WORDS];
    size_t len[MAX_WORDS];
    uint32_t count[MAX_WORDS];
    size_t n;
} words;

static size_t word_id(words *w, const char *s, size_t len)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->len[i] == len && memcmp(w->word[i], s, len) == 0)
            return i;
    assert_true(w->n < MAX_WORDS);
    w->word[w->n] = s;
    w->len[w->n] = len;
    w->count[w->n] = 0;
    return w->n++;
}

/* The sentences, repeated, as word numbers in order of frequency. */
static size_t build_corpus(words *w, uint32_t *corpus, size_t cap, uint32_t *rank)
{
    size_t n = 0;
    for (int round = 0; round < 20; round++) {
        for (size_t s = 0; s < sizeof sentences / sizeof sentences[0]; s++) {
            const char *p = sentences[s];
            while (*p) {
                const char *end = strchr(p, ' ');
                size_t len = end ? (size_t)(end - p) : strlen(p);
                size_t id = word_id(w, p, len);
                w->count[id]++;
                assert_true(n < cap);
                corpus[n++] = (uint32_t)id;
                p += len + (end != NULL);
            }
            corpus[n++] = BROWN_GAP;
        }
    }
    /* number by decreasing count, ties by first appearance */
    uint32_t order[MAX_WORDS];
    for (size_t i = 0; i < w->n; i++)
        order[i] = (uint32_t)i;
    for (size_t i = 1; i < w->n; i++)
        for (size_t j = i; j > 0 && w->count[order[j]] > w->count[order[j - 1]]; j--) {
            uint32_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (size_t i = 0; i < w->n; i++)
        rank[order[i]] = (uint32_t)i;
    for (size_t i = 0; i < n; i++)
        if (corpus[i] != BROWN_GAP)
            corpus[i] = rank[corpus[i]];
    return n;
}

static unsigned shared_prefix(brown_path a, brown_path b)
{
    unsigned k = 0, most = a.length < b.length ? a.length : b.length;
    if (most > BROWN_PATH_BITS)
        most = BROWN_PATH_BITS;
    while (k < most && (a.bits >> (31 - k) & 1) == (b.bits >> (31 - k) & 1))
        k++;
    return k;
}

static void names_and_places_fall_into_their_own_branches(void **state)
{
    (void)state;
    words w = {0};
    uint32_t corpus[2048], rank[MAX_WORDS];
    size_t n = build_corpus(&w, corpus, sizeof corpus / sizeof corpus[0], rank);
    brown_path paths[MAX_WORDS], again[MAX_WORDS];
    brown_cluster(corpus, n, (uint32_t)w.n, 8, paths, NULL, NULL);
    brown_cluster(corpus, n, (uint32_t)w.n, 8, again, NULL, NULL);
    /* deterministic, and every word a leaf of its own */
    assert_memory_equal(paths, again, w.n * sizeof *paths);
    for (size_t i = 0; i < w.n; i++)
        for (size_t j = i + 1; j < w.n; j++)
            assert_false(paths[i].length == paths[j].length && paths[i].bits == paths[j].bits &&
                         paths[i].length <= BROWN_PATH_BITS);

    const char *people[] = {"محمد", "أحمد", "علي", "حسن"}, *places[] = {"حلب", "دمشق", "بغداد", "بيروت"};
    brown_path person[4], place[4];
    for (int i = 0; i < 4; i++) {
        person[i] = paths[rank[word_id(&w, people[i], strlen(people[i]))]];
        place[i] = paths[rank[word_id(&w, places[i], strlen(places[i]))]];
    }
    /* two people (or two places) share more of their paths than a person and a place */
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            if (i != j) {
                assert_true(shared_prefix(person[i], person[j]) > shared_prefix(person[i], place[j]));
                assert_true(shared_prefix(place[i], place[j]) > shared_prefix(place[i], person[j]));
            }
        }
}

static void prefixes_of_a_packed_path(void **state)
{
    (void)state;
    /* a path shorter than a prefix is the prefix; prefixes of different
     * lengths never coincide */
    ner_clusters table = {0};
    ner_cluster_slot *owned = NULL;
    char path[] = "/tmp/marsad-test-brown-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("word\tpath\tcount\nباريس\t111010000100000000\t2650\nلندن\t111\t1983\nخطأ\tabc\t1\n", f);
    fclose(f);
    assert_true(ner_clusters_load_brown(path, &table, &owned));
    unlink(path);
    const ner_cluster_slot *paris = ner_cluster_find(&table, ner_string_hash("باريس", strlen("باريس")));
    const ner_cluster_slot *london = ner_cluster_find(&table, ner_string_hash("لندن", strlen("لندن")));
    assert_non_null(paris);
    assert_non_null(london);
    assert_null(ner_cluster_find(&table, ner_string_hash("خطأ", strlen("خطأ"))));
    assert_int_equal(ner_brown_prefix(london->brown, 4), ner_brown_prefix(london->brown, 20));
    assert_int_not_equal(ner_brown_prefix(paris->brown, 4), ner_brown_prefix(paris->brown, 6));
    assert_int_not_equal(ner_brown_prefix(paris->brown, 10), ner_brown_prefix(paris->brown, 20));
    /* 1110 then 10 */
    assert_int_equal(ner_brown_prefix(paris->brown, 4) & 0xF, 0xE);
    assert_int_equal(ner_brown_prefix(paris->brown, 6) & 0x3F, 0x3A);
    free(owned);
}

static void brown_features_from_the_committed_table(void **state)
{
    (void)state;
    ner_clusters clusters;
    ner_cluster_slot *slots;
    assert_true(ner_clusters_load("data/ner_clusters.tsv", &clusters, &slots));
    assert_true(ner_clusters_load_brown("data/ner_brown.tsv", &clusters, &slots));
    ner_sentence s = {.clusters = &clusters};
    char copy[512];
    prepare_words(&s, lex, "وصل الوفد إلى باريس ثم لندن وقال محمد إن ولباريس جوتشولكيات", copy, sizeof copy);
    const ner_word *paris = &s.words[3], *london = &s.words[5], *muhammad = &s.words[7];
    /* two capitals share a branch that a man's name is not on */
    assert_true(paris->brown && london->brown && muhammad->brown);
    assert_int_equal(ner_brown_prefix(paris->brown, 4), ner_brown_prefix(london->brown, 4));
    assert_int_not_equal(ner_brown_prefix(paris->brown, 4), ner_brown_prefix(muhammad->brown, 4));
    /* the features of a word, and of its neighbours on either side */
    assert_true(has_feature(&s, 3, ner_feature_hash(NER_T_BROWN, ner_brown_prefix(paris->brown, 10))));
    assert_true(has_feature(&s, 4, ner_feature_hash(NER_T_BROWN_M1, ner_brown_prefix(paris->brown, 20))));
    assert_true(has_feature(&s, 2, ner_feature_hash(NER_T_BROWN_P1, ner_brown_prefix(paris->brown, 4))));
    /* a form the table lacks takes its stem's path; an unknown word has none */
    assert_int_equal(s.words[9].brown, paris->brown);
    assert_int_equal(s.words[10].brown, 0);
    ner_sentence_free(&s);
    free(slots);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_places_fall_into_their_own_branches),
        cmocka_unit_test(prefixes_of_a_packed_path),
        cmocka_unit_test(brown_features_from_the_committed_table),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
