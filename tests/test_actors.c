/* Tests of src/lexicon and src/actors on sentences written for the tests in
 * the style of Arabic news copy: who is who, and in which role on a date. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "actors.h"
#include "lexicon_fixture.h"
#include "tokenize.h"


typedef struct {
    char country[4], sector[4], org[12];
    bool found, is_location, is_state_metonym;
    int type;
} coded;

/* Codes the sentence and returns the actor whose span is exactly `span`. */
static coded actor_for(const char *text, const char *span, uint32_t date)
{
    coded c;
    memset(&c, 0, sizeof c);
    token_list tokens = {0};
    actor_list actors = {0};
    tokenize(text, strlen(text), &tokens);
    code_actors(lex, text, &tokens, date, &actors);
    size_t n = strlen(span);
    for (size_t i = 0; i < actors.actor_count; i++) {
        const actor *a = &actors.actors[i];
        if (a->end - a->start == n && memcmp(text + a->start, span, n) == 0) {
            memcpy(c.country, a->country, sizeof c.country);
            memcpy(c.sector, a->sector, sizeof c.sector);
            memcpy(c.org, a->org, sizeof c.org);
            c.found = true;
            c.is_location = a->is_location;
            c.is_state_metonym = a->is_state_metonym;
            c.type = a->type;
        }
    }
    actor_list_free(&actors);
    token_list_free(&tokens);
    return c;
}

static void expect(const char *text, const char *span, uint32_t date, const char *country, const char *sector,
                   const char *org)
{
    coded c = actor_for(text, span, date);
    if (!c.found)
        fail_msg("no actor '%s' in: %s", span, text);
    if (strcmp(c.country, country) != 0 || strcmp(c.sector, sector) != 0 || strcmp(c.org, org) != 0)
        fail_msg("'%s': expected %s/%s/%s, got %s/%s/%s", span, country, sector, org, c.country, c.sector, c.org);
}

static void sector_word_then_demonym(void **state)
{
    (void)state;
    expect("وقالت وزارة الدفاع الأرمينية في بيان إن المعارك مستمرة.", "وزارة الدفاع الأرمينية", 20220913, "ARM", "MIL", "");
    expect("وأعلنت وزارة الخارجية الروسية أن الوزير سيزور المنطقة.", "وزارة الخارجية الروسية", 20220913, "RUS", "GOV", "");
    expect("وتقدمت القوات الأذربيجانية نحو الحدود.", "القوات الأذربيجانية", 20220913, "AZE", "MIL", "");
    expect("وقصفت قوات النظام السوري بلدات في ريف إدلب.", "قوات النظام السوري", 20190601, "SYR", "MIL", "");
    expect("اعتقلت الشرطة العراقية عشرة أشخاص في البصرة.", "الشرطة العراقية", 20190601, "IRQ", "COP", "");
    expect("وقال المتحدث باسم الخارجية الإيرانية إن طهران ترفض الاتهامات.", "المتحدث باسم الخارجية الإيرانية", 20220913,
           "IRN", "GOV", "");
}

static void titles_with_names_and_roles(void **state)
{
    (void)state;
    expect("وأجرى رئيس الحكومة الأرمينية نيكول باشينيان محادثات هاتفية.", "رئيس الحكومة الأرمينية نيكول باشينيان", 20220913,
           "ARM", "GOV", "");
    expect("التقى وزير الخارجية الايراني حسين امير عبداللهيان نظيره.", "وزير الخارجية الايراني حسين امير عبداللهيان",
           20220913, "IRN", "GOV", "");
    expect("واتصل الرئيس الروسي فلاديمير بوتين بنظيره التركي.", "الرئيس الروسي فلاديمير بوتين", 20220913, "RUS", "GOV", "");
    /* a name alone takes its role on the article's date */
    expect("وقال لافروف إن موسكو مستعدة للحوار.", "لافروف", 20220913, "RUS", "GOV", "");
    expect("وصرح كنعاني للصحفيين بأن بلاده تتابع التطورات.", "كنعاني", 20220913, "IRN", "GOV", "");
}

