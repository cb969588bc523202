/* fuzz_utf8: the UTF-8 layer on arbitrary bytes.  utf8_next always
 * advances, utf8_scan agrees with it, utf8_repair yields clean UTF-8 of
 * the expected length, and every decoded code point re-encodes to the
 * bytes it came from. */
#include <string.h>

#include "fuzz_common.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t pos = 0, code_points = 0, malformed_count = 0, nul = 0;
    while (pos < size) {
        size_t at = pos;
        bool malformed = false;
        uint32_t cp = utf8_next(text, size, &pos, &malformed);
        FUZZ_CHECK(pos > at && pos <= size && pos - at <= 4);
        code_points++;
        if (malformed) {
            FUZZ_CHECK(pos == at + 1 && cp == UTF8_REPLACEMENT);
            malformed_count++;
            continue;
        }
        nul += cp == 0;
        char encoded[4];
        size_t n = utf8_encode(cp, encoded);
        FUZZ_CHECK(n == pos - at && memcmp(encoded, text + at, n) == 0);
        FUZZ_CHECK(utf8_sequence_length(data + at, size - at) == n);
    }
    utf8_report report = utf8_scan(text, size);
    FUZZ_CHECK(report.code_points == code_points);
    FUZZ_CHECK(report.invalid_bytes == malformed_count);
    FUZZ_CHECK(report.nul_bytes == nul);
    FUZZ_CHECK((report.first_invalid == SIZE_MAX) == (malformed_count == 0));
    FUZZ_CHECK(utf8_is_clean(text, size) == (malformed_count == 0 && nul == 0));

    char *repaired = xmalloc(3 * size + 1);
    size_t repaired_len = utf8_repair(text, size, repaired);
    FUZZ_CHECK(repaired_len == size + 2 * malformed_count);
    FUZZ_CHECK(utf8_scan(repaired, repaired_len).invalid_bytes == 0);
    free(repaired);
    return 0;
}
