/* fuzz_html: the article extractor on arbitrary bytes taken as a web page.
 * Whatever the page, the text it gives is valid UTF-8 without NUL bytes,
 * and a page it accepts has some text; a date it reads is a valid one. */
#include <string.h>

#include "dates.h"
#include "fuzz_common.h"
#include "html_text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static html_article page;
    bool found = html_article_extract((const char *)data, size, &page);
    if (found)
        FUZZ_CHECK(page.text.len > 0);
    const byte_buffer *parts[] = {&page.text, &page.title, &page.url, &page.site};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i]->len)
            continue;
        FUZZ_CHECK(utf8_is_clean(parts[i]->data, parts[i]->len));
        FUZZ_CHECK(memchr(parts[i]->data, '\0', parts[i]->len) == NULL);
    }
    FUZZ_CHECK(page.date == 0 || date_is_valid(page.date));
    return 0;
}
