/* Properties that must hold for any input (docs/robustness.md), checked on
 * real ANT articles (skipped where ../shared is absent) and on hand-made
 * hostile strings; plus, as regression tests, the inputs with which
 * fuzzing (fuzz/) crashed marsad.
 *   - normalisation is idempotent and yields clean UTF-8;
 *   - every token and sentence lies inside the text, on character
 *     boundaries, and its slice is its surface;
 *   - the record `marsad code` writes is valid JSON, whatever the text. */
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
#include "dates.h"
#include "event_json.h"
#include "events.h"
#include "lexicon_fixture.h"
#include "numbers.h"
#include "text_properties.h"
#include "tokenize.h"

#define ARTICLES 1000

#define assert_no_problem(expr)                               \
    do {                                                      \
        const char *problem_ = (expr);                        \
        if (problem_)                                         \
            fail_msg("%s", problem_);                         \
    } while (0)

/* A span the record names, {"text", "start", "end"}: on boundaries, and
 * its text is the slice (invalid bytes shown as U+FFFD). */
static void assert_reported_span(json_t *o, const char *text, size_t len)
{
    json_t *s = json_object_get(o, "start"), *e = json_object_get(o, "end"), *t = json_object_get(o, "text");
    assert_true(json_is_integer(s) && json_is_integer(e) && json_is_string(t));
    size_t start = (size_t)json_integer_value(s), end = (size_t)json_integer_value(e);
    assert_no_problem(check_span(text, len, start, end));
    char *repaired = xmalloc(3 * (end - start) + 1);
    size_t n = utf8_repair(text + start, end - start, repaired);
    assert_int_equal(json_string_length(t), n);
    assert_memory_equal(json_string_value(t), repaired, n);
    free(repaired);
}

typedef struct {
    token_list tokens;
    actor_list actors;
    event_list events;
    byte_buffer out;
} coder;

static void coder_free(coder *c)
{
    token_list_free(&c->tokens);
    actor_list_free(&c->actors);
    event_list_free(&c->events);
    buffer_free(&c->out);
}

/* Everything `marsad code` does to one article's text, and its record
 * checked: valid JSON, spans on boundaries and equal to their slices. */
static void assert_text_properties(coder *c, const char *text, size_t len, uint32_t date)
{
    assert_no_problem(check_normalize_idempotent(text, len));
    tokenize(text, len, &c->tokens);
    assert_no_problem(check_tokens(text, len, &c->tokens));
    for (size_t i = 0; i < c->tokens.count; i++) {
        const token *t = &c->tokens.tokens[i];
        assert_no_problem(check_normalize_idempotent(text + t->start, t->end - t->start));
    }
    code_actors(lex, text, &c->tokens, date, &c->actors);
    code_events(lex, text, &c->tokens, &c->actors, date, &c->events);
    buffer_truncate(&c->out, 0);
    buffer_append_str(&c->out, "{\"id\":1");
    append_events_json(&c->out, text, &c->tokens, &c->events, &c->actors);
    buffer_append_char(&c->out, '}');
    json_error_t error;
    json_t *record = json_loadb(c->out.data, c->out.len, JSON_ALLOW_NUL, &error);
    if (!record)
        fail_msg("record is not JSON: %s", error.text);
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(record, "entities"), i, item) assert_reported_span(item, text, len);
    json_array_foreach(json_object_get(record, "events"), i, item)
        assert_reported_span(json_object_get(item, "trigger"), text, len);
    json_decref(record);
}

static void properties_hold_on_ant_articles(void **state)
{
    (void)state;
    FILE *f;
    OPEN_ANT_CORPUS_OR_SKIP(f);
    coder c = {0};
    char *line = NULL;
    size_t cap = 0, articles = 0;
    ssize_t n;
    while (articles < ARTICLES && (n = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        json_t *a = json_loadb(line, (size_t)n, 0, &err);
        const char *text = NULL, *date = "";
        size_t len = 0;
        if (a && json_unpack(a, "{s:s%, s?:s}", "text", &text, &len, "date", &date) == 0) {
            assert_text_properties(&c, text, len, date_parse_iso(date, strlen(date)));
            articles++;
        }
        json_decref(a);
    }
    free(line);
    fclose(f);
    coder_free(&c);
    assert_int_equal(articles, ARTICLES);
}

/* Text from the open web at its worst.  Sizes are explicit: NULs inside. */
static const struct {
    const char *text;
    size_t len;
} hostile[] = {
#define S(s) {s, sizeof(s) - 1}
    S(""),
    S(" \t\r\n\n\n   "),
    S("\xff\xfe\xfd\xc0\xaf\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xd8"),        /* every kind of malformed */
    S("\xd9\x82\xd8"),                                                     /* cut inside a letter */
    S("قتل\0\0جنود\0"),                                                    /* NUL bytes */
    S("\xd9\x8b\xd9\x8c\xd9\x8d\xd9\x8e\xd9\x8f\xd9\x90\xd9\x91\xd9\x92"),  /* nothing but harakat */
    S("ـــــــــــــــ"),                                                   /* nothing but tatweel */
    S("\xe2\x80\x8f\xe2\x80\xae\xe2\x80\x8b\xef\xbb\xbf\xe2\x81\xa6"),      /* bidi controls, ZWSP, BOM */
    S("ﷺﷺﷺ ﷽ ﻻﻻ"),                                                      /* NFKC expands these */
    S("أ.ف.ب.د.ب.أ.ي.ب.ا.)))(((«»«»؟!؟!..."),
    S("1,000,000,000,000,000,000,000 ١٫٥٫٦ ٣٬٥٠٠ 1.2.3.4 ,,,,,,,, 0000000000000000000000"),
    S("22222222222222222222 قتيلا و99999999999999999999999999 جريحا"),
    S("ليل الإثنين الثلاثاء 31 شباط 2100 و0 أيلول 1899 أمس أمس أمس"),
    S("وووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووو"),
    S("وللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللللهما"),
    S("قصفت القوات الروسية مدينة خاركيف\xff وقتل 12\xff شخصا \xe2\x80\x8fفي\xe2\x80\x8f أوكرانيا."),
    S("😀🇸🇾 𝔸𝔹ℂ ＡＢＣ ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳"),
#undef S
};

static void properties_hold_on_hostile_text(void **state)
{
    (void)state;
    coder c = {0};
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        assert_text_properties(&c, hostile[i].text, hostile[i].len, 20220914);
        assert_text_properties(&c, hostile[i].text, hostile[i].len, 0);
    }
    coder_free(&c);
}

