/* Actor coding over the first 2,000 articles of ../shared/corpora/ant:
 * never crashes, every span lies on UTF-8 boundaries inside its text, and
 * reports the coverage figures (entities per article, share of articles
 * with at least one state actor).  Skips where ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "actors.h"
#include "lexicon_fixture.h"
#include "tokenize.h"

#define ARTICLES 2000

static bool on_boundary(const char *text, size_t len, size_t pos)
{
    return pos == len || ((unsigned char)text[pos] & 0xC0) != 0x80;
}

static void ant_coverage(void **state)
{
    (void)state;
    FILE *f;
    OPEN_ANT_CORPUS_OR_SKIP(f);
    token_list tokens = {0};
    actor_list actors = {0};
    char *line = NULL;
    size_t cap = 0, articles = 0, entities = 0, with_state = 0, with_person = 0;
    ssize_t n;
    while (articles < ARTICLES && (n = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        json_t *a = json_loadb(line, (size_t)n, 0, &err);
        const char *text = NULL;
        size_t len = 0;
        if (!a || json_unpack(a, "{s:s%}", "text", &text, &len) != 0) {
            json_decref(a);
            continue;
        }
        tokenize(text, len, &tokens);
        code_actors(lex, text, &tokens, 20180601, &actors);
        articles++;
        entities += actors.entity_count;
        bool state_actor = false, person = false;
        for (size_t i = 0; i < actors.entity_count; i++) {
            const entity *e = &actors.entities[i];
            assert_true(e->start < e->end && e->end <= len);
            assert_true(on_boundary(text, len, e->start) && on_boundary(text, len, e->end));
            person |= e->type == ENTITY_PER;
        }
        for (size_t i = 0; i < actors.actor_count; i++) {
            const actor *x = &actors.actors[i];
            assert_true(x->start < x->end && x->end <= len);
            assert_true(on_boundary(text, len, x->start) && on_boundary(text, len, x->end));
            state_actor |= x->country[0] && !x->is_location;
        }
        with_state += state_actor;
        with_person += person;
        json_decref(a);
    }
    free(line);
    fclose(f);
    actor_list_free(&actors);
    token_list_free(&tokens);
    assert_int_equal(articles, ARTICLES);
    print_message("coverage over %zu ANT articles: %.1f entities per article, %.1f%% with a state actor, "
                  "%.1f%% with a known person\n",
                  articles, (double)entities / articles, 100.0 * with_state / articles, 100.0 * with_person / articles);
    /* ANT's first 2,000 articles are news of every kind, culture and sport
     * included; most still name a state actor. */
    assert_true(with_state * 2 > articles);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ant_coverage),
    };
    return cmocka_run_group_tests_name("corpus_actors", tests, setup_lexicon, teardown_lexicon);
}
