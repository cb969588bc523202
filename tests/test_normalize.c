/* Tests of src/text/normalize: every rule of data/normalize.tsv, on real
 * spellings, and the variants the seed article mixes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "letter_runs.h"
#include "normalize.h"
#include "utf8.h"

static char *key_of(const char *s)
{
    byte_buffer b = {0};
    normalize_for_match(s, strlen(s), &b);
    if (!b.data)
        buffer_append(&b, "", 0);
    return b.data;
}

static void assert_key(const char *text, const char *expected)
{
    char *k = key_of(text);
    assert_string_equal(k, expected);
    free(k);
}

static void assert_same_key(const char *a, const char *b)
{
    char *ka = key_of(a), *kb = key_of(b);
    assert_string_equal(ka, kb);
    free(ka);
    free(kb);
}

/* One example per rule name of data/normalize.tsv; the last test checks
 * that no rule of the table is left without an example here. */
static const struct {
    const char *rule, *text, *key;
} rule_examples[] = {
    {"tatweel", "قـــال", "قال"},
    {"diacritic", "مُحَمَّدٌ", "محمد"},
    {"diacritic", "هٰذا", "هذا"},
    {"alef", "أرمينيا", "ارمينيا"},
    {"alef", "إيران", "ايران"},
    {"alef", "آلاف", "الاف"},
    {"alef", "ٱلله", "الله"},
    {"alef_maqsura", "مصطفى", "مصطفي"},
    {"teh_marbuta", "جمهورية", "جمهوريه"},
    {"persian_letter", "کابل", "كابل"},
    {"persian_letter", "ایران", "ايران"},
    {"persian_letter", "خانۀ", "خانه"},
    {"persian_letter", "کوردستانە", "كوردستانه"},
    {"digit", "٢٠٢٢", "2022"},
    {"digit", "۱۴۰۱", "1401"},
    {"number_separator", "١٢٫٥", "12.5"},
    {"number_separator", "٦٬٥٠٠", "6500"},
    {"invisible", "باش\xE2\x80\x8Cينيان", "باشينيان"},          /* ZWNJ */
    {"invisible", "\xE2\x80\x8Fيريفان", "يريفان"},              /* RLM */
    {"invisible", "با\xD8\x9Cكو", "باكو"},                      /* ALM U+061C */
    {"invisible", "\xE2\x80\xABموسكو\xE2\x80\xAC", "موسكو"},    /* RLE .. PDF */
    {"invisible", "\xE2\x81\xA7طهران\xE2\x81\xA9", "طهران"},    /* RLI .. PDI */
    {"invisible", "\xEF\xBB\xBFالخبر", "الخبر"},                /* BOM */
    {"invisible", "صح\xC2\xADفي", "صحفي"},                      /* soft hyphen */
    {"latin_case", "MBC", "mbc"},
};

static void every_rule_has_its_example(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rule_examples / sizeof rule_examples[0]; i++)
        assert_key(rule_examples[i].text, rule_examples[i].key);
    for (size_t r = 0; r < fold_rule_count(); r++) {
        bool covered = false;
        for (size_t i = 0; i < sizeof rule_examples / sizeof rule_examples[0]; i++)
            if (strcmp(rule_examples[i].rule, fold_rule_name(r)) == 0)
                covered = true;
        if (!covered)
            fail_msg("rule '%s' of data/normalize.tsv has no example in this test", fold_rule_name(r));
    }
}

static void fold_reports_the_rule_applied(void **state)
{
    (void)state;
    normalize_init();
    char out[4];
    const char *rule = NULL;
    assert_int_equal(fold_codepoint(0x0623, out, &rule), 2);
    assert_string_equal(rule, "alef");
    assert_int_equal(fold_codepoint(0x0640, out, &rule), 0);
    assert_string_equal(rule, "tatweel");
    assert_int_equal(fold_codepoint(0x0628, out, &rule), 2);
    assert_null(rule);
}