static void a_person_role_depends_on_the_date(void **state)
{
    (void)state;
    const char *s = "ودعا نيكول باشينيان أنصاره إلى التظاهر.";
    expect(s, "نيكول باشينيان", 20170601, "ARM", "OPP", "");
    expect(s, "نيكول باشينيان", 20190601, "ARM", "GOV", "");
    const char *t = "وقال علي عبد الله صالح في خطاب متلفز إن الحرب ستستمر.";
    expect(t, "علي عبد الله صالح", 20110601, "YEM", "GOV", "");
    expect(t, "علي عبد الله صالح", 20160601, "YEM", "REB", "");
}

static void capitals_as_metonyms_and_as_places(void **state)
{
    (void)state;
    coded c = actor_for("وقال باشينيان إن باكو هاجمت مواقع أرمينية.", "باكو", 20220913);
    assert_true(c.found);
    assert_true(c.is_state_metonym);
    assert_string_equal(c.country, "AZE");
    assert_string_equal(c.sector, "GOV");
    c = actor_for("وعقد الوزير مؤتمرا صحفيا في موسكو.", "موسكو", 20220913);
    assert_true(c.found);
    assert_true(c.is_location);
    assert_string_equal(c.country, "RUS");
    expect("وتسعى قوات باكو إلى التقدم.", "قوات باكو", 20220913, "AZE", "MIL", "");
    expect("واتهمت واشنطن طهران بدعم الهجمات.", "واشنطن", 20220913, "USA", "GOV", "");
}

static void coordination_makes_one_actor_each(void **state)
{
    (void)state;
    const char *s = "وبحث الرئيس مع بوتين وماكرون وبلينكن الأزمة.";
    expect(s, "بوتين", 20220913, "RUS", "GOV", "");
    expect(s, "ماكرون", 20220913, "FRA", "GOV", "");
    expect(s, "بلينكن", 20220913, "USA", "GOV", "");
    /* a state coordinated with a location is a location too */
    coded c = actor_for("اندلعت اشتباكات على الحدود بين أرمينيا وأذربيجان.", "أذربيجان", 20220913);
    assert_true(c.found);
    assert_true(c.is_location);
}

static void igos_groups_and_media(void **state)
{
    (void)state;
    expect("ودعا مجلس الأمن إلى وقف فوري لإطلاق النار.", "مجلس الأمن", 20220913, "", "IGO", "UN");
    expect("وبوساطة من الاتحاد الأوروبي تجري مفاوضات.", "الاتحاد الأوروبي", 20220913, "", "IGO", "EU");
    expect("وأطلق الحوثيون صواريخ على جازان.", "الحوثيون", 20190601, "YEM", "REB", "");
    expect("وقالت حركة حماس إنها لن تقبل بالشروط.", "حركة حماس", 20190601, "PSE", "REB", "");
    expect("ونقلت وكالة إنترفاكس عن مسؤول قوله.", "وكالة إنترفاكس", 20220913, "RUS", "MED", "");
    /* an international office gives its holder the organisation: Guterres
     * spoke for UNHCR in 2010 and for the UN from 2017 */
    expect("ودعا غوتيريس واشنطن وموسكو إلى الحوار.", "غوتيريس", 20180315, "", "IGO", "UN");
    expect("وقال غوتيريس إن اللاجئين بحاجة إلى المساعدة.", "غوتيريس", 20100601, "", "IGO", "UNHCR");
}

