/*
 * static_files.h — the dashboard's files (build/web) served by path.  Only
 * plain relative names under the root are served: no "..", no hidden
 * files, a short list of characters, and a content type by extension;
 * anything else is "not found".
 */
#ifndef MARSAD_STATIC_FILES_H
#define MARSAD_STATIC_FILES_H

#include <stdbool.h>

#include "buffer.h"

/* Reads the file for the URL path ("/" is "/index.html") under root into
 * out; *content_type gets its MIME type.  False when there is no such
 * file or the path is not one that may be served. */
bool static_file_read(const char *root, const char *path, byte_buffer *out, const char **content_type);

#endif
