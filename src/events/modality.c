/*
 * modality.c — whether an event happened: asserted, future, negated,
 * hypothetical or historical (CODEBOOK §2).
 *
 * Read from the cues before the trigger in its clause (data/modality_cues.tsv),
 * the future particle on the verb, the ل of purpose, the words after a noun
 * (المرتقبة), the verbal trigger that governs it (a demand is not yet done)
 * and the dates and years its sentence names.
 */
#include "coder.h"

#include <string.h>

#include "dates.h"

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

/* "ليفسح المجال أمام غريفيث للتوصل إلى حل"، "في طريقه لاستهداف جازان": a
 * verbal noun under the ل of purpose is what someone means to do, not what
 * was done.  Only an indefinite noun: "إدانتها للهجوم" names a real attack.
 * "تعرضت لهجوم" is an act suffered, and a death (أدى لمقتل) is no purpose. */
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
    if (memcmp(k, "لل", 4) == 0) {
        size_t after = m->first_token + m->token_count;
        return after < a->tokens->count && key_in(a->tokens, after, &aims);
    }
    for (size_t w = 0; w < not_purposes.count; w++) {
        size_t len = strlen(not_purposes.words[w]);
        if (n - 2 >= len && memcmp(k + 2, not_purposes.words[w], len) == 0)
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
        if ((comma && !(i + 1 < s->end && key_in(a->tokens, i + 1, &relative_pronouns))) ||
            key_in(a->tokens, i, &clause_openers)) {
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

/* "في حالة استنفار"، "في حالة حرجة": the cue names a state someone is in,
 * not a condition ("في حالة وقوع هجوم"). */
static bool names_a_state(const article *a, const lexicon_match *m)
{
    size_t after = m->first_token + m->token_count;
    return after < a->tokens->count && key_in(a->tokens, after, &states_of);
}

/* A negation that negates nothing: "لا تزال القوات تقصف"، "لم تنفك"
 * (not + cease = still). */
static bool negates_nothing(const article *a, const lexicon_match *m)
{
    size_t after = m->first_token + m->token_count;
    return after < a->tokens->count && key_in(a->tokens, after, &still_verbs);
}

modality modality_for(const article *a, const sentence_view *s, size_t ti, const lexicon_match *trigger_match,
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
    /* after a noun: "القمة المرتقبة"، "لقاء قريبا سينعقد" — what is expected */
    for (size_t i = t_end; i < t_end + 3 && i < s->end; i++)
        if (key_in(a->tokens, i, &future_after_noun))
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
        if (cue_of(m, CUE_NEGATED) && gap <= 1 && m->first_token + m->token_count >= cs && !negates_nothing(a, m))
            return MODALITY_NEGATED;
        if (cue_of(m, CUE_FUTURE) && gap <= 3)
            return MODALITY_FUTURE;
        /* "يجب أن تقود المفاوضات إلى انسحاب": the cue may end in the clause's أن */
        if (cue_of(m, CUE_HYPOTHETICAL) && m->first_token + m->token_count >= cs && !names_a_state(a, m))
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
