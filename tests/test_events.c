/* Tests of src/events on sentences written for the tests in the style of
 * Arabic news copy: who did what to whom, with modality, date and counts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "actors.h"
#include "events.h"
#include "lexicon_fixture.h"
#include "tokenize.h"


typedef struct {
    token_list tokens;
    actor_list actors;
    event_list events;
} coded;

static void code(coded *c, const char *text, uint32_t date)
{
    memset(c, 0, sizeof *c);
    tokenize(text, strlen(text), &c->tokens);
    code_actors(lex, text, &c->tokens, date, &c->actors);
    code_events(lex, text, &c->tokens, &c->actors, date, &c->events);
}

static void release(coded *c)
{
    token_list_free(&c->tokens);
    actor_list_free(&c->actors);
    event_list_free(&c->events);
}

static const char *who(const event_party *p)
{
    static char buf[2][16];
    static int n;
    char *b = buf[n++ % 2];
    if (!p->present)
        snprintf(b, 16, "-");
    else if (p->country[0])
        snprintf(b, 16, "%s", p->country);
    else if (p->org[0])
        snprintf(b, 16, "IGO:%s", p->org);
    else
        snprintf(b, 16, "-");
    return b;
}

/* The event of that type, actor and recipient, or NULL. */
static const event *find(const coded *c, event_type type, const char *by, const char *to)
{
    for (size_t i = 0; i < c->events.count; i++) {
        const event *e = &c->events.items[i];
        if (e->type == type && strcmp(who(&e->actor), by) == 0 && strcmp(who(&e->recipient), to) == 0)
            return e;
    }
    return NULL;
}

static size_t count_of(const coded *c, event_type type)
{
    size_t n = 0;
    for (size_t i = 0; i < c->events.count; i++)
        n += c->events.items[i].type == type;
    return n;
}

static void expect_event(const char *text, uint32_t date, event_type type, const char *by, const char *to)
{
    coded c;
    code(&c, text, date);
    const event *e = find(&c, type, by, to);
    if (!e) {
        for (size_t i = 0; i < c.events.count; i++)
            print_message("  got %s %s %s\n", event_type_name((event_type)c.events.items[i].type),
                          who(&c.events.items[i].actor), who(&c.events.items[i].recipient));
        release(&c);
        fail_msg("no %s %s -> %s in: %s", event_type_name(type), by, to, text);
    }
    release(&c);
}

/* Asserts the text codes no event at all, naming it and what it got if it does. */
static void expect_no_events(const char *text, uint32_t date)
{
    coded c;
    code(&c, text, date);
    if (c.events.count != 0) {
        for (size_t i = 0; i < c.events.count; i++)
            print_message("  got %s %s %s\n", event_type_name((event_type)c.events.items[i].type),
                          who(&c.events.items[i].actor), who(&c.events.items[i].recipient));
        release(&c);
        fail_msg("events where none belong in: %s", text);
    }
    release(&c);
}

/* Asserts the text codes no event of this type. */
static void expect_none_of(const char *text, uint32_t date, event_type type)
{
    coded c;
    code(&c, text, date);
    size_t n = count_of(&c, type);
    release(&c);
    if (n != 0)
        fail_msg("%zu %s where none belong in: %s", n, event_type_name(type), text);
}

static void verb_first_and_subject_first(void **state)
{
    (void)state;
    expect_event("وقصفت القوات الأذربيجانية مواقع أرمينية ليل الإثنين.", 20220913, EVENT_ASSAULT, "AZE", "ARM");
    expect_event("وقال باشينيان إن باكو هاجمت مواقع أرمينيا خلال الليل.", 20220913, EVENT_ASSAULT, "AZE", "ARM");
    expect_event("واعتقلت الشرطة العراقية عشرة أشخاص في البصرة.", 20190601, EVENT_COERCE, "IRQ", "IRQ");
}

static void nominal_triggers_and_their_parties(void **state)
{
    (void)state;
    /* "بين X و Y": both ways */
    const char *s = "واندلعت اشتباكات عنيفة بين الجيش السوري وقوات سوريا الديمقراطية.";
    expect_event(s, 20190601, EVENT_ASSAULT, "SYR", "SYR");
    /* "مع X": the subject consults each party joined by و */
    const char *t = "وأجرى رئيس الحكومة الأرمينية نيكول باشينيان محادثات مع الرئيس الروسي فلاديمير بوتين ونظيره الفرنسي "
                    "إيمانويل ماكرون.";
    expect_event(t, 20220913, EVENT_CONSULT, "ARM", "RUS");
    expect_event(t, 20220913, EVENT_CONSULT, "ARM", "FRA");
    /* "بطلب من X": X asked */
    expect_event("ويعقد مجلس الأمن الدولي اجتماعا طارئا بطلب من روسيا.", 20180414, EVENT_REQUEST, "RUS", "IGO:UN");
}

static void listed_subjects_each_act(void **state)
{
    (void)state;
    const char *s = "واستهدفت الولايات المتحدة وفرنسا وبريطانيا مواقع للنظام السوري قرب دمشق.";
    expect_event(s, 20180414, EVENT_ASSAULT, "USA", "SYR");
    expect_event(s, 20180414, EVENT_ASSAULT, "FRA", "SYR");
    expect_event(s, 20180414, EVENT_ASSAULT, "GBR", "SYR");
}

static void speakers_accuse_and_ask(void **state)
{
    (void)state;
    const char *s = "وقالت وزارة الخارجية الإيرانية إن واشنطن تتحمل المسؤولية، متهمة إياها بتأجيج التوتر.";
    expect_event(s, 20190601, EVENT_ACCUSE, "IRN", "USA");
    expect_event("ودعا مجلس الأمن الطرفين إلى وقف فوري للقتال.", 20190601, EVENT_REQUEST, "IGO:UN", "-");
    /* a feminine participle (داعية) asks the party after it; a preacher (الداعية) asks nothing */
    expect_event("وأعربت وزارة الخارجية المصرية عن قلق عميق، داعية السلطات البريطانية إلى تقديم المسؤولين إلى العدالة.",
                 20180319, EVENT_REQUEST, "EGY", "GBR");
    coded c1;
    code(&c1, "وطالبت أنقرة واشنطن بتسليم الداعية فتح الله غولن المقيم في الولايات المتحدة.", 20180726);
    assert_int_equal(count_of(&c1, EVENT_REQUEST), 1);
    release(&c1);
    /* a UN official unnamed ("مسؤول أممي") speaks for the UN, not for the story's state */
    expect_event("وفي كلمة أمام المجلس، حث مسؤول أممي بارز إسرائيل على الالتزام بالقوانين الإنسانية في غزة.", 20180331,
                 EVENT_REQUEST, "IGO:UN", "ISR");
    /* the one who tells, not the one told, sets the condition */
    expect_event("أخبرت الحكومة اليمنية المبعوث الأممي أنها تشترط على الحوثيين إطلاق سراح الأسرى.", 20180723,
                 EVENT_REQUEST, "YEM", "YEM");
    coded c0;
    code(&c0, "أخبرت الحكومة اليمنية المبعوث الأممي أنها تشترط على الحوثيين إطلاق سراح الأسرى.", 20180723);
    assert_null(find(&c0, EVENT_REQUEST, "IGO:UN", "YEM"));
    release(&c0);
    /* who is asked comes before إلى; after it come the parties of the act asked for */
    expect_event("ودعت إيران تركيا إلى عدم تعقيد الوضع في سوريا.", 20170105, EVENT_REQUEST, "IRN", "TUR");
    coded c;
    code(&c, "وطالبت الولايات المتحدة بإجراء تحقيق مستقل في الهجوم على مدينة دوما السورية.", 20180411);
    assert_non_null(find(&c, EVENT_REQUEST, "USA", "-"));
    assert_null(find(&c, EVENT_REQUEST, "USA", "SYR"));
    release(&c);
    /* but a withdrawal is asked of those who are to withdraw */
    expect_event("دعا وزير الخارجية الروسي سيرغي لافروف إلى انسحاب كافة القوات الإيرانية من المنطقة.", 20180531,
                 EVENT_REQUEST, "RUS", "IRN");
    /* one party named twice does not ask itself */
    code(&c, "وتدعو منظمة التحرير بالتحرك، ودعت منظمة التحرير الفلسطينية إلى ملاحقة دولية للقتلة.", 20160721);
    assert_null(find(&c, EVENT_REQUEST, "PSE", "PSE"));
    release(&c);
}

static void condemnations_find_their_target(void **state)
{
    (void)state;
    /* a split phrase with its objects inside: حمّل X Y و Z المسؤولية */
    const char *s = "حمل وزير الخارجية التركي مولود تشاوش أوغلو النظام السوري وروسيا وإيران المسؤولية عن الخروقات.";
    expect_event(s, 20170119, EVENT_ACCUSE, "TUR", "SYR");
    expect_event(s, 20170119, EVENT_ACCUSE, "TUR", "RUS");
    expect_event(s, 20170119, EVENT_ACCUSE, "TUR", "IRN");
    /* a condemnation naming only the act blames whoever did it */
    const char *t = "وأدانت السعودية بشدة الهجوم الكيماوي الذي شنته القوات الحكومية السورية على دوما.";
    expect_event(t, 20180408, EVENT_ACCUSE, "SAU", "SYR");
    expect_event(t, 20180408, EVENT_ASSAULT, "SYR", "SYR");
    coded c;
    code(&c, t, 20180408);
    assert_null(find(&c, EVENT_ASSAULT, "SAU", "SYR"));    /* the condemner did not attack */
    release(&c);
    /* ... and whoever the article names as the attacker in another sentence */
    expect_event("وأعربت قطر عن إدانتها الشديدة للهجوم على المدنيين في دوما. "
                 "وكانت طائرات القوات السورية قصفت دوما أمس.",
                 20180408, EVENT_ACCUSE, "QAT", "SYR");
}