static void clitics_on_the_first_word(void **state)
{
    (void)state;
    expect("وبحسب وزارة الدفاع الروسية فإن القصف استمر.", "وزارة الدفاع الروسية", 20220913, "RUS", "MIL", "");
    expect("وقال متحدث باسم للجيش الإسرائيلي إن الغارات استهدفت مواقع.", "للجيش الإسرائيلي", 20220913, "ISR", "MIL", "");
    expect("والتقى الوزير بالرئيس الفرنسي إيمانويل ماكرون.", "الرئيس الفرنسي إيمانويل ماكرون", 20220913, "FRA", "GOV", "");
    /* after ل the article loses its alef: للمغرب is ل + المغرب */
    expect("وأعلن دعم بلاده للمغرب في ملف الاستضافة.", "للمغرب", 20180401, "MAR", "", "");
    expect("وقدمت الكويت مساعدات وللعراق قروضا.", "للعراق", 20180401, "IRQ", "", "");
    expect("وجه رسالة للولايات المتحدة أمس.", "للولايات المتحدة", 20180401, "USA", "", "");
    expect("وقال الأمين العام للأمم المتحدة إن الوضع خطير.", "الأمين العام للأمم المتحدة", 20180401, "", "IGO", "UN");
    expect("وهي الوكالة التابعة للاتحاد الأوروبي.", "للاتحاد الأوروبي", 20180401, "", "IGO", "EU");
}

static void lookups_and_prefixes(void **state)
{
    (void)state;
    size_t count;
    bool is_prefix;
    /* "الاتحاد" starts "الاتحاد الاوروبي" */
    lexicon_lookup(lex, "الاتحاد", strlen("الاتحاد"), &count, &is_prefix);
    assert_true(is_prefix);
    const lexicon_entry *e = lexicon_lookup(lex, "ايران", strlen("ايران"), &count, &is_prefix);
    assert_non_null(e);
    assert_int_equal(e->kind, LEX_COUNTRY);
    assert_string_equal(e->country, "IRN");
    assert_null(lexicon_lookup(lex, "zzzz", 4, &count, &is_prefix));
    assert_int_equal(count, 0);
}

static void a_broken_lexicon_file_is_refused(void **state)
{
    (void)state;
    char path[] = "/tmp/marsad-bad-lexicon-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "MARSADLX but not really a lexicon, only some bytes to read", 58), 58);
    close(fd);
    assert_null(lexicon_open(path));
    unlink(path);
    assert_null(lexicon_open("/nonexistent/lexicon.bin"));
}


static void more_news_sentences_across_the_tables(void **state)
{
    (void)state;
    /* countries with and without the article, official names, hamza variants */
    expect("وأعلنت المملكة العربية السعودية دعمها للمبادرة.", "المملكة العربية السعودية", 20190601, "SAU", "GOV", "");
    expect("وقالت الإمارات إنها ستشارك في الاجتماع.", "الإمارات", 20190601, "ARE", "GOV", "");
    expect("واتهم العراق جماعات مسلحة بالهجوم.", "العراق", 20190601, "IRQ", "GOV", "");
    expect("ورفضت اسرائيل الاقتراح المصري.", "اسرائيل", 20190601, "ISR", "GOV", "");
    /* demonyms in the feminine and plural, with the article */
    expect("وقال المسؤولون الإيرانيون إن الاتفاق ما زال قائما.", "المسؤولون الإيرانيون", 20190601, "IRN", "GOV", "");
    expect("وأعلنت البحرية الإيرانية احتجاز ناقلة نفط.", "البحرية الإيرانية", 20190601, "IRN", "MIL", "");
    expect("وقصفت الطائرات التركية مواقع في شمال العراق.", "الطائرات التركية", 20190601, "TUR", "MIL", "");
    /* armed groups, parties, IGO organs and envoys */
    expect("وأعلن حزب الله مسؤوليته عن الهجوم.", "حزب الله", 20190601, "LBN", "REB", "");
    expect("وسيطرت هيئة تحرير الشام على البلدة.", "هيئة تحرير الشام", 20190601, "SYR", "REB", "");
    expect("وقالت قوات الدعم السريع إنها صدت الهجوم.", "قوات الدعم السريع", 20230601, "SDN", "MIL", "");
    expect("ودعت جامعة الدول العربية إلى اجتماع طارئ.", "جامعة الدول العربية", 20190601, "", "IGO", "ARAB_LEAGUE");
    expect("وأعرب حلف شمال الأطلسي عن قلقه.", "حلف شمال الأطلسي", 20190601, "", "IGO", "NATO");
    expect("وحذرت الوكالة الدولية للطاقة الذرية من نقص المعلومات.", "الوكالة الدولية للطاقة الذرية", 20190601, "", "IGO",
           "IAEA");
    /* media, and people named alone at two dates */
    expect("وذكرت وكالة الأنباء الفرنسية أن الاشتباكات توقفت.", "وكالة الأنباء الفرنسية", 20190601, "FRA", "MED", "");
    expect("وقال أردوغان إن بلاده لن تتراجع.", "أردوغان", 20120601, "TUR", "GOV", "");
    expect("وقال أردوغان إن بلاده لن تتراجع.", "أردوغان", 20190601, "TUR", "GOV", "");
}

