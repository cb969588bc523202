/* event_json.c — see event_json.h. */
#include "event_json.h"

#include <math.h>

#include "dates.h"
#include "json_write.h"

static void append_party(byte_buffer *b, const char *text, const event_party *p, bool with_coordinates)
{
    if (!p->present) {
        buffer_append_str(b, "null");
        return;
    }
    buffer_append_str(b, "{\"text\":");
    json_write_string(b, text + p->start, p->end - p->start);
    buffer_append_str(b, ",\"country\":");
    json_write_code(b, p->country);
    if (with_coordinates) {
        buffer_append_str(b, ",\"lat\":");
        json_write_double(b, p->lat);
        buffer_append_str(b, ",\"lon\":");
        json_write_double(b, p->lon);
    } else {
        buffer_append_str(b, ",\"sector\":");
        json_write_code(b, p->sector);
        if (p->org[0]) {
            buffer_append_str(b, ",\"org\":");
            json_write_cstring(b, p->org);
        }
    }
    buffer_append_char(b, '}');
}

void append_events_json(byte_buffer *b, const char *text, const token_list *tokens, const event_list *events,
                        const actor_list *actors)
{
    buffer_append_str(b, ",\"events\":[");
    for (size_t i = 0; i < events->count; i++) {
        const event *e = &events->items[i];
        if (i)
            buffer_append_char(b, ',');
        buffer_append_str(b, "{\"event_type\":");
        json_write_cstring(b, event_type_name((event_type)e->type));
        buffer_append_str(b, ",\"mode\":");
        json_write_code(b, e->mode);
        buffer_append_str(b, ",\"actor\":");
        append_party(b, text, &e->actor, false);
        buffer_append_str(b, ",\"recipient\":");
        append_party(b, text, &e->recipient, false);
        buffer_append_str(b, ",\"location\":");
        append_party(b, text, &e->location, true);
        buffer_append_str(b, ",\"date\":");
        if (e->date) {
            char date[11];
            date_format(e->date, date);
            json_write_cstring(b, date);
        } else {
            buffer_append_str(b, "null");
        }
        buffer_append_str(b, ",\"modality\":");
        json_write_cstring(b, modality_name((modality)e->modality));
        buffer_append_str(b, ",\"dead\":");
        json_write_int(b, e->dead, NO_COUNT);
        buffer_append_str(b, ",\"injured\":");
        json_write_int(b, e->injured, NO_COUNT);
        buffer_append_str(b, ",\"arrested\":");
        json_write_int(b, e->arrested, NO_COUNT);
        buffer_append_str(b, ",\"trigger\":{\"text\":");
        json_write_string(b, text + e->trigger_start, e->trigger_end - e->trigger_start);
        buffer_printf(b, ",\"start\":%u,\"end\":%u}", e->trigger_start, e->trigger_end);
        if (e->sentence < tokens->sentence_count) {
            const sentence *s = &tokens->sentences[e->sentence];
            buffer_printf(b, ",\"sentence\":{\"index\":%u,\"start\":%u,\"end\":%u}", e->sentence, s->start, s->end);
        }
        buffer_append_char(b, '}');
    }
    buffer_append_str(b, "],\"entities\":[");
    for (size_t i = 0; i < actors->entity_count; i++) {
        const entity *x = &actors->entities[i];
        if (i)
            buffer_append_char(b, ',');
        buffer_append_str(b, "{\"type\":");
        json_write_cstring(b, entity_type_name((entity_type)x->type));
        buffer_append_str(b, ",\"text\":");
        json_write_string(b, text + x->start, x->end - x->start);
        buffer_printf(b, ",\"start\":%u,\"end\":%u,\"country\":", x->start, x->end);
        json_write_code(b, x->country);
        buffer_printf(b, ",\"origin\":\"%s\"}", entity_origin_name((entity_origin)x->origin));
    }
    buffer_append_char(b, ']');
}