static void the_two_sides_and_symmetric_verbs(void **state)
{
    (void)state;
    const char *s = "هاجمت أرمينيا أذربيجان. وتبادل الطرفان اللوم بشأن التصعيد.";
    expect_event(s, 20220913, EVENT_ACCUSE, "ARM", "AZE");
    expect_event(s, 20220913, EVENT_ACCUSE, "AZE", "ARM");
}

static modality modality_of(const char *text, uint32_t date, event_type type)
{
    coded c;
    code(&c, text, date);
    modality m = MODALITY_ASSERTED;
    bool found = false;
    for (size_t i = 0; i < c.events.count; i++)
        if (c.events.items[i].type == type) {
            m = (modality)c.events.items[i].modality;
            found = true;
        }
    release(&c);
    if (!found)
        fail_msg("no %s event in: %s", event_type_name(type), text);
    return m;
}

static void modality_from_cues_and_years(void **state)
{
    (void)state;
    assert_int_equal(modality_of("وسيزور الرئيس الروسي فلاديمير بوتين طهران الأسبوع المقبل.", 20220913, EVENT_CONSULT),
                     MODALITY_FUTURE);
    assert_int_equal(modality_of("ومن المقرر أن يلتقي بوتين نظيره التركي أردوغان.", 20220913, EVENT_CONSULT),
                     MODALITY_FUTURE);
    /* after a noun: the expected summit, a meeting that will be held */
    assert_int_equal(modality_of("وتستعد سنغافورة للقمة المرتقبة بين ترامب وكيم.", 20180601, EVENT_CONSULT),
                     MODALITY_FUTURE);
    assert_int_equal(modality_of("وأعلن أن لقاء قريبا سينعقد بين روسيا والأردن.", 20180601, EVENT_CONSULT),
                     MODALITY_FUTURE);
    assert_int_equal(modality_of("ولم تهاجم القوات الروسية مواقع أوكرانية.", 20220913, EVENT_ASSAULT), MODALITY_NEGATED);
    /* "what" and "still" are no negation */
    assert_int_equal(modality_of("وقدمت إيران دعما عسكريا للحوثيين، وهو ما نددت به السعودية.", 20180606, EVENT_ACCUSE),
                     MODALITY_ASSERTED);
    assert_int_equal(modality_of("ولا تزال تقصف القوات السورية مدينة دوما.", 20180406, EVENT_ASSAULT), MODALITY_ASSERTED);
    /* "نفت بشكل قاطع" (categorically) is no boycott (قاطع) */
    {
        coded d;
        code(&d, "ونفت جبهة البوليساريو بشكل قاطع اتهام المغرب لها بتلقي أسلحة من حزب الله.", 20180502);
        assert_int_equal(count_of(&d, EVENT_PROTEST), 0);
        release(&d);
    }
    /* "تسليم أغسطس" is a futures contract's delivery month */
    {
        coded d;
        code(&d, "وارتفعت العقود الأميركية للذهب تسليم أغسطس 0.6 بالمئة.", 20180721);
        assert_int_equal(count_of(&d, EVENT_COOPERATE), 0);
        release(&d);
    }
    /* "بما يتوافق مع القانون" says how, it is no agreement */
    expect_none_of("وقال المتحدث باسم التحالف إن الاستهداف تم تنفيذه بما يتوافق مع القانون الدولي.",
                   20180809, EVENT_AGREE);
    /* كما ("as, also") is not ك + ما ("not") */
    assert_int_equal(modality_of("كما التقى بوتين المستشار النمساوي سباستيان كورتز.", 20180606, EVENT_CONSULT),
                     MODALITY_ASSERTED);
    /* ما is "what" or a frequency far more often than "not" */
    assert_int_equal(modality_of("وغالبا ما تقصف القوات السورية مدينة دوما.", 20180406, EVENT_ASSAULT), MODALITY_ASSERTED);
    /* a year that dates something else in a sentence dated last week */
    expect_event("وقرر ترامب، الأسبوع الماضي، إعادة فرض عقوبات على طهران بعد الاتفاق المبرم في عام 2015.", 20180515,
                 EVENT_SANCTION, "USA", "IRN");
    assert_int_equal(modality_of("وقرر ترامب، الأسبوع الماضي، إعادة فرض عقوبات على طهران بعد الاتفاق المبرم في عام "
                                 "2015.",
                                 20180515, EVENT_SANCTION),
                     MODALITY_ASSERTED);
    assert_int_equal(modality_of("وفرضت واشنطن عقوبات على طهران في عام 2015.", 20180515, EVENT_SANCTION),
                     MODALITY_HISTORICAL);
    /* "من دون أن": the cue ends in the clause's own أن */
    assert_int_equal(modality_of("ولن يستمر الاتفاق من دون أن تقدم طهران تنازلات.", 20180515, EVENT_CONCEDE),
                     MODALITY_NEGATED);
    assert_int_equal(modality_of("وقصفت القوات الأذربيجانية مواقع أرمينية في عام 2020.", 20220913, EVENT_ASSAULT),
                     MODALITY_HISTORICAL);
    assert_int_equal(modality_of("وإذا هاجمت إسرائيل إيران فإن المنطقة ستشتعل.", 20220913, EVENT_ASSAULT),
                     MODALITY_HYPOTHETICAL);
    assert_int_equal(modality_of("وقصفت القوات الأذربيجانية مواقع أرمينية اليوم.", 20220913, EVENT_ASSAULT),
                     MODALITY_ASSERTED);
}

static void dates_and_counts(void **state)
{
    (void)state;
    coded c;
    code(&c, "وقصفت القوات الأذربيجانية أمس مواقع أرمينية ما أسفر عن مقتل 49 جنديا.", 20220913);
    const event *e = find(&c, EVENT_ASSAULT, "AZE", "ARM");
    assert_non_null(e);
    assert_int_equal(e->date, 20220912);
    assert_int_equal(e->dead, 49);
    release(&c);
    /* figures in a sentence of their own belong to the attack before them */
    code(&c, "هاجم الحوثيون مواقع سعودية قرب جازان. وقال مسؤول إن ثلاثة جنود قتلوا وأصيب سبعة آخرون.", 20180809);
    e = find(&c, EVENT_ASSAULT, "YEM", "SAU");
    assert_non_null(e);
    assert_int_equal(e->dead, 3);
    release(&c);
    /* a deadly blast with no one named: coded with a null actor, figure kept */
    code(&c, "وقال مسؤول محلي إن 20 مدنيا على الأقل قتلوا اليوم في انفجار في ليبيا.", 20160621);
    e = find(&c, EVENT_ASSAULT, "-", "LBY");
    assert_non_null(e);
    assert_int_equal(e->dead, 20);
    release(&c);
    code(&c, "واعتقلت الشرطة الفرنسية نحو 200 متظاهر في باريس.", 20190601);
    e = find(&c, EVENT_COERCE, "FRA", "FRA");
    assert_non_null(e);
    assert_int_equal(e->arrested, 200);
    release(&c);
}

static void counts_in_duals_and_with_the_attacker(void **state)
{
    (void)state;
    coded c;
    /* a nationality in the dual counts two, and "آخرون" is not the dead */
    code(&c, "استشهد فلسطينيان وأصيب خمسة آخرون في غارة شنها طيران الاحتلال الإسرائيلي على رفح.", 20170209);
    const event *e = find(&c, EVENT_ASSAULT, "ISR", "PSE");
    assert_non_null(e);
    assert_int_equal(e->dead, 2);
    assert_int_equal(e->injured, 5);
    release(&c);
    /* the attacker is among the dead when the sentence says so */
    code(&c, "وهاجم مسلح الشرطة البريطانية في لندن، وبالإضافة إلى المهاجم، أسفر الهجوم عن مقتل 3 أشخاص.", 20170323);
    int64_t most = NO_COUNT;
    for (size_t i = 0; i < c.events.count; i++)
        if (c.events.items[i].type == EVENT_ASSAULT && c.events.items[i].dead > most)
            most = c.events.items[i].dead;
    assert_int_equal(most, 4);
    release(&c);
}

static void lists_before_the_verb_and_sources(void **state)
{
    (void)state;
    const char *s = "وكانت كل من الولايات المتحدة وبريطانيا وفرنسا قد قصفت مواقع عسكرية في سوريا.";
    expect_event(s, 20180416, EVENT_ASSAULT, "USA", "SYR");
    expect_event(s, 20180416, EVENT_ASSAULT, "GBR", "SYR");
    expect_event(s, 20180416, EVENT_ASSAULT, "FRA", "SYR");
    coded c;
    /* the ministry reports the deaths; it did not kill */
    code(&c, "أعلنت وزارة الصحة الفلسطينية عن مقتل ثلاثة فلسطينيين في غزة.", 20180809);
    assert_null(find(&c, EVENT_ASSAULT, "PSE", "PSE"));
    release(&c);
    /* ... unless it says it did it itself */
    expect_event("وأكد الجيش الأمريكي الخميس أنه نفذ ضربة جوية على مواقع في سوريا.", 20180615, EVENT_ASSAULT,
                 "USA", "SYR");
    /* a noun with a possessive pronoun belongs to the clause's subject */
    expect_event("وبحث ولي العهد السعودي خلال زيارته إلى الولايات المتحدة ملفات المنطقة.", 20180615,
                 EVENT_CONSULT, "SAU", "USA");
    /* a final hamza on its seat before the pronoun: لقاء + ه = لقائه */
    expect_event("وشدد رئيس الحكومة اليمنية أحمد بن دغر خلال لقائه مع المبعوث الخاص للأمين العام للأمم المتحدة "
                 "على إطلاق الأسرى.",
                 20180723, EVENT_CONSULT, "YEM", "IGO:UN");
    /* civilians after the verb are its object */
    code(&c, "وقال التحالف إن الحوثيين أطلقوا صاروخا على جازان وقتلت القذيفة وأصابت المدنيين.", 20180809);
    for (size_t i = 0; i < c.events.count; i++)
        assert_string_not_equal(c.events.items[i].actor.sector, "CVL");
    release(&c);
}

