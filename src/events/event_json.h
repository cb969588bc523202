/*
 * event_json.h — an article's events and entities as the JSON record of
 * CODEBOOK.md §4: {"id", "date", "events": [...], "entities": [...]}.
 */
#ifndef MARSAD_EVENT_JSON_H
#define MARSAD_EVENT_JSON_H

#include "actors.h"
#include "buffer.h"
#include "events.h"
#include "tokenize.h"

/* Appends the "events" and "entities" members (with a leading comma) for
 * an article whose text is text. */
void append_events_json(byte_buffer *b, const char *text, const token_list *tokens, const event_list *events,
                        const actor_list *actors);

#endif
