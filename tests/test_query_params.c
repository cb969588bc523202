/* Tests of src/server/query_params (the query strings of marsad serve) and
 * of the API's answers to bad requests, which need no database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "api.h"
#include "query_params.h"

static bool parse(query_params *q, const char *raw)
{
    query_params_init(q);
    return query_params_parse(q, raw, strlen(raw));
}

static void decodes_arabic_and_plus(void **state)
{
    (void)state;
    query_params q;
    /* q=قصف غزة, percent-encoded as a browser sends it */
    assert_true(parse(&q, "q=%D9%82%D8%B5%D9%81+%D8%BA%D8%B2%D8%A9&limit=5&flag&empty="));
    assert_string_equal(query_params_get(&q, "q"), "قصف غزة");
    assert_string_equal(query_params_get(&q, "limit"), "5");
    assert_string_equal(query_params_get(&q, "flag"), "");
    assert_string_equal(query_params_get(&q, "empty"), "");
    assert_null(query_params_get(&q, "country"));
    const char *text = NULL;
    assert_true(query_params_text(&q, "q", 100, &text));
    assert_string_equal(text, "قصف غزة");
    query_params_free(&q);
}

static void malformed_strings_fail_naming_the_parameter(void **state)
{
    (void)state;
    query_params q;
    assert_false(parse(&q, "since=%ZZ"));
    assert_string_equal(q.error, "since: malformed percent-escape");
    query_params_free(&q);
    assert_false(parse(&q, "q=%D9%8"));
    query_params_free(&q);
    assert_false(parse(&q, "limit=1&limit=2"));
    assert_string_equal(q.error, "limit: given more than once");
    query_params_free(&q);
    assert_false(parse(&q, "=x"));
    query_params_free(&q);
    assert_false(parse(&q, "article=a%00b"));
    assert_string_equal(q.error, "article: contains a NUL byte");
    query_params_free(&q);
    byte_buffer many = {0};
    for (int i = 0; i < QUERY_MAX_PARAMS + 1; i++)
        buffer_printf(&many, "p%d=1&", i);
    assert_false(parse(&q, many.data));
    query_params_free(&q);
    buffer_free(&many);
    byte_buffer long_value = {0};
    buffer_append_str(&long_value, "q=");
    for (int i = 0; i < QUERY_MAX_VALUE + 1; i++)
        buffer_append_char(&long_value, 'x');
    assert_false(parse(&q, long_value.data));
    query_params_free(&q);
    buffer_free(&long_value);
}

static void integers_are_checked_against_their_range(void **state)
{
    (void)state;
    const char *bad[] = {"limit=-1", "limit=0", "limit=1001", "limit=99999999999999999999999", "limit=1e3",
                         "limit=", "limit=12abc", "limit=-", "limit= 5", "limit=0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        query_params q;
        int64_t limit = 7;
        assert_true(parse(&q, bad[i]));
        assert_false(query_params_int(&q, "limit", 1, 1000, &limit));
        assert_int_equal(limit, 7);
        assert_memory_equal(q.error, "limit: ", 7);
        query_params_free(&q);
    }
    query_params q;
    int64_t limit = 7;
    assert_true(parse(&q, "limit=1000"));
    assert_true(query_params_int(&q, "limit", 1, 1000, &limit));
    assert_int_equal(limit, 1000);
    assert_true(query_params_int(&q, "absent", 1, 1000, &limit));
    query_params_free(&q);
}

static void dates_must_exist(void **state)
{
    (void)state;
    const char *bad[] = {"since=2022-02-30", "since=2022-13-01", "since=22-01-01", "since=2022-1-1",
                         "since=2022-01-01T00:00", "since=yesterday", "since='; DROP TABLE events; --"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        query_params q;
        uint32_t since = 0;
        assert_true(parse(&q, bad[i]) || q.error[0]);
        assert_false(query_params_date(&q, "since", &since));
        query_params_free(&q);
    }
    query_params q;
    uint32_t since = 0;
    assert_true(parse(&q, "since=2024-02-29"));
    assert_true(query_params_date(&q, "since", &since));
    assert_int_equal(since, 20240229);
    query_params_free(&q);
}

static void codes_refuse_sql_and_arabic_text(void **state)
{
    (void)state;
    const char *bad[] = {"country=SYR'%20OR%201=1--", "country=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7", "country=",
                         "country=SYR;DROP", "country=ABCDEFGHI"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        query_params q;
        const char *country = NULL;
        assert_true(parse(&q, bad[i]));
        assert_false(query_params_code(&q, "country", 8, &country));
        assert_null(country);
        query_params_free(&q);
    }
    query_params q;
    const char *type = NULL;
    assert_true(parse(&q, "type=ASSAULT"));
    assert_true(query_params_code(&q, "type", 32, &type));
    assert_string_equal(type, "ASSAULT");
    query_params_free(&q);
}

