/* Tests of src/events/dates: calendar arithmetic and Arabic date words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "dates.h"
#include "tokenize.h"

static uint32_t date_in(const char *sentence_text, uint32_t article_date)
{
    token_list tokens = {0};
    tokenize(sentence_text, strlen(sentence_text), &tokens);
    uint32_t d = resolve_sentence_date(&tokens, 0, tokens.count, article_date);
    token_list_free(&tokens);
    return d;
}

static void calendar(void **state)
{
    (void)state;
    assert_int_equal(date_add_days(20220913, -1), 20220912);
    assert_int_equal(date_add_days(20220301, -1), 20220228);
    assert_int_equal(date_add_days(20200301, -1), 20200229);     /* leap year */
    assert_int_equal(date_add_days(20211231, 1), 20220101);
    assert_int_equal(date_weekday(20220913), 2);                   /* a Tuesday */
    assert_int_equal(date_weekday(19700101), 4);
    assert_true(date_is_valid(20240229));
    assert_false(date_is_valid(20230229));
    assert_false(date_is_valid(20221301));
    assert_int_equal(date_parse_iso("2022-09-13", 10), 20220913);
    assert_int_equal(date_parse_iso("2022-09-13T10:00:00Z", 20), 20220913);
    assert_int_equal(date_parse_iso("2022-13-40", 10), 0);
    assert_int_equal(date_parse_iso("13/09/2022", 10), 0);
    assert_int_equal(date_parse_iso("2022", 4), 0);
    char out[11];
    date_format(20220913, out);
    assert_string_equal(out, "2022-09-13");
}

static void relative_words(void **state)
{
    (void)state;
    assert_int_equal(date_in("قال الوزير اليوم إن المفاوضات مستمرة", 20220913), 20220913);
    assert_int_equal(date_in("وكانت الوزارة أعلنت أمس أن", 20220913), 20220912);
    assert_int_equal(date_in("وقع الهجوم أول أمس قرب الحدود", 20220913), 20220911);
    assert_int_equal(date_in("جرت الاشتباكات وأمس تجددت", 20220913), 20220912);
}

static void weekdays_look_back(void **state)
{
    (void)state;
    /* the article is from Tuesday 13 September 2022 */
    assert_int_equal(date_in("اشتباكات جرت، الثلاثاء، على الحدود", 20220913), 20220913);
    assert_int_equal(date_in("التقى الوزيران يوم الأحد في موسكو", 20220913), 20220911);
    assert_int_equal(date_in("وصل الوفد الأربعاء الماضي", 20220913), 20220907);
    /* the night of Monday to Tuesday is dated by the Tuesday */
    assert_int_equal(date_in("اندلعت الاشتباكات ليل الإثنين الثلاثاء", 20220913), 20220913);
}

static void month_names_of_every_region(void **state)
{
    (void)state;
    assert_int_equal(date_in("في 13 سبتمبر 2022", 20221001), 20220913);
    assert_int_equal(date_in("في 13 أيلول 2022", 20221001), 20220913);
    assert_int_equal(date_in("يوم 5 جانفي الماضي", 20170120), 20170105);      /* Tunisian January */
    assert_int_equal(date_in("في 20 كانون الثاني", 20220301), 20220120);      /* Levantine, two words */
    /* without a year, a month after the article's is last year's */
    assert_int_equal(date_in("منذ 15 نوفمبر", 20220301), 20211115);
    /* a month name needs a day or year beside it: آب is also "father" */
    assert_int_equal(date_in("قال الأب إن ابنه فقد", 20220913), 0);
    assert_int_equal(date_in("منذ آب الماضي", 20220913), 0);
}

static void years_and_decades(void **state)
{
    (void)state;
    token_list tokens = {0};
    const char *s = "بعد حرب أولى مطلع التسعينات، تواجها في خريف عام 2020";
    tokenize(s, strlen(s), &tokens);
    assert_int_equal(earliest_year_named(&tokens, 0, tokens.count), 1990);
    const char *t = "اندلعت الاشتباكات اليوم";
    tokenize(t, strlen(t), &tokens);
    assert_int_equal(earliest_year_named(&tokens, 0, tokens.count), 0);
    token_list_free(&tokens);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar),
        cmocka_unit_test(relative_words),
        cmocka_unit_test(weekdays_look_back),
        cmocka_unit_test(month_names_of_every_region),
        cmocka_unit_test(years_and_decades),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
