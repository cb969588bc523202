/*
 * response_cache.h — answers of the JSON API kept for the next identical
 * request.  The server only reads, and analysts' dashboards ask the same
 * pages again and again; a page of events costs the database a sort, a
 * copy costs microseconds.  Each entry carries the generation of the
 * database it was computed from (cmd_serve.c derives it from the file's
 * size and time, so an ingest running beside the server invalidates it);
 * a lookup with another generation misses.
 *
 * Direct-mapped (a new entry replaces whatever shared its slot), locked
 * per slot, and bounded in bytes: never a reason to run out of memory.
 */
#ifndef MARSAD_RESPONSE_CACHE_H
#define MARSAD_RESPONSE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"

typedef struct response_cache response_cache;

/* slots: how many answers are kept at most; max_bytes: their total size. */
response_cache *response_cache_new(size_t slots, size_t max_bytes);
void response_cache_free(response_cache *c);

/* Copies the answer stored for key in this generation into body (replacing
 * its contents); false when there is none. */
bool response_cache_get(response_cache *c, const char *key, uint64_t generation, int *status, byte_buffer *body);

/* Keeps a copy of the answer, unless it would go over the byte budget. */
void response_cache_put(response_cache *c, const char *key, uint64_t generation, int status, const char *body,
                        size_t len);

#endif