static void subjects_the_lexicon_does_not_know(void **state)
{
    (void)state;
    /* the West is no state: the actor stays unknown, the accused is known */
    coded c;
    code(&c, "وحمل الغرب الحكومة السورية المسؤولية الكاملة عن الهجوم.", 20180416);
    assert_non_null(find(&c, EVENT_ACCUSE, "-", "SYR"));
    assert_null(find(&c, EVENT_ACCUSE, "SYR", "-"));
    release(&c);
    /* a dropped subject: the accused comes right before the charge, and the
     * accuser is whoever spoke last */
    expect_event("وقال وزير الخارجية التركي إن بلاده ترفض ذلك. واتهم إسرائيل \"باتخاذ إجراءات قمعية\".",
                 20180615, EVENT_ACCUSE, "TUR", "ISR");
    /* a name is not the dual of a short verb (دانا is not "the two condemned") */
    code(&c, "وصرحت المتحدثة باسم البنتاغون دانا وايت للصحافيين بأن العملية انتهت.", 20180414);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_ACCUSE);
    release(&c);
    /* quotation marks around the accused */
    expect_event("واتهم المتحدث باسم الخارجية الإيرانية \"الحكومة التركية\" بالوقوف وراء الخروقات.", 20170105,
                 EVENT_ACCUSE, "IRN", "TUR");
    /* words that only look like short verbs: كلام is not ك + لام ("blamed"),
     * وعدن is و + عدن (Aden), not "they promised" */
    code(&c, "وطلب أردوغان من أتباعه عدم الرد على كلام الرئيس الفرنسي، وزار موانئ الحديدة وعدن والمكلا.", 20180601);
    for (size_t i = 0; i < c.events.count; i++) {
        assert_int_not_equal(c.events.items[i].type, EVENT_ACCUSE);
        assert_int_not_equal(c.events.items[i].type, EVENT_AGREE);
    }
    release(&c);
    /* ... while the verbal noun keeps its sense under a preposition */
    expect_event("وعقد مجلس الأمن جلسة طارئة بطلب من روسيا.", 20180414, EVENT_REQUEST, "RUS", "IGO:UN");
    /* a plural verb agrees with a subject before it: no subject after it */
    code(&c, "وقال استطلاع إن 70 في المئة من اليونانيين يرفضون الاتفاق مع مقدونيا.", 20180625);
    assert_null(find(&c, EVENT_REJECT, "-", "MKD"));
    release(&c);
    /* "بانسحاب": a withdrawal is asked of those who are to withdraw */
    expect_event("ويطالب التحالف بانسحاب غير مشروط للحوثيين من ميناء الحديدة.", 20180723, EVENT_REQUEST, "-", "YEM");
}

/* ل after a noun, and the words around it, say who did what. */
static void whose_act_after_lam(void **state)
{
    (void)state;
    coded c;
    /* "غارات جوية للطيران الروسي": an operation's ل names whose it is */
    expect_event("قتل 18 مدنيا على الأقل في غارات جوية للطيران الروسي على بلدة زردنا بريف إدلب.", 20180607,
                 EVENT_ASSAULT, "RUS", "SYR");
    /* "لطيران النظام": aircraft under ل, and their owner after them */
    expect_event("قتل خمسة مدنيين في غارات لطيران النظام السوري على ريف إدلب.", 20180607, EVENT_ASSAULT, "SYR", "SYR");
    /* "قتلوا في غارات": the killing is the raids' toll, the killed their victims */
    code(&c, "وأشارت المصادر إلى أن مسلحي الحوثي قتلوا في غارات جوية مركزة للتحالف العربي على مواقع في محافظة الحديدة.",
         20181009);
    assert_non_null(find(&c, EVENT_ASSAULT, "SAU", "YEM"));
    assert_null(find(&c, EVENT_ASSAULT, "YEM", "YEM"));
    assert_null(find(&c, EVENT_ASSAULT, "YEM", "SAU"));
    release(&c);
    /* "ضربات لمواقع خاضعة للنظام": the ل after the sites is no author */
    code(&c, "وشاركت الولايات المتحدة وفرنسا في توجيه ضربات عسكرية لمواقع خاضعة للنظام السوري.", 20180415);
    assert_non_null(find(&c, EVENT_ASSAULT, "USA", "SYR"));
    assert_null(find(&c, EVENT_ASSAULT, "SYR", "USA"));
    release(&c);
    /* "لجنة تابعة للأمم المتحدة": the UN acts through its committee */
    expect_event("قالت لجنة لحقوق الإنسان تابعة للأمم المتحدة إنها طلبت من الحكومة البرازيلية السماح للرئيس السابق "
                 "بممارسة حقوقه.",
                 20180818, EVENT_REQUEST, "IGO:UN", "BRA");
    /* a participle in the accusative has no genitive: the party after it is its object */
    expect_event("وقال رئيس الوزراء اللبناني سعد الحريري إنه يخشى الاغتيال، منتقدا إيران.", 20180507, EVENT_ACCUSE,
                 "LBN", "IRN");
    code(&c, "يذكر أن المغرب قطع علاقاته الدبلوماسية مع إيران، متهما طهران بدعم جبهة البوليساريو.", 20180503);
    assert_non_null(find(&c, EVENT_ACCUSE, "MAR", "IRN"));
    assert_null(find(&c, EVENT_ACCUSE, "IRN", "-"));
    release(&c);
    /* a finite verb's subject right before it is its author, whoever reports it */
    expect_event("وقال وزير الخارجية الروسي إن واشنطن طالبت طهران بوقف التخصيب.", 20180507, EVENT_REQUEST, "USA", "IRN");
    /* a feminine verb does not agree with a man's title: he is asked */
    code(&c, "ودعت حنان عشراوي رئيس باراغواي إلى التراجع عن القرار.", 20180507);
    assert_null(find(&c, EVENT_REQUEST, "PRY", "-"));
    release(&c);
    /* a nationality has said whose the actor is; a state after it is another party */
    expect_event("ودعت وزيرة الخارجية السويدية إسرائيل إلى وقف الاستيطان.", 20180507, EVENT_REQUEST, "SWE", "ISR");
    /* a noun's own genitive is its author, whoever reports it */
    code(&c, "وقال بيان للخارجية المغربية إنه يتفهم \"تضامن الجزائر مع إيران\".", 20180502);
    assert_non_null(find(&c, EVENT_SUPPORT, "DZA", "IRN"));
    assert_null(find(&c, EVENT_SUPPORT, "MAR", "DZA"));
    release(&c);
}

/* Words that look like events and are not, and figures that belong to
 * the casualty word next to them. */
static void no_comment_no_change_and_whose_figure(void **state)
{
    (void)state;
    coded c;
    /* declining to comment rejects no one, and the attack commented on is no new attack */
    expect_no_events("ورفضت الحكومة الإسرائيلية التعليق على الهجوم.", 20180414);
    /* a bare إنذار is a weather warning, a false alarm or a yellow card; an ultimatum is issued */
    expect_no_events("وأصدرت الأرصاد الجوية البريطانية إنذارا برتقاليا من تساقط الثلوج.", 20180317);
    expect_event("ووجه الرئيس الأميركي إنذارا إلى إيران.", 20180317, EVENT_THREATEN, "USA", "IRN");
    /* "في حالة استنفار" is a state of alert, not "in case of" */
    code(&c, "وأشارت المصادر إلى أن ميليشيات الحوثي في حالة استنفار قصوى في صنعاء.", 20180507);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].type, EVENT_MOBILIZE);
    assert_int_equal(c.events.items[0].modality, MODALITY_ASSERTED);
    release(&c);
    expect_no_events("ورفضت وزارة الدفاع الأميركية الإدلاء بأي تعليق حول الوثيقة.", 20180623);
    expect_event("ورفضت إيران الاتهامات الأمريكية.", 20180623, EVENT_REJECT, "IRN", "USA");
    /* words spelt as a trigger's form that are mostly another word */
    expect_no_events("وشركة روساتوم الروسية تواجه صعوبات، وفق بيان صادر عن الشركة، وتوقف العمل في المحطة.", 20180401);
    expect_no_events("وقال إن المكان هنا أفضل للجنود الإسرائيليين.", 20180401);
    expect_event("وهنأ الرئيس الروسي نظيره الفرنسي بالفوز.", 20180715, EVENT_SUPPORT, "RUS", "FRA");
    /* a confrontation needs the other side: countering, facing and matches are none */
    code(&c, "وأقر الرئيس المصري قانون المجلس الأعلى لمواجهة الإرهاب، قبل مواجهة البرازيل وبلجيكا.", 20180401);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_ASSAULT);
    release(&c);
    expect_event("واندلعت مواجهة عنيفة بين الجيش التركي والمسلحين الأكراد.", 20180401, EVENT_ASSAULT, "TUR", "TUR");
    /* قاضي is a judge; the OPCW in both spellings is an organisation, not a ban */
    expect_no_events("ومثل المتهم أمام قاضي التحقيق، ووصلت بعثة منظمة حظر الأسلحة الكيمياوية إلى دمشق.", 20180401);
    /* منح (granted) is mostly residence, prizes and penalties, not aid */
    expect_no_events("ومنح الحكم الإنجليزي ركلة جزاء لفرنسا.", 20180401);
    /* لأم ("for a mother") is not لام ("blamed"), though both fold to one key */
    code(&c, "وقدم الرئيس المصري التعازي لأم الشهيد ولأمه.", 20180401);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_ACCUSE);
    release(&c);
    /* يغير is "changes"; only the past أغار raids */
    expect_no_events("وقال إن حل القضية الفلسطينية سيغير خريطة المنطقة.", 20180401);
    expect_event("وأغارت طائرات إسرائيلية على غزة.", 20180401, EVENT_ASSAULT, "ISR", "PSE");
    /* the agency that relays a statement is not the one it is aimed at */
    code(&c, "ونقلت فرانس برس بيانا للمنظمة الدولية قالت فيه إن الهجمات العشوائية قد تشكل جريمة حرب.", 20180326);
    for (size_t i = 0; i < c.events.count; i++)
        assert_false(c.events.items[i].recipient.present && strcmp(c.events.items[i].recipient.country, "FRA") == 0);
    release(&c);
    /* each figure to the casualty word beside it */
    code(&c, "قتل رجل واحد وأصيب 6 مدنيين في غارات على إدلب.", 20180906);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].dead, 1);
    assert_int_equal(c.events.items[0].injured, 6);
    release(&c);
    code(&c, "أصيب 3 جنود وقتل 2 في هجوم على حلب.", 20180906);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].dead, 2);
    assert_int_equal(c.events.items[0].injured, 3);
    release(&c);
    /* two casualty words side by side share the figure after them */
    code(&c, "قتل وأصيب العشرات من المسلحين في غارات على حلب.", 20180906);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].dead, 10);
    assert_int_equal(c.events.items[0].injured, 10);
    release(&c);
    /* a figure before قتيلا is not the one of جريحا after it */
    code(&c, "وارتفعت حصيلة القتلى نتيجة الغارات الجوية للتحالف العربي على معسكر في محافظة إب إلى أكثر من خمسة "
             "وثلاثين قتيلا ونحو خمسين جريحا.",
         20180402);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].dead, 35);
    assert_int_equal(c.events.items[0].injured, 50);
    release(&c);
}

