/*
 * query_params.h — the parameters of an HTTP query string, checked one by
 * one.  Kept apart from the server so it can be tested and fuzzed alone:
 * it takes raw bytes ("a=1&b=%D8%A7") or pairs already decoded by the HTTP
 * library, and every getter either yields a valid value or an error that
 * names the parameter (the server answers it with 400).
 */
#ifndef MARSAD_QUERY_PARAMS_H
#define MARSAD_QUERY_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QUERY_MAX_PARAMS 32
#define QUERY_MAX_VALUE 2048     /* bytes of one decoded value */

typedef struct {
    char *name, *value;          /* decoded, NUL-terminated; value "" when absent */
} query_param;

typedef struct {
    query_param params[QUERY_MAX_PARAMS];
    size_t count;
    char error[256];             /* set by the first failure: "limit: must be 1 to 1000" */
} query_params;

void query_params_init(query_params *q);
void query_params_free(query_params *q);

/* Adds one decoded pair.  Fails (with q->error) on too many parameters, a
 * value too long, a repeated name, or a NUL in either. */
bool query_params_add(query_params *q, const char *name, size_t name_len, const char *value, size_t value_len);

/* Parses a raw query string (without the '?'): '&'-separated name=value
 * pairs, percent-escapes and '+' decoded.  Fails on malformed escapes. */
bool query_params_parse(query_params *q, const char *raw, size_t len);

/* Fails, naming it, if a parameter is not one of the NULL-terminated known names. */
bool query_params_only(query_params *q, const char *const *known);

/* The value of name, or NULL when absent. */
const char *query_params_get(const query_params *q, const char *name);

/* Each getter leaves *out alone and returns true when the parameter is
 * absent; returns false with q->error when it is present but invalid. */
bool query_params_int(query_params *q, const char *name, int64_t min, int64_t max, int64_t *out);
bool query_params_date(query_params *q, const char *name, uint32_t *out);   /* YYYY-MM-DD -> YYYYMMDD */
/* A code such as ASSAULT, SYR, UN or GOV: 1..max_len of [A-Za-z0-9_-]. */
bool query_params_code(query_params *q, const char *name, size_t max_len, const char **out);
/* Any text of 1..max_len bytes of valid UTF-8 without control characters. */
bool query_params_text(query_params *q, const char *name, size_t max_len, const char **out);
/* "LAT,LON,KM" with |LAT| <= 90, |LON| <= 180, 0 < KM <= 20040. */
bool query_params_near(query_params *q, const char *name, double *lat, double *lon, double *km);

#endif
