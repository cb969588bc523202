/* The actor coder against tests/data/actor_sentences.tsv: 149 sentences
 * written for the tests in the style of Arabic news copy, 346 expected
 * actors with country, sector and IGO code, dated so that people's roles
 * change over time.  Each expected span is matched to the coded actor
 * that overlaps it most.  Prints every miss and requires 80% right: the
 * table holds deliberately hard cases (homographs, transnational groups,
 * ellipsis) that the coder does not get yet. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "actors.h"
#include "dates.h"
#include "lexicon_fixture.h"
#include "tokenize.h"
#include "tsv.h"

#define REQUIRED_SHARE 0.80

static const char *or_dash(const char *s)
{
    return s[0] ? s : "-";
}

static void actors_of_the_test_sentences(void **state)
{
    (void)state;
    tsv_reader r;
    assert_true(tsv_open(&r, "tests/data/actor_sentences.tsv"));
    int date_col = tsv_column(&r, "date"), sentence_col = tsv_column(&r, "sentence"), actor_col = tsv_column(&r, "actor"),
        country_col = tsv_column(&r, "country"), sector_col = tsv_column(&r, "sector"), org_col = tsv_column(&r, "org"),
        type_col = tsv_column(&r, "type");
    assert_true(date_col >= 0 && sentence_col >= 0 && actor_col >= 0 && country_col >= 0 && sector_col >= 0 &&
                org_col >= 0 && type_col >= 0);
    token_list tokens = {0};
    actor_list actors = {0};
    size_t rows = 0, right = 0;
    while (tsv_next(&r)) {
        const char *text = tsv_field(&r, sentence_col), *span = tsv_field(&r, actor_col);
        const char *country = tsv_field(&r, country_col), *sector = tsv_field(&r, sector_col),
                   *org = tsv_field(&r, org_col), *type = tsv_field(&r, type_col);
        const char *found = strstr(text, span);
        assert_non_null(found);           /* the table promises the span is in its sentence */
        uint32_t start = (uint32_t)(found - text), end = start + (uint32_t)strlen(span);
        uint32_t date = date_parse_iso(tsv_field(&r, date_col), strlen(tsv_field(&r, date_col)));
        tokenize(text, strlen(text), &tokens);
        code_actors(lex, text, &tokens, date, &actors);
        const actor *best = NULL;
        long best_overlap = 0;
        for (size_t i = 0; i < actors.actor_count; i++) {
            const actor *a = &actors.actors[i];
            long overlap = (long)(a->end < end ? a->end : end) - (long)(a->start > start ? a->start : start);
            if (overlap > best_overlap) {
                best_overlap = overlap;
                best = a;
            }
        }
        bool ok = best && strcmp(best->country, country) == 0 && strcmp(best->org, org) == 0 &&
                  (strcmp(best->sector, sector) == 0 || (strcmp(type, "LOC") == 0 && sector[0] == '\0'));
        rows++;
        if (ok)
            right++;
        else
            print_message("  line %zu: %s: expected %s/%s/%s, got %s\n", r.line_number, span, or_dash(country),
                          or_dash(sector), or_dash(org),
                          best ? best->country[0] || best->sector[0] ? best->country : "-" : "nothing");
    }
    tsv_close(&r);
    token_list_free(&tokens);
    actor_list_free(&actors);
    double share = rows ? (double)right / (double)rows : 0;
    print_message("actor sentences: %zu of %zu expected actors right (%.1f%%)\n", right, rows, 100 * share);
    assert_true(rows >= 300);
    assert_true(share >= REQUIRED_SHARE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(actors_of_the_test_sentences),
    };
    return cmocka_run_group_tests_name("actor_sentences", tests, setup_lexicon, teardown_lexicon);
}
