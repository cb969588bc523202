/*
 * stored_event_json.c — see stored_event_json.h.
 */
#include "stored_event_json.h"

#include "json_write.h"

static void json_party(byte_buffer *b, const stored_party *p, bool location, const stored_event *e, bool org_always)
{
    if (!p->text) {
        buffer_append_str(b, "null");
        return;
    }
    buffer_append_str(b, "{\"text\":");
    json_write_cstring(b, p->text);
    buffer_append_str(b, ",\"country\":");
    json_write_cstring(b, p->country);
    if (location) {
        buffer_append_str(b, ",\"lat\":");
        json_write_double(b, e->lat);
        buffer_append_str(b, ",\"lon\":");
        json_write_double(b, e->lon);
    } else {
        buffer_append_str(b, ",\"sector\":");
        json_write_cstring(b, p->sector);
        if (p->org || org_always) {
            buffer_append_str(b, ",\"org\":");
            json_write_cstring(b, p->org);
        }
    }
    buffer_append_char(b, '}');
}

void stored_event_json_members(byte_buffer *b, const stored_event *e, bool org_always)
{
    buffer_append_str(b, "\"article\":");
    json_write_cstring(b, e->article);
    buffer_printf(b, ",\"index\":%d,\"event_type\":", e->index);
    json_write_cstring(b, e->event_type);
    buffer_append_str(b, ",\"mode\":");
    json_write_cstring(b, e->mode);
    buffer_append_str(b, ",\"actor\":");
    json_party(b, &e->actor, false, e, org_always);
    buffer_append_str(b, ",\"recipient\":");
    json_party(b, &e->recipient, false, e, org_always);
    buffer_append_str(b, ",\"location\":");
    json_party(b, &e->location, true, e, org_always);
    buffer_append_str(b, ",\"date\":");
    json_write_cstring(b, e->date);
    buffer_append_str(b, ",\"modality\":");
    json_write_cstring(b, e->modality);
    buffer_append_str(b, ",\"dead\":");
    json_write_int(b, e->dead, -1);
    buffer_append_str(b, ",\"injured\":");
    json_write_int(b, e->injured, -1);
    buffer_append_str(b, ",\"arrested\":");
    json_write_int(b, e->arrested, -1);
    buffer_append_str(b, ",\"trigger\":{\"text\":");
    json_write_cstring(b, e->trigger);
    buffer_printf(b, ",\"start\":%lld,\"end\":%lld}", (long long)e->trigger_start, (long long)e->trigger_end);
    if (e->sentence >= 0)
        buffer_printf(b, ",\"sentence\":{\"index\":%lld,\"start\":%lld,\"end\":%lld}", (long long)e->sentence,
                      (long long)e->sentence_start, (long long)e->sentence_end);
    buffer_append_str(b, ",\"goldstein\":");
    json_write_double(b, e->goldstein);
    buffer_printf(b, ",\"quad_class\":%d,\"cluster\":", e->quad_class);
    json_write_cstring(b, e->cluster);
    if (e->cluster)
        buffer_printf(b, ",\"cluster_articles\":%lld,\"cluster_sources\":%lld", (long long)e->cluster_articles,
                      (long long)e->cluster_sources);
}
