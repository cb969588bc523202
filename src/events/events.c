/*
 * events.c — see events.h.
 *
 * For each sentence: find the trigger matches, then for each trigger pick
 * its actor (subject) and recipients from the actors around it, read its
 * modality from the cues before it, its date from the sentence, its
 * casualty figures from the numbers beside casualty words, and its place
 * from the locations named.  Finally merge duplicates by the CODEBOOK key.
 */
#include "events.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "dates.h"
#include "numbers.h"

const char *modality_name(modality m)
{
    switch (m) {
    case MODALITY_ASSERTED: return "asserted";
    case MODALITY_HISTORICAL: return "historical";
    case MODALITY_FUTURE: return "future";
    case MODALITY_HYPOTHETICAL: return "hypothetical";
    case MODALITY_NEGATED: return "negated";
    }
    return "asserted";
}

/* ---- what the coder knows of one article while it works */

typedef struct {
    const lexicon *lex;
    const char *text;
    const token_list *tokens;
    const actor_list *actors;
    uint32_t article_date;
    char focus_country[4];          /* the state the article is most about */
    char coalition_leader[4];       /* "التحالف الذي تقوده السعودية": whom a bare التحالف means */
    size_t sentence_first_event;    /* where this sentence's events begin in out */
    size_t sentence_first_token;    /* the sentence being coded */
    int64_t pending_dead, pending_injured;  /* figures waiting for an attack to belong to */
    event_party last_actor;         /* who acted last: the one a dropped pronoun means */
    event_party last_place;         /* the place named last in the sentences before */
    event orphan;                   /* figures told with no attack to give them to, kept to be coded alone */
    bool has_orphan;
    event_list *out;
    /* What the current sentence holds for every trigger in it, read once per
     * sentence, not once per trigger (a sentence of 100,000 triggers would
     * be quadratic); its date and year are in its sentence_view. */
    size_t dates_of_sentence;       /* its first token, or SIZE_MAX */
    bool sentence_has_historical_cue;
    size_t sentence_longest_match;  /* in tokens: bounds how far back a cue can reach */
    size_t casualties_of_sentence;  /* likewise its casualty figures */
    int64_t sentence_dead, sentence_injured, sentence_arrested;
    size_t sentence_figures_at;     /* the token of its first casualty word, or SIZE_MAX */
    const lexicon_match *figures_owner;   /* the attack its figures belong to, or NULL */
} article;

/* Clause openers: a reported clause or a new clause starts after them. */
static const char *const clause_openers[] = {"ان", "بان", "لان", "فيما", "بينما", "حيث", "كما", "اذ"};
/* Words that introduce the one something is done to. */
static const char *const recipient_prepositions[] = {"علي", "ضد", "مع", "الي", "بحق", "تجاه", "لدي", "من", "عن", "نحو"};
/* "the two sides", which stand for the last two parties named */
/* "في العاصمة الفرنسية باريس": a place noun between the preposition and the name */
static const char *const place_nouns[] = {"العاصمه", "مدينه", "بلده", "قريه", "محافظه", "ولايه", "منطقه", "اقليم"};
/* relative pronouns: "الهجوم الذي استهدف مدينة ليغ" */
static const char *const relative_pronouns[] = {"الذي", "التي", "اللذين", "اللتين", "الذين", "اللذان", "اللتان"};
static const char *const both_sides[] = {"الطرفان", "الطرفين", "الجانبان", "الجانبين", "البلدان", "البلدين", "الدولتان", "الدولتين"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool key_in(const token_list *tokens, size_t i, const char *const *words, size_t n)
{
    return token_key_in(tokens, i, words, n, true);
}

static bool key_is(const token_list *tokens, size_t i, const char *word)
{
    return key_in(tokens, i, &word, 1);
}

static const lexicon_entry *cue_of(const lexicon_match *m, cue_kind kind)
{
    for (uint32_t i = 0; i < m->entry_count; i++)
        if (m->entries[i].kind == LEX_CUE && m->entries[i].subkind == kind)
            return &m->entries[i];
    return NULL;
}

/* ---- parties */

/* A party to an event: a state, an IGO, or someone of a known state.  A
 * news agency is the source of the report, not a party to it. */
static bool names_a_party(const actor *a)
{
    return (a->country[0] || a->org[0]) && strcmp(a->sector, "MED") != 0;
}

/* A group with no home state (داعش) fights where it is: it is a party,
 * and takes the country of the place or article (CODEBOOK §2). */
static bool is_armed_group(const actor *a)
{
    return strcmp(a->sector, "INS") == 0 || strcmp(a->sector, "REB") == 0;
}

/* Words between a preposition and the party it introduces: "مع نظيره
 * الروسي" is still "with" the Russian. */
static const char *const counterpart_words[] = {"نظيره", "نظيرته", "نظيريه", "نظرائه", "نظيرها", "نظيرهم", "ونظيره", "ونظيرته"};

static event_party party_from(const actor *a)
{
    event_party p;
    memset(&p, 0, sizeof p);
    p.present = true;
    p.start = a->start;
    p.end = a->end;
    memcpy(p.country, a->country, sizeof p.country);
    memcpy(p.sector, a->sector, sizeof p.sector);
    memcpy(p.org, a->org, sizeof p.org);
    p.lat = a->lat;
    p.lon = a->lon;
    if (a->is_location)
        p.sector[0] = '\0';
    return p;
}

/* The state the article is most about: the most named country among its
 * actors.  Used for actors named only by sector (الجيش، الوزارة). */
static void find_focus_country(article *a)
{
    typedef struct { char code[4]; int n; } tally;
    tally counts[64];
    size_t used = 0;
    for (size_t i = 0; i < a->actors->actor_count; i++) {
        const char *c = a->actors->actors[i].country;
        if (!c[0])
            continue;
        size_t k = 0;
        for (; k < used && strcmp(counts[k].code, c) != 0; k++)
            ;
        if (k == used) {
            if (used == COUNT(counts))
                continue;
            memcpy(counts[used].code, c, 4);
            counts[used++].n = 0;
        }
        counts[k].n++;
    }
    a->focus_country[0] = '\0';
    int best = 0;
    for (size_t k = 0; k < used; k++)
        if (counts[k].n > best) {
            best = counts[k].n;
            memcpy(a->focus_country, counts[k].code, 4);
        }
}

/* "التحالف الذي تقوده السعودية"، "التحالف بقيادة واشنطن"، "تدخل السعودية على
 * رأس تحالف": the state that leads the coalition the article speaks of, so
 * that a bare "التحالف" later in it is that state's.  The first one named wins. */
static const char *const led_by[] = {"تقوده", "يقوده", "بقياده", "بزعامه"};

static const actor *actor_starting_within(const article *a, size_t from, size_t to)
{
    for (size_t k = 0; k < a->actors->actor_count; k++) {
        const actor *x = &a->actors->actors[k];
        if (x->first_token >= from && x->first_token <= to && x->country[0] && !x->is_location)
            return x;
        if (x->first_token > to)
            break;
    }
    return NULL;
}

static void find_coalition_leader(article *a)
{
    a->coalition_leader[0] = '\0';
    const token_list *tokens = a->tokens;
    for (size_t i = 0; i < tokens->count; i++) {
        if (!key_is(tokens, i, "التحالف") && !key_is(tokens, i, "تحالف"))
            continue;
        const actor *leader = NULL;
        for (size_t j = i + 1; j < i + 5 && j < tokens->count && !leader; j++)
            if (key_in(tokens, j, led_by, COUNT(led_by)))
                leader = actor_starting_within(a, j + 1, j + 2);
        if (!leader && i >= 3 && key_is(tokens, i - 1, "راس") && key_is(tokens, i - 2, "علي"))
            leader = actor_starting_within(a, i > 6 ? i - 6 : 0, i - 3);
        if (leader) {
            memcpy(a->coalition_leader, leader->country, 4);
            return;
        }
    }
}

/* The key of a token without the article: "الوزارة" and "وزارة" agree. */
static void bare_key(const token_list *tokens, size_t i, const char **key, size_t *len)
{
    const token *t = &tokens->tokens[i];
    *key = token_key(tokens, t);
    *len = t->key_len;
    if (*len > 6 && memcmp(*key, "ال", 4) == 0) {
        *key += 4;
        *len -= 4;
    }
}

/* A sector-only actor (الوزارة، الجيش) is the last actor named before it
 * with the same head word (وزارة الدفاع الأرمينية), else the last of the
 * same sector with a state, else of the article's focus state. */
static void resolve_sector_only_or(const article *a, size_t actor_index, event_party *p, const char *fallback);
static size_t actor_end_token(const actor *x);

/* Clashes, arrests and protests are mostly within a state: an unnamed
 * other side is of the actor's state.  Words are not: an accusation's
 * unnamed target is of the state the article is about. */
static const char *domestic_fallback(const event *e)
{
    return (e->type == EVENT_ASSAULT || e->type == EVENT_COERCE || e->type == EVENT_PROTEST) ? e->actor.country : NULL;
}

static void resolve_sector_only(const article *a, size_t actor_index, event_party *p)
{
    resolve_sector_only_or(a, actor_index, p, NULL);
}

/* The same, but an unnamed party acted upon by a state's people is of that
 * state before it is of the article's focus ("اشتبك اليونانيون مع الشرطة"). */
static void resolve_sector_only_or(const article *a, size_t actor_index, event_party *p, const char *fallback)
{
    if (p->country[0] || p->org[0] || !p->sector[0])
        return;
    const actor *self = &a->actors->actors[actor_index];
    const char *head;
    size_t head_len;
    bare_key(a->tokens, self->first_token, &head, &head_len);
    /* "التحالف"، "قوات التحالف": the coalition's leader or no one; never the
     * state it fights in */
    /* "الحكومات الغربية"، "الدول الأوروبية": a bloc, no one state */
    static const char *const blocs[] = {"الغربيه", "الاوروبيه", "العربيه", "الخليجيه", "الاجنبيه", "الغربيين", "الكبري"};
    if (key_in(a->tokens, actor_end_token(self), blocs, COUNT(blocs)))
        return;
    bool coalition = false;
    for (size_t i = self->first_token; i < actor_end_token(self) && !coalition; i++)
        coalition = key_is(a->tokens, i, "التحالف");
    if (coalition) {
        if (a->coalition_leader[0])
            memcpy(p->country, a->coalition_leader, 4);
        return;
    }
    for (size_t i = actor_index; i-- > 0;) {
        const actor *x = &a->actors->actors[i];
        const char *k;
        size_t len;
        bare_key(a->tokens, x->first_token, &k, &len);
        if ((x->country[0] || x->org[0]) && len == head_len && memcmp(k, head, len) == 0) {
            memcpy(p->country, x->country, 4);
            memcpy(p->sector, x->sector, 4);
            memcpy(p->org, x->org, sizeof p->org);
            return;
        }
    }
    /* "مجموعات المعارضة المسلحة": rebels and insurgents are of the land they
     * fight in, the place named last, before any party of their kind */
    bool fighters = strcmp(p->sector, "REB") == 0 || strcmp(p->sector, "INS") == 0 || strcmp(p->sector, "OPP") == 0;
    if (fighters && a->last_place.present && a->last_place.country[0]) {
        memcpy(p->country, a->last_place.country, 4);
        return;
    }
    for (size_t i = actor_index; i-- > 0;) {
        const actor *x = &a->actors->actors[i];
        if (x->country[0] && strcmp(x->sector, p->sector) == 0) {
            memcpy(p->country, x->country, 4);
            return;
        }
    }
    if (fallback && fallback[0]) {
        memcpy(p->country, fallback, 4);
        return;
    }
    memcpy(p->country, a->focus_country, 4);
}

/* ---- finding actors around a trigger */

typedef struct {
    size_t first, end;          /* token range of the sentence */
    size_t first_actor, end_actor;   /* actors inside it */
    size_t first_match, end_match;   /* lexicon matches inside it */
    uint32_t date;              /* the date it names (resolve_sentence_date), 0 if none */
    int earliest_year;          /* the earliest year it names, 0 if none */
} sentence_view;

static size_t actor_end_token(const actor *x)
{
    return x->first_token + x->token_count;
}

/* The token where the clause holding token ti begins. */
static const lexicon_match *match_at(const article *a, size_t first_token);
static size_t first_match_from(const article *a, const sentence_view *s, size_t from_token);
static size_t reach_back(const article *a, size_t ti, size_t reach);
static bool is_verbal(event_type t);
static const lexicon_entry *usable_trigger(const article *a, const sentence_view *s, const lexicon_match *m);

/* The verbal trigger (a demand, promise, threat, condemnation ...) whose
 * object the word at ti is part of: "دعا لافروف إلى انسحاب القوات",
 * "أدانت اليونيسيف جرائم قتل الأطفال".  NULL when there is none. */
static const lexicon_entry *governing_trigger(const article *a, const sentence_view *s, size_t ti)
{
    for (size_t i = first_match_from(a, s, reach_back(a, ti, 6)); i < s->end_match; i++) {
        const lexicon_match *m = &a->actors->matches.items[i];
        if (m->first_token + m->token_count > ti)
            break;
        /* close enough to govern it: "دعا ... إلى انسحاب" */
        if (m->first_token + m->token_count + 6 < ti)
            continue;
        const lexicon_entry *trigger = usable_trigger(a, s, m);
        if (trigger && is_verbal((event_type)trigger->event_type))
            return trigger;
    }
    return NULL;
}

/* How far back a clause is looked for: further than any clause of real
 * news, and a bound, so a sentence of 100,000 triggers stays linear. */
#define CLAUSE_LOOKBACK 256

static size_t clause_start(const article *a, const sentence_view *s, size_t ti)
{
    size_t earliest = ti - s->first > CLAUSE_LOOKBACK ? ti - CLAUSE_LOOKBACK : s->first;
    for (size_t i = ti; i-- > earliest;) {
        if (key_in(a->tokens, i, clause_openers, COUNT(clause_openers)) ||
            (a->tokens->tokens[i].kind == TOKEN_PUNCT && (key_is(a->tokens, i, "؛") || key_is(a->tokens, i, ":"))))
            return i + 1;
        /* the object of a verbal trigger is a clause of its own */
        const lexicon_match *m = match_at(a, i);
        if (m && i + m->token_count <= ti && i < ti) {
            const lexicon_entry *trigger = usable_trigger(a, s, m);
            if (trigger && is_verbal((event_type)trigger->event_type))
                return i + m->token_count;
        }
    }
    return earliest;
}

static const lexicon_match *match_at(const article *a, size_t first_token)
{
    const lexicon_matches *ms = &a->actors->matches;
    size_t lo = 0, hi = ms->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ms->items[mid].first_token < first_token)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ms->count && ms->items[lo].first_token == first_token ? &ms->items[lo] : NULL;
}