static void text_must_be_clean_utf8(void **state)
{
    (void)state;
    query_params q;
    const char *text = NULL;
    assert_true(parse(&q, "q=%D9"));          /* half an Arabic letter */
    assert_false(query_params_text(&q, "q", 100, &text));
    assert_string_equal(q.error, "q: not valid UTF-8");
    query_params_free(&q);
    assert_true(parse(&q, "q=a%0Ab"));
    assert_false(query_params_text(&q, "q", 100, &text));
    query_params_free(&q);
}

static void near_needs_three_numbers_in_range(void **state)
{
    (void)state;
    const char *bad[] = {"near=36.2,37.1", "near=91,0,10", "near=0,181,10", "near=0,0,0", "near=0,0,-5",
                         "near=nan,0,1", "near=0,0,1,", "near=a,b,c", "near=1e999,0,1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        query_params q;
        double lat = 0, lon = 0, km = 0;
        assert_true(parse(&q, bad[i]));
        assert_false(query_params_near(&q, "near", &lat, &lon, &km));
        query_params_free(&q);
    }
    query_params q;
    double lat = 0, lon = 0, km = 0;
    assert_true(parse(&q, "near=36.2,37.15,50"));
    assert_true(query_params_near(&q, "near", &lat, &lon, &km));
    assert_true(lat == 36.2 && lon == 37.15 && km == 50);
    query_params_free(&q);
}

/* Random bytes, escapes and separators: parsing either succeeds or says
 * why, and never reads or writes out of bounds (ASan run). */
static void random_query_strings_never_crash(void **state)
{
    (void)state;
    static const char alphabet[] = "ab=&%+09AFzZ\xD8\xB3\xFF\x01;'\"";
    uint32_t seed = 12345;
    for (int round = 0; round < 20000; round++) {
        char raw[64];
        size_t len = (size_t)(round % 63);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            raw[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        query_params q;
        query_params_init(&q);
        bool ok = query_params_parse(&q, raw, len);
        assert_true(ok || q.error[0]);
        int64_t n;
        const char *s;
        uint32_t d;
        query_params_int(&q, "a", 0, 10, &n);
        query_params_text(&q, "b", 100, &s);
        query_params_date(&q, "ab", &d);
        query_params_free(&q);
    }
}

static void api_answers_bad_requests_without_the_database(void **state)
{
    (void)state;
    static const struct {
        const char *method, *path, *query;
        int status;
        const char *parameter;
    } cases[] = {
        {"GET", "/api/events", "limit=-5", 400, "\"parameter\":\"limit\""},
        {"GET", "/api/events", "limit=100000000", 400, "\"parameter\":\"limit\""},
        {"GET", "/api/events", "since=2022-02-31", 400, "\"parameter\":\"since\""},
        {"GET", "/api/events", "since=2022-05-01&until=2022-01-01", 400, "\"parameter\":\"since\""},
        {"GET", "/api/events", "country=SYR%27%20OR%201%3D1", 400, "\"parameter\":\"country\""},
        {"GET", "/api/events", "cursor=zz", 400, "\"parameter\":\"cursor\""},
        {"GET", "/api/events", "colour=red", 400, "\"parameter\":\"colour\""},
        {"GET", "/api/stats", "min_dead=-1", 400, "\"parameter\":\"min_dead\""},
        {"GET", "/api/search", "", 400, "\"parameter\":\"q\""},
        {"GET", "/api/search", "q=%D8", 400, "\"parameter\":\"q\""},
        {"GET", "/api/health", "x=1", 400, "\"parameter\":\"x\""},
        {"GET", "/api/nothing", "", 404, "\"parameter\":null"},
        {"GET", "/api/events/no-colon", "", 404, "\"status\":404"},
        {"GET", "/api/events/a:b", "", 404, "\"status\":404"},
        {"POST", "/api/events", "", 405, "\"status\":405"},
        {"DELETE", "/api/articles/x", "", 405, "\"status\":405"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        query_params q;
        query_params_init(&q);
        query_params_parse(&q, cases[i].query, strlen(cases[i].query));
        api_response r = {0};
        api_handle(NULL, cases[i].method, cases[i].path, &q, &r);
        if (r.status != cases[i].status || !strstr(r.body.data, cases[i].parameter))
            fail_msg("%s %s?%s: %d %s", cases[i].method, cases[i].path, cases[i].query, r.status, r.body.data);
        assert_true(strncmp(r.body.data, "{\"error\":", 9) == 0);
        query_params_free(&q);
        buffer_free(&r.body);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_arabic_and_plus),
        cmocka_unit_test(malformed_strings_fail_naming_the_parameter),
        cmocka_unit_test(integers_are_checked_against_their_range),
        cmocka_unit_test(dates_must_exist),
        cmocka_unit_test(codes_refuse_sql_and_arabic_text),
        cmocka_unit_test(text_must_be_clean_utf8),
        cmocka_unit_test(near_needs_three_numbers_in_range),
        cmocka_unit_test(random_query_strings_never_crash),
        cmocka_unit_test(api_answers_bad_requests_without_the_database),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
