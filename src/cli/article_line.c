/* article_line.c — see article_line.h. */
#include "article_line.h"

#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "utf8.h"

static void decode_member(const article_line *a, const char *key, byte_buffer *out)
{
    buffer_truncate(out, 0);
    const json_member *m = json_member_named(&a->view, key);
    if (m && m->kind == JSON_STRING)
        json_decode_string(m->value, m->value_len, out);
    if (!out->data)
        buffer_append(out, "", 0);
}

bool read_article_line(article_line *a, const char *who, const char *file, size_t line_number, const char *line,
                       size_t len, uint32_t default_date, size_t max_text_bytes, char *error, size_t error_size)
{
    a->id[0] = '\0';
    a->id_member = NULL;
    a->date = default_date;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    if (len == 0) {
        snprintf(error, error_size, "empty line");
        return false;
    }
    /* Invalid UTF-8 would make the whole line unreadable: read it as U+FFFD
     * instead, and say so. */
    utf8_report check = utf8_scan(line, len);
    if (check.invalid_bytes) {
        fprintf(stderr, "marsad %s: %s:%zu: %zu invalid UTF-8 byte%s read as U+FFFD\n", who, file, line_number,
                check.invalid_bytes, check.invalid_bytes == 1 ? "" : "s");
        buffer_reserve(&a->repaired, 3 * len + 1);
        len = utf8_repair(line, len, a->repaired.data);
        line = a->repaired.data;
    }
    char reason[160];
    if (!json_parse_object(line, len, &a->view, reason, sizeof reason)) {
        snprintf(error, error_size, "not a JSON object: %s", reason);
        return false;
    }
    const json_member *id = json_member_named(&a->view, "id");
    if (id && (id->kind == JSON_STRING || id->kind == JSON_NUMBER)) {
        a->id_member = id;
        buffer_truncate(&a->scratch, 0);
        if (id->kind == JSON_STRING)
            json_decode_string(id->value, id->value_len, &a->scratch);
        else
            buffer_append(&a->scratch, id->value, id->value_len);
        snprintf(a->id, sizeof a->id, "%s", a->scratch.data ? a->scratch.data : "");
    } else if (id) {
        a->id_member = id;
    }
    const json_member *text = json_member_named(&a->view, "text");
    if (!text || text->kind != JSON_STRING) {
        snprintf(error, error_size, "no \"text\" string");
        return false;
    }
    decode_member(a, "text", &a->text);
    if (a->text.len > max_text_bytes) {
        snprintf(error, error_size, "text is %zu bytes, over the %zu-byte limit (--max-bytes)", a->text.len,
                 max_text_bytes);
        return false;
    }
    const json_member *date_value = json_member_named(&a->view, "date");
    if (date_value && date_value->kind == JSON_STRING) {
        buffer_truncate(&a->scratch, 0);
        json_decode_string(date_value->value, date_value->value_len, &a->scratch);
        uint32_t d = a->scratch.data ? date_parse_iso(a->scratch.data, a->scratch.len) : 0;
        if (d)
            a->date = d;
        else
            fprintf(stderr, "marsad %s: %s:%zu: date '%.40s' is not YYYY-MM-DD; coding without it\n", who, file,
                    line_number, a->scratch.data ? a->scratch.data : "");
    }
    decode_member(a, "title", &a->title);
    decode_member(a, "source", &a->source);
    decode_member(a, "url", &a->url);
    return true;
}

void article_line_free(article_line *a)
{
    json_object_view_free(&a->view);
    buffer_free(&a->text);
    buffer_free(&a->title);
    buffer_free(&a->source);
    buffer_free(&a->url);
    buffer_free(&a->repaired);
    buffer_free(&a->scratch);
}