/* The first of the sentence's matches that starts at or after token:
 * where the searches for cues near a trigger can begin, instead of at the
 * start of a sentence that may hold thousands of matches. */
static size_t first_match_from(const article *a, const sentence_view *s, size_t from_token)
{
    const lexicon_matches *ms = &a->actors->matches;
    size_t lo = s->first_match, hi = s->end_match;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ms->items[mid].first_token < from_token)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The token before which no match can reach within reach tokens of ti. */
static size_t reach_back(const article *a, size_t ti, size_t reach)
{
    size_t back = reach + a->sentence_longest_match;
    return ti > back ? ti - back : 0;
}

static bool introduced_by_preposition(const article *a, const actor *x)
{
    const lexicon_match *m = match_at(a, x->first_token);
    if (m && m->has_preposition)
        return true;
    size_t i = x->first_token;
    while (i > 0 && (key_in(a->tokens, i - 1, counterpart_words, COUNT(counterpart_words)) ||
                     key_in(a->tokens, i - 1, place_nouns, COUNT(place_nouns))))
        i--;
    /* "عدد من الفصائل السورية": a number of them are them */
    static const char *const quantities[] = {"عدد", "بعض", "العديد", "عشرات", "مئات", "الاف", "مجموعه", "وعدد"};
    if (i > 1 && key_is(a->tokens, i - 1, "من") && key_in(a->tokens, i - 2, quantities, COUNT(quantities)))
        return false;
    return i > 0 && key_in(a->tokens, i - 1, recipient_prepositions, COUNT(recipient_prepositions));
}

static bool located_with_fi(const article *a, const actor *x)
{
    return x->is_location && x->first_token > 0 &&
           (key_is(a->tokens, x->first_token - 1, "في") || key_is(a->tokens, x->first_token - 1, "داخل"));
}

/* "مقتل ثلاثة فلسطينيين"، "قتل الطفل": after a word that counts the dead,
 * the genitive is the victim, not the killer (unlike "هجوم الحوثيين"). */
static bool names_its_victim(const article *a, size_t ti)
{
    const lexicon_match *m = match_at(a, ti);
    return m && (cue_of(m, CUE_DEAD) || cue_of(m, CUE_INJURED) || cue_of(m, CUE_ARRESTED));
}

/* A verb ending in وا (طالبوا، اشترطوا) carries its own plural subject. */
static bool has_plural_subject(const article *a, size_t ti)
{
    const token *t = &a->tokens->tokens[ti];
    const char *k = token_key(a->tokens, t);
    size_t n = t->key_len;
    /* طالبوا، اشترطوا; and the imperfect يرفضون، تطالبون */
    return (n > 6 && memcmp(k + n - 4, "وا", 4) == 0) ||
           (n > 8 && memcmp(k + n - 4, "ون", 4) == 0 && (memcmp(k, "ي", 2) == 0 || memcmp(k, "ت", 2) == 0));
}

/* The actor follows another trigger directly, as its verb-first subject
 * ("دانت اليونيسيف جرائم قتل"): it is not also the killer. */
static bool subject_of_another_trigger(const article *a, const sentence_view *s, const actor *x)
{
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *m = &a->actors->matches.items[i];
        if (m->first_token + m->token_count == x->first_token && usable_trigger(a, s, m))
            return true;
        if (m->first_token >= x->first_token)
            break;
    }
    return false;
}

/* "الهجوم الذي استهدف مدينة ليغ": a verb right after a relative pronoun,
 * with no object pronoun of its own, has the antecedent for its subject, so
 * what follows it is its object ("الهجوم الذي شنته القوات" keeps the
 * pronoun, and its subject follows). */
static bool object_follows_relative(const article *a, const sentence_view *s, size_t ti)
{
    if (ti == 0 || ti - 1 < s->first || !key_in(a->tokens, ti - 1, relative_pronouns, COUNT(relative_pronouns)))
        return false;
    const lexicon_match *m = match_at(a, ti);
    return m && !m->has_pronoun_suffix;
}

/* Civilians are the ones force falls on: "وقتلت وأصابت المدنيين" has them
 * as its object, whatever the word order suggests.  A nation's people
 * ("اشتبك عشرات اليونانيين") may still riot or clash. */
static bool may_use_force(const actor *x, event_type type)
{
    return !((type == EVENT_ASSAULT || type == EVENT_COERCE) && strcmp(x->sector, "CVL") == 0 && !x->country[0]);
}

/* The party is the one who speaks in its sentence ("أعلنت وزارة الصحة
 * عن مقتل ..."): the source of the news, not a party to what it reports. */
static bool is_the_source(const article *a, const sentence_view *s, const actor *x)
{
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *m = &ms->items[i];
        if (!cue_of(m, CUE_SPEECH))
            continue;
        size_t after = m->first_token + m->token_count;
        if (after == x->first_token ||
            (actor_end_token(x) <= m->first_token && actor_end_token(x) + 1 >= m->first_token))
            return true;
    }
    return false;
}

/* Verbs whose object is the act itself: "شنت ... غارات"، "نفذت ... هجوما"،
 * "تواصل ... عملياتها"، "أجرى ... محادثات"، "عقد ... اجتماعا"، "أبدى استعداده". */
static const char *const verbs_of_doing[] = {
    "شن", "شنت", "يشن", "تشن", "شنوا", "نفذ", "نفذت", "ينفذ", "تنفذ", "نفذوا", "واصل", "واصلت", "يواصل",
    "تواصل", "خاض", "خاضت", "يخوض", "تخوض", "اجري", "اجرت", "يجري", "تجري", "عقد", "عقدت", "يعقد",
    "تعقد", "ابدي", "ابدت", "يبدي", "تبدي", "قاد", "قادت", "يقود", "تقود", "بدا", "بدات", "يبدا", "تبدا",
    "اطلق", "اطلقت", "يطلق", "تطلق", "اطلقوا", "نظم", "نظمت", "ينظم", "تنظم", "قدم", "قدمت", "يقدم", "تقدم",
    "وجه", "وجهت", "يوجه", "توجه", "ارتكب", "ارتكبت", "يرتكب", "ترتكب", "اعلن", "اعلنت", "يعلن", "تعلن",
    "اصدر", "اصدرت", "يصدر", "تصدر", "فرض", "فرضت", "يفرض", "تفرض"};

static bool object_of_a_verb_of_doing(const article *a, size_t clause_first, size_t ti)
{
    for (size_t i = ti; i-- > clause_first;) {
        const token *t = &a->tokens->tokens[i];
        if (t->kind != TOKEN_WORD)
            continue;
        const char *key = token_key(a->tokens, t);
        size_t len = t->key_len;
        bool and_first = len > 4 && (memcmp(key, "و", 2) == 0 || memcmp(key, "ف", 2) == 0);
        for (size_t v = 0; v < COUNT(verbs_of_doing); v++) {
            size_t n = strlen(verbs_of_doing[v]);
            if ((n == len && memcmp(verbs_of_doing[v], key, len) == 0) ||
                (and_first && n == len - 2 && memcmp(verbs_of_doing[v], key + 2, n) == 0))
                return true;
        }
    }
    return false;
}

/* Words of time that sit between a verb and its subject: "أعلنت الثلاثاء
 * الماضي وزارة ...". */
static const char *const time_words[] = {"الماضي", "الماضيه", "الجاري", "المقبل", "الحالي", "الاخير",
                                         "الليله", "الصباح", "المساء", "الفجر", "ايضا", "بدوره", "بدورها"};

/* "حمّل الغرب الحكومة السورية المسؤولية": a definite noun the lexicon does
 * not know, right after the verb, is its subject; the party after it is
 * then the object. */
static bool unknown_subject_after(const article *a, const sentence_view *s, size_t t_end);

/* "الغرب يتهم روسيا": a definite word the lexicon does not know opens the
 * sentence, and the present-tense verb after it agrees with it; it is the
 * subject, and the party after the verb its object. */
static bool unknown_subject_before(const article *a, const sentence_view *s, size_t ti)
{
    if (ti != s->first + 1)
        return false;
    const token *verb = &a->tokens->tokens[ti];
    const char *v = token_key(a->tokens, verb);
    if (verb->key_len < 6 || (memcmp(v, "ي", 2) != 0 && memcmp(v, "ت", 2) != 0))
        return false;
    return unknown_subject_after(a, s, s->first);
}

static bool unknown_subject_after(const article *a, const sentence_view *s, size_t t_end)
{
    if (t_end >= s->end)
        return false;
    const token *t = &a->tokens->tokens[t_end];
    if (t->kind != TOKEN_WORD || t->key_len < 6 || memcmp(token_key(a->tokens, t), "ال", 4) != 0 ||
        key_in(a->tokens, t_end, time_words, COUNT(time_words)) ||
        resolve_sentence_date(a->tokens, t_end, 1, a->article_date ? a->article_date : 20000101) != 0)
        return false;
    /* the word is not the start of a party the lexicon knows */
    for (size_t k = s->first_actor; k < s->end_actor; k++)
        if (a->actors->actors[k].first_token == t_end)
            return false;
    return true;
}

/* "أكد الجيش الأمريكي أنه نفذ ضربة": the speaker says it did it itself. */
static const char *const self_reference[] = {"انه", "انها", "انهم", "بانه", "بانها", "بانهم"};

static bool reports_its_own_act(const article *a, const actor *speaker, size_t ti)
{
    for (size_t i = actor_end_token(speaker); i < ti; i++)
        if (key_in(a->tokens, i, self_reference, COUNT(self_reference)))
            return true;
    /* "أعلنت إيتا، الخميس، عن حل نفسها": what is announced with عن, or as
     * the verb's own object, with no reported clause (أن) between, is the
     * speaker's own act.  A toll announced is not: "أعلنت الوزارة عن مقتل". */
    const lexicon_match *own = match_at(a, ti);
    if (own && (cue_of(own, CUE_DEAD) || cue_of(own, CUE_INJURED) || cue_of(own, CUE_ARRESTED)))
        return false;
    size_t i = actor_end_token(speaker);
    while (i < ti && (a->tokens->tokens[i].kind == TOKEN_PUNCT ||
                      resolve_sentence_date(a->tokens, i, 1, a->article_date ? a->article_date : 20000101) != 0))
        i++;
    if (i < ti && key_is(a->tokens, i, "عن"))
        i++;
    return i == ti;
}

/* Words that put an act before or after another, or give it as a cause:
 * what follows them is not done by the party before them ("خلال" and "وسط"
 * are different: "عثرت القوات خلال عمليات تمشيط" are the forces' own). */
static const char *const time_or_cause[] = {"بعيد", "بعد", "قبل", "اثر", "عقب", "اعقاب", "جراء", "بسبب", "منذ"};

/* "تعرضت مدينة دوما لهجوم": the party that suffered an act; returns its
 * index or SIZE_MAX. */
