/* fuzz_json_read: the JSON Lines reader of `marsad code`, checked against
 * jansson.  On well-formed UTF-8 both must agree on whether the line is a
 * JSON object (except where jansson is stricter: lone surrogates, numbers
 * out of range, NUL in keys; or marsad: nesting past 64, a raw NUL byte
 * between tokens), and decode
 * every top-level string member to the same bytes. */
#include <string.h>

#include "fuzz_common.h"
#include "jansson_oracle.h"
#include "json_read.h"

static bool jansson_is_stricter(const char *message)
{
    static const char *const reasons[] = {"Unicode", "overflow", "too big", "NUL"};
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (strstr(message, reasons[i]))
            return true;
    return false;
}

static void compare_strings(const json_object_view *view, const oracle_document *root)
{
    byte_buffer ours = {0};
    for (size_t i = 0; i < view->count; i++) {
        const json_member *m = &view->members[i];
        if (m->kind != JSON_STRING || memchr(m->key, '\\', m->key_len))
            continue;
        char *key = xstrndup(m->key, m->key_len);
        const json_member *last = json_member_named(view, key);
        const char *theirs;
        size_t theirs_len;
        bool found = oracle_string_member(root, key, &theirs, &theirs_len);
        free(key);
        if (last != m || !found)
            continue;
        buffer_truncate(&ours, 0);
        json_decode_string(m->value, m->value_len, &ours);
        FUZZ_CHECK(ours.len == theirs_len);
        FUZZ_CHECK(ours.len == 0 || memcmp(ours.data, theirs, ours.len) == 0);
    }
    buffer_free(&ours);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    static json_object_view view;
    char error[160];
    bool ours = json_parse_object(text, size, &view, error, sizeof error);
    if (ours) {
        for (size_t i = 0; i < view.count; i++) {
            const json_member *m = &view.members[i];
            FUZZ_CHECK(m->key >= text && m->key + m->key_len <= text + size);
            FUZZ_CHECK(m->value >= text && m->value + m->value_len <= text + size && m->value_len > 0);
            byte_buffer decoded = {0};
            if (m->kind == JSON_STRING)
                json_decode_string(m->value, m->value_len, &decoded);
            buffer_free(&decoded);
        }
    } else {
        FUZZ_CHECK(strlen(error) > 0);
    }
    utf8_report scan = utf8_scan(text, size);
    if (scan.invalid_bytes)
        return 0;       /* cmd_code repairs a line before reading it */
    if (scan.nul_bytes)
        return 0;       /* jansson lets a raw NUL pass between tokens; RFC 8259 does not */
    char their_error[200];
    oracle_document *root = oracle_parse(text, size, their_error, sizeof their_error);
    bool theirs = root && oracle_is_object(root);
    if (ours && !theirs && !root)
        FUZZ_CHECK(jansson_is_stricter(their_error));
    if (!ours && theirs)
        FUZZ_CHECK(strstr(error, "nested") != NULL);
    if (ours && theirs)
        compare_strings(&view, root);
    oracle_free(root);
    return 0;
}
