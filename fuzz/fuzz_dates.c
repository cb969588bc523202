/* fuzz_dates: the date resolver on every sentence of arbitrary text, with
 * the article date the input starts with (YYYY-MM-DD), if any; and ISO
 * date parsing and calendar arithmetic on arbitrary values.  Whatever it
 * returns is 0 or a valid date. */
#include <string.h>

#include "dates.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    /* calendar arithmetic on the first eight bytes taken as numbers */
    if (size >= 8) {
        uint32_t date;
        int32_t shift;
        memcpy(&date, data, 4);
        memcpy(&shift, data + 4, 4);
        date %= 30000000;
        shift %= 100000;
        uint32_t later = date_add_days(date, shift);
        FUZZ_CHECK(later == 0 || date_is_valid(date));
        if (later && date_is_valid(later))
            FUZZ_CHECK(date_add_days(later, -shift) == date);
        if (date_is_valid(date)) {
            int w = date_weekday(date);
            FUZZ_CHECK(w >= 0 && w <= 6);
        }
    }
    /* an article: its date (YYYY-MM-DD) if the input starts with one, then its text */
    uint32_t article_date = date_parse_iso(text, size);
    FUZZ_CHECK(article_date == 0 || date_is_valid(article_date));
    if (article_date) {
        char formatted[11];
        date_format(article_date, formatted);
        FUZZ_CHECK(date_parse_iso(formatted, 10) == article_date);
        text += 10;
        size -= 10;
    }
    static token_list tokens;
    tokenize(text, size, &tokens);
    for (size_t s = 0; s < tokens.sentence_count; s++) {
        const sentence *se = &tokens.sentences[s];
        uint32_t date = resolve_sentence_date(&tokens, se->first_token, se->token_count, article_date);
        FUZZ_CHECK(date == 0 || date_is_valid(date));
        int year = earliest_year_named(&tokens, se->first_token, se->token_count);
        FUZZ_CHECK(year == 0 || (year >= 1000 && year <= 2100));
    }
    return 0;
}