static const char *const suffered[] = {"تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "يتعرضون", "وتعرض", "وتعرضت"};

static bool names_its_victim(const article *a, size_t ti);

/* "اثنين أمريكيين أصيبا في هجوم"، "قتل جنديان جراء انفجار": who was killed
 * or hurt in the act named next is its victim, not its author. */
static const char *const in_or_by[] = {"في", "جراء", "اثر", "بسبب", "خلال"};

static size_t party_hurt_in(const article *a, const sentence_view *s, size_t ti)
{
    if (ti < s->first + 2)
        return SIZE_MAX;
    const lexicon_match *m = match_at(a, ti);
    size_t verb = ti - 1;
    if (!(m && m->has_preposition) && key_in(a->tokens, ti - 1, in_or_by, COUNT(in_or_by)))
        verb--;
    if (verb < s->first + 1 || !names_its_victim(a, verb))
        return SIZE_MAX;
    for (size_t k = s->end_actor; k-- > s->first_actor;) {
        const actor *x = &a->actors->actors[k];
        if (actor_end_token(x) > verb)
            continue;
        return actor_end_token(x) == verb && !x->is_location && !introduced_by_preposition(a, x) ? k : SIZE_MAX;
    }
    return SIZE_MAX;
}

static size_t party_exposed_to(const article *a, const sentence_view *s, size_t ti)
{
    size_t hurt = party_hurt_in(a, s, ti);
    if (hurt != SIZE_MAX)
        return hurt;
    const token *t = &a->tokens->tokens[ti];
    if (t->key_len < 4 || memcmp(token_key(a->tokens, t), "ل", 2) != 0)
        return SIZE_MAX;
    for (size_t k = s->end_actor; k-- > s->first_actor;) {
        const actor *x = &a->actors->actors[k];
        if (actor_end_token(x) > ti)
            continue;
        if (actor_end_token(x) + 1 < ti)
            return SIZE_MAX;
        size_t before = x->first_token;
        while (before > s->first && key_in(a->tokens, before - 1, place_nouns, COUNT(place_nouns)))
            before--;
        return before > s->first && key_in(a->tokens, before - 1, suffered, COUNT(suffered)) ? k : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* The key of a match's first token without the و or ف the matcher peeled
 * ("وتدعو" → "تدعو"); *len gets its length in bytes. */
static const char *key_after_conjunction(const article *a, const lexicon_match *m, size_t *len)
{
    const token *t = &a->tokens->tokens[m->first_token];
    const char *k = token_key(a->tokens, t);
    *len = t->key_len;
    if (m->has_conjunction && *len > 2 && (memcmp(k, "و", 2) == 0 || memcmp(k, "ف", 2) == 0)) {
        k += 2;
        *len -= 2;
    }
    return k;
}

/* A capital stands for its state, and is grammatically feminine. */
static bool is_capital(const article *a, const actor *x)
{
    const lexicon_match *m = match_at(a, x->first_token);
    return m && m->entry_count > 0 && m->entries[0].kind == LEX_CAPITAL && x->token_count <= m->token_count;
}

/* "دعا"، "يدعو": a singular masculine verb; "دعت"، "تدعو" are feminine, and
 * a past verb that begins with ت (تعهد) tells nothing. */
static bool is_masculine_verb(const article *a, size_t ti)
{
    const lexicon_match *m = match_at(a, ti);
    if (!m)
        return false;
    size_t n;
    const char *k = key_after_conjunction(a, m, &n);
    if (n < 4 || memcmp(k + n - 2, "ت", 2) == 0 || has_plural_subject(a, ti))
        return false;
    return memcmp(k, "ت", 2) != 0;
}

/* "الرئيس المصري الراحل محمد أنور السادات": the dead do not act today. */
static bool is_late(const article *a, const actor *x)
{
    size_t end = actor_end_token(x);
    for (size_t i = x->first_token; i <= end && i < a->tokens->count; i++)
        if (key_is(a->tokens, i, "الراحل") || key_is(a->tokens, i, "الراحله"))
            return true;
    return false;
}

/* Index of the subject of a trigger at token ti, or SIZE_MAX. */
static size_t find_subject(const article *a, const sentence_view *s, size_t ti, size_t t_end, trigger_pos pos,
                           event_type type)
{
    const actor *actors = a->actors->actors;
    size_t cs = clause_start(a, s, ti);
    /* 1. subject-first: an actor ending right before the trigger (قد may sit
     * between); not across a word of time or cause ("لقاء الأسد بأعضاء
     * البرلمان الروسي بعيد الهجمات") */
    for (size_t k = s->end_actor; k-- > s->first_actor && !(ti > 0 && key_in(a->tokens, ti - 1, time_or_cause,
                                                                                 COUNT(time_or_cause)));) {
        const actor *x = &actors[k];
        if (actor_end_token(x) > ti)
            continue;
        if (actor_end_token(x) + 2 >= ti && x->first_token >= cs && names_a_party(x) && !x->is_location && !is_late(a, x) &&
            !introduced_by_preposition(a, x) && !subject_of_another_trigger(a, s, x) && may_use_force(x, type) &&
            (is_verbal(type) || !is_the_source(a, s, x) || reports_its_own_act(a, x, ti)))
            return k;
        break;
    }
    /* 2. verb-first: an actor just after the verb, unless the verb carries
     * its own plural subject ("وطالبوا الأمم المتحدة": the UN is asked) */
    if (pos == TRIGGER_VERB && !has_plural_subject(a, ti) && !names_its_victim(a, ti) &&
        (unknown_subject_after(a, s, t_end) || unknown_subject_before(a, s, ti)))
        return SIZE_MAX;
    /* "قتل ثلاثة جنود": a count right after a verb of killing counts its
     * victims (the passive has the same letters) */
    parsed_number counted;
    bool victims_counted = names_its_victim(a, ti) && parse_number_at(a->tokens, t_end, &counted);
    if (pos == TRIGGER_VERB && !has_plural_subject(a, ti) && !victims_counted) {
        for (size_t k = s->first_actor; k < s->end_actor && !object_follows_relative(a, s, ti); k++) {
            const actor *x = &actors[k];
            if (x->first_token < t_end)
                continue;
            /* a bare nationality adjective after other words describes
             * them ("استهدف مدينة ليغ البلجيكية"), it is not the subject */
            /* "قتل في القنصلية السعودية": where it happened, not who did it */
            bool where = x->first_token > 0 && key_is(a->tokens, x->first_token - 1, "في");
            /* "ودعا أنقرة إلى": a city is feminine, so after a masculine verb it is the object */
            bool object = x->first_token == t_end && is_capital(a, x) && is_masculine_verb(a, ti);
            if (x->first_token <= t_end + 2 && !x->is_location && !introduced_by_preposition(a, x) && !where && !object &&
                !(x->is_adjective && x->first_token > t_end) && may_use_force(x, type))
                return k;
            break;
        }
    } else if (pos != TRIGGER_VERB) {
        /* 3. a noun's genitive: هجوم الحوثيين */
        for (size_t k = s->first_actor; k < s->end_actor; k++) {
            const actor *x = &actors[k];
            if (x->first_token < t_end)
                continue;
            if (x->first_token == t_end && !x->is_location && !x->is_adjective && !introduced_by_preposition(a, x) &&
                !key_is(a->tokens, t_end, "بين") && !names_its_victim(a, ti) && may_use_force(x, type))
                return k;
            break;
        }
    }
    /* 4. the subject of the clause (a reported act is not the speaker's);
     * a noun takes it only as the object of a verb of doing ("شنت القوات
     * الروسية أمس غارات"), else a noun's author is unsaid ("خروقات لاتفاق
     * وقف إطلاق النار" is nobody's ceasefire in particular) */
    const lexicon_match *own = match_at(a, ti);
    /* a definite noun of saying ("معالجة التهديد") names the thing, not
     * someone's act; a participle ("متهمة إياها") is the speaker's */
    if (pos != TRIGGER_VERB && (!is_verbal(type) || (own && own->has_article)) &&
        !object_of_a_verb_of_doing(a, cs, ti) && !(own && own->has_pronoun_suffix))    /* "خلال زيارته": his visit */
        return SIZE_MAX;
    for (size_t k = s->end_actor; k-- > s->first_actor;) {
        const actor *x = &actors[k];
        if (x->first_token < cs)
            break;
        if (actor_end_token(x) <= ti && names_a_party(x) && !x->is_location && !x->is_adjective && !is_late(a, x) &&
            !introduced_by_preposition(a, x) && !subject_of_another_trigger(a, s, x) && may_use_force(x, type) &&
            (is_verbal(type) || !is_the_source(a, s, x) || reports_its_own_act(a, x, ti)))
            return k;
    }
    return SIZE_MAX;
}

/* The speaker of a sentence: the party next to its first verb of saying
 * (وقالت وزارة الدفاع ...، أكد كنعاني ...، باشينيان قال ...). */
static size_t find_speaker(const article *a, const sentence_view *s, size_t before_token)
{
    const lexicon_matches *ms = &a->actors->matches;
    const actor *actors = a->actors->actors;
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *m = &ms->items[i];
        if (m->first_token < s->first || m->first_token >= before_token || !cue_of(m, CUE_SPEECH))
            continue;
        size_t after = m->first_token + m->token_count;
        for (size_t k = s->first_actor; k < s->end_actor; k++) {
            const actor *x = &actors[k];
            if (x->first_token >= after && x->first_token <= after + 1 && !x->is_location) {
                /* "نقلت وكالة إنترفاكس عن باشينيان": the agency relays, the one quoted speaks */
                if (strcmp(x->sector, "MED") == 0) {
                    for (size_t q = k + 1; q < s->end_actor; q++)
                        if (actors[q].first_token >= actor_end_token(x) &&
                            actors[q].first_token <= actor_end_token(x) + 2 && names_a_party(&actors[q]))
                            return q;
                    continue;
                }
                return k;
            }
            if (actor_end_token(x) <= m->first_token && actor_end_token(x) + 1 >= m->first_token && !x->is_location &&
                x->first_token >= s->first)
                return k;
        }
    }
    return SIZE_MAX;
}

/* Events of saying: their actor is whoever says them. */
static bool is_verbal(event_type t)
{
    return t == EVENT_AGREE || t == EVENT_SUPPORT || t == EVENT_CONCEDE || t == EVENT_REQUEST || t == EVENT_ACCUSE ||
           t == EVENT_REJECT || t == EVENT_THREATEN;
}

/* ---- events */

/* Verbs of carrying out, with a pronoun for the act they follow:
 * "غارة شنها طيران الاحتلال"، "الهجوم الذي نفذته الجماعة". */
static const char *const performed_by[] = {"شن", "شنت", "نفذ", "نفذت", "ارتكب", "ارتكبت", "اطلق", "اطلقت",
                                           "قاد", "قادت", "يقود", "تقود", "يشن", "تشن", "ينفذ", "تنفذ"};

static bool is_performed_by(const article *a, size_t i)
{
    if (i >= a->tokens->count || a->tokens->tokens[i].kind != TOKEN_WORD)
        return false;
    const token *t = &a->tokens->tokens[i];
    const char *k = token_key(a->tokens, t);
    size_t n = t->key_len, pronoun = 0;
    if (n > 4 && memcmp(k + n - 4, "ها", 4) == 0)
        pronoun = 4;
    else if (n > 2 && memcmp(k + n - 2, "ه", 2) == 0)
        pronoun = 2;
    if (!pronoun)
        return false;
    for (size_t v = 0; v < COUNT(performed_by); v++)
        if (strlen(performed_by[v]) == n - pronoun && memcmp(k, performed_by[v], n - pronoun) == 0)
            return true;
    return false;
}

/* "من X", "من قبل X", "على يد X" right after a noun trigger, or a verb of
 * carrying out with its pronoun ("شنها X", "التي نفذتها X"): X did it. */
static size_t agent_after(const article *a, const sentence_view *s, size_t t_end)
{
    size_t at = SIZE_MAX;
    size_t verb = t_end;
    /* "القصف الجوي، الذي تقوده الولايات المتحدة": a comma may come first */
    while (verb < s->end && verb < t_end + 3 && !is_performed_by(a, verb) &&
           (key_in(a->tokens, verb, relative_pronouns, COUNT(relative_pronouns)) ||
            a->tokens->tokens[verb].kind == TOKEN_WORD || key_is(a->tokens, verb, "،")))
        verb++;
    if (verb < s->end && is_performed_by(a, verb) &&
        (verb == t_end || key_in(a->tokens, verb - 1, relative_pronouns, COUNT(relative_pronouns)))) {
        /* its subject may be a noun the lexicon does not know, described by
         * a nationality: "شنها طيران الاحتلال الإسرائيلي" */
        for (size_t k = s->first_actor; k < s->end_actor; k++) {
            const actor *x = &a->actors->actors[k];
            if (x->first_token > verb && x->first_token <= verb + 3 && names_a_party(x) && !x->is_location)
                return k;
            if (x->first_token > verb + 3)
                break;
        }
        return SIZE_MAX;
    } else if (key_is(a->tokens, t_end, "من")) {
        at = t_end + 1;
        if (key_is(a->tokens, at, "قبل"))
            at++;
    } else if (key_is(a->tokens, t_end, "علي") &&
               (key_is(a->tokens, t_end + 1, "يد") || key_is(a->tokens, t_end + 1, "ايدي"))) {
        at = t_end + 2;
    }
    if (at == SIZE_MAX)
        return SIZE_MAX;
    for (size_t k = s->first_actor; k < s->end_actor; k++) {
        const actor *x = &a->actors->actors[k];
        if (x->first_token == at && names_a_party(x) && !x->is_adjective)
            return k;
        if (x->first_token > at)
            break;
    }
    return SIZE_MAX;
}

/* An asserted event of type at match m, with nothing known of it yet. */
static event blank_event_at(const lexicon_match *m, event_type type, const char *mode, uint32_t sentence_index)
{
    event e;
    memset(&e, 0, sizeof e);
    e.type = (uint8_t)type;
    e.mode = mode;
    e.modality = MODALITY_ASSERTED;
    e.dead = e.injured = e.arrested = NO_COUNT;
    e.trigger_start = m->text_start;
    e.trigger_end = m->end;
    e.sentence = sentence_index;
    e.location.lat = e.location.lon = NAN;
    e.actor.lat = e.actor.lon = e.recipient.lat = e.recipient.lon = NAN;
    return e;
}

static event blank_event(const article *a, const lexicon_match *m, const lexicon_entry *trigger, uint32_t sentence_index)
{
    return blank_event_at(m, (event_type)trigger->event_type, lexicon_string(a->lex, trigger->mode), sentence_index);
}

/* "تدعو منظمة التحرير ... ودعت منظمة التحرير الفلسطينية": one party named
 * twice does not act on itself. */
static bool same_party(const event_party *x, const event_party *y);

/* One state has one government, but many rebel groups: "الفصائل المعارضة"
 * may well condemn "حركة نور الدين زنكي". */
static bool one_of_many(const char *sector)
{
    return strcmp(sector, "REB") == 0 || strcmp(sector, "INS") == 0 || strcmp(sector, "OPP") == 0;
}

static bool acts_on_itself(const article *a, const event *e)
{
    if (!(e->actor.present && e->recipient.present && e->actor.sector[0] && same_party(&e->actor, &e->recipient) &&
          strcmp(e->actor.sector, e->recipient.sector) == 0))
        return false;
    if (!one_of_many(e->actor.sector))
        return true;
    size_t n = e->actor.end - e->actor.start;
    return n == e->recipient.end - e->recipient.start && memcmp(a->text + e->actor.start, a->text + e->recipient.start, n) == 0;
}

static void push_event(article *a, const event *e)
{
    if (acts_on_itself(a, e))
        return;
    if (e->actor.present && (e->actor.country[0] || e->actor.org[0]))
        a->last_actor = e->actor;
    event_list *out = a->out;
    grow_array((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
    event *x = &out->items[out->count++];
    *x = *e;
    /* figures waiting from earlier sentences are not for an attack whose
     * own sentence tells its figures (to it or to another attack in it) */
    bool own_figures = a->casualties_of_sentence == a->sentence_first_token && a->sentence_figures_at != SIZE_MAX;
    if (x->type == EVENT_ASSAULT && x->modality == MODALITY_ASSERTED && !own_figures) {
        bool took_pending = (x->dead == NO_COUNT && a->pending_dead != NO_COUNT) ||
                            (x->injured == NO_COUNT && a->pending_injured != NO_COUNT);
        if (x->dead == NO_COUNT)
            x->dead = a->pending_dead;
        if (x->injured == NO_COUNT)
            x->injured = a->pending_injured;
        a->pending_dead = a->pending_injured = NO_COUNT;
        if (took_pending)
            a->has_orphan = false;     /* the figures found their attack */
    }
}

/* Symmetric wording (CODEBOOK §2): A→B and B→A. */
static void push_both_ways(article *a, const event *e, const event_party *p1, const event_party *p2)
{
    event x = *e;
    x.actor = *p1;
    x.recipient = *p2;
    push_event(a, &x);
    x.actor = *p2;
    x.recipient = *p1;
    push_event(a, &x);
}

static bool same_party(const event_party *x, const event_party *y)
{
    return strcmp(x->country, y->country) == 0 && strcmp(x->org, y->org) == 0;
}

/* The last two distinct states named before token ti: "الطرفان". */
static bool last_two_parties(const article *a, size_t before_token, event_party *p1, event_party *p2)
{
    int found = 0;
    for (size_t k = a->actors->actor_count; k-- > 0 && found < 2;) {
        const actor *x = &a->actors->actors[k];
        if (x->first_token >= before_token || !x->country[0] || x->is_adjective || !names_a_party(x))
            continue;
        event_party p = party_from(x);
        p.sector[0] = '\0';
        if (found == 0) {
            *p2 = p;
            found = 1;
        } else if (!same_party(&p, p2)) {
            *p1 = p;
            found = 2;
        }
    }
    return found == 2;
}

/* After a noun: "القمة المرتقبة"، "لقاء قريبا سينعقد" — what is expected. */
static const char *const future_after_noun[] = {
    "المرتقب", "المرتقبه", "المقبل", "المقبله", "المزمع", "المزمعه", "المقرر", "المقرره", "المنتظر", "المنتظره",
    "المحتمل", "المحتمله", "قريبا", "سينعقد", "ستنعقد", "سيعقد", "ستعقد", "سيجري", "ستجري", "ستبدا", "سيبدا"};

/* "ليفسح المجال أمام غريفيث للتوصل إلى حل"، "في طريقه لاستهداف جازان": a
 * verbal noun under the ل of purpose is what someone means to do, not what
 * was done.  Only an indefinite noun: "إدانتها للهجوم" names a real attack.
 * "تعرضت لهجوم" is an act suffered, and a death (أدى لمقتل) is no purpose. */
static const char *const not_purposes[] = {"مقتل", "اصابه", "وفاه", "سقوط", "هجوم", "قصف", "اعتداء", "غاره"};

static bool under_lam_of_purpose(const article *a, const lexicon_match *m)
{
    if (!m->has_preposition || m->token_count != 1)
        return false;
    size_t n;
    const char *k = key_after_conjunction(a, m, &n);
    if (m->has_article && (n < 4 || memcmp(k, "لل", 4) != 0))
        return false;
    if (n < 8 || memcmp(k, "ل", 2) != 0)
        return false;
    /* with the article, only when a preposition tells the aim: "للتوصل إلى
     * حل"، "للتفاوض مع"; "إدانتها للهجوم" is the attack condemned */
    static const char *const aims[] = {"الي", "مع", "علي", "حول", "بشان"};
    if (memcmp(k, "لل", 4) == 0) {
        size_t after = m->first_token + m->token_count;
        return after < a->tokens->count && key_in(a->tokens, after, aims, COUNT(aims));
    }
    for (size_t w = 0; w < COUNT(not_purposes); w++) {
        size_t len = strlen(not_purposes[w]);
        if (n - 2 >= len && memcmp(k + 2, not_purposes[w], len) == 0)
            return false;
    }
    return true;
}

/* A cue of history ("الشهر الماضي"، "منذ عدة أسابيع") dates the act it
 * stands beside: one earlier in the act's clause, or one after it before
 * the clause ends ("ووقع الطرفان الشهر الماضي اتفاقا"، "محادثات بوتين
 * ونتنياهو، التي جرت منذ عدة أسابيع").  A comma that starts another
 * clause ends it: "أعلنت إيتا عن حل نفسها، واضعة بذلك النقطة الأخيرة لتمرد
 * أسفر عن مقتل 800 شخص خلال أربعة عقود" dissolves ETA today. */
static bool historical_cue_reaches(const article *a, const sentence_view *s, size_t cs, size_t ti, size_t t_end)
{
    const lexicon_matches *ms = &a->actors->matches;
    size_t reach = s->end;
    for (size_t i = t_end; i < s->end; i++) {
        bool comma = key_is(a->tokens, i, "،") || key_is(a->tokens, i, ",") || key_is(a->tokens, i, "؛");
        if ((comma && !(i + 1 < s->end && key_in(a->tokens, i + 1, relative_pronouns, COUNT(relative_pronouns)))) ||
            key_in(a->tokens, i, clause_openers, COUNT(clause_openers))) {
            reach = i;
            break;
        }
    }
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *m = &ms->items[i];
        if (!cue_of(m, CUE_HISTORICAL))
            continue;
        if (m->first_token < ti ? m->first_token >= cs : m->first_token < reach)
            return true;
    }
    return false;
}

static modality modality_for(const article *a, const sentence_view *s, size_t ti, const lexicon_match *trigger_match,
                             event_type type, int *named_year)
{
    const lexicon_matches *ms = &a->actors->matches;
    size_t cs = clause_start(a, s, ti);
    if (trigger_match->has_future_particle)
        return MODALITY_FUTURE;
    /* words said in the call that was made for them were said: "أجرى
     * اتصالات ... لمطالبتهم بالرد" is a request made */
    if (type != EVENT_REQUEST && type != EVENT_ACCUSE && type != EVENT_CONSULT && type != EVENT_SUPPORT &&
        under_lam_of_purpose(a, trigger_match))
        return MODALITY_FUTURE;
    size_t t_end = trigger_match->first_token + trigger_match->token_count;
    for (size_t i = t_end; i < t_end + 3 && i < s->end; i++)
        if (key_in(a->tokens, i, future_after_noun, COUNT(future_after_noun)))
            return MODALITY_FUTURE;
    /* a cue counts from the clause start on, or within three tokens */
    size_t from = reach_back(a, ti, 3);
    /* ... and a cue ending in the clause's own أن starts before it */
    size_t earliest = cs < from ? cs : from;
    earliest = earliest >= s->first + 3 ? earliest - 3 : s->first;
    for (size_t i = first_match_from(a, s, earliest); i < s->end_match; i++) {
        const lexicon_match *m = &ms->items[i];
        if (m->first_token < s->first || m->first_token >= ti)
            continue;
        size_t gap = ti - (m->first_token + m->token_count);
        /* the cue may end in the clause's own أن: "من دون أن تقدم طهران" */
        if (cue_of(m, CUE_NEGATED) && gap <= 1 && m->first_token + m->token_count >= cs)
            return MODALITY_NEGATED;
        if (cue_of(m, CUE_FUTURE) && gap <= 3)
            return MODALITY_FUTURE;
        /* "يجب أن تقود المفاوضات إلى انسحاب": the cue may end in the clause's أن */
        if (cue_of(m, CUE_HYPOTHETICAL) && m->first_token + m->token_count >= cs)
            return MODALITY_HYPOTHETICAL;
    }
    /* what is demanded, promised or threatened has not happened */
    const lexicon_entry *governor = governing_trigger(a, s, ti);
    if (governor && (governor->event_type == EVENT_REQUEST || governor->event_type == EVENT_AGREE ||
                     governor->event_type == EVENT_THREATEN) &&
        trigger_match->first_token > s->first)
        return MODALITY_FUTURE;
    int year = s->earliest_year;
    *named_year = year;
    /* a day named relative to the article ("الأسبوع الماضي", "أمس") dates the
     * act; a year beside it dates something else ("الاتفاق المبرم في عام 2015") */
    bool dated_recently = s->date && a->article_date && date_add_days(s->date, 7) >= a->article_date;
    if (year && a->article_date && (uint32_t)year < a->article_date / 10000 && !dated_recently)
        return MODALITY_HISTORICAL;
    if (a->sentence_has_historical_cue && !year && historical_cue_reaches(a, s, cs, ti, t_end))
        return MODALITY_HISTORICAL;
    return MODALITY_ASSERTED;
}

/* "استشهد فلسطينيان": the nominative dual of a nationality or other nisba
 * noun (-يان) counts two.  Only -يان: the oblique -يين is also the plural.
 * Definite words (الأحيان) and short ones (بيان، كيان) are not duals of people. */
static bool is_dual_of_people(const article *a, size_t i)
{
    if (i >= a->tokens->count || a->tokens->tokens[i].kind != TOKEN_WORD)
        return false;
    const token *t = &a->tokens->tokens[i];
    const char *k = token_key(a->tokens, t);
    size_t n = t->key_len;
    return n >= 12 && memcmp(k + n - 6, "يان", 6) == 0 && memcmp(k, "ال", 4) != 0;
}

/* "بالإضافة إلى مقتل منفذ الهجوم": the figure leaves out the attacker, whom
 * the sentence counts among the dead too (ACLED counts every fatality). */
static const char *const attacker_words[] = {"المهاجم", "المعتدي", "منفذ", "الانتحاري", "الجاني"};

static bool counts_the_attacker_too(const article *a, const sentence_view *s)
{
    for (size_t i = s->first; i + 2 < s->end; i++) {
        if (!key_is(a->tokens, i, "بالاضافه") && !key_is(a->tokens, i, "اضافه"))
            continue;
        if (!key_is(a->tokens, i + 1, "الي"))
            continue;
        size_t j = i + 2;
        if (key_is(a->tokens, j, "مقتل"))
            j++;
        return j < s->end && key_in(a->tokens, j, attacker_words, COUNT(attacker_words));
    }
    return false;
}

/* Casualty figures of a sentence: the first figure next to each kind of
 * casualty word. */
static void count_casualties_at(const article *a, const sentence_view *s, int64_t *dead, int64_t *injured,
                                int64_t *arrested, size_t *at);

static void count_casualties(const article *a, const sentence_view *s, int64_t *dead, int64_t *injured, int64_t *arrested)
{
    size_t at;
    count_casualties_at(a, s, dead, injured, arrested, &at);
}

/* The same, and where the first figure's word stands (SIZE_MAX for none). */
static void count_casualties_at(const article *a, const sentence_view *s, int64_t *dead, int64_t *injured,
                                int64_t *arrested, size_t *at)
{
    *dead = *injured = *arrested = NO_COUNT;
    *at = SIZE_MAX;
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *m = &ms->items[i];
        if (m->first_token < s->first || m->first_token >= s->end)
            continue;
        for (uint32_t e = 0; e < m->entry_count; e++) {
            const lexicon_entry *cue = &m->entries[e];
            if (cue->kind != LEX_CUE || (cue->subkind != CUE_DEAD && cue->subkind != CUE_INJURED && cue->subkind != CUE_ARRESTED))
                continue;
            int64_t *slot = cue->subkind == CUE_DEAD ? dead : cue->subkind == CUE_INJURED ? injured : arrested;
            if (*slot != NO_COUNT)
                continue;
            parsed_number n;
            bool found = false;
            /* the figure before the word: "30 ألف قتيل", "49 جنديا قتلوا",
             * "20 مدنيا على الأقل قتلوا" (up to three words between) */
            if (cue->cue_scope != CASUALTY_BEFORE_FIGURE)
                for (size_t back = 1; back <= 4 && !found && m->first_token >= s->first + back; back++) {
                    size_t start = m->first_token - back;
                    /* start of the figure: walk back over a spelled figure */
                    if (parse_number_at(a->tokens, start, &n) && n.first_token + n.token_count + 3 >= m->first_token &&
                        n.first_token + n.token_count <= m->first_token) {
                        /* prefer the longest figure ending here: "30 ألف" over "ألف" */
                        size_t earlier = start;
                        parsed_number better;
                        while (earlier > s->first && parse_number_at(a->tokens, earlier - 1, &better) &&
                               better.first_token + better.token_count >= n.first_token + n.token_count) {
                            n = better;
                            earlier--;
                        }
                        found = true;
                    }
                }
            /* the dual right after it: "استشهد فلسطينيان" */
            if (!found && cue->cue_scope != CASUALTY_AFTER_FIGURE && is_dual_of_people(a, m->first_token + m->token_count)) {
                n.value = 2;
                found = true;
            }
            /* the figure after it: "مقتل نحو 6500 شخص" */
            if (!found && cue->cue_scope != CASUALTY_AFTER_FIGURE)
                for (size_t ahead = 1; ahead <= 3 && !found; ahead++) {
                    size_t start = m->first_token + m->token_count + ahead - 1;
                    if (start < s->end && parse_number_at(a->tokens, start, &n))
                        found = true;
                }
            if (found && n.value >= 1 && n.value < 1e9) {
                *slot = (int64_t)n.value;
                if (*at == SIZE_MAX)
                    *at = m->first_token;
            }
        }
    }
    if (*dead != NO_COUNT && counts_the_attacker_too(a, s))
        (*dead)++;
}

/* count_casualties() once per sentence, for all of its triggers. */
static bool is_trigger_of(const lexicon_match *m, event_type type);

/* "نفذت ... ضربات استهدفت مواقع ... ردا على هجوم كيميائي أسفر عن مقتل
 * العشرات": of several attacks in a sentence, the figures belong to the one
 * named last before them (or, with none before, the first after). */
static const lexicon_match *owner_of_the_figures(const article *a, const sentence_view *s)
{
    size_t at = a->sentence_figures_at;
    if (at == SIZE_MAX)
        return NULL;
    const lexicon_matches *ms = &a->actors->matches;
    const lexicon_match *owner = NULL;
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *x = &ms->items[i];
        /* the casualty word itself (استشهد، مقتل) is no attack of its own here */
        const lexicon_entry *t = x->first_token != at ? usable_trigger(a, s, x) : NULL;
        if (!t || t->event_type != EVENT_ASSAULT)
            continue;
        if (x->first_token < at || !owner)
            owner = x;
        if (x->first_token >= at)
            break;
    }
    return owner;
}

static void sentence_casualties(article *a, const sentence_view *s, int64_t *dead, int64_t *injured, int64_t *arrested)
{
    if (a->casualties_of_sentence != s->first) {
        a->casualties_of_sentence = s->first;
        count_casualties_at(a, s, &a->sentence_dead, &a->sentence_injured, &a->sentence_arrested,
                            &a->sentence_figures_at);
        /* once a sentence: asking it per attack was quadratic in attacks */
        a->figures_owner = owner_of_the_figures(a, s);
    }
    *dead = a->sentence_dead;
    *injured = a->sentence_injured;
    *arrested = a->sentence_arrested;
}

static const actor *sentence_location(const article *a, const sentence_view *s)
{
    for (size_t k = s->first_actor; k < s->end_actor; k++)
        if (a->actors->actors[k].is_location && !a->actors->actors[k].is_dateline)
            return &a->actors->actors[k];
    return NULL;
}

/* Recipients of a trigger: the first party after it (and after its subject)
 * that is introduced by a preposition or follows directly, plus the parties
 * coordinated with it by و. */
static size_t find_recipients(const article *a, const sentence_view *s, size_t t_end, size_t subject,
                              event_type type, size_t *out, size_t max)
{
    const actor *actors = a->actors->actors;
    size_t from_token = t_end;
    if (subject != SIZE_MAX && actors[subject].first_token >= t_end)
        from_token = actor_end_token(&actors[subject]);
    /* quotation marks around the object are not words between: 'اتهم
     * المتحدث "مجموعات المعارضة المسلحة"' */
    while (from_token < s->end && a->tokens->tokens[from_token].kind == TOKEN_PUNCT &&
           (key_is(a->tokens, from_token, "\"") || key_is(a->tokens, from_token, "«")))
        from_token++;
    size_t n = 0;
    for (size_t k = s->first_actor; k < s->end_actor && n < max; k++) {
        const actor *x = &actors[k];
        if (x->first_token < from_token || k == subject || x->is_dateline)
            continue;
        if (n == 0) {
            if (x->first_token > from_token + 4 || located_with_fi(a, x))
                break;
            if ((!names_a_party(x) && !x->sector[0]) || strcmp(x->sector, "MED") == 0)
                continue;
            /* "وافقت على الانسحاب من الحديدة": the place left is no party to
             * a word or a withdrawal (force falls on places, though) */
            bool place_left = x->is_location && x->first_token > 0 && key_is(a->tokens, x->first_token - 1, "من");
            if (place_left && type != EVENT_ASSAULT && type != EVENT_COERCE)
                continue;
            /* "إلى انسحاب كافة القوات": a party with no name of its own must
             * follow at once to be the one acted upon */
            if (!names_a_party(x) && x->first_token > from_token + 1 && !introduced_by_preposition(a, x))
                break;
            out[n++] = k;
            continue;
        }
        /* coordination: "مع بوتين وماكرون و وزير الخارجية الأمريكي" */
        const actor *previous = &actors[out[n - 1]];
        size_t gap = x->first_token - actor_end_token(previous);
        const lexicon_match *own = match_at(a, x->first_token);
        bool joined = own && own->has_conjunction;
        bool and_between = joined;
        for (size_t g = actor_end_token(previous); g < x->first_token && !and_between; g++) {
            const token *t = &a->tokens->tokens[g];
            and_between = t->kind == TOKEN_WORD && t->key_len >= 2 && memcmp(token_key(a->tokens, t), "و", 2) == 0;
        }
        if (gap <= 2 && and_between)
            out[n++] = k;
        else
            break;
    }
    return n;
}

/* Casualty figures reported apart from the attack they belong to ("49
 * جنديا قتلوا" a sentence after "هاجمت باكو"): they go to the last attack
 * coded, or wait for the next one. */
static void give_counts_to_an_assault(article *a, int64_t dead, int64_t injured)
{
    if (dead == NO_COUNT && injured == NO_COUNT)
        return;
    for (size_t i = a->out->count; i-- > 0;) {
        event *x = &a->out->items[i];
        if (x->type != EVENT_ASSAULT || x->modality != MODALITY_ASSERTED)
            continue;
        if (x->dead == NO_COUNT)
            x->dead = dead;
        if (x->injured == NO_COUNT)
            x->injured = injured;
        return;
    }
    if (a->pending_dead == NO_COUNT)
        a->pending_dead = dead;
    if (a->pending_injured == NO_COUNT)
        a->pending_injured = injured;
}

static bool has_asserted_assault(const article *a)
{
    for (size_t i = 0; i < a->out->count; i++)
        if (a->out->items[i].type == EVENT_ASSAULT && a->out->items[i].modality == MODALITY_ASSERTED)
            return true;
    return false;
}

static void give_counts_to_last_assault(article *a, const event *orphan)
{
    if (orphan->type == EVENT_ASSAULT && orphan->modality == MODALITY_ASSERTED)
        give_counts_to_an_assault(a, orphan->dead, orphan->injured);
}

static bool plural_pronoun_on(const article *a, const lexicon_match *m)
{
    const token *t = &a->tokens->tokens[m->first_token + m->token_count - 1];
    const char *k = token_key(a->tokens, t);
    size_t n = t->key_len;
    return (n > 4 && (memcmp(k + n - 4, "هم", 4) == 0 || memcmp(k + n - 4, "هن", 4) == 0)) ||
           (n > 6 && memcmp(k + n - 6, "هما", 6) == 0);
}

/* An event whose text names no recipient.  A consultation needs someone
 * to consult, so it is dropped; violence falls on the place it happened,
 * or on the state the article is about. */
/* "وأضاف أن تركيا تبرعت بعشرين طنا من الأدوية ... إلى الجنوب الليبي":
 * words and aid are for someone; when the sentence names exactly one other
 * state (by name, capital, people or place), it is theirs.  Two or more
 * and we cannot tell. */
static size_t token_holding(const token_list *tokens, uint32_t at);

/* "لجريمة قتل الطفل الفلسطيني": the one killed or hurt, at most one noun
 * after the word that says so */
static bool named_as_hurt(const article *a, const actor *x)
{
    size_t i = x->first_token;
    /* "ضحايا إيتا": the victims of ETA, who is no victim */
    if (i >= 1 && (key_is(a->tokens, i - 1, "ضحايا") || key_is(a->tokens, i - 1, "ضحيه")))
        return false;
    return (i >= 1 && names_its_victim(a, i - 1)) || (i >= 2 && names_its_victim(a, i - 2));
}

/* "مهددا بفرض عقوبات على أي شركات أجنبية": the target is said, though it is
 * no state; nothing is to be guessed. */
static const char *const target_prepositions[] = {"علي", "ضد", "بحق", "تجاه"};

static bool names_an_unknown_target(const article *a, const sentence_view *s, const event *e)
{
    size_t t = token_holding(a->tokens, e->trigger_end - 1);
    for (size_t i = t + 1; i < t + 8 && i < s->end; i++) {
        if (!key_in(a->tokens, i, target_prepositions, COUNT(target_prepositions)))
            continue;
        /* "تجاه مشروع قرار أمريكي": a state is named there after all */
        bool state_named = false;
        for (size_t k = s->first_actor; k < s->end_actor && !state_named; k++) {
            const actor *x = &a->actors->actors[k];
            state_named = x->first_token > i && x->first_token <= i + 4 && (x->country[0] || x->org[0]);
        }
        if (!state_named)
            return true;
    }
    return false;
}

/* Who a party is for the scorer: its state, else its organisation. */
static const char *code_of(const char *country, const char *org)
{
    return country[0] ? country : org;
}

/* How many other parties (0, 1 or 2 for "two or more") the sentence names
 * among states (organisations = false) or among organisations (true),
 * leaving out the actor's own code and those named as hurt; *first is the
 * first of them. */
static size_t other_parties(const article *a, const sentence_view *s, const char *self, bool organisations,
                            const actor **first)
{
    *first = NULL;
    for (size_t k = s->first_actor; k < s->end_actor; k++) {
        const actor *x = &a->actors->actors[k];
        if (x->is_dateline)
            continue;
        const char *code = organisations ? (x->country[0] ? "" : x->org) : x->country;
        if (!code[0] || strcmp(code, self) == 0 || named_as_hurt(a, x))
            continue;
        if (*first && strcmp(organisations ? (*first)->org : (*first)->country, code) != 0)
            return 2;
        if (!*first)
            *first = x;
    }
    return *first ? 1 : 0;
}

/* States first: "تصويت روسيا بحق النقض تجاه مشروع قرار أمريكي ... لمجلس
 * الأمن" is aimed at the American draft; an organisation only when no
 * other state is named ("مقابل شروط طرحتها على غريفيث"). */
static bool only_other_state_in_sentence(const article *a, const sentence_view *s, const event *e, event_party *out)
{
    if (names_an_unknown_target(a, s, e))
        return false;
    const char *self = code_of(e->actor.country, e->actor.org);
    const actor *found;
    size_t states = other_parties(a, s, self, false, &found);
    if (states == 0 && other_parties(a, s, self, true, &found) != 1)
        return false;
    if (states == 2)
        return false;
    *out = party_from(found);
    if (found->is_location || found->is_adjective)
        out->sector[0] = '\0';
    return true;
}

static bool is_meant_for_someone(event_type t)
{
    return t == EVENT_AGREE || t == EVENT_AID || t == EVENT_REJECT || t == EVENT_SUPPORT || t == EVENT_THREATEN ||
           t == EVENT_ACCUSE || t == EVENT_CONCEDE;
}

static void push_without_recipient(article *a, const sentence_view *s, const event *e)
{
    if (e->type == EVENT_CONSULT)
        return;
    event x = *e;
    if (is_meant_for_someone((event_type)x.type) && x.actor.present && (x.actor.country[0] || x.actor.org[0])) {
        event_party other;
        if (only_other_state_in_sentence(a, s, &x, &other))
            x.recipient = other;
    }
    /* a protest with no one named is against the authorities where it is held */
    if (x.type == EVENT_ASSAULT || x.type == EVENT_COERCE || x.type == EVENT_PROTEST) {
        event_party target;
        memset(&target, 0, sizeof target);
        target.lat = target.lon = NAN;
        if (x.location.present && x.location.country[0]) {
            target = x.location;
        } else if (a->last_place.present && a->last_place.country[0] &&
                   !(x.actor.present && strcmp(a->last_place.country, x.actor.country) == 0 &&
                     a->focus_country[0] && strcmp(a->focus_country, x.actor.country) != 0)) {
            /* "ماتوا جراء الهجوم" after "هجوم على مدينة دوما": the place named
             * last, unless it is the attacker's own land and the article is
             * about another */
            target = a->last_place;
        } else if (a->focus_country[0]) {
            target.present = true;
            target.start = target.end = x.trigger_start;
            memcpy(target.country, a->focus_country, 4);
        } else {
            return;
        }
        target.sector[0] = '\0';
        x.recipient = target;
    }
    push_event(a, &x);
}

/* Parties listed before the subject and joined to it by و or a comma:
 * "الولايات المتحدة وبريطانيا وفرنسا" ending in the subject فرنسا. */
static size_t listed_before(const article *a, const sentence_view *s, size_t subject, size_t *out, size_t max)
{
    const actor *actors = a->actors->actors;
    size_t n = 0, next = subject;
    for (size_t k = subject; k-- > s->first_actor && n < max;) {
        const actor *x = &actors[k], *after = &actors[next];
        size_t end = actor_end_token(x);
        const lexicon_match *own = match_at(a, after->first_token);
        bool joined = (end == after->first_token && own && own->has_conjunction) ||
                      (end + 1 == after->first_token &&
                       (key_is(a->tokens, end, "و") || key_is(a->tokens, end, "،")));
        if (!joined || !names_a_party(x) || x->is_location)
            break;
        out[n++] = k;
        next = k;
    }
    return n;
}

/* One event for each of several subjects: on each recipient, or (with a
 * symmetric trigger and no recipient) on each other. */
static void push_for_each_subject(article *a, const sentence_view *s, const event *e, const lexicon_entry *trigger,
                                  const size_t *co, size_t co_count, const size_t *rest, size_t rest_count)
{
    event_party subjects[9];
    size_t subject_count = 0;
    subjects[subject_count++] = e->actor;
    for (size_t i = 0; i < co_count && subject_count < 9; i++) {
        subjects[subject_count] = party_from(&a->actors->actors[co[i]]);
        resolve_sector_only(a, co[i], &subjects[subject_count]);
        subject_count++;
    }
    if (trigger->symmetric) {
        for (size_t i = 0; i < subject_count; i++)
            for (size_t j = 0; j < subject_count; j++)
                if (i != j && !same_party(&subjects[i], &subjects[j])) {
                    event x = *e;
                    x.actor = subjects[i];
                    x.recipient = subjects[j];
                    push_event(a, &x);
                }
        return;
    }
    for (size_t i = 0; i < subject_count; i++) {
        event x = *e;
        x.actor = subjects[i];
        if (rest_count == 0) {
            push_without_recipient(a, s, &x);
            continue;
        }
        for (size_t j = 0; j < rest_count; j++) {
            x.recipient = party_from(&a->actors->actors[rest[j]]);
            resolve_sector_only_or(a, rest[j], &x.recipient, domestic_fallback(&x));
            push_event(a, &x);
        }
    }
}

/* "يطالب التحالف بانسحاب المتمردين": ب on a verbal noun of four letters or
 * more (بانسحاب، بإجراء، بتسليم), not on a party (بريطانيا). */
static bool asks_by_a_verbal_noun(const article *a, size_t i)
{
    const token *t = &a->tokens->tokens[i];
    if (t->kind != TOKEN_WORD || t->key_len < 10 || memcmp(token_key(a->tokens, t), "ب", 2) != 0)
        return false;
    for (size_t k = 0; k < a->actors->actor_count; k++)
        if (a->actors->actors[k].first_token == i)
            return false;
    return true;
}

/* 'بـ"العبث"', "بالوقوف وراء": the charge, right after the accused (an
 * opening quote may come between). */
static bool accused_of_what_follows(const article *a, size_t i)
{
    if (i < a->tokens->count && a->tokens->tokens[i].kind == TOKEN_PUNCT)
        i++;
    return i < a->tokens->count && asks_by_a_verbal_noun(a, i);
}

/* "دانت اليونيسيف جرائم قتل الأطفال": civilians named in a condemnation
 * are its victims, not the accused. */
/* "استنكارها لجريمة قتل الطفل ... على يد مسلحين تابعين لحركة نور الدين
 * زنكي": the hand the condemned act is laid at is the one accused. */
static size_t hand_that_did_it(const article *a, const sentence_view *s, size_t t_end)
{
    for (size_t i = t_end; i + 1 < s->end && i < t_end + 20; i++) {
        if (!key_is(a->tokens, i, "علي") || !(key_is(a->tokens, i + 1, "يد") || key_is(a->tokens, i + 1, "ايدي")))
            continue;
        for (size_t k = s->first_actor; k < s->end_actor; k++) {
            const actor *x = &a->actors->actors[k];
            if (x->first_token > i + 1 && x->first_token <= i + 6 && (x->country[0] || x->org[0]) && !x->is_location)
                return k;
        }
        return SIZE_MAX;
    }
    return SIZE_MAX;
}

static size_t drop_victims(const article *a, size_t *recipients, size_t n)
{
    size_t kept = 0;
    for (size_t r = 0; r < n; r++) {
        const actor *x = &a->actors->actors[recipients[r]];
        if ((strcmp(x->sector, "CVL") != 0 || x->country[0]) && !named_as_hurt(a, x))
            recipients[kept++] = recipients[r];
    }
    return kept;
}

/* "دعا لافروف إلى انسحاب القوات غير السورية": who is asked comes before
 * إلى (دعا إيران إلى); a party after it belongs to the act asked for. */
static bool is_trigger_of(const lexicon_match *m, event_type type)
{
    for (uint32_t e = 0; m && e < m->entry_count; e++)
        if (m->entries[e].kind == LEX_TRIGGER && m->entries[e].event_type == type)
            return true;
    return false;
}

/* But a withdrawal or a release asked for is asked of the one who is to
 * withdraw: "يطالب التحالف بانسحاب الحوثيين"، "دعا إلى انسحاب القوات
 * الإيرانية" ask the Houthis and Iran. */
static size_t drop_parties_of_the_act_asked_for(const article *a, size_t t_end, size_t *recipients, size_t n)
{
    size_t kept = 0;
    for (size_t r = 0; r < n; r++) {
        const actor *x = &a->actors->actors[recipients[r]];
        size_t act = SIZE_MAX;
        for (size_t i = t_end; i + 1 < x->first_token && act == SIZE_MAX; i++) {
            if (key_is(a->tokens, i, "الي"))
                act = i + 1;
            else if (asks_by_a_verbal_noun(a, i))
                act = i;
        }
        bool asked_to_withdraw = act != SIZE_MAX && x->first_token <= act + 4 &&
                                 is_trigger_of(match_at(a, act), EVENT_RETREAT);
        if (act == SIZE_MAX || asked_to_withdraw)
            recipients[kept++] = recipients[r];
    }
    return kept;
}

/* The states named after "بحضور" (in the presence of) within a few words
 * of a meeting, joined by و or commas; their count. */
static size_t attendees_of(const article *a, const sentence_view *s, size_t t_end, size_t *out, size_t max)
{
    size_t at = SIZE_MAX;
    for (size_t i = t_end; i < t_end + 10 && i < s->end && at == SIZE_MAX; i++) {
        if (key_in(a->tokens, i, clause_openers, COUNT(clause_openers)))
            return 0;
        if (key_is(a->tokens, i, "بحضور"))
            at = i + 1;
    }
    if (at == SIZE_MAX)
        return 0;
    size_t n = 0, last_end = at;
    for (size_t k = s->first_actor; k < s->end_actor && n < max; k++) {
        const actor *x = &a->actors->actors[k];
        if (x->first_token < at)
            continue;
        /* "كل من سفير روسيا وفرنسا": a title or "each of" may come between */
        if (x->first_token > last_end + 3 || !x->country[0])
            break;
        bool again = false;
        for (size_t j = 0; j < n; j++)
            again |= strcmp(a->actors->actors[out[j]].country, x->country) == 0;
        if (!again)
            out[n++] = k;
        last_end = actor_end_token(x);
    }
    return n;
}

static void code_trigger(article *a, const sentence_view *s, uint32_t sentence_index, const lexicon_match *m,
                         const lexicon_entry *trigger)
{
    size_t ti = m->first_token, t_end = m->first_token + m->token_count;
    event e = blank_event(a, m, trigger, sentence_index);
    int named_year = 0;
    if (a->dates_of_sentence != s->first) {
        a->dates_of_sentence = s->first;
        a->sentence_has_historical_cue = false;
        a->sentence_longest_match = 0;
        for (size_t i = s->first_match; i < s->end_match; i++) {
            const lexicon_match *other = &a->actors->matches.items[i];
            a->sentence_has_historical_cue |= cue_of(other, CUE_HISTORICAL) != NULL;
            if (other->token_count > a->sentence_longest_match)
                a->sentence_longest_match = other->token_count;
        }
    }
    e.modality = (uint8_t)modality_for(a, s, ti, m, (event_type)e.type, &named_year);
    uint32_t date = s->date;
    e.date = e.modality == MODALITY_HISTORICAL ? 0 : date ? date : a->article_date;
    if (date && a->article_date && date_add_days(date, 7) < a->article_date)
        e.modality = MODALITY_HISTORICAL;
    const actor *place = sentence_location(a, s);
    if (place) {
        e.location = party_from(place);
        e.location.sector[0] = '\0';
    }
    if (e.type == EVENT_ASSAULT) {
        sentence_casualties(a, s, &e.dead, &e.injured, &e.arrested);
        if (a->figures_owner && a->figures_owner != m)
            e.dead = e.injured = NO_COUNT;
    } else if (e.type == EVENT_COERCE) {
        int64_t dead, injured;
        sentence_casualties(a, s, &dead, &injured, &e.arrested);
    }

    /* "لمطالبتهم": a plural pronoun on the trigger stands for the parties
     * of the event just before it in the sentence (a singular one, as in
     * "لقائه مع", is usually the subject's own) */
    if (m->has_pronoun_suffix && plural_pronoun_on(a, m) && a->out->count > a->sentence_first_event) {
        uint32_t last_trigger = a->out->items[a->out->count - 1].trigger_start;
        size_t count = a->out->count;
        for (size_t i = a->sentence_first_event; i < count; i++) {
            if (a->out->items[i].trigger_start != last_trigger)
                continue;
            event x = e;
            x.actor = a->out->items[i].actor;
            x.recipient = a->out->items[i].recipient;
            push_event(a, &x);
        }
        return;
    }

    /* "يتبادل الطرفان", "الطرفان تبادلا": the last two parties named, both ways */
    if (key_in(a->tokens, t_end, both_sides, COUNT(both_sides)) ||
        (ti > s->first && key_in(a->tokens, ti - 1, both_sides, COUNT(both_sides)))) {
        event_party p1, p2;
        if (last_two_parties(a, s->first, &p1, &p2)) {
            push_both_ways(a, &e, &p1, &p2);
        }
        return;
    }

    /* a word with the article or a preposition is a noun, whatever else it
     * may be: "بطلب" is a request, not "he asked" */
    trigger_pos pos = (m->has_article || m->has_preposition) ? TRIGGER_NOUN : (trigger_pos)trigger->trigger_pos;
    size_t exposed = party_exposed_to(a, s, ti);
    size_t subject = exposed != SIZE_MAX ? SIZE_MAX : find_subject(a, s, ti, t_end, pos, (event_type)e.type);
    size_t reported_subject = SIZE_MAX;
    /* the agent of a noun: "بطلب من روسيا"، "من قبل X"، "على يد X" */
    /* "ليبيا بحاجة للمساعدة من الاتحاد الأوروبي": help is needed from
     * someone, who is asked; only other nouns have their author after من */
    bool a_need = e.type == EVENT_REQUEST && e.mode && strcmp(e.mode, "assist") == 0;
    size_t agent = pos != TRIGGER_VERB && !a_need ? agent_after(a, s, t_end) : SIZE_MAX;
    if (agent != SIZE_MAX) {
        if (subject != SIZE_MAX && subject != agent)
            reported_subject = subject;
        subject = agent;
    }
    if (is_verbal((event_type)e.type)) {
        /* "وأضافت الوزارة أن القوات ... متهمة إياها": the speaker accuses,
         * the one the reported clause is about is accused */
        size_t speaker = find_speaker(a, s, ti);
        if (speaker != SIZE_MAX && speaker != subject) {
            if (subject != SIZE_MAX && a->actors->actors[subject].first_token > a->actors->actors[speaker].first_token)
                reported_subject = subject;
            subject = speaker;
        }
    }
    /* "واتهم إسرائيل باتخاذ إجراءات": one party between the verb and what it
     * is accused of is the accused; the accuser is the one who spoke last */
    size_t accused_only = SIZE_MAX;
    if (e.type == EVENT_ACCUSE && pos == TRIGGER_VERB && subject != SIZE_MAX &&
        a->actors->actors[subject].first_token >= t_end &&
        accused_of_what_follows(a, actor_end_token(&a->actors->actors[subject]))) {
        accused_only = subject;
        subject = SIZE_MAX;
        if (a->last_actor.present)
            e.actor = a->last_actor;
    }
    if (subject != SIZE_MAX) {
        e.actor = party_from(&a->actors->actors[subject]);
        resolve_sector_only(a, subject, &e.actor);
    }

    /* "اجتماعاً طارئاً ... بحضور كل من سفير روسيا وفرنسا": those present
     * meet one another, each way */
    if (e.type == EVENT_CONSULT && pos != TRIGGER_VERB) {
        size_t present[6], count = attendees_of(a, s, t_end, present, 6);
        if (count >= 2) {
            for (size_t i = 0; i < count; i++)
                for (size_t j = i + 1; j < count; j++) {
                    event_party p1 = party_from(&a->actors->actors[present[i]]);
                    event_party p2 = party_from(&a->actors->actors[present[j]]);
                    push_both_ways(a, &e, &p1, &p2);
                }
            return;
        }
    }
    /* "بين X و Y" later in the clause: the two parties */
    size_t pair[2] = {SIZE_MAX, SIZE_MAX};
    bool between = false;
    for (size_t i = t_end; i < t_end + 12 && i < s->end; i++) {
        if (key_in(a->tokens, i, clause_openers, COUNT(clause_openers)))
            break;
        if (key_is(a->tokens, i, "بين")) {
            size_t found = 0;
            for (size_t k = s->first_actor; k < s->end_actor && found < 2; k++)
                if (a->actors->actors[k].first_token > i && a->actors->actors[k].first_token <= i + 6 &&
                    (names_a_party(&a->actors->actors[k]) || is_armed_group(&a->actors->actors[k])))
                    pair[found++] = k;
            between = found == 2;
            break;
        }
    }
    /* after a verb with its own subject, "بين" names a place
     * ("استهدف ... نفقا بين قطاع غزة ومصر") */
    if (between && pos == TRIGGER_VERB && e.actor.present)
        between = false;
    if (between) {
        event_party p1 = party_from(&a->actors->actors[pair[0]]), p2 = party_from(&a->actors->actors[pair[1]]);
        resolve_sector_only(a, pair[0], &p1);
        resolve_sector_only(a, pair[1], &p2);
        /* two parties of one state (the army and a rebel group) fight too */
        if (e.actor.present && !same_party(&e.actor, &p1) && !same_party(&e.actor, &p2)) {
            /* "استعداد إيران ... لحل الخلافات بين باكو ويريفان": to each */
            event x = e;
            x.recipient = p1;
            push_event(a, &x);
            x.recipient = p2;
            push_event(a, &x);
        } else {
            /* "اشتباكات بين X و Y": both ways */
            push_both_ways(a, &e, &p1, &p2);
        }
        return;
    }

    size_t recipients[8];
    size_t n = find_recipients(a, s, t_end, subject, (event_type)e.type, recipients, 8);
    if (e.type == EVENT_REQUEST)
        n = drop_parties_of_the_act_asked_for(a, t_end, recipients, n);
    if (e.type == EVENT_ACCUSE) {
        n = drop_victims(a, recipients, n);
        if (n == 0) {
            size_t hand = hand_that_did_it(a, s, t_end);
            if (hand != SIZE_MAX)
                recipients[n++] = hand;
        }
    }
    if (exposed != SIZE_MAX) {
        recipients[0] = exposed;
        n = 1;
    }
    if (accused_only != SIZE_MAX) {
        recipients[0] = accused_only;
        n = 1;
    }
    /* Parties listed right after the subject are subjects too: "شنتها
     * الولايات المتحدة، فرنسا، وبريطانيا" is three attacks on whoever follows;
     * with a symmetric verb ("تبادلت باكو ويريفان اللوم") they act on each
     * other, both ways. */
    if (subject != SIZE_MAX && n >= 1 && pos == TRIGGER_VERB) {
        size_t co[8], co_count = 0;
        size_t last_end = actor_end_token(&a->actors->actors[subject]);
        size_t r = 0;
        for (; r < n && co_count < 8; r++) {
            const actor *x = &a->actors->actors[recipients[r]];
            if (x->first_token < a->actors->actors[subject].first_token || x->first_token > last_end + 1 ||
                introduced_by_preposition(a, x))
                break;
            bool comma_or_and = x->first_token == last_end + 1
                                    ? (key_is(a->tokens, last_end, "و") || key_is(a->tokens, last_end, "،"))
                                    : false;
            const lexicon_match *joined = match_at(a, x->first_token);
            if (!comma_or_and && !(joined && joined->has_conjunction))
                break;
            co[co_count++] = recipients[r];
            last_end = actor_end_token(x);
        }
        if (co_count > 0) {
            size_t rest[8], rest_count = find_recipients(a, s, last_end, SIZE_MAX, (event_type)e.type, rest, 8);
            push_for_each_subject(a, s, &e, trigger, co, co_count, rest, rest_count);
            return;
        }
    }
    /* "كل من الولايات المتحدة وبريطانيا وفرنسا قد دمرت": a list before the verb */
    if (subject != SIZE_MAX && a->actors->actors[subject].first_token < ti &&
        actor_end_token(&a->actors->actors[subject]) + 2 >= ti) {
        size_t co[8], co_count = listed_before(a, s, subject, co, 8);
        if (co_count > 0) {
            push_for_each_subject(a, s, &e, trigger, co, co_count, recipients, n);
            return;
        }
    }
    if (n == 0 && reported_subject != SIZE_MAX) {
        recipients[0] = reported_subject;
        n = 1;
    }
    if (!e.actor.present || (!e.actor.country[0] && !e.actor.org[0])) {
        /* No one to code as the actor: what it says of the dead belongs to
         * the attack reported before it ("49 جنديا قتلوا" after "هاجمت باكو").
         * With no attack before it, a deadly attack by an unnamed hand is
         * coded as such ("20 مدنيا قتلوا في انفجار"), the actor left null. */
        if (e.type == EVENT_ASSAULT && e.modality == MODALITY_ASSERTED && (e.dead != NO_COUNT || e.injured != NO_COUNT) &&
            !has_asserted_assault(a)) {
            memset(&e.actor, 0, sizeof e.actor);
            e.actor.lat = e.actor.lon = NAN;
            if (n > 0) {
                e.recipient = party_from(&a->actors->actors[recipients[0]]);
                resolve_sector_only(a, recipients[0], &e.recipient);
                push_event(a, &e);
            } else {
                push_without_recipient(a, s, &e);
            }
            return;
        }
        /* "حمّل الغرب الحكومة السورية المسؤولية": the subject is there but is
         * no party we can code; the one acted on is still known (as it is in
         * "تعرضت مدينة دوما لهجوم") */
        /* "أنحت الحكومات الغربية باللائمة على الجيش السوري": a subject that
         * is no one state still blames someone who is */
        bool stateless_speaker = subject != SIZE_MAX && n > 0 && is_verbal((event_type)e.type);
        if (exposed != SIZE_MAX || stateless_speaker ||
            (pos == TRIGGER_VERB && subject == SIZE_MAX && n > 0 && !has_plural_subject(a, ti) &&
             !names_its_victim(a, ti) && (unknown_subject_after(a, s, t_end) || unknown_subject_before(a, s, ti)))) {
            memset(&e.actor, 0, sizeof e.actor);
            e.actor.lat = e.actor.lon = NAN;
            for (size_t r = 0; r < n; r++) {
                event x = e;
                x.recipient = party_from(&a->actors->actors[recipients[r]]);
                resolve_sector_only(a, recipients[r], &x.recipient);
                push_event(a, &x);
            }
            return;
        }
        give_counts_to_last_assault(a, &e);
        return;
    }
    if (n == 0) {
        push_without_recipient(a, s, &e);
        return;
    }
    for (size_t r = 0; r < n; r++) {
        event x = e;
        x.recipient = party_from(&a->actors->actors[recipients[r]]);
        resolve_sector_only_or(a, recipients[r], &x.recipient, domestic_fallback(&x));
        if (x.actor.start == x.recipient.start)
            continue;
        push_event(a, &x);
    }
}

/* ---- merging duplicates */

static void who(const event_party *p, char *out, size_t size)
{
    if (!p->present)
        snprintf(out, size, "-");
    else if (p->country[0])
        snprintf(out, size, "%s", p->country);
    else if (p->org[0])
        snprintf(out, size, "IGO:%s", p->org);
    else
        snprintf(out, size, "-");
}

static bool same_key(const event *x, const event *y)
{
    char a1[16], a2[16], r1[16], r2[16];
    who(&x->actor, a1, sizeof a1);
    who(&y->actor, a2, sizeof a2);
    who(&x->recipient, r1, sizeof r1);
    who(&y->recipient, r2, sizeof r2);
    return x->type == y->type && x->modality == y->modality && strcmp(a1, a2) == 0 && strcmp(r1, r2) == 0;
}

static void merge_into(event *keep, const event *other)
{
    if (keep->dead == NO_COUNT)
        keep->dead = other->dead;
    else if (other->dead != NO_COUNT && other->dead > keep->dead)
        keep->dead = other->dead;
    if (keep->injured == NO_COUNT)
        keep->injured = other->injured;
    if (keep->arrested == NO_COUNT)
        keep->arrested = other->arrested;
    if (!keep->location.present)
        keep->location = other->location;
    if (!keep->mode[0])
        keep->mode = other->mode;
    if (!keep->actor.sector[0] && other->actor.sector[0])
        memcpy(keep->actor.sector, other->actor.sector, 4);
    if (!keep->recipient.sector[0] && other->recipient.sector[0])
        memcpy(keep->recipient.sector, other->recipient.sector, 4);
}

static void merge_duplicates(event_list *list, size_t from)
{
    size_t kept = from;
    for (size_t i = from; i < list->count; i++) {
        size_t j = from;
        for (; j < kept; j++)
            if (same_key(&list->items[j], &list->items[i]))
                break;
        if (j < kept)
            merge_into(&list->items[j], &list->items[i]);
        else
            list->items[kept++] = list->items[i];
    }
    list->count = kept;
}

/* "مقتل شرطيين بلجيكيين" after "هاجم رجل الشرطة البلجيكية": an attack
 * reported without its author, on the same side as an attack whose author
 * the article names, is that attack told again; its figures join it. */
static void absorb_unattributed_assaults(event_list *list)
{
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        event *e = &list->items[i];
        bool absorbed = false;
        if (e->type == EVENT_ASSAULT && e->modality == MODALITY_ASSERTED && !e->actor.present) {
            char r1[16], r2[16];
            who(&e->recipient, r1, sizeof r1);
            /* only into events still in place: those kept so far, and those after i */
            for (size_t j = 0; j < list->count && !absorbed; j++) {
                if (j >= kept && j <= i)
                    continue;
                event *x = &list->items[j];
                if (x->type != EVENT_ASSAULT || x->modality != MODALITY_ASSERTED || !x->actor.present)
                    continue;
                who(&x->recipient, r2, sizeof r2);
                if (strcmp(r1, r2) == 0) {
                    merge_into(x, e);
                    absorbed = true;
                }
            }
        }
        if (!absorbed)
            list->items[kept++] = *e;
    }
    list->count = kept;
}

