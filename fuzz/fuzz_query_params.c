/*
 * fuzz_query_params.c — libFuzzer target for the query strings of marsad
 * serve: any bytes are parsed, checked by every getter, and handed to the
 * API router (which answers bad parameters without touching the database).
 *   make fuzz FUZZ_TARGETS=query_params   (or make fuzz-query)
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "api.h"
#include "query_params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    query_params q;
    query_params_init(&q);
    bool ok = query_params_parse(&q, (const char *)data, size);
    if (!ok && !q.error[0])
        __builtin_trap();        /* a failure must say why */
    int64_t n;
    uint32_t date;
    const char *s;
    double lat, lon, km;
    query_params_int(&q, "limit", 1, 1000, &n);
    query_params_date(&q, "since", &date);
    query_params_code(&q, "country", 8, &s);
    query_params_text(&q, "q", 1000, &s);
    query_params_near(&q, "near", &lat, &lon, &km);
    /* Only answers that fail before the database: the router must never
     * reach it with these parameters (db is NULL). */
    if (q.count && strcmp(q.params[0].name, "x-unknown") != 0 && !query_params_get(&q, "q")) {
        query_params fresh;
        query_params_init(&fresh);
        query_params_parse(&fresh, (const char *)data, size);
        query_params_add(&fresh, "x-unknown", 9, "1", 1);   /* an unknown parameter: always a 400 */
        api_response r = {0};
        api_handle(NULL, "GET", "/api/events", &fresh, &r);
        if (r.status != 400)
            __builtin_trap();
        buffer_free(&r.body);
        query_params_free(&fresh);
    }
    query_params_free(&q);
    return 0;
}