/* The dead of a quake, a flood or a fire are no attack. */
static void disasters_are_not_attacks(void **state)
{
    (void)state;
    coded c;
    expect_no_events("قالت وسائل إعلام إن زلزالا بقوة 5.9 درجة هز غربي إيران مما أسفر عن إصابة 287 شخصا على الأقل.",
                     20180723);
    expect_no_events("أرغم انفجار قوي عمال الإنقاذ على وقف البحث حول بركان فويغو في غواتيمالا، والذي أسفر عن 75 قتيلا.",
                     20180606);
    /* an explosion with no volcano is still an attack by an unnamed hand */
    code(&c, "قتل 20 مدنيا في انفجار سيارة مفخخة في بغداد.", 20180606);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].dead, 20);
    release(&c);
    /* عاصفة الحزم is a war, not a storm */
    expect_event("وقتل 12 من الحوثيين في غارات لمقاتلات التحالف العربي ضمن عملية عاصفة الحزم في صعدة.", 20180606,
                 EVENT_ASSAULT, "SAU", "YEM");
    /* a road accident and a disease hurt and kill, nobody attacks */
    expect_no_events("أسفر حادث مرور على الطريق الرابطة بين القيروان وبوحجلة عن إصابة 15 مواطنة.", 20161105);
    expect_no_events("وتشير بيانات منظمة الصحة العالمية إلى أن 216 مليون شخص أصيبوا العام الماضي بالملاريا في أفريقيا.",
                     20180504);
}

/* Dead and injured told with no attack word make an attack by an unnamed
 * hand only in an article that tells of violence somewhere: not the dead
 * of a lightning strike or a bus overturning. */
static void deaths_without_violence_are_not_attacks(void **state)
{
    (void)state;
    coded c;
    expect_no_events("قال مسؤول إن صاعقة تسببت في مقتل 16 شخصا وإصابة العشرات في كنيسة جنوب رواندا.", 20180311);
    expect_no_events("لقي عشرة أشخاص مصرعهم وأصيب 41 آخرون في انقلاب حافلة تقل طلابا جنوب سيناء.", 20170204);
    /* the same figures where a weapon, clashes or an armed group is named */
    const char *violent[] = {
        "قال مسؤول إن 16 شخصا قتلوا في جنوب رواندا. وعثر المحققون على شظايا قذيفة في المكان.",
        "أسفرت المواجهات عن مقتل 16 شخصا في جنوب رواندا.",
        "قال مسؤول إن 16 شخصا قتلوا في جنوب رواندا. وتبنى تنظيم داعش العملية.",
    };
    for (size_t i = 0; i < sizeof violent / sizeof *violent; i++) {
        code(&c, violent[i], 20180311);
        assert_int_equal(c.events.count, 1);
        assert_int_equal(c.events.items[0].type, EVENT_ASSAULT);
        assert_int_equal(c.events.items[0].dead, 16);
        assert_string_equal(c.events.items[0].recipient.country, "RWA");
        release(&c);
    }
}

/* A statesman or the press attacks with words; soldiers and gunmen with
 * arms. */
static void attacks_in_words_are_accusations(void **state)
{
    (void)state;
    expect_event("وهاجم وزير الخارجية الروسي سيرغي لافروف ما يسمى بالمهمات النووية المشتركة.", 20180228, EVENT_ACCUSE,
                 "RUS", "-");
    expect_event("وكان الجيش الإسرائيلي هاجم عشرات المواقع العسكرية في غزة.", 20180530, EVENT_ASSAULT, "ISR", "PSE");
    coded c;
    code(&c, "وكان الجيش الإسرائيلي هاجم عشرات المواقع العسكرية في غزة.", 20180530);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_ACCUSE);
    release(&c);
}

/* A threat of a kind (التهديد الإرهابي) is a danger talked about, and
 * so is endangering (تهديد أمن السعودية); a threat that is someone's
 * (تهديداتها) or a nationality's is made. */
static void dangers_are_no_threats(void **state)
{
    (void)state;
    coded c;
    code(&c, "وقال قائد شرطة لندن إن التهديد الإرهابي اليميني أكثر أهمية مما يظنه البعض.", 20180227);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_THREATEN);
    release(&c);
    code(&c, "وأعلنت منظمة الصليب الأحمر سحب موظفيها من اليمن بسبب تهديدات أمنية.", 20180607);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_THREATEN);
    release(&c);
    /* what is endangered (أمن، حياة، الملاحة) is not someone threatened */
    const char *endangering[] = {
        "وقال التحالف إن إيران تزود الحوثيين بصواريخ بهدف تهديد أمن السعودية والأمن الإقليمي.",
        "وقالت الهيئة إن هذا التصرف غير مبرر ويهدد سلامة الركاب وطاقم الطائرتين.",
    };
    for (size_t i = 0; i < sizeof endangering / sizeof *endangering; i++) {
        expect_none_of(endangering[i], 20180525, EVENT_THREATEN);
    }
    expect_event("وهددت إيران الولايات المتحدة بإغلاق مضيق هرمز.", 20180705, EVENT_THREATEN, "IRN", "USA");
}

/* "طلب من تركيا" asks Turkey; a source that asks not to be named and a
 * reporter's request for comment ask nothing of anyone. */
static void requests_of_a_state_and_of_no_one(void **state)
{
    (void)state;
    expect_event("وطلب العراق من تركيا سحب قواتها.", 20180615, EVENT_REQUEST, "IRQ", "TUR");
    coded c;
    code(&c, "وقال المسؤول الإيراني الذي طلب عدم نشر اسمه إن طهران سترد.", 20180615);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_REQUEST);
    release(&c);
    expect_no_events("ولم ترد السفارة الإيرانية على طلب للتعليق.", 20180615);
    /* asking for no interference is still a request */
    expect_event("وطلبت روسيا من الولايات المتحدة عدم التدخل في شؤونها.", 20180615, EVENT_REQUEST, "RUS", "USA");
}

/* A match is no meeting and play is no attack, but statesmen who meet at
 * a match still meet, and a riot after one still kills. */
static void games_are_no_events(void **state)
{
    (void)state;
    coded c;
    expect_no_events("وستلتقي البرتغال بإسبانيا على ملعب فيشت في المباراة الأولى.", 20180615);
    expect_no_events("يستضيف ملعب سان بطرسبورغ مساء الثلاثاء مواجهة مثيرة بين المنتخب الفرنسي ونظيره البلجيكي.",
                     20180710);
    expect_event("والتقى الرئيس الفرنسي نظيره الروسي في موسكو قبل المباراة النهائية للمونديال.", 20180715,
                 EVENT_CONSULT, "FRA", "RUS");
    code(&c, "وقتل 5 أشخاص في أعمال شغب عقب مباراة لكرة القدم في القاهرة.", 20180615);
    assert_int_equal(c.events.count, 1);
    assert_int_equal(c.events.items[0].dead, 5);
    release(&c);
    /* clubs offer, ask and accuse one another too, and it is no politics */
    const char *transfers[] = {
        "وذكرت تقارير أن نادي ليفربول الإنجليزي مستعد لدفع 90 مليون يورو من أجل التعاقد مع مهاجم يوفنتوس.",
        "وكان ريال مدريد قد طالب وكيل اللاعبين البرتغالي ببحث إمكانية التعاقد مع اللاعب قبل نهائي الدوري.",
    };
    for (size_t i = 0; i < sizeof transfers / sizeof *transfers; i++) {
        expect_no_events(transfers[i], 20180712);
    }
    /* but a state's sanction told beside a cup is still one */
    code(&c, "وقطعت السعودية والإمارات العلاقات مع قطر قبل أشهر من كأس العالم.", 20180903);
    assert_true(count_of(&c, EVENT_SANCTION) >= 1);
    release(&c);
}

/* Goals, minutes and milestones are no casualties; لقي alone is "met",
 * لقي ... مصرعهم "were killed". */