/* "أدانت السعودية الهجوم الذي شنته القوات السورية": a condemnation that
 * names no one condemns whoever did the act it names in the sentence. */
static void blame_the_perpetrator(article *a, size_t first_event)
{
    event_list *out = a->out;
    for (size_t i = first_event; i < out->count; i++) {
        event *e = &out->items[i];
        if (e->type != EVENT_ACCUSE || e->recipient.present)
            continue;
        for (size_t j = first_event; j < out->count; j++) {
            const event *act = &out->items[j];
            if (act->type == EVENT_ASSAULT && act->trigger_start > e->trigger_start && act->actor.present &&
                !same_party(&act->actor, &e->actor)) {
                e->recipient = act->actor;
                break;
            }
        }
    }
}

/* Index of the token that holds byte offset at (a trigger's text may
 * start after the token's proclitics), or SIZE_MAX. */
static size_t token_holding(const token_list *tokens, uint32_t at)
{
    size_t lo = 0, hi = tokens->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tokens->tokens[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < tokens->count && tokens->tokens[lo].start <= at ? lo : SIZE_MAX;
}

/* "إدانتها الشديدة للهجوم": the condemnation's object is an attack
 * (an assault trigger within three words after it). */
static bool condemns_an_attack(const article *a, const event *e)
{
    size_t ti = token_holding(a->tokens, e->trigger_start);
    if (ti == SIZE_MAX)
        return false;
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = 0; i < ms->count; i++) {
        const lexicon_match *m = &ms->items[i];
        if (m->first_token <= ti)
            continue;
        if (m->first_token > ti + 4)
            break;
        if (is_trigger_of(m, EVENT_ASSAULT))
            return true;
    }
    return false;
}