static void nfkc_composes_and_decomposes(void **state)
{
    (void)state;
    /* alef + combining hamza above composes to أ, which folds to ا */
    assert_key("\xD8\xA7\xD9\x94" "حمد", "احمد");
    /* presentation forms (from PDFs and old web pages) become letters */
    assert_key("\xEF\xBB\xB3\xEF\xBA\x98\xEF\xBA\xAE", "يتر");   /* ﻳﺘﺮ */
    assert_key("\xEF\xBB\xBB", "لا");                            /* ﻻ lam-alef ligature */
    /* compatibility characters */
    assert_key("\xEF\xAC\x81le", "file");                         /* ﬁ */
    assert_key("\xC2\xB2", "2");                                  /* ² */
}

static void seed_article_spelling_variants_share_keys(void **state)
{
    (void)state;
    assert_same_key("أرمينيا", "ارمينيا");
    assert_same_key("أذربيجان", "اذربيجان");
    assert_same_key("الإشتباكات", "الاشتباكات");
    assert_same_key("قرة", "قره");
    assert_same_key("المسيّرة", "المسيرة");
    assert_same_key("وفقاً", "وفقا");
    assert_same_key("عبداللهيان", "عبداللهيان");
}

static void canonical_spelling_covers_transliterations(void **state)
{
    (void)state;
    char *k = key_of("أميركي");
    size_t len = 0;
    const char *canonical = canonical_spelling(k, strlen(k), &len);
    assert_non_null(canonical);
    char *expected = key_of("أمريكي");
    assert_int_equal(len, strlen(expected));
    assert_memory_equal(canonical, expected, len);
    assert_null(canonical_spelling(expected, strlen(expected), &len));
    free(k);
    free(expected);
}

static void normalisation_is_idempotent(void **state)
{
    (void)state;
    const char *samples[] = {"وأكد كنعاني", "الإشتباكات", "ﻻ", "٦٬٥٠٠", "مُحَمَّدٌ", "MBC مصر", "\xFF\xFEجنود"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char *once = key_of(samples[i]);
        char *twice = key_of(once);
        assert_string_equal(once, twice);
        free(once);
        free(twice);
    }
}

static void invalid_bytes_give_replacement_characters(void **state)
{
    (void)state;
    assert_key("ب\xFF" "ا", "ب\xEF\xBF\xBD" "ا");
}

static void character_classes(void **state)
{
    (void)state;
    normalize_init();
    assert_int_equal(char_class_of(0x0628), CHAR_LETTER);
    assert_int_equal(char_class_of(0x064E), CHAR_MARK);
    assert_int_equal(char_class_of(0x0640), CHAR_MARK);
    assert_int_equal(char_class_of(0x0663), CHAR_DIGIT);
    assert_int_equal(char_class_of(0x06F3), CHAR_DIGIT);
    assert_int_equal(char_class_of(0x060C), CHAR_PUNCT);   /* ، */
    assert_int_equal(char_class_of(0x061B), CHAR_PUNCT);   /* ؛ */
    assert_int_equal(char_class_of(0x061F), CHAR_PUNCT);   /* ؟ */
    assert_int_equal(char_class_of(0x00AB), CHAR_PUNCT);   /* « */
    assert_int_equal(char_class_of(0x200C), CHAR_INVISIBLE);
    assert_int_equal(char_class_of('\n'), CHAR_NEWLINE);
    assert_int_equal(char_class_of(0), CHAR_SPACE);
    assert_int_equal(digit_value(0x0669), 9);
    assert_int_equal(digit_value(0x06F5), 5);
    assert_int_equal(digit_value('x'), -1);
}

/* The tokeniser copies "plain" Arabic letters byte for byte: the table
 * must hold exactly the letters whose key is themselves, and nothing
 * outside U+0600..U+06FF or any malformed pair. */
