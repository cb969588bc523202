/*
 * api.h — the JSON API of `marsad serve` (docs/api.md), without the HTTP:
 * a method, a path and checked query parameters in, a status and a body
 * out.  The HTTP side (src/cli/cmd_serve.c) only moves bytes, so every
 * answer, including every error, can be tested by calling api_handle.
 *
 * Reads only: the store is opened read-only and nothing here writes.
 */
#ifndef MARSAD_API_H
#define MARSAD_API_H

#include <stdbool.h>

#include "buffer.h"
#include "query_params.h"
#include "store.h"

#define API_DEFAULT_PAGE 100
#define API_MAX_PAGE 1000        /* the hard cap on events per page */
#define API_MAX_SEARCH 200

typedef struct {
    int status;                  /* 200, 400, 404, 405, 500 */
    byte_buffer body;            /* JSON */
} api_response;

/* Answers one request.  path is the decoded path ("/api/events/ID");
 * params holds the query parameters (its error, if set by parsing, makes
 * a 400).  db may be NULL only for routes that do not need it. */
void api_handle(store *db, const char *method, const char *path, query_params *params, api_response *out);

/* Writes {"error": message, "parameter": name-or-null, "status": status}. */
void api_error(api_response *out, int status, const char *message, const char *parameter);

/* The event as JSON (the object of `marsad events --format jsonl`, with an "id"). */
void api_write_event(byte_buffer *b, const stored_event *e);

#endif