/* A condemnation of an attack whose author its sentence does not name
 * ("أعربت السعودية عن إدانتها الشديدة للهجوم على دوما") is aimed at the
 * one the article names as the attacker elsewhere: the nearest asserted
 * attack with a known author other than the one condemning. */
static void blame_the_attacker_named_elsewhere(article *a)
{
    event_list *out = a->out;
    for (size_t i = 0; i < out->count; i++) {
        event *e = &out->items[i];
        if (e->type != EVENT_ACCUSE || e->recipient.present || e->modality != MODALITY_ASSERTED ||
            !condemns_an_attack(a, e))
            continue;
        const event *nearest = NULL;
        uint32_t nearest_distance = UINT32_MAX;
        for (size_t j = 0; j < out->count; j++) {
            const event *act = &out->items[j];
            if (act->type != EVENT_ASSAULT || act->modality != MODALITY_ASSERTED || !act->actor.present ||
                (!act->actor.country[0] && !act->actor.org[0]) || same_party(&act->actor, &e->actor))
                continue;
            uint32_t distance = act->trigger_start > e->trigger_start ? act->trigger_start - e->trigger_start
                                                                      : e->trigger_start - act->trigger_start;
            if (distance < nearest_distance) {
                nearest = act;
                nearest_distance = distance;
            }
        }
        if (nearest)
            e->recipient = nearest->actor;
    }
}

