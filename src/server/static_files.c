/*
 * static_files.c — see static_files.h.
 */
#include "static_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATIC_MAX_BYTES ((off_t)32 << 20)

static const struct {
    const char *extension, *type;
} content_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
};

static bool servable(const char *path)
{
    if (path[0] != '/' || strlen(path) > 200)
        return false;
    for (const char *p = path; *p; p++) {
        char c = *p;
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || c == '.' || c == '/';
        if (!plain)
            return false;
        /* each segment starts with a letter or digit: no "..", no ".hidden", no "//" */
        if (c == '/' && !((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= '0' && p[1] <= '9')))
            return false;
    }
    return true;
}

bool static_file_read(const char *root, const char *path, byte_buffer *out, const char **content_type)
{
    if (strcmp(path, "/") == 0)
        path = "/index.html";
    if (!root || !servable(path))
        return false;
    const char *dot = strrchr(path, '.');
    *content_type = NULL;
    for (size_t i = 0; dot && i < sizeof content_types / sizeof content_types[0]; i++)
        if (strcmp(dot, content_types[i].extension) == 0)
            *content_type = content_types[i].type;
    if (!*content_type)
        return false;
    char full[4096];
    if ((size_t)snprintf(full, sizeof full, "%s%s", root, path) >= sizeof full)
        return false;
    int fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= STATIC_MAX_BYTES;
    if (ok) {
        buffer_truncate(out, 0);
        buffer_reserve(out, (size_t)st.st_size + 1);
        while (ok && out->len < (size_t)st.st_size) {
            ssize_t n = read(fd, out->data + out->len, (size_t)st.st_size - out->len);
            ok = n > 0;
            if (ok)
                out->len += (size_t)n;
        }
        out->data[out->len] = '\0';
    }
    close(fd);
    return ok;
}
