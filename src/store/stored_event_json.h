/*
 * stored_event_json.h — a stored event as the members of a JSON object,
 * written once for every reader of the store: `marsad events --format
 * jsonl` and the API of `marsad serve` (which adds its own id, source and
 * URL around them).
 */
#ifndef MARSAD_STORED_EVENT_JSON_H
#define MARSAD_STORED_EVENT_JSON_H

#include <stdbool.h>

#include "buffer.h"
#include "store.h"

/* Appends "article":…, "index", the CODEBOOK fields, trigger, sentence,
 * Goldstein, quad class and cluster, with no braces around them.
 * org_always writes "org":null for parties without one (the API's fixed
 * shape); otherwise "org" appears only when there is one. */
void stored_event_json_members(byte_buffer *b, const stored_event *e, bool org_always);

#endif
