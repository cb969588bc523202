/* fuzz_numbers: the figure parser at every token of arbitrary text.  A
 * figure starts where asked, stays inside the tokens, and formats. */
#include <math.h>
#include <string.h>

#include "fuzz_common.h"
#include "numbers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static token_list tokens;
    tokenize((const char *)data, size, &tokens);
    for (size_t i = 0; i <= tokens.count; i++) {
        parsed_number n;
        if (!parse_number_at(&tokens, i, &n))
            continue;
        FUZZ_CHECK(n.first_token == i && n.token_count >= 1 && i + n.token_count <= tokens.count);
        FUZZ_CHECK(!isnan(n.value) && n.value >= 0);
        char buf[64];
        format_number(&n, buf, sizeof buf);
        FUZZ_CHECK(strlen(buf) < sizeof buf);
    }
    return 0;
}