static void places_resolve_to_country_and_coordinates(void **state)
{
    (void)state;
    const char *s = "وقتل خمسة مدنيين في قصف على مدينة حلب شمال سوريا.";
    coded c = actor_for(s, "حلب", 20190601);
    assert_true(c.found);
    assert_true(c.is_location);
    assert_string_equal(c.country, "SYR");
    /* a conflict-zone place from the curated table */
    c = actor_for("واندلعت اشتباكات في مأرب.", "مأرب", 20190601);
    assert_true(c.found);
    assert_string_equal(c.country, "YEM");
    c = actor_for("وسقطت قذائف على خان يونس.", "خان يونس", 20190601);
    assert_true(c.found);
    assert_string_equal(c.country, "PSE");
}

/* Names that begin with ك are not "like" + a place, nor words with س
 * "will" + one, and a hashtag's _ joins the words of one name. */
static void kaf_names_and_hashtags(void **state)
{
    (void)state;
    coded c = actor_for("رفض الرئيس الروماني كلاوس يوهانيس الفكرة.", "لاوس", 20180420);
    assert_false(c.found);
    c = actor_for("وقال المتحدث كريم عبد الله إن الوضع هادئ.", "ريم", 20180420);
    assert_false(c.found);
    c = actor_for("وكسرت القوات الحصار.", "سرت", 20180420);
    assert_false(c.found);
    /* nor is a word with س in front a name: the future سـ is a verb's
     * (ابن سينا is no Jena, وسيطا "as a mediator" no Yatta) */
    static const char *after_sin[][2] = {
        {"نظم سكان المروج وابن سينا وقفة احتجاجية.", "سينا"},
        {"نظم سكان المروج وابن سينا وقفة احتجاجية.", "ينا"},
        {"وقال إن بلاده مستعدة لأن تكون وسيطا بين الطرفين.", "وسيطا"},
        {"وقال إن بلاده مستعدة لأن تكون وسيطا بين الطرفين.", "يطا"},
    };
    for (size_t i = 0; i < sizeof after_sin / sizeof *after_sin; i++) {
        c = actor_for(after_sin[i][0], after_sin[i][1], 20170305);
        assert_false(c.found);
    }
    /* words that fold to the name of a town: الأشهر (the months), أمن (security) */
    c = actor_for("وقال في الأشهر الماضية إن أمن الخليج مهم.", "الأشهر", 20180420);
    assert_false(c.found);
    c = actor_for("وقال في الأشهر الماضية إن أمن الخليج مهم.", "أمن", 20180420);
    assert_false(c.found);
    /* بأنه ("that he") is no town of Iran (بانه) */
    c = actor_for("واتهم جنبلاط الأسد بأنه يريد تجنيد الشبان.", "بأنه", 20180420);
    assert_false(c.found);
    expect("أعلنت #الحكومة_الألمانية تأييدها إجراء تحقيق مستقل.", "الحكومة_الألمانية", 20180515, "DEU", "GOV", "");
    expect("وقال #الجيش_اليمني إنه تقدم.", "الجيش_اليمني", 20180515, "YEM", "MIL", "");
}

/* "وفي سوريا": a place after و + a preposition or word of place is a place */
static void places_after_wa_and_directions(void **state)
{
    (void)state;
    coded c = actor_for("وفي سوريا، قتل خمسة مدنيين.", "سوريا", 20180507);
    assert_true(c.found);
    assert_true(c.is_location);
    c = actor_for("وشمالي سوريا شنت تركيا حملة عسكرية.", "سوريا", 20180507);
    assert_true(c.is_location);
    c = actor_for("وقالت روسيا إن الهجوم وقع.", "روسيا", 20180507);
    assert_false(c.is_location);
}