static bool in_the_face_of(const article *a, const sentence_view *s, const lexicon_match *m)
{
    size_t i = m->first_token, after = m->first_token + m->token_count;
    return m->token_count == 1 && i > s->first && key_is(a->tokens, i, "مواجهه") && key_is(a->tokens, i - 1, "في") &&
           !(after < s->end && (key_is(a->tokens, after, "مع") || key_is(a->tokens, after, "بين")));
}

/* Force and its kin, as against words and meetings. */
static bool is_deed(const lexicon_match *m)
{
    for (uint32_t e = 0; e < m->entry_count; e++) {
        event_type t = (event_type)m->entries[e].event_type;
        if (m->entries[e].kind == LEX_TRIGGER &&
            (t == EVENT_ASSAULT || t == EVENT_COERCE || t == EVENT_PROTEST || t == EVENT_MOBILIZE))
            return true;
    }
    return false;
}

/* "عدم استهداف قياداتهم بالغارات"، "احتج السكان بإغلاق الطريق": a deed
 * under ب right after another deed is how that one was done, not an act of
 * its own (it shares the other's actor and fate). */
static bool means_of_the_act_before(const article *a, const sentence_view *s, const lexicon_match *m)
{
    if (!m->has_preposition || m->first_token < s->first + 1)
        return false;
    const token *t = &a->tokens->tokens[m->first_token];
    const char *k = token_key(a->tokens, t);
    if (m->has_conjunction || t->key_len < 4 || memcmp(k, "ب", 2) != 0)
        return false;
    if (!is_deed(m))
        return false;
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = first_match_from(a, s, reach_back(a, m->first_token, 3)); i < s->end_match; i++) {
        const lexicon_match *before = &ms->items[i];
        if (before->first_token >= m->first_token)
            break;
        if (is_deed(before))
            return true;
    }
    return false;
}

