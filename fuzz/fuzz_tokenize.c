/* fuzz_tokenize: the tokeniser and sentence splitter on arbitrary bytes.
 * Every token and sentence lies inside the text on character boundaries
 * (tests/text_properties.h), and tokenising twice into the same list, as
 * `marsad code` does article after article, gives the same tokens. */
#include <string.h>

#include "fuzz_common.h"
#include "tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    static token_list reused;       /* kept across inputs, like cmd_code's */
    token_list fresh = {0};
    tokenize(text, size, &reused);
    tokenize(text, size, &fresh);
    FUZZ_NO_PROBLEM(check_tokens(text, size, &fresh));
    FUZZ_CHECK(reused.count == fresh.count && reused.sentence_count == fresh.sentence_count);
    for (size_t i = 0; i < fresh.count; i++) {
        const token *a = &reused.tokens[i], *b = &fresh.tokens[i];
        FUZZ_CHECK(a->start == b->start && a->end == b->end && a->kind == b->kind && a->flags == b->flags);
        FUZZ_CHECK(a->key_len == b->key_len && memcmp(token_key(&reused, a), token_key(&fresh, b), a->key_len) == 0);
    }
    token_list_free(&fresh);
    return 0;
}