/* صور is Tyre; الصور is "the pictures": a town the gazetteer names
 * without the article is no town with one, but للقدس is Jerusalem. */
static void a_town_without_its_article_is_a_common_noun(void **state)
{
    (void)state;
    coded c = actor_for("وقصفت الطائرات مواقع قرب مدينة صور جنوب لبنان.", "صور", 20180720);
    assert_true(c.found);
    assert_string_equal(c.country, "LBN");
    c = actor_for("وظهر ذلك في الصور التي نشرتها الوكالة.", "الصور", 20180720);
    assert_false(c.found);
    c = actor_for("وقال إن الاحتجاجات في المشهد السياسي تتزايد.", "المشهد", 20180720);
    assert_false(c.found);
    c = actor_for("وكان الزوار يتوجهون للقدس كل عام.", "للقدس", 20180720);
    assert_true(c.found);
    /* صور is also "pictures", حجة "pretext" (places.tsv kind homograph):
     * towns only after a word that announces a place */
    c = actor_for("وأظهرت صور جوية الغارة التي استهدفت القيادي الحوثي.", "صور", 20180423);
    assert_false(c.found);
    c = actor_for("واعتقلت الشرطة الناشط بحجة الإخلال بالأمن.", "بحجة", 20180423);
    assert_false(c.found);
    /* المالي is "financial", not Mali; السورية is still Syrian */
    c = actor_for("وحذرت المنظمة من مخاطر تهدد الاستقرار المالي العالمي.", "المالي", 20180419);
    assert_false(c.found);
    c = actor_for("واستأنفت المعارضة السورية المسلحة محادثاتها مع روسيا.", "المعارضة السورية المسلحة", 20180701);
    assert_true(c.found);
    assert_string_equal(c.country, "SYR");
    c = actor_for("وتقدمت القوات في محافظة حجة.", "حجة", 20180423);
    assert_true(c.found);
    assert_string_equal(c.country, "YEM");
}

/* مالي is Mali and "financial", بنين Benin and "sons" (countries.tsv kind
 * homograph): a state only after a word that announces one, with ب or ل
 * in front, or beside another state joined by و. */
static void a_state_whose_name_is_a_common_word_needs_a_cue(void **state)
{
    (void)state;
    coded c = actor_for("وأعلنت الحكومة عن دعم مالي للمزارعين.", "مالي", 20180419);
    assert_false(c.found);
    c = actor_for("وقدمت الدول المانحة دعما سياسيا ومالي للسلطة.", "مالي", 20180419);
    assert_false(c.found);
    c = actor_for("وتسلم الموظف مبلغ مالي كبير.", "مالي", 20180419);
    assert_false(c.found);
    c = actor_for("وقتل جنديان في هجوم في مالي.", "مالي", 20180419);
    assert_true(c.found);
    assert_string_equal(c.country, "MLI");
    c = actor_for("واتهمت حكومة مالي الجماعات المسلحة بالهجوم.", "حكومة مالي", 20180419);
    assert_true(c.found);
    assert_string_equal(c.country, "MLI");
    c = actor_for("وتنتشر القوات الفرنسية بمالي منذ سنوات.", "مالي", 20180419);
    assert_true(c.found);
    assert_string_equal(c.country, "MLI");
    c = actor_for("وتشارك النيجر ومالي في القوة المشتركة.", "مالي", 20180419);
    assert_true(c.found);
    assert_string_equal(c.country, "MLI");
    c = actor_for("وتوجه الوزير إلى مالي وبوركينا فاسو.", "مالي", 20180419);
    assert_true(c.found);
    c = actor_for("وقتل جنود فرنسيون متطرفين في #مالي خلال عملية.", "مالي", 20180419);
    assert_true(c.found);
    c = actor_for("مالي: مرشح المعارضة يتهم السلطة بالتزوير", "مالي", 20180814);
    assert_true(c.found);
    c = actor_for("وافتتحت الوزارة مدرسة بنين جديدة.", "بنين", 20180419);
    assert_false(c.found);
}

