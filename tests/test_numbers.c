/* Tests of src/text/numbers: figures in digits and words, vague amounts by
 * ACLED's rule, qualifiers kept as flags. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "numbers.h"

/* Parses the first figure of text; returns its value, and its flags and
 * token count through the pointers. */
static double figure_in(const char *text, unsigned *flags, size_t *tokens)
{
    token_list list = {0};
    tokenize(text, strlen(text), &list);
    double value = -1;
    for (size_t i = 0; i < list.count; i++) {
        parsed_number n;
        if (parse_number_at(&list, i, &n)) {
            value = n.value;
            if (flags)
                *flags = n.flags;
            if (tokens)
                *tokens = n.token_count;
            break;
        }
    }
    token_list_free(&list);
    return value;
}

static void assert_figure(const char *text, double expected)
{
    double v = figure_in(text, NULL, NULL);
    if (v != expected)
        fail_msg("%s: expected %.0f, got %.0f", text, expected, v);
}

static void digits(void **state)
{
    (void)state;
    assert_figure("قتل 49 جنديا", 49);
    assert_figure("مقتل 6500 شخص", 6500);
    assert_figure("مقتل ٦٥٠٠ شخص", 6500);
    assert_figure("مقتل 6,500 شخص", 6500);
    assert_figure("30 ألف قتيل", 30000);
    assert_figure("3.5 مليون لاجئ", 3500000);
    assert_figure("١٢٫٥ مليون", 12500000);
    size_t tokens = 0;
    figure_in("49 جنديا قتلوا", NULL, &tokens);
    assert_int_equal(tokens, 1);     /* the counted noun is not part of the figure */
}

static void simple_words_in_every_gender_and_case(void **state)
{
    (void)state;
    assert_figure("ثلاثة جنود", 3);
    assert_figure("ثلاث نساء", 3);
    assert_figure("قتل خمسة مدنيين", 5);
    assert_figure("اثنان من الجنود", 2);
    assert_figure("اثنين من الجنود", 2);
    assert_figure("عشرة أشخاص", 10);
    assert_figure("عشرون قتيلا", 20);
    assert_figure("عشرين قتيلا", 20);
    assert_figure("ثمانية عناصر", 8);
    assert_figure("مئة شخص", 100);
    assert_figure("مائة شخص", 100);
}

static void compounds(void **state)
{
    (void)state;
    assert_figure("ثلاثة وعشرون جنديا", 23);
    assert_figure("ثلاثة و عشرون جنديا", 23);
    assert_figure("خمسة وأربعين", 45);
    assert_figure("مئتان وخمسون", 250);
    assert_figure("مئتين وخمسين", 250);
    assert_figure("ثلاثمائة وخمسة", 305);
    assert_figure("ثلاث مئة", 300);
    assert_figure("ألفان", 2000);
    assert_figure("ألفين", 2000);
    assert_figure("ثلاثة آلاف", 3000);
    assert_figure("ألف شخص", 1000);
    assert_figure("مليون ونصف", 1500000);
    assert_figure("نصف مليون", 500000);
    assert_figure("أحد عشر جنديا", 11);
    assert_figure("خمسة عشر", 15);
    assert_figure("ألف وخمسمائة", 1500);
    assert_figure("مليونين", 2000000);
}

static void vague_amounts_take_acleds_value(void **state)
{
    (void)state;
    unsigned flags = 0;
    assert_true(figure_in("مقتل عشرات المدنيين", &flags, NULL) == 10);
    assert_true(flags & NUMBER_VAGUE);
    assert_figure("سقط العشرات", 10);
    assert_figure("إصابة مئات الأشخاص", 100);
    assert_figure("نزوح آلاف السكان", 1000);
    assert_figure("عشرات الآلاف", 10000);
}

static void qualifiers_are_flags_not_changes(void **state)
{
    (void)state;
    unsigned flags = 0;
    size_t tokens = 0;
    assert_true(figure_in("مقتل نحو 6500 شخص", &flags, &tokens) == 6500);
    assert_true(flags & NUMBER_APPROXIMATE);
    assert_int_equal(tokens, 2);
    assert_true(figure_in("قرابة ألف", &flags, NULL) == 1000);
    assert_true(flags & NUMBER_APPROXIMATE);
    assert_true(figure_in("حوالي 30", &flags, NULL) == 30);
    assert_true(flags & NUMBER_APPROXIMATE);
    assert_true(figure_in("زهاء مئة", &flags, NULL) == 100);
    assert_true(flags & NUMBER_APPROXIMATE);
    assert_true(figure_in("أكثر من 40 قتيلا", &flags, NULL) == 40);
    assert_true(flags & NUMBER_AT_LEAST);
    assert_true(figure_in("ما لا يقل عن عشرة", &flags, &tokens) == 10);
    assert_true(flags & NUMBER_AT_LEAST);
    assert_int_equal(tokens, 5);
    assert_true(figure_in("ونحو 200", &flags, NULL) == 200);
    assert_true(flags & NUMBER_APPROXIMATE);
}

static void separate_figures_stay_separate(void **state)
{
    (void)state;
    size_t tokens = 0;
    assert_true(figure_in("12 مليون و1500 شخص", NULL, &tokens) == 12000000);
    assert_int_equal(tokens, 2);
    assert_true(figure_in("ثلاثة وقتلى", NULL, &tokens) == 3);
    assert_int_equal(tokens, 1);
}

static void duals_of_people_count_two(void **state)
{
    (void)state;
    size_t tokens = 0;
    assert_true(figure_in("شرطيين بلجيكيين", NULL, &tokens) == 2);
    assert_int_equal(tokens, 1);
    assert_true(figure_in("طفلان", NULL, NULL) == 2);
    /* a dual noun is a whole figure: it neither joins nor is joined */
    assert_true(figure_in("ثلاثة جنديين", NULL, &tokens) == 3);
    assert_int_equal(tokens, 1);
    /* the sound plural of a nisba noun is not a dual */
    assert_true(figure_in("مدنيين", NULL, NULL) < 0);
}

static void no_figure_no_parse(void **state)
{
    (void)state;
    assert_true(figure_in("قال المتحدث إن الوضع هادئ", NULL, NULL) < 0);
    assert_true(figure_in("نحو الحدود", NULL, NULL) < 0);   /* a qualifier alone is no figure */
}

static void format_shows_flags(void **state)
{
    (void)state;
    parsed_number n = {6500, 0, 2, NUMBER_APPROXIMATE};
    char buf[64];
    format_number(&n, buf, sizeof buf);
    assert_string_equal(buf, "~6500");
    n = (parsed_number){10, 0, 1, NUMBER_VAGUE};
    format_number(&n, buf, sizeof buf);
    assert_string_equal(buf, "10 (vague)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(digits),
        cmocka_unit_test(duals_of_people_count_two),
        cmocka_unit_test(simple_words_in_every_gender_and_case),
        cmocka_unit_test(compounds),
        cmocka_unit_test(vague_amounts_take_acleds_value),
        cmocka_unit_test(qualifiers_are_flags_not_changes),
        cmocka_unit_test(separate_figures_stay_separate),
        cmocka_unit_test(no_figure_no_parse),
        cmocka_unit_test(format_shows_flags),
    };
    return cmocka_run_group_tests_name("numbers", tests, NULL, NULL);
}
