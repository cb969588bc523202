/* Tests of src/server/response_cache: answers kept per request and per
 * database generation, within a byte budget, safe from several threads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "response_cache.h"

static const char page[] = "{\"events\":[{\"id\":\"AJ-1:0\",\"trigger\":{\"text\":\"قصفت\"}}],\"count\":1}";

static void a_kept_answer_is_returned_for_its_generation_only(void **state)
{
    (void)state;
    response_cache *c = response_cache_new(64, 1 << 20);
    byte_buffer body = {0};
    int status = 0;
    assert_false(response_cache_get(c, "/api/events?country=SYR", 1, &status, &body));
    response_cache_put(c, "/api/events?country=SYR", 1, 200, page, strlen(page));
    assert_true(response_cache_get(c, "/api/events?country=SYR", 1, &status, &body));
    assert_int_equal(status, 200);
    assert_string_equal(body.data, page);
    assert_false(response_cache_get(c, "/api/events?country=SYR", 2, &status, &body));   /* the database changed */
    assert_false(response_cache_get(c, "/api/events?country=IRQ", 1, &status, &body));
    buffer_free(&body);
    response_cache_free(c);
}

static void the_byte_budget_is_kept(void **state)
{
    (void)state;
    response_cache *c = response_cache_new(64, 100);
    byte_buffer body = {0};
    int status = 0;
    char big[200];
    memset(big, 'x', sizeof big);
    response_cache_put(c, "/api/stats", 1, 200, big, sizeof big);
    assert_false(response_cache_get(c, "/api/stats", 1, &status, &body));
    response_cache_put(c, "/api/health", 1, 200, "{}", 2);
    assert_true(response_cache_get(c, "/api/health", 1, &status, &body));
    /* replacing an entry gives its bytes back */
    for (int i = 0; i < 1000; i++)
        response_cache_put(c, "/api/health", (uint64_t)i, 200, "{\"status\":\"ok\"}", 15);
    assert_true(response_cache_get(c, "/api/health", 999, &status, &body));
    buffer_free(&body);
    response_cache_free(c);
}

static void *hammer(void *context)
{
    response_cache *c = context;
    byte_buffer body = {0};
    char key[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(key, sizeof key, "/api/events?limit=%d", i % 50);
        int status;
        if (response_cache_get(c, key, 1, &status, &body))
            assert_string_equal(body.data, page);
        else
            response_cache_put(c, key, 1, 200, page, strlen(page));
    }
    buffer_free(&body);
    return NULL;
}

static void threads_share_it(void **state)
{
    (void)state;
    response_cache *c = response_cache_new(16, 1 << 20);
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, hammer, c);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    response_cache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_kept_answer_is_returned_for_its_generation_only),
        cmocka_unit_test(the_byte_budget_is_kept),
        cmocka_unit_test(threads_share_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