static void scores_and_minutes_are_no_casualties(void **state)
{
    (void)state;
    coded c;
    expect_no_events("وقادت حصيلة رائعة من 43 هدفا في 50 مباراة الفريق إلى اللقب.", 20180511);
    expect_no_events("استمرت سيطرة ليفربول حتى الدقيقة 25، حين أصيب النجم المصري محمد صلاح.", 20180526);
    expect_no_events("ففي باريس، وأمام 48360 متفرجا، لقي الريال خسارته الأخيرة في المباراة.", 20180503);
    code(&c, "وشنت القوات الإسرائيلية هجوما على غزة. ومنذ ذلك اليوم، لقي 110 فلسطينيين مصرعهم برصاص الجيش.", 20180518);
    const event *e = find(&c, EVENT_ASSAULT, "ISR", "PSE");
    assert_non_null(e);
    assert_int_equal(e->dead, 110);
    release(&c);
}

/* وفاة and توفي tell of a death, not of an attack: alone they code nothing,
 * beside an attack they count its dead. */
static void a_death_alone_is_no_attack(void **state)
{
    (void)state;
    coded c;
    expect_no_events("وأكد رئيس الحكومة في ولاية كيرالا بالهند وفاة 164 شخصا.", 20180817);
    expect_no_events("توفي 5 أميركيين في الولايات المتحدة حتى يوم الجمعة.", 20180602);
    expect_no_events("وكانت هي من أذاع وفاة كيم ايل سونغ مؤسس كوريا الشمالية.", 20180611);
    /* the killing words still make an attack by an unnamed hand, in a
     * story of violence (deaths_without_violence_are_not_attacks) */
    code(&c, "قتل 20 مدنيا في صعدة حيث تدور الحرب.", 20180606);
    assert_int_equal(c.events.count, 1);
    release(&c);
    /* and a death beside an attack is its toll */
    code(&c, "شنت طائرات التحالف العربي غارة على مدينة صعدة أسفرت عن وفاة 7 مدنيين.", 20180606);
    const event *e = find(&c, EVENT_ASSAULT, "SAU", "YEM");
    assert_non_null(e);
    assert_int_equal(e->dead, 7);
    release(&c);
}

/* Arrests counted with no one named to make them are coded; ages and years
 * are no counts of people. */
static void arrests_ages_and_years(void **state)
{
    (void)state;
    coded c;
    code(&c, "وقتل الباخشي بعد رفضه تسليم نفسه للشرطة، فيما تم اعتقال 3 من مسلحي \"داعش\" في عدن.", 20180428);
    const event *e = find(&c, EVENT_COERCE, "-", "YEM");
    assert_non_null(e);
    assert_int_equal(e->arrested, 3);
    release(&c);
    code(&c, "واعتقل بويرس (29 عاما) في أنقرة.", 20180428);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].arrested, 29);
    release(&c);
    code(&c, "وكان المشتبه به قد احتجز عام 2016 في باريس.", 20180428);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].arrested, 2016);
    release(&c);
    /* a year after في is no count either; 20 after في is */
    code(&c, "هاجم مسلحون من بوكو حرام قرية في نيجيريا. وظل زعيم القرية في منصبه حتى وفاته في 2018.", 20180428);
    assert_int_equal(c.events.count, 1);
    assert_int_not_equal(c.events.items[0].dead, 2018);
    release(&c);
}

/* Arrests, expulsions and closures fall on their genitive. */
static void expelled_and_arrested_are_no_authors(void **state)
{
    (void)state;
    coded c;
    code(&c, "وأعلنت الشرطة اعتقال المتظاهرين الإيرانيين في طهران.", 20180503);
    assert_null(find(&c, EVENT_COERCE, "IRN", "-"));
    release(&c);
    code(&c, "وقال لافروف إن طرد الدبلوماسيين البريطانيين سيحدث دون شك.", 20180315);
    assert_null(find(&c, EVENT_SANCTION, "GBR", "-"));
    release(&c);
}

/* "قتلوا بنيران إسرائيلية": whose fire killed did it, the killed suffered it */
static void whose_fire_killed(void **state)
{
    (void)state;
    coded c;
    expect_event("وأفاد مسؤولون صحيون بأن 57 فلسطينيا قتلوا بنيران إسرائيلية حية.", 20180515, EVENT_ASSAULT, "ISR", "PSE");
    expect_event("وقتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي في الضفة الغربية.", 20180515, EVENT_ASSAULT, "ISR", "PSE");
    /* the fire far from the killing, past its count and victims, is no second attack */
    code(&c, "وقتل ما لا يقل عن 149 فلسطينيا برصاص الجنود الإسرائيليين مذاك.", 20180722);
    assert_int_equal(c.events.count, 1);
    assert_non_null(find(&c, EVENT_ASSAULT, "ISR", "PSE"));
    assert_int_equal(c.events.items[0].dead, 149);
    release(&c);
    /* a nationality in the accusative names the killed */
    code(&c, "قتل 60 فلسطينيا على الحدود خلال الاحتجاجات.", 20180515);
    assert_non_null(find(&c, EVENT_ASSAULT, "-", "PSE"));
    release(&c);
    /* سوريا after a word is still Syria, not "Syrian" */
    code(&c, "دانت اليونيسيف جرائم قتل وتعذيب الأطفال في سوريا.", 20160721);
    assert_null(find(&c, EVENT_ASSAULT, "SYR", "SYR"));
    release(&c);
}

static void places_and_times_around_an_attack(void **state)
{
    (void)state;
    coded c;
    /* an attack told with no place of its own happened where the article was last */
    code(&c, "تعرضت مدينة دوما السورية لهجوم كيماوي. وقال مسعفون إن أكثر من 70 شخصا ماتوا جراء الهجوم.", 20180411);
    assert_null(find(&c, EVENT_ASSAULT, "-", "USA"));
    const event *e = find(&c, EVENT_ASSAULT, "-", "SYR");
    assert_non_null(e);
    assert_int_equal(e->dead, 70);
    release(&c);
    /* "بعيد الهجمات": the party before it did not make the attacks */
    code(&c, "وجاء لقاء الأسد بأعضاء البرلمان الروسي بعيد الهجمات الصاروخية على أهداف تابعة للحكومة السورية.",
         20180416);
    assert_null(find(&c, EVENT_ASSAULT, "RUS", "SYR"));
    assert_null(find(&c, EVENT_ASSAULT, "RUS", "RUS"));
    release(&c);
}

static void victims_are_not_the_accused_or_the_attackers(void **state)
{
    (void)state;
    coded c;
    code(&c, "دانت منظمة الأمم المتحدة للطفولة اليونيسيف جرائم قتل وتعذيب الأطفال في سوريا.", 20160721);
    /* the children are victims; the crimes are laid at the door of the one
     * state the sentence names */
    assert_non_null(find(&c, EVENT_ACCUSE, "IGO:UNICEF", "SYR"));
    for (size_t i = 0; i < c.events.count; i++)
        assert_string_not_equal(c.events.items[i].actor.sector, "CVL");
    release(&c);
    /* figures no attack in the article takes are an attack by an unnamed hand */
    code(&c, "وقال مدير الصحة في صعدة إن ما لا يقل عن 42 قتيلا كانوا من الأطفال في صعدة. "
             "وأعلنت وزارة الصحة الفلسطينية عن مقتل ثلاثة فلسطينيين في قتال بين الجيش الإسرائيلي وحركة حماس.",
         20180809);
    const event *e = find(&c, EVENT_ASSAULT, "-", "YEM");
    assert_non_null(e);
    assert_int_equal(e->dead, 42);
    release(&c);
}

static void idioms_and_the_passive(void **state)
{
    (void)state;
    coded c;
    /* "في مواجهة": in the face of, no clash */
    code(&c, "وأكدت ميركل ضرورة تحسين التعاون الأوروبي في مواجهة الأزمات.", 20180615);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_ASSAULT);
    release(&c);
    /* ... but a clash when the other side follows */
    code(&c, "وقتل ثلاثة جنود مصريين في مواجهة مع مسلحين في سيناء.", 20180615);
    bool clash = false;
    for (size_t i = 0; i < c.events.count; i++)
        clash |= c.events.items[i].type == EVENT_ASSAULT && c.events.items[i].dead == 3;
    assert_true(clash);
    release(&c);
    /* "قتل ثلاثة جنود": the counted soldiers were killed, they did not kill */
    code(&c, "وقتل ثلاثة جنود مصريين في سيناء أمس على أيدي مسلحين.", 20180615);
    clash = false;
    for (size_t i = 0; i < c.events.count; i++) {
        const event *e = &c.events.items[i];
        clash |= e->type == EVENT_ASSAULT;
        if (e->type == EVENT_ASSAULT)
            assert_string_not_equal(who(&e->actor), "EGY");
    }
    assert_true(clash);
    release(&c);
}

static void relative_clauses(void **state)
{
    (void)state;
    /* "الذي استهدف X": the antecedent is the subject, X the target */
    coded c;
    code(&c, "تبنى تنظيم داعش الهجوم الذي استهدف مدينة ليغ البلجيكية.", 20180530);
    for (size_t i = 0; i < c.events.count; i++)
        assert_string_not_equal(who(&c.events.items[i].actor), "BEL");
    release(&c);
    /* "التي شنتها X": X carried it out */
    expect_event("وأدانت تركيا الغارات التي شنتها القوات الروسية على إدلب.", 20180530, EVENT_ASSAULT, "RUS", "SYR");
}

static void duplicates_merge_and_sources_are_not_parties(void **state)
{
    (void)state;
    coded c;
    code(&c, "قصفت القوات الروسية مدينة خاركيف. وقصفت القوات الروسية مواقع أوكرانية مجددا.", 20220913);
    size_t n = 0;
    for (size_t i = 0; i < c.events.count; i++)
        n += c.events.items[i].type == EVENT_ASSAULT && strcmp(who(&c.events.items[i].actor), "RUS") == 0 &&
             strcmp(who(&c.events.items[i].recipient), "UKR") == 0;
    assert_int_equal(n, 1);
    release(&c);
    code(&c, "ونقلت وكالة إنترفاكس عن مسؤول قوله إن القتال مستمر.", 20220913);
    for (size_t i = 0; i < c.events.count; i++)
        assert_string_not_equal(c.events.items[i].actor.sector, "MED");
    release(&c);
}

