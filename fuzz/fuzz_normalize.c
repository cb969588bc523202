/* fuzz_normalize: matching keys and character classes on arbitrary bytes.
 * A key is clean UTF-8 and its own key (idempotence); every code point
 * has a class, and digits have a value 0..9. */
#include "fuzz_common.h"
#include "normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    normalize_init();
    canonical_spelling_init();
    FUZZ_NO_PROBLEM(check_normalize_idempotent(text, size));

    for (size_t pos = 0; pos < size;) {
        uint32_t cp = utf8_next(text, size, &pos, NULL);
        char_class cls = char_class_of(cp);
        FUZZ_CHECK(cls <= CHAR_SYMBOL);
        int d = digit_value(cp);
        FUZZ_CHECK(d >= -1 && d <= 9);
        FUZZ_CHECK((cls == CHAR_DIGIT) == (d >= 0));
        char out[4];
        FUZZ_CHECK(fold_codepoint(cp, out, NULL) <= 4);
    }

    byte_buffer key = {0};
    normalize_for_match(text, size, &key);
    size_t canonical_len = 0;
    if (key.data && canonical_spelling(key.data, key.len, &canonical_len))
        FUZZ_CHECK(canonical_len > 0);
    byte_buffer slow = {0};
    normalize_slowly(text, size, &slow);
    buffer_free(&slow);
    buffer_free(&key);
    return 0;
}
