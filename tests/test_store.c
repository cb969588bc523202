/* Tests of src/store: search terms that let spelling variants and clitic
 * forms find each other, and the SQLite store: idempotent puts, replacing
 * a changed article, full-text search, event filters and clusters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "article_coder.h"
#include "lexicon_fixture.h"
#include "search_terms.h"
#include "store.h"

static void terms_of(const char *text, char *out, size_t size)
{
    search_terms_of_text(text, strlen(text), out, size);
}

static void assert_same_term(const char *a, const char *b)
{
    char ta[256], tb[256];
    terms_of(a, ta, sizeof ta);
    terms_of(b, tb, sizeof tb);
    if (strcmp(ta, tb) != 0)
        fail_msg("'%s' -> '%s' but '%s' -> '%s'", a, ta, b, tb);
}

static void test_clitic_and_plural_forms_share_a_term(void **state)
{
    (void)state;
    assert_same_term("الاشتباكات", "اشتباكات");
    assert_same_term("الاشتباكات", "واشتبكت");
    assert_same_term("الاشتباكات", "اشتباك");
    assert_same_term("الانسحاب", "وانسحبت");
    assert_same_term("استهداف", "استهدفت");
    assert_same_term("الحكومة", "حكومتها");
    assert_same_term("المفاوضات", "مفاوضات");
    assert_same_term("بالقصف", "قصف");
}

static void test_spelling_variants_share_a_term(void **state)
{
    (void)state;
    assert_same_term("إيران", "ايران");
    assert_same_term("أرمينيا", "ارمينيا");
    assert_same_term("مُسْتَشْفَى", "مستشفى");      /* diacritics */
    assert_same_term("المستشفى", "المستشفي");      /* ى / ي */
    assert_same_term("٢٠٢٢", "2022");              /* Arabic-Indic digits */
    assert_same_term("Reuters", "reuters");
}

static void test_unrelated_words_differ(void **state)
{
    (void)state;
    char a[256], b[256];
    terms_of("اشتباكات", a, sizeof a);
    terms_of("مفاوضات", b, sizeof b);
    assert_string_not_equal(a, b);
    terms_of("قصف", a, sizeof a);
    terms_of("قصر", b, sizeof b);
    assert_string_not_equal(a, b);
}

/* ---- the store ---- */

static char db_path[64];

static store *fresh_store(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/marsad-test-store-XXXXXX");
    int fd = mkstemp(db_path);
    assert_true(fd >= 0);
    close(fd);
    unlink(db_path);
    char error[600];
    store *s = store_open(db_path, true, error, sizeof error);
    if (!s)
        fail_msg("store_open: %s", error);
    return s;
}

static void remove_store(store *s)
{
    store_close(s);
    char path[96];
    unlink(db_path);
    snprintf(path, sizeof path, "%s-wal", db_path);
    unlink(path);
    snprintf(path, sizeof path, "%s-shm", db_path);
    unlink(path);
}

static const char *const texts[] = {
    "وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مواقع أرمينية اليوم، واندلعت اشتباكات عنيفة "
    "على الحدود أسفرت عن مقتل 49 جنديا.",
    "اشتبكت القوات الأذربيجانية مع القوات الأرمينية على الحدود، وقالت يريفان إن 49 جنديا قتلوا.",
    "استقبل الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الأرميني نيكول باشينيان في باريس.",
};
static const char *const ids[] = {"a1", "a2", "a3"};
static const char *const sources[] = {"aljazeera", "bbc", "france24"};

static bool put(store *s, lexicon *l, article_coding *c, size_t i, const char *text, store_article_state *state)
{
    store_article a = {ids[i], sources[i], "", "عنوان", text, strlen(text), 20220913};
    char hash[STORE_HASH_SIZE];
    store_content_hash(&a, hash);
    *state = store_lookup(s, a.id, hash);
    if (*state == STORE_UNCHANGED)
        return true;
    code_article(l, NULL, a.text, a.text_len, a.date, c);
    bool replaced;
    return store_put_article(s, &a, hash, c, &replaced) && replaced == (*state == STORE_CHANGED);
}

static bool count_hit(const search_hit *hit, void *context)
{
    (void)hit;
    ++*(int *)context;
    return true;
}

static int hits(store *s, const char *query)
{
    int n = 0;
    if (!store_search(s, query, 0, "[", "]", count_hit, &n))
        fail_msg("search %s: %s", query, store_error(s));
    return n;
}

static bool count_event(const stored_event *e, void *context)
{
    (void)e;
    ++*(int *)context;
    return true;
}

static int events_matching(store *s, const event_filter *f)
{
    int n = 0;
    assert_true(store_events(s, f, count_event, &n));
    return n;
}