/* Coalitions are their leader's; the occupation's forces are Israel's */
static void coalitions_and_their_leaders(void **state)
{
    (void)state;
    /* forces led by a state are its, and the leader is no one acted upon */
    expect_event("وقتلت قوات عاصفة الحزم بقيادة السعودية 12 من الحوثيين في صعدة.", 20180606, EVENT_ASSAULT, "SAU", "YEM");
    expect_event("ويقول الحوثيون إن هجماتهم رد على هجمات التحالف العسكري بقيادة السعودية في اليمن.", 20180411,
                 EVENT_ASSAULT, "SAU", "YEM");
    const char *s = "وقال التحالف الذي تقوده السعودية إنه يدعم الحكومة اليمنية. ويطالب التحالف بانسحاب غير مشروط "
                    "للمتمردين الحوثيين من الميناء.";
    expect_event(s, 20180723, EVENT_REQUEST, "SAU", "YEM");
    /* "على رأس تحالف": the state before it leads */
    expect_event("وتدخلت السعودية على رأس تحالف عسكري في اليمن عام 2015. وقصفت طائرات التحالف مواقع الحوثيين في صعدة.",
                 20180809, EVENT_ASSAULT, "SAU", "YEM");
    /* with no leader named, a bare التحالف is nobody's, least of all the
     * country it fights in */
    coded c;
    code(&c, "وقصفت طائرات التحالف مواقع في محافظة صعدة اليمنية.", 20180809);
    assert_null(find(&c, EVENT_ASSAULT, "YEM", "YEM"));
    release(&c);
    expect_event("واقتحمت قوات الاحتلال مدينة نابلس فجر اليوم.", 20180601, EVENT_ASSAULT, "ISR", "PSE");
}

/* The victims of an act and where it happened are not its authors */
static void victims_and_places_are_not_authors(void **state)
{
    (void)state;
    expect_event("أعلن متحدث باسم القوات الأمريكية أن اثنين أمريكيين أصيبا في هجوم بإطلاق النار في قندهار.", 20181018,
                 EVENT_ASSAULT, "-", "USA");
    coded c;
    code(&c, "أعلن متحدث باسم القوات الأمريكية أن اثنين أمريكيين أصيبا في هجوم بإطلاق النار في قندهار.", 20181018);
    assert_null(find(&c, EVENT_ASSAULT, "USA", "AFG"));
    release(&c);
    code(&c, "وقال مسؤولون أتراك إن الصحفي جمال خاشقجي قتل في القنصلية السعودية في إسطنبول.", 20181007);
    assert_null(find(&c, EVENT_ASSAULT, "SAU", "TUR"));
    release(&c);
    /* "صاروخ أطلقه X على Y": the one who fired it follows */
    expect_event("وقتل رجل عندما سقط صاروخ أطلقه الحوثيون على محافظة جازان السعودية.", 20180809, EVENT_ASSAULT, "YEM",
                 "SAU");
}

/* What is meant, and what happened long ago, is not asserted */
static void purposes_and_last_month(void **state)
{
    (void)state;
    assert_int_equal(modality_of("وتظهر الصورة شظايا صاروخ اعترضته الدفاعات الجوية السعودية في طريقه لاستهداف "
                                 "منطقة جازان.",
                                 20180809, EVENT_ASSAULT),
                     MODALITY_FUTURE);
    /* with the article, when a preposition tells the aim */
    assert_int_equal(modality_of("وعلق التحالف عملياته ليفسح المجال أمام المبعوث الأممي مارتن غريفيث للتوصل إلى حل "
                                 "سياسي.",
                                 20180723, EVENT_AGREE),
                     MODALITY_FUTURE);
    /* the attack condemned happened; the talks for which calls were made were held */
    assert_int_equal(modality_of("وأعربت الخارجية السعودية عن إدانتها للهجوم على دوما.", 20180408, EVENT_ACCUSE),
                     MODALITY_ASSERTED);
    assert_int_equal(modality_of("ووقعت اليونان ومقدونيا الشهر الماضي اتفاقا ينهي النزاع بينهما.", 20180725,
                                 EVENT_SUPPORT),
                     MODALITY_HISTORICAL);
    assert_int_equal(modality_of("وجرت محادثات بوتين ونتنياهو في موسكو منذ عدة أسابيع.", 20180531, EVENT_CONSULT),
                     MODALITY_HISTORICAL);
    /* what must happen has not: the cue ends in the clause's own أن */
    assert_int_equal(modality_of("وأكد بن دغر أن المفاوضات المقبلة يجب أن تقود في ختامها إلى انسحاب الحوثيين من صنعاء.",
                                 20180723, EVENT_RETREAT),
                     MODALITY_HYPOTHETICAL);
    /* سـ goes before an imperfect only: سلام is a name, not "will blame" */
    coded c;
    code(&c, "وقال إن القادة مثل كمال جنبلاط وصائب سلام رحلوا.", 20180506);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_ACCUSE);
    release(&c);
}

/* Words and aid are for someone: the one other state the sentence names */
static void the_other_state_of_the_sentence(void **state)
{
    (void)state;
    expect_event("وأضاف أن تركيا تبرعت بعشرين طنا من الأدوية يتعين نقلها إلى الجنوب الليبي.", 20170514, EVENT_AID, "TUR",
                 "LBY");
    expect_event("وبعد ساعات على الضربات، مد وزير الخارجية الفرنسي اليد إلى موسكو، قائلا \"نحن مستعدون للعمل مع جميع "
                 "البلدان\".",
                 20180414, EVENT_AGREE, "FRA", "RUS");
    /* the place left is no party; an organisation is one when no other state is named */
    const char *t = "وكشفت مصادر في صنعاء أن ميليشيات الحوثي وافقت على الانسحاب من الحديدة، مقابل شروط طرحتها على "
                    "المبعوث الأممي مارتن غريفيث.";
    expect_event(t, 20180605, EVENT_CONCEDE, "YEM", "IGO:UN");
    /* two other states: no telling which */
    coded c;
    code(&c, "وقال مسؤولون في روسيا وإيران إن فرنسا أبدت استعدادها للمساعدة.", 20180414);
    assert_null(find(&c, EVENT_AGREE, "FRA", "RUS"));
    assert_null(find(&c, EVENT_AGREE, "FRA", "IRN"));
    release(&c);
    /* forces that are not Syrian are nobody's */
    code(&c, "دعا وزير الخارجية الروسي سيرغي لافروف إلى انسحاب كافة القوات غير السورية من المنطقة الجنوبية.", 20180531);
    assert_null(find(&c, EVENT_REQUEST, "RUS", "SYR"));
    assert_non_null(find(&c, EVENT_REQUEST, "RUS", "-"));
    release(&c);
}

/* Means, dangers and adjectives that are no acts or places */
static void means_dangers_and_white_stone(void **state)
{
    (void)state;
    coded c;
    /* the raids are how the targeting would be done, and it is asked not to be */
    code(&c, "واشترط الحوثيون عدم استهداف قياداتهم بالغارات.", 20180605);
    for (size_t i = 0; i < c.events.count; i++)
        if (c.events.items[i].type == EVENT_ASSAULT)
            assert_int_not_equal(c.events.items[i].modality, MODALITY_ASSERTED);
    release(&c);
    code(&c, "وقال المتحدث باسم البنتاغون إن روسيا فشلت في معالجة التهديد الذي يشكله تنظيم داعش.", 20181018);
    for (size_t i = 0; i < c.events.count; i++)
        assert_int_not_equal(c.events.items[i].type, EVENT_THREATEN);
    release(&c);
    /* الحجر الأبيض is a white stone, not the Sudanese city */
    code(&c, "ويحيط بالمبنى سور من الحجر الأبيض. وقال البريطانيون إنهم استهدفوا مجمعا عسكريا.", 20180414);
    for (size_t i = 0; i < c.events.count; i++)
        assert_string_not_equal(c.events.items[i].recipient.country, "SDN");
    release(&c);
}

/* Subjects that are no one state still act on someone who is */
static void stateless_subjects(void **state)
{
    (void)state;
    /* a headline: the unknown subject before a present-tense verb */
    expect_event("الغرب يتهم روسيا بالعبث بموقع الهجوم الكيمياوي في دوما", 20180416, EVENT_ACCUSE, "-", "RUS");
    coded c;
    code(&c, "الغرب يتهم روسيا بالعبث بموقع الهجوم الكيمياوي في دوما", 20180416);
    assert_null(find(&c, EVENT_ACCUSE, "RUS", "-"));
    release(&c);
    /* a bloc is not the state named before it */
    const char *s = "وزار وفد من البرلمان الروسي الحكومة السورية، حيث أنحت الحكومات الغربية باللائمة على الجيش السوري.";
    expect_event(s, 20180416, EVENT_ACCUSE, "-", "SYR");
    code(&c, s, 20180416);
    assert_null(find(&c, EVENT_ACCUSE, "SYR", "SYR"));
    release(&c);
    /* the late do not act today */
    code(&c, "ما زال هجوم الرئيس المصري الراحل محمد أنور السادات مصدر تنديد وإشادة.", 20181007);
    assert_null(find(&c, EVENT_ACCUSE, "EGY", "-"));
    release(&c);
    /* a target said, though no state, is not replaced by a guess */
    s = "وقرر الرئيس الأميركي دونالد ترامب إعادة فرض عقوبات على إيران، مهددا بفرض عقوبات على أي شركات أجنبية.";
    code(&c, s, 20180515);
    assert_null(find(&c, EVENT_THREATEN, "USA", "IRN"));
    release(&c);
}