/* The first trigger reading of a match whose split phrase, if any, is
 * completed within twelve words after it (تبادل الطرفان اللوم). */
/* "التهديد الذي يشكله تنظيم داعش": a threat that something poses is a
 * danger talked about, not a threat made. */
static const char *const poses[] = {"يشكله", "تشكله", "يشكلها", "تشكلها", "يمثله", "تمثله", "يشكل", "تشكل"};

static bool a_danger_posed(const article *a, const lexicon_match *m)
{
    size_t after = m->first_token + m->token_count;
    if (after + 1 < a->tokens->count && key_in(a->tokens, after, relative_pronouns, COUNT(relative_pronouns)))
        after++;
    return after < a->tokens->count && key_in(a->tokens, after, poses, COUNT(poses));
}

static const lexicon_entry *usable_trigger(const article *a, const sentence_view *s, const lexicon_match *m)
{
    if (means_of_the_act_before(a, s, m) || a_danger_posed(a, m))
        return NULL;
    for (uint32_t i = 0; i < m->entry_count; i++) {
        const lexicon_entry *e = &m->entries[i];
        if (e->kind != LEX_TRIGGER)
            continue;
        /* "في مواجهة الأزمات": in the face of, not a clash, unless the
         * other side follows (في مواجهة مع الجيش، بين) */
        if (in_the_face_of(a, s, m))
            continue;
        /* a short verb under a preposition or the article is some other
         * word: كلام is not ك + لام ("blamed") */
        if (e->trigger_pos == TRIGGER_VERB && (m->has_preposition || m->has_article) &&
            strlen(lexicon_string(a->lex, e->spelling)) <= 6)
            continue;
        if (e->requires == LEXICON_NONE)
            return e;
        const char *rest = lexicon_string(a->lex, e->requires);
        size_t end = m->first_token + m->token_count;
        /* the subject and objects sit inside: "حمّل الوزير النظام وروسيا وإيران المسؤولية" */
        for (size_t j = end; j < end + 12 && j < s->end; j++) {
            /* compare the rest's keys, token by token, from j */
            const char *r = rest;
            size_t k = j;
            bool same = true;
            while (*r && same) {
                const char *sep = strchr(r, LEXICON_SEPARATOR);
                size_t len = sep ? (size_t)(sep - r) : strlen(r);
                same = k < s->end && a->tokens->tokens[k].key_len == len &&
                       memcmp(token_key(a->tokens, &a->tokens->tokens[k]), r, len) == 0;
                r += len + (sep ? 1 : 0);
                k++;
            }
            if (same)
                return e;
        }
    }
    return NULL;
}