static void test_store_is_idempotent_and_replaces_changed_articles(void **state)
{
    (void)state;
    store *s = fresh_store();
    article_coding c = {0};
    store_article_state st;
    assert_true(store_begin(s));
    for (size_t i = 0; i < 3; i++) {
        assert_true(put(s, lex, &c, i, texts[i], &st));
        assert_int_equal(st, STORE_NEW);
    }
    assert_true(store_commit(s));
    store_counts before;
    assert_true(store_count(s, &before));
    assert_int_equal(before.articles, 3);
    assert_true(before.events > 0);
    assert_true(before.entities > 0);

    /* the same content again: nothing to do */
    for (size_t i = 0; i < 3; i++) {
        assert_true(put(s, lex, &c, i, texts[i], &st));
        assert_int_equal(st, STORE_UNCHANGED);
    }

    /* a changed article replaces its events and its index entry */
    assert_true(store_begin(s));
    assert_true(put(s, lex, &c, 0, "التقى وزير الخارجية الإيراني نظيره الروسي في موسكو.", &st));
    assert_int_equal(st, STORE_CHANGED);
    assert_true(store_commit(s));
    store_counts after;
    assert_true(store_count(s, &after));
    assert_int_equal(after.articles, 3);
    event_filter a1 = {.article = "a1", .min_dead = -1};
    event_filter assaults_a1 = {.article = "a1", .type = "ASSAULT", .min_dead = -1};
    assert_true(events_matching(s, &a1) > 0);
    assert_int_equal(events_matching(s, &assaults_a1), 0);
    assert_int_equal(hits(s, "قصفت"), 0);   /* the old text is out of the index */
    assert_int_equal(hits(s, "موسكو"), 1);
    if (!store_check(s))
        fail_msg("%s", store_error(s));
    article_coding_free(&c);
    remove_store(s);
}

static void test_search_finds_variants_and_clitic_forms(void **state)
{
    (void)state;
    store *s = fresh_store();
    article_coding c = {0};
    store_article_state st;
    assert_true(store_begin(s));
    for (size_t i = 0; i < 3; i++)
        assert_true(put(s, lex, &c, i, texts[i], &st));
    assert_true(store_commit(s));
    assert_int_equal(hits(s, "الاشتباكات"), 2);   /* اشتباكات in a1, اشتبكت in a2 */
    assert_int_equal(hits(s, "أرمينيا"), 0);      /* a country is not its adjective */
    /* hamza folded, and feminine and masculine adjective alike: الأرمينية in
     * a1 and a2, الأرميني in a3 */
    assert_int_equal(hits(s, "الارمينيه"), 3);
    assert_int_equal(hits(s, "ماكرون باريس"), 1);
    assert_int_equal(hits(s, "\"قوات الأذربيجانية"), 2);   /* broken syntax: read as words */
    article_coding_free(&c);
    remove_store(s);
}

static void test_filters_and_clusters(void **state)
{
    (void)state;
    store *s = fresh_store();
    article_coding c = {0};
    store_article_state st;
    assert_true(store_begin(s));
    for (size_t i = 0; i < 3; i++)
        assert_true(put(s, lex, &c, i, texts[i], &st));
    assert_true(store_commit(s));
    size_t clusters;
    assert_true(store_rebuild_clusters(s, &clusters));
    assert_true(clusters > 0);
    event_filter aze_attacks = {.actor = "AZE", .type = "assault", .min_dead = -1};
    assert_true(events_matching(s, &aze_attacks) >= 2);
    event_filter deadly = {.min_dead = 40};
    assert_true(events_matching(s, &deadly) >= 1);
    event_filter too_deadly = {.min_dead = 50};
    assert_int_equal(events_matching(s, &too_deadly), 0);
    event_filter later = {.since = 20220914, .min_dead = -1};
    assert_int_equal(events_matching(s, &later), 0);
    /* Two articles from two sources report Azerbaijan's attack on Armenia:
     * one cluster of two articles and two sources. */
    event_filter cluster = {.cluster = "ASSAULT:AZE:ARM:-:2022-09-13", .min_dead = -1};
    int n = events_matching(s, &cluster);
    if (n == 0) {
        event_filter all = {.type = "ASSAULT", .min_dead = -1};
        fail_msg("no event in cluster ASSAULT:AZE:ARM:-:2022-09-13 among %d assaults", events_matching(s, &all));
    }
    article_coding_free(&c);
    remove_store(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clitic_and_plural_forms_share_a_term),
        cmocka_unit_test(test_spelling_variants_share_a_term),
        cmocka_unit_test(test_unrelated_words_differ),
        cmocka_unit_test(test_store_is_idempotent_and_replaces_changed_articles),
        cmocka_unit_test(test_search_finds_variants_and_clitic_forms),
        cmocka_unit_test(test_filters_and_clusters),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