/* Condemned acts point at the hand that did them; rebel groups are many */
static void the_hand_that_did_it(void **state)
{
    (void)state;
    const char *s = "وعبرت عدد من الفصائل السورية المعارضة عن غضبها واستنكارها لجريمة قتل الطفل الفلسطيني ذبحا على يد "
                    "مسلحين تابعين لحركة نور الدين زنكي.";
    /* "عدد من الفصائل": a number of them are them; the boy killed is no one accused */
    expect_event(s, 20160721, EVENT_ACCUSE, "SYR", "SYR");
    coded c;
    code(&c, s, 20160721);
    assert_null(find(&c, EVENT_ACCUSE, "SYR", "PSE"));
    release(&c);
    /* "القصف الجوي، الذي تقوده X": a comma before the relative clause */
    expect_event("وقال البيان إن العشرات من الأطفال قتلوا في مدينة منبج جراء القصف الجوي، الذي تقوده الولايات المتحدة.",
                 20160721, EVENT_ASSAULT, "USA", "SYR");
}

/* Needs are asked of the one named after من; those present at a meeting meet */
static void needs_and_meetings_attended(void **state)
{
    (void)state;
    expect_event("وأشار إلى أن ليبيا بحاجة للمساعدة من الاتحاد الأوروبي.", 20170514, EVENT_REQUEST, "LBY", "IGO:EU");
    coded c;
    code(&c, "وأشار إلى أن ليبيا بحاجة للمساعدة من الاتحاد الأوروبي.", 20170514);
    assert_null(find(&c, EVENT_REQUEST, "IGO:EU", "LBY"));
    release(&c);
    /* a hashtag's words joined by _ name a party; "العاصمة صنعاء" is a city left, not a subject */
    expect_event("غادر المبعوث الأممي إلى اليمن، مارتن #غريفيث، العاصمة صنعاء، بعد زيارة استغرقت خمسة أيام التقى "
                 "خلالها قياديين في #ميليشيات_الحوثي.",
                 20180605, EVENT_CONSULT, "IGO:UN", "YEM");
    const char *s = "عقدت منظمة حظر الأسلحة الكيمياوية اجتماعا طارئا في لاهاي بحضور كل من سفير روسيا وفرنسا.";
    expect_event(s, 20180416, EVENT_CONSULT, "RUS", "FRA");
    expect_event(s, 20180416, EVENT_CONSULT, "FRA", "RUS");
}

/* Of several attacks in a sentence, the figures belong to the one named last before them */
static void figures_belong_to_their_attack(void **state)
{
    (void)state;
    coded c;
    code(&c, "ونفذت الولايات المتحدة وبريطانيا وفرنسا ضربات استهدفت مواقع للنظام السوري ردا على هجوم كيميائي في دوما "
             "أسفر عن مقتل 40 شخصا.",
         20180414);
    const event *strikes = find(&c, EVENT_ASSAULT, "USA", "SYR");
    assert_non_null(strikes);
    assert_true(strikes->dead == NO_COUNT);
    bool someone_has_them = false;
    for (size_t i = 0; i < c.events.count; i++)
        someone_has_them |= c.events.items[i].type == EVENT_ASSAULT && c.events.items[i].dead == 40;
    assert_true(someone_has_them);
    release(&c);
    /* with no attack before them, the first after: "استشهد فلسطينيان ... في غارة" */
    code(&c, "استشهد فلسطينيان وأصيب خمسة آخرون فجر اليوم في غارة شنها طيران الاحتلال الإسرائيلي على نفق في رفح.",
         20170209);
    const event *raid = find(&c, EVENT_ASSAULT, "ISR", "PSE");
    assert_non_null(raid);
    assert_int_equal(raid->dead, 2);
    release(&c);
}

/* Promises of punishment threaten; a group dissolving itself retreats; tolls over decades are history */
static void promises_dissolutions_and_decades(void **state)
{
    (void)state;
    assert_int_equal(modality_of("ووعد رئيس الحكومة الإسبانية ماريانو راخوي بمحاكمة كل جرائم المجموعة.", 20180504,
                                 EVENT_THREATEN),
                     MODALITY_ASSERTED);
    expect_event("وأعلنت إيتا، الخميس، عن حل نفسها وإنهاء كل نشاط سياسي.", 20180504, EVENT_RETREAT, "ESP", "-");
    /* announced with عن, the act is the speaker's own; the decades of a later clause date something else */
    assert_int_equal(modality_of("وأعلنت إيتا، الخميس، عن حل نفسها، واضعة بذلك النقطة الأخيرة لآخر تمرد مسلح أسفر عن "
                                 "مقتل أكثر من 800 شخص خلال أربعة عقود.",
                                 20180504, EVENT_RETREAT),
                     MODALITY_ASSERTED);
    /* but a toll announced is nobody's act */
    coded c0;
    code(&c0, "وأعلنت وزارة الصحة الفلسطينية عن مقتل ثلاثة فلسطينيين.", 20180809);
    assert_null(find(&c0, EVENT_ASSAULT, "PSE", "PSE"));
    release(&c0);
    coded c;
    code(&c, "وأنهت إيتا آخر تمرد مسلح في أوروبا الغربية أسفر عن مقتل أكثر من 800 شخص خلال أربعة عقود.", 20180504);
    for (size_t i = 0; i < c.events.count; i++)
        if (c.events.items[i].type == EVENT_ASSAULT)
            assert_int_not_equal(c.events.items[i].modality, MODALITY_ASSERTED);
    release(&c);
}

/* Agreement, lists held by حمّل, and rebels of the land they fight in */
static void agreement_blame_and_rebels(void **state)
{
    (void)state;
    coded c;
    /* a city is feminine: after a masculine verb, Ankara is asked, not asking */
    code(&c, "ودعا انقرة الى اتخاذ الاجراءات الضرورية لوقف هذه الانتهاكات.", 20170105);
    assert_null(find(&c, EVENT_REQUEST, "TUR", "-"));
    release(&c);
    expect_event("ودعت أنقرة موسكو إلى وقف الغارات.", 20170105, EVENT_REQUEST, "TUR", "RUS");
    const char *s = "وكان وزير الخارجية التركي مولود تشاوش اوغلو حمل أمس \"النظام السوري وروسيا وايران الوقوف وراء "
                    "خروقات لاتفاق وقف اطلاق النار\".";
    expect_event(s, 20170105, EVENT_ACCUSE, "TUR", "SYR");
    expect_event(s, 20170105, EVENT_ACCUSE, "TUR", "RUS");
    expect_event("وتتواصل الخروقات في سوريا. واتهم المتحدث باسم الخارجية الايرانية مجموعات المعارضة المسلحة بالوقوف "
                 "وراء الانتهاكات.",
                 20170105, EVENT_ACCUSE, "IRN", "SYR");
}

/* A trigger that names its object (طرد السفير، استدعت السفير) is followed by
 * the envoy's nationality: the side acted upon, never the one acting. */
static void the_envoys_nationality(void **state)
{
    (void)state;
    expect_event("أعلن الوزير المغربي قطع علاقات المغرب مع إيران وطرد السفير الإيراني.", 20180501, EVENT_SANCTION,
                 "MAR", "IRN");
    expect_event("وأعلنت وزارة الخارجية الروسية أنها استدعت السفير الفرنسي لدى روسيا.", 20160615, EVENT_ACCUSE, "RUS",
                 "FRA");
    coded c;
    code(&c, "لكن الكويت وصفت ذلك بالتعدي على سيادتها قبل أن تطرد السفير الفلبيني.", 20180501);
    assert_null(find(&c, EVENT_SANCTION, "PHL", "-"));
    assert_null(find(&c, EVENT_SANCTION, "PHL", "KWT"));
    release(&c);
    /* but sanctions named after their imposer are theirs */
    expect_event("قررت الحكومة فرض عقوبات أمريكية جديدة على إيران.", 20180425, EVENT_SANCTION, "USA", "IRN");
    /* sanctions lifted or eased are not imposed */
    const char *eased[] = {
        "وهو نفس الإجراء الذي اتخذه الاتحاد الأوروبي عندما رفع العقوبات عن كوبا.",
        "ويقضي الاتفاق بتقليص الأنشطة النووية الإيرانية مقابل تخفيف العقوبات الاقتصادية التي فرضها الغرب.",
    };
    for (size_t i = 0; i < sizeof eased / sizeof *eased; i++) {
        expect_none_of(eased[i], 20180511, EVENT_SANCTION);
    }
}

/* Defendants counted ("إحالة 36 متهما") are no accusation, students
 * (طالب) no demand. */
static void defendants_counted(void **state)
{
    (void)state;
    coded c;
    expect_none_of("قررت محكمة عسكرية مصرية إحالة أوراق 36 متهما في قضية تفجير الكنائس إلى المفتي.",
                   20180410, EVENT_ACCUSE);
    expect_event("واتهمت موسكو لندن بتسميم الجاسوس السابق.", 20180410, EVENT_ACCUSE, "RUS", "GBR");
    /* nor are students: counted (15 ألف طالب) or with the article (الطالب) */
    const char *students[] = {
        "ويدرس نحو 15 ألف طالب سعودي في المعاهد والجامعات الكندية.",
        "وقالت الشرطة إن الطالب البريطاني أجرى مقابلات مع مسؤولين في الإمارات.",
    };
    for (size_t i = 0; i < sizeof students / sizeof *students; i++) {
        expect_none_of(students[i], 20180806, EVENT_REQUEST);
    }
    /* a year before طالب is no count: the report demanded */
    code(&c, "وفي تقرير عام 2017 طالب وزير الداخلية الفرنسي النيابة العامة بتوسيع التحقيق.", 20180603);
    assert_int_equal(count_of(&c, EVENT_REQUEST), 1);
    release(&c);
}