/* A town of places_curated.tsv (conflict zones, checked by hand) is a
 * town however small, without في before it; a town right after a
 * nationality is not part of the name before it. */
static void curated_towns_need_no_cue(void **state)
{
    (void)state;
    coded c = actor_for("وشنت طائرات التحالف العربي غارة على صعدة.", "صعدة", 20180606);
    assert_true(c.found);
    assert_string_equal(c.country, "YEM");
    c = actor_for("وقصفت الطائرات التركية عفرين.", "عفرين", 20180206);
    assert_true(c.found);
    assert_string_equal(c.country, "SYR");
    c = actor_for("وقصفت الطائرات التركية عفرين.", "الطائرات التركية", 20180206);
    assert_true(c.found);
    assert_string_equal(c.country, "TUR");
    /* a title before a town still names one of its officials */
    expect("وقال محافظ البصرة إن الوضع هادئ.", "محافظ البصرة", 20180206, "IRQ", "GOV", "");
    /* تدمر is also "destroys" (kind homograph): a town only after في */
    c = actor_for("وتدمر الغارات المنازل فوق رؤوس سكانها.", "وتدمر", 20180206);
    assert_false(c.found);
    c = actor_for("وتدمر الغارات المنازل فوق رؤوس سكانها.", "تدمر", 20180206);
    assert_false(c.found);
    c = actor_for("وتقدمت القوات في تدمر.", "تدمر", 20180206);
    assert_true(c.found);
}

/* البيضاء is a city of Libya (the lexicon's first reading) and of Yemen. */
static void a_shared_place_name_is_of_the_state_the_article_names(void **state)
{
    (void)state;
    coded c = actor_for("وتقدمت القوات في محافظة البيضاء.", "البيضاء", 20180405);
    assert_string_equal(c.country, "LBY");
    c = actor_for("قال الجيش اليمني إن قواته تقدمت في محافظة البيضاء وسط اليمن، بدعم من التحالف في اليمن.", "البيضاء",
                  20180405);
    assert_string_equal(c.country, "YEM");
    /* while the article names Libya too, the first reading stands */
    c = actor_for("وأعلن المتحدث أن القوات الليبية تقدمت في البيضاء، بعد معارك في اليمن واليمن.", "البيضاء", 20180405);
    assert_string_equal(c.country, "LBY");
    /* one passing mention of another state is not enough */
    c = actor_for("وتقدمت القوات في البيضاء، وفق مصدر يمني.", "البيضاء", 20180405);
    assert_string_equal(c.country, "LBY");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sector_word_then_demonym),
        cmocka_unit_test(titles_with_names_and_roles),
        cmocka_unit_test(a_person_role_depends_on_the_date),
        cmocka_unit_test(capitals_as_metonyms_and_as_places),
        cmocka_unit_test(coordination_makes_one_actor_each),
        cmocka_unit_test(igos_groups_and_media),
        cmocka_unit_test(clitics_on_the_first_word),
        cmocka_unit_test(more_news_sentences_across_the_tables),
        cmocka_unit_test(places_resolve_to_country_and_coordinates),
        cmocka_unit_test(a_shared_place_name_is_of_the_state_the_article_names),
        cmocka_unit_test(kaf_names_and_hashtags),
        cmocka_unit_test(places_after_wa_and_directions),
        cmocka_unit_test(a_town_without_its_article_is_a_common_noun),
        cmocka_unit_test(a_state_whose_name_is_a_common_word_needs_a_cue),
        cmocka_unit_test(curated_towns_need_no_cue),
        cmocka_unit_test(lookups_and_prefixes),
        cmocka_unit_test(a_broken_lexicon_file_is_refused),
    };
    return cmocka_run_group_tests_name("actors", tests, setup_lexicon, teardown_lexicon);
}