/* Keeps the figures of a sentence that names no attack ("إن ما لا يقل عن 42
 * قتيلا كانوا من الأطفال في صعدة") as an attack by an unnamed hand on the
 * place it names, coded at the end if no attack in the article takes them.
 * Its trigger is the casualty word. */
static void keep_orphan_figures(article *a, const sentence_view *s, uint32_t sentence_index, int64_t dead,
                                int64_t injured)
{
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = s->first_match; i < s->end_match; i++) {
        const lexicon_match *m = &ms->items[i];
        if (!cue_of(m, CUE_DEAD) && !cue_of(m, CUE_INJURED))
            continue;
        event e = blank_event_at(m, EVENT_ASSAULT, "", sentence_index);
        e.date = s->date ? s->date : a->article_date;
        e.dead = dead;
        e.injured = injured;
        const actor *place = sentence_location(a, s);
        if (place) {
            e.location = party_from(place);
            e.location.sector[0] = '\0';
        } else if (a->last_place.present) {
            e.location = a->last_place;
        }
        if (e.location.present && e.location.country[0]) {
            e.recipient = e.location;
            e.recipient.lat = e.recipient.lon = NAN;
        }
        a->orphan = e;
        a->has_orphan = true;
        return;
    }
}

/* ---- the article */

void code_events(const lexicon *lex, const char *text, const token_list *tokens, const actor_list *actors,
                 uint32_t article_date, event_list *out)
{
    out->count = 0;
    article a;
    memset(&a, 0, sizeof a);
    a.lex = lex;
    a.text = text;
    a.tokens = tokens;
    a.actors = actors;
    a.article_date = article_date;
    a.out = out;
    a.pending_dead = a.pending_injured = NO_COUNT;
    a.dates_of_sentence = a.casualties_of_sentence = SIZE_MAX;
    find_focus_country(&a);
    find_coalition_leader(&a);

    size_t next_actor = 0, next_match = 0;
    const lexicon_matches *ms = &actors->matches;
    for (size_t si = 0; si < tokens->sentence_count; si++) {
        const sentence *sent = &tokens->sentences[si];
        sentence_view s = {sent->first_token, sent->first_token + sent->token_count, 0, 0, 0, 0, 0, 0};
        while (next_actor < actors->actor_count && actors->actors[next_actor].first_token < s.first)
            next_actor++;
        s.first_actor = next_actor;
        s.end_actor = next_actor;
        while (s.end_actor < actors->actor_count && actors->actors[s.end_actor].first_token < s.end)
            s.end_actor++;
        while (next_match < ms->count && ms->items[next_match].first_token < s.first)
            next_match++;
        s.first_match = next_match;
        s.end_match = next_match;
        while (s.end_match < ms->count && ms->items[s.end_match].first_token < s.end)
            s.end_match++;
        bool dates_read = false;
        size_t sentence_events = out->count;
        a.sentence_first_event = out->count;
        a.sentence_first_token = s.first;
        bool has_assault = false;
        for (size_t i = next_match; i < ms->count && ms->items[i].first_token < s.end; i++) {
            const lexicon_entry *trigger = usable_trigger(&a, &s, &ms->items[i]);
            if (trigger) {
                if (!dates_read) {
                    /* read once a sentence, and only where there is an event */
                    s.date = resolve_sentence_date(tokens, s.first, s.end - s.first, article_date);
                    s.earliest_year = earliest_year_named(tokens, s.first, s.end - s.first);
                    dates_read = true;
                }
                has_assault |= trigger->event_type == EVENT_ASSAULT;
                code_trigger(&a, &s, (uint32_t)si, &ms->items[i], trigger);
            }
        }
        blame_the_perpetrator(&a, sentence_events);
        for (size_t k = s.end_actor; k-- > s.first_actor;)
            if (actors->actors[k].is_location && !actors->actors[k].is_dateline && actors->actors[k].country[0]) {
                a.last_place = party_from(&actors->actors[k]);
                a.last_place.sector[0] = '\0';
                break;
            }
        if (!has_assault) {
            /* "إن ما لا يقل عن 42 قتيلا كانوا من الأطفال": figures with no attack word */
            int64_t dead, injured, arrested;
            count_casualties(&a, &s, &dead, &injured, &arrested);
            if ((dead != NO_COUNT || injured != NO_COUNT) && !a.has_orphan && !has_asserted_assault(&a))
                keep_orphan_figures(&a, &s, (uint32_t)si, dead, injured);
            if (!dates_read && (dead != NO_COUNT || injured != NO_COUNT))
                s.earliest_year = earliest_year_named(tokens, s.first, s.end - s.first);
            if (s.earliest_year == 0 || (uint32_t)s.earliest_year >= article_date / 10000)
                give_counts_to_an_assault(&a, dead, injured);
        }
    }
    /* figures no attack in the article took: an attack by an unnamed hand */
    if (a.has_orphan && a.orphan.recipient.present) {
        event orphan = a.orphan;
        a.pending_dead = a.pending_injured = NO_COUNT;
        push_event(&a, &orphan);
    }
    blame_the_attacker_named_elsewhere(&a);
    merge_duplicates(out, 0);
    absorb_unattributed_assaults(out);
}

void event_list_free(event_list *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}