/* "غارات استهدفت X": the raids are the verb's subject, X its target. */
static void raids_that_targeted(void **state)
{
    (void)state;
    coded c;
    code(&c, "وشن الجيش الإسرائيلي عشرات الغارات استهدفت حزب الله وفصائل أخرى في سوريا.", 20180325);
    assert_non_null(find(&c, EVENT_ASSAULT, "ISR", "LBN"));
    assert_null(find(&c, EVENT_ASSAULT, "LBN", "-"));
    assert_null(find(&c, EVENT_ASSAULT, "LBN", "SYR"));
    release(&c);
}

/* "Targeting" an aim, or sanctions that target someone, is no attack;
 * a raid that targets a place is one. */
static void aims_and_measures_are_no_force(void **state)
{
    (void)state;
    expect_none_of("وبدأ وزير الخارجية المصري جولة أفريقية تشمل جنوب السودان وكينيا تستهدف تعزيز التعاون الثنائي.",
                   20180312, EVENT_ASSAULT);
    expect_none_of("وكان مجلس الأمن الدولي قد فرض في 2014 عقوبات استهدفت الرئيس اليمني السابق.",
                   20161128, EVENT_ASSAULT);
    expect_event("وقالت مصادر إن طائرات التحالف بقيادة السعودية استهدفت مواقع الحوثيين في صعدة.", 20180502, EVENT_ASSAULT,
                 "SAU", "YEM");
}

/* A nationality right after a noun of the act ("ضربات جوية أمريكية"،
 * "الهجوم التركي") says whose act it is; under a preposition it does not
 * ("توجيه اتهامات لروسيين"). */
static void whose_act_by_its_adjective(void **state)
{
    (void)state;
    expect_event("وقتل اثنان من المقاتلين في ضربات جوية أمريكية شمال شرقي سوريا.", 20180214, EVENT_ASSAULT, "USA",
                 "SYR");
    expect_event("ويطلق المدنيون في عفرين نداءات لحمايتهم من الهجوم التركي المصحوب بقصف جوي.", 20180315,
                 EVENT_ASSAULT, "TUR", "SYR");
    /* the dead named before "في غارة أميركية" were hit by it; they did not make it */
    coded dead;
    code(&dead, "أعلنت القوات الأميركية مقتل أكثر من 50 عنصرا في حركة طالبان في غارة أميركية الأسبوع الماضي.", 20180531);
    assert_non_null(find(&dead, EVENT_ASSAULT, "USA", "AFG"));
    assert_null(find(&dead, EVENT_ASSAULT, "AFG", "USA"));
    release(&dead);
    code(&dead, "وصباح الجمعة أعلنت وزارة الصحة مقتل مزارع فلسطيني في قصف إسرائيلي شرق غزة.", 20180330);
    assert_non_null(find(&dead, EVENT_ASSAULT, "ISR", "PSE"));
    assert_null(find(&dead, EVENT_ASSAULT, "PSE", "ISR"));
    release(&dead);
    coded c;
    code(&c, "أعلنت السلطات البريطانية أن لديها أدلة كافية لتوجيه اتهامات لروسيين اثنين في قضية التسميم.", 20180905);
    assert_null(find(&c, EVENT_ACCUSE, "RUS", "GBR"));
    release(&c);
}

/* Parties joined to an act's author after it are its authors too, and
 * partners ("بالتعاون مع") act with it; neither is acted upon. */
static void co_authors_and_partners(void **state)
{
    (void)state;
    coded c;
    code(&c, "ولا توجد إشارات على رد بعد الغارات التي نفذتها أمريكا وبريطانيا وفرنسا ضد أهداف للنظام السوري.", 20180414);
    assert_non_null(find(&c, EVENT_ASSAULT, "USA", "SYR"));
    assert_non_null(find(&c, EVENT_ASSAULT, "GBR", "SYR"));
    assert_non_null(find(&c, EVENT_ASSAULT, "FRA", "SYR"));
    assert_null(find(&c, EVENT_ASSAULT, "USA", "GBR"));
    assert_null(find(&c, EVENT_ASSAULT, "USA", "FRA"));
    release(&c);
    code(&c, "استخدمت الولايات المتحدة صاروخا جديدا في الضربات التي شنتها بالتعاون مع بريطانيا وفرنسا على مواقع للنظام السوري.",
         20180416);
    assert_non_null(find(&c, EVENT_ASSAULT, "USA", "SYR"));
    assert_null(find(&c, EVENT_ASSAULT, "USA", "GBR"));
    assert_null(find(&c, EVENT_ASSAULT, "USA", "FRA"));
    release(&c);
    code(&c, "ويعقد مجلس الأمن الدولي بطلب من فرنسا وبريطانيا جلسة طارئة مغلقة.", 20180307);
    assert_non_null(find(&c, EVENT_REQUEST, "FRA", "-"));
    assert_non_null(find(&c, EVENT_REQUEST, "GBR", "-"));
    assert_null(find(&c, EVENT_REQUEST, "FRA", "GBR"));
    release(&c);
    /* in cooperation itself, the partner is the one cooperated with */
    expect_event("وتسعى السعودية بالتعاون مع مصر لجذب السفن السياحية.", 20180305, EVENT_COOPERATE, "SAU", "EGY");
}

/* What a speaker announces as its verb's object is its own act, whether
 * the speaker comes after the verb or before it ("فنزويلا قد أعلنت طرد"),
 * unless the act names its own author ("أعلن ترامب انسحاب الولايات المتحدة"). */
static void announced_acts(void **state)
{
    (void)state;
    expect_event("وكانت فنزويلا قد أعلنت طرد دبلوماسيين أمريكيين من أراضيها.", 20180524, EVENT_SANCTION, "VEN", "USA");
    expect_event("وكانت إسرائيل أعلنت شن غارات على مواقع لحركة حماس في غزة.", 20180530, EVENT_ASSAULT, "ISR", "PSE");
    expect_event("وكان ترامب أعلن انسحاب الولايات المتحدة من الاتفاق النووي الإيراني.", 20180712, EVENT_RETREAT, "USA",
                 "IRN");
}

static void offsets_point_at_the_trigger(void **state)
{
    (void)state;
    const char *text = "وأطلق الحوثيون صواريخ على جازان، وقصفت طائرات التحالف صعدة.";
    coded c;
    code(&c, text, 20180809);
    assert_true(c.events.count > 0);
    for (size_t i = 0; i < c.events.count; i++) {
        const event *e = &c.events.items[i];
        assert_true(e->trigger_start < e->trigger_end && e->trigger_end <= strlen(text));
        assert_true(((unsigned char)text[e->trigger_start] & 0xC0) != 0x80);
        assert_true(e->sentence < c.tokens.sentence_count);
    }
    release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verb_first_and_subject_first),
        cmocka_unit_test(nominal_triggers_and_their_parties),
        cmocka_unit_test(listed_subjects_each_act),
        cmocka_unit_test(speakers_accuse_and_ask),
        cmocka_unit_test(condemnations_find_their_target),
        cmocka_unit_test(the_two_sides_and_symmetric_verbs),
        cmocka_unit_test(modality_from_cues_and_years),
        cmocka_unit_test(dates_and_counts),
        cmocka_unit_test(counts_in_duals_and_with_the_attacker),
        cmocka_unit_test(relative_clauses),
        cmocka_unit_test(idioms_and_the_passive),
        cmocka_unit_test(victims_are_not_the_accused_or_the_attackers),
        cmocka_unit_test(places_and_times_around_an_attack),
        cmocka_unit_test(subjects_the_lexicon_does_not_know),
        cmocka_unit_test(whose_act_after_lam),
        cmocka_unit_test(no_comment_no_change_and_whose_figure),
        cmocka_unit_test(disasters_are_not_attacks),
        cmocka_unit_test(deaths_without_violence_are_not_attacks),
        cmocka_unit_test(a_death_alone_is_no_attack),
        cmocka_unit_test(scores_and_minutes_are_no_casualties),
        cmocka_unit_test(games_are_no_events),
        cmocka_unit_test(requests_of_a_state_and_of_no_one),
        cmocka_unit_test(dangers_are_no_threats),
        cmocka_unit_test(attacks_in_words_are_accusations),
        cmocka_unit_test(whose_fire_killed),
        cmocka_unit_test(arrests_ages_and_years),
        cmocka_unit_test(expelled_and_arrested_are_no_authors),
        cmocka_unit_test(lists_before_the_verb_and_sources),
        cmocka_unit_test(duplicates_merge_and_sources_are_not_parties),
        cmocka_unit_test(coalitions_and_their_leaders),
        cmocka_unit_test(victims_and_places_are_not_authors),
        cmocka_unit_test(purposes_and_last_month),
        cmocka_unit_test(the_other_state_of_the_sentence),
        cmocka_unit_test(means_dangers_and_white_stone),
        cmocka_unit_test(stateless_subjects),
        cmocka_unit_test(the_hand_that_did_it),
        cmocka_unit_test(needs_and_meetings_attended),
        cmocka_unit_test(figures_belong_to_their_attack),
        cmocka_unit_test(promises_dissolutions_and_decades),
        cmocka_unit_test(agreement_blame_and_rebels),
        cmocka_unit_test(the_envoys_nationality),
        cmocka_unit_test(announced_acts),
        cmocka_unit_test(raids_that_targeted),
        cmocka_unit_test(defendants_counted),
        cmocka_unit_test(aims_and_measures_are_no_force),
        cmocka_unit_test(whose_act_by_its_adjective),
        cmocka_unit_test(co_authors_and_partners),
        cmocka_unit_test(offsets_point_at_the_trigger),
    };
    return cmocka_run_group_tests_name("events", tests, setup_lexicon, teardown_lexicon);
}
