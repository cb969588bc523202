/* marsad's coder over the first 5,000 articles of ../shared/corpora/ant:
 * every record is valid JSON with the fields of CODEBOOK §4, and every
 * offset points at its text (the trigger, entity and party texts equal the
 * slices they name).  Skips where ../shared is absent. */
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
#include "event_json.h"
#include "events.h"
#include "lexicon_fixture.h"
#include "tokenize.h"

#define ARTICLES 5000

static const char *const event_types[] = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                          "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                                          "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
static const char *const modalities[] = {"asserted", "historical", "future", "hypothetical", "negated"};

static bool one_of(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

/* {"text", "start", "end"} whose text is the slice [start, end) of text. */
static void assert_span(json_t *o, const char *text, size_t len)
{
    json_t *t = json_object_get(o, "text"), *s = json_object_get(o, "start"), *e = json_object_get(o, "end");
    assert_true(json_is_string(t) && json_is_integer(s) && json_is_integer(e));
    json_int_t start = json_integer_value(s), end = json_integer_value(e);
    assert_true(start >= 0 && start <= end && (size_t)end <= len);
    assert_int_equal(json_string_length(t), (size_t)(end - start));
    assert_memory_equal(json_string_value(t), text + start, (size_t)(end - start));
}

static void assert_party(json_t *p, bool required)
{
    if (json_is_null(p)) {
        assert_false(required);
        return;
    }
    assert_true(json_is_object(p));
    assert_true(json_is_string(json_object_get(p, "text")));
    json_t *country = json_object_get(p, "country");
    assert_true(json_is_null(country) || (json_is_string(country) && json_string_length(country) == 3));
}

static void every_record_follows_the_contract(void **state)
{
    (void)state;
    FILE *f;
    OPEN_ANT_CORPUS_OR_SKIP(f);
    token_list tokens = {0};
    actor_list actors = {0};
    event_list events = {0};
    byte_buffer out = {0};
    char *line = NULL;
    size_t cap = 0, articles = 0, event_total = 0;
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
        code_events(lex, text, &tokens, &actors, 20180601, &events);
        buffer_truncate(&out, 0);
        buffer_append_str(&out, "{\"id\":1");
        append_events_json(&out, text, &tokens, &events, &actors);
        buffer_append_char(&out, '}');
        json_t *record = json_loadb(out.data, out.len, 0, &err);
        if (!record)
            fail_msg("article %zu: output is not JSON: %s", articles, err.text);
        json_t *list = json_object_get(record, "events"), *entities = json_object_get(record, "entities");
        assert_true(json_is_array(list) && json_is_array(entities));
        size_t i;
        json_t *e;
        json_array_foreach(list, i, e) {
            assert_true(one_of(json_string_value(json_object_get(e, "event_type")), event_types, 16));
            assert_true(one_of(json_string_value(json_object_get(e, "modality")), modalities, 5));
            assert_party(json_object_get(e, "actor"), false);
            assert_party(json_object_get(e, "recipient"), false);
            assert_span(json_object_get(e, "trigger"), text, len);
            json_t *dead = json_object_get(e, "dead");
            assert_true(json_is_null(dead) || (json_is_integer(dead) && json_integer_value(dead) > 0));
            json_t *date = json_object_get(e, "date");
            assert_true(json_is_null(date) || (json_is_string(date) && json_string_length(date) == 10));
        }
        json_array_foreach(entities, i, e) {
            assert_span(e, text, len);
            const char *type = json_string_value(json_object_get(e, "type"));
            assert_true(type && (!strcmp(type, "PER") || !strcmp(type, "LOC") || !strcmp(type, "ORG") ||
                                 !strcmp(type, "MISC")));
        }
        event_total += json_array_size(list);
        json_decref(record);
        json_decref(a);
        articles++;
    }
    free(line);
    fclose(f);
    print_message("%zu articles coded into %zu events, every record valid\n", articles, event_total);
    assert_int_equal(articles, ARTICLES);
    buffer_free(&out);
    token_list_free(&tokens);
    actor_list_free(&actors);
    event_list_free(&events);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_record_follows_the_contract),
    };
    return cmocka_run_group_tests_name("corpus_events", tests, setup_lexicon, teardown_lexicon);
}
