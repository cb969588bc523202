/* fuzz_code: the whole of `marsad code` on one input, through cmd_code()
 * itself.  An input that starts with '{' is read as JSON Lines, anything
 * else as one plain-text article (--text).  Whatever the bytes, every
 * output line must be a JSON object with "events" and "entities" arrays,
 * there must be one output line per input line, and in a plain-text
 * article every reported span must lie on character boundaries with its
 * "text" equal to the slice it names.
 *
 * Input and output go through memory files so nothing touches the disk;
 * the lexicon is build/lexicon.bin (or $MARSAD_LEXICON). */
#define _GNU_SOURCE
#include <jansson.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz_common.h"

static int input_fd = -1, output_fd = -1;
static char input_path[64];
static const char *lexicon_path;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    input_fd = memfd_create("marsad-fuzz-input", 0);
    output_fd = memfd_create("marsad-fuzz-output", 0);
    if (input_fd < 0 || output_fd < 0 || dup2(output_fd, STDOUT_FILENO) < 0) {
        perror("fuzz_code: memfd");
        exit(1);
    }
    snprintf(input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
    lexicon_path = getenv("MARSAD_LEXICON") ? getenv("MARSAD_LEXICON") : "build/lexicon.bin";
    if (access(lexicon_path, R_OK) != 0) {
        fprintf(stderr, "fuzz_code: %s not found (run make first, from the repository root)\n", lexicon_path);
        exit(1);
    }
    return 0;
}

static void replace_contents(int fd, const void *data, size_t size)
{
    FUZZ_CHECK(ftruncate(fd, 0) == 0);
    FUZZ_CHECK(size == 0 || pwrite(fd, data, size, 0) == (ssize_t)size);
    FUZZ_CHECK(lseek(fd, 0, SEEK_SET) == 0);
}

static char *read_output(size_t *len)
{
    off_t end = lseek(output_fd, 0, SEEK_END);
    FUZZ_CHECK(end >= 0);
    char *out = xmalloc((size_t)end + 1);
    FUZZ_CHECK(pread(output_fd, out, (size_t)end, 0) == end);
    out[end] = '\0';
    *len = (size_t)end;
    return out;
}

/* A span the output names in a plain-text article: on boundaries, and
 * its "text" is the slice, invalid bytes shown as U+FFFD. */
static void check_reported_span(const char *text, size_t len, json_t *object)
{
    json_t *start = json_object_get(object, "start"), *end = json_object_get(object, "end");
    json_t *surface = json_object_get(object, "text");
    if (!json_is_integer(start) || !json_is_integer(end))
        return;
    size_t s = (size_t)json_integer_value(start), e = (size_t)json_integer_value(end);
    FUZZ_NO_PROBLEM(check_span(text, len, s, e));
    if (!json_is_string(surface))
        return;
    char *repaired = xmalloc(3 * (e - s) + 1);
    size_t n = utf8_repair(text + s, e - s, repaired);
    FUZZ_CHECK(n == json_string_length(surface) && memcmp(repaired, json_string_value(surface), n) == 0);
    free(repaired);
}

static void check_record(const char *line, size_t len, const char *text, size_t text_len, bool plain_text)
{
    json_error_t error;
    json_t *record = json_loadb(line, len, JSON_ALLOW_NUL, &error);
    if (!record)
        fprintf(stderr, "fuzz_code: output is not JSON (%s): %.*s\n", error.text, (int)(len > 300 ? 300 : len), line);
    FUZZ_CHECK(record && json_is_object(record));
    json_t *events = json_object_get(record, "events"), *entities = json_object_get(record, "entities");
    FUZZ_CHECK(json_is_array(events) && json_is_array(entities));
    if (plain_text) {
        size_t i;
        json_t *item;
        json_array_foreach(entities, i, item) check_reported_span(text, text_len, item);
        json_array_foreach(events, i, item) check_reported_span(text, text_len, json_object_get(item, "trigger"));
    }
    json_decref(record);
}

static size_t count_lines(const uint8_t *data, size_t size)
{
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    return lines + (size > 0 && data[size - 1] != '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool plain_text = size == 0 || data[0] != '{';
    replace_contents(input_fd, data, size);
    replace_contents(output_fd, NULL, 0);
    char *jsonl_args[] = {"code", "-q", "--lexicon", (char *)lexicon_path, input_path, NULL};
    char *text_args[] = {"code", "-q", "--text", "--date", "2022-09-14", "--lexicon", (char *)lexicon_path, input_path, NULL};
    char **args = plain_text ? text_args : jsonl_args;
    int argc = 0;
    while (args[argc])
        argc++;
    int status = cmd_code(argc, args);
    FUZZ_CHECK(status == 0);
    fflush(stdout);

    size_t out_len;
    char *out = read_output(&out_len);
    size_t records = 0;
    for (char *line = out; line < out + out_len;) {
        char *newline = memchr(line, '\n', (size_t)(out + out_len - line));
        FUZZ_CHECK(newline != NULL);       /* every record ends its line */
        check_record(line, (size_t)(newline - line), (const char *)data, size, plain_text);
        records++;
        line = newline + 1;
    }
    FUZZ_CHECK(records == (plain_text ? 1 : count_lines(data, size)));
    free(out);
    return 0;
}
