/* fuzz_clitics: the clitic segmenter, on the keys the tokeniser makes of
 * arbitrary text and on raw bytes taken as a key.  Every reading's stem
 * lies inside the word, and formatting a reading never overflows. */
#include <string.h>

#include "clitics.h"
#include "fuzz_common.h"
#include "tokenize.h"

static void check_readings(const char *key, size_t len, bool teh_marbuta)
{
    clitic_reading readings[CLITIC_MAX_READINGS];
    size_t n = clitic_readings(key, len, teh_marbuta, readings, CLITIC_MAX_READINGS);
    FUZZ_CHECK(n >= 1 && n <= CLITIC_MAX_READINGS);
    /* a word too long to segment is read whole, as an empty stem */
    FUZZ_CHECK(readings[0].stem_offset == 0 && readings[0].stem_len == (len > CLITIC_MAX_WORD ? 0 : len));
    for (size_t r = 0; r < n; r++) {
        const clitic_reading *reading = &readings[r];
        FUZZ_CHECK((size_t)reading->stem_offset + reading->stem_len <= len);
        FUZZ_CHECK(reading->proclitic_count <= 4);
        char stem[CLITIC_MAX_WORD + 8];
        if (len <= CLITIC_MAX_WORD) {
            size_t stem_len = clitic_stem(key, reading, stem);
            FUZZ_CHECK(stem_len <= CLITIC_MAX_WORD);
        }
        char formatted[64];
        clitic_reading_format(key, len, reading, formatted, sizeof formatted);
        FUZZ_CHECK(strlen(formatted) < sizeof formatted);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static token_list tokens;
    tokenize((const char *)data, size, &tokens);
    for (size_t i = 0; i < tokens.count; i++) {
        const token *t = &tokens.tokens[i];
        if (t->kind == TOKEN_WORD)
            check_readings(token_key(&tokens, t), t->key_len, t->flags & TOKEN_ENDS_IN_TEH_MARBUTA);
    }
    /* raw bytes as a key: the segmenter must not trust its input */
    if (size > 0) {
        char *key = xstrndup((const char *)data + 1, size - 1);
        check_readings(key, size - 1, data[0] & 1);
        free(key);
    }
    return 0;
}