/* fuzz_tokenize: a run of invalid bytes made the word's key (U+FFFD, three
 * bytes each) outgrow the arena reserved for it: a heap overflow. */
static void regression_invalid_run_fits_the_key_arena(void **state)
{
    (void)state;
    size_t len = 5000;
    char *text = xmalloc(len);
    memset(text, 0xFF, len);
    text[len - 1] = '{';
    token_list tokens = {0};
    tokenize(text, len, &tokens);
    assert_int_equal(tokens.count, 2);
    assert_int_equal(tokens.tokens[0].key_len, 3 * (len - 1));
    assert_int_equal(tokens.invalid_bytes, len - 1);
    assert_no_problem(check_tokens(text, len, &tokens));
    token_list_free(&tokens);
    free(text);
}

/* fuzz_numbers: format_number cast 2.2e19 to long long (undefined). */
static void regression_huge_figure_formats(void **state)
{
    (void)state;
    const char *text = "22222222222222222222 قتيلا";
    token_list tokens = {0};
    tokenize(text, strlen(text), &tokens);
    parsed_number n;
    assert_true(parse_number_at(&tokens, 0, &n));
    char buf[64];
    format_number(&n, buf, sizeof buf);
    assert_string_equal(buf, "2.22222e+19");
    token_list_free(&tokens);
}

/* fuzz_dates: date_parse_iso read past len with atoi when digits ran to
 * the end of the buffer. */
static void regression_iso_date_stays_inside_len(void **state)
{
    (void)state;
    char *exact = xmalloc(12);
    memcpy(exact, "2017-04-2270", 12);          /* no NUL after it */
    assert_int_equal(date_parse_iso(exact, 12), 0);
    assert_int_equal(date_parse_iso(exact, 10), 20170422);
    free(exact);
    assert_int_equal(date_parse_iso("2017-04-22T10:00:00Z", 20), 20170422);
}

/* bench/pathological.sh: a sentence of 100,000 triggers without a full
 * stop took minutes to code; sentences are now cut at MAX_SENTENCE_TOKENS. */
static void regression_endless_sentence_is_cut(void **state)
{
    (void)state;
    byte_buffer text = {0};
    for (int i = 0; i < 1200; i++)
        buffer_append_str(&text, "قصفت القوات مدينة خاركيف و");
    token_list tokens = {0};
    tokenize(text.data, text.len, &tokens);
    assert_int_equal(tokens.count, 1200 * 4 + 1);     /* "و" joins the next "قصفت" */
    assert_int_equal(tokens.sentence_count, 5);
    for (size_t s = 0; s < 4; s++)
        assert_int_equal(tokens.sentences[s].token_count, MAX_SENTENCE_TOKENS);
    assert_no_problem(check_tokens(text.data, text.len, &tokens));
    token_list_free(&tokens);
    buffer_free(&text);
}

/* bench/pathological.sh: "1,1,1,..." made every number look to the end of
 * the run for dots (quadratic); the look-ahead is now bounded, and real
 * figures read as before. */
static void regression_comma_run_of_numbers(void **state)
{
    (void)state;
    byte_buffer text = {0};
    for (int i = 0; i < 20000; i++)
        buffer_append_str(&text, "1,");
    buffer_append_str(&text, " 1.000.000 و2,500.75");
    token_list tokens = {0};
    tokenize(text.data, text.len, &tokens);
    assert_no_problem(check_tokens(text.data, text.len, &tokens));
    assert_string_equal(token_key(&tokens, &tokens.tokens[0]), "1.1");
    assert_string_equal(token_key(&tokens, &tokens.tokens[tokens.count - 3]), "1000000");
    assert_string_equal(token_key(&tokens, &tokens.tokens[tokens.count - 1]), "2500.75");
    token_list_free(&tokens);
    buffer_free(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(properties_hold_on_ant_articles),
        cmocka_unit_test(properties_hold_on_hostile_text),
        cmocka_unit_test(regression_invalid_run_fits_the_key_arena),
        cmocka_unit_test(regression_huge_figure_formats),
        cmocka_unit_test(regression_iso_date_stays_inside_len),
        cmocka_unit_test(regression_endless_sentence_is_cut),
        cmocka_unit_test(regression_comma_run_of_numbers),
    };
    return cmocka_run_group_tests(tests, setup_lexicon, teardown_lexicon);
}