static void plain_arabic_letters_are_their_own_key(void **state)
{
    (void)state;
    normalize_init();
    size_t plain = 0;
    for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++) {
        char utf8[4], folded[4];
        size_t n = utf8_encode(cp, utf8);
        size_t k = fold_codepoint(cp, folded, NULL);
        bool kept = k == n && memcmp(folded, utf8, n) == 0 && nfkc_stable_codepoint(cp) &&
                    char_class_of(cp) == CHAR_LETTER && cp != 0x0629;
        assert_int_equal(is_plain_arabic_letter((const unsigned char *)utf8), kept);
        plain += kept;
    }
    assert_true(plain > 100);
    const char *changed[] = {"ة", "أ", "إ", "آ", "ى", "ـ", "َ", "ک", "ی", "٣"};
    for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++)
        assert_false(is_plain_arabic_letter((const unsigned char *)changed[i]));
    assert_true(is_plain_arabic_letter((const unsigned char *)"ب"));
    /* a lead byte followed by anything but a continuation byte */
    for (unsigned lead = 0; lead < 256; lead++)
        for (unsigned next = 0; next < 256; next++) {
            unsigned char pair[2] = {(unsigned char)lead, (unsigned char)next};
            if (lead < 0xD8 || lead > 0xDB || next < 0x80 || next > 0xBF)
                assert_false(is_plain_arabic_letter(pair));
        }
}

/* The sixteen-byte letter runs (letter_runs.h) must agree with the tables:
 * every pair they accept is a word letter NFKC leaves alone, folded as
 * the table folds it, and every common letter is accepted. */
static void common_letter_runs_agree_with_the_tables(void **state)
{
    (void)state;
    normalize_init();
#if COMMON_LETTER_RUNS
    size_t accepted = 0;
    for (unsigned lead = 0; lead < 256; lead++)
        for (unsigned next = 0; next < 256; next++) {
            unsigned char in[16];
            char out[16];
            for (size_t i = 0; i < 16; i += 2) {
                in[i] = (unsigned char)lead;
                in[i + 1] = (unsigned char)next;
            }
            size_t run = fold_common_letters16(in, out);
            assert_true(run == 0 || run == 16);
            if (run == 0)
                continue;
            accepted++;
            assert_true(lead >= 0xC2 && lead < 0xE0 && (next & 0xC0) == 0x80);
            uint32_t w = small_chars_packed[(lead & 0x1F) << 6 | (next & 0x3F)];
            assert_true(w & PACKED_LETTER);
            assert_false(w & PACKED_NEEDS_NFKC);
            assert_int_equal((w >> 16) & 3, 2);
            for (size_t i = 0; i < 16; i += 2) {
                assert_int_equal((unsigned char)out[i], w & 0xFF);
                assert_int_equal((unsigned char)out[i + 1], (w >> 8) & 0xFF);
            }
        }
    assert_int_equal(accepted, (0x063A - 0x0621 + 1) + (0x064A - 0x0641 + 1));
    /* a run stops at the first other pair, wherever it is */
    const char *word = "أعلنت الحكومة";
    char out[16];
    assert_int_equal(fold_common_letters16((const unsigned char *)word, out), strlen("أعلنت"));
    assert_memory_equal(out, "اعلنت", strlen("اعلنت"));
    /* a stray byte A9 (the second byte of ة) right after a run leaves it alone */
    const unsigned char stray[16] = {0xD8, 0xA8, 0xD9, 0x84, 0xA9, 0xD8, 0xA9};
    assert_int_equal(fold_common_letters16(stray, out), 4);
    assert_memory_equal(out, "بل", 4);
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_rule_has_its_example),
        cmocka_unit_test(fold_reports_the_rule_applied),
        cmocka_unit_test(nfkc_composes_and_decomposes),
        cmocka_unit_test(seed_article_spelling_variants_share_keys),
        cmocka_unit_test(canonical_spelling_covers_transliterations),
        cmocka_unit_test(normalisation_is_idempotent),
        cmocka_unit_test(invalid_bytes_give_replacement_characters),
        cmocka_unit_test(character_classes),
        cmocka_unit_test(plain_arabic_letters_are_their_own_key),
        cmocka_unit_test(common_letter_runs_agree_with_the_tables),
    };
    return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
