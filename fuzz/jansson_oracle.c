/* jansson_oracle.c — see jansson_oracle.h. */
#include "jansson_oracle.h"

#include <jansson.h>
#include <stdio.h>

oracle_document *oracle_parse(const char *text, size_t len, char *error, size_t error_size)
{
    json_error_t e;
    json_t *root = json_loadb(text, len, JSON_ALLOW_NUL, &e);
    if (!root)
        snprintf(error, error_size, "%s", e.text);
    return (oracle_document *)root;
}

bool oracle_is_object(const oracle_document *doc)
{
    return json_is_object((const json_t *)doc);
}

bool oracle_string_member(const oracle_document *doc, const char *key, const char **value, size_t *len)
{
    json_t *v = json_object_get((const json_t *)doc, key);
    if (!json_is_string(v))
        return false;
    *value = json_string_value(v);
    *len = json_string_length(v);
    return true;
}

void oracle_free(oracle_document *doc)
{
    json_decref((json_t *)doc);
}
