/*
 * recipients.c — to whom it was done: the parties after a trigger and
 * those coordinated with them, and the parties asked, accused or present.
 *
 * When the text names no one, words and aid go to the one other state (or
 * organisation) the sentence names, and to nobody when it names two.
 */
#include "coder.h"

#include <string.h>

/* "بالتعاون مع بريطانيا"، "بالتنسيق مع القوات الأفغانية"، "بمشاركة فرنسا":
 * one who acts with the subject, not one acted upon. */
static bool is_a_partner(const article *a, const actor *x)
{
    size_t i = x->first_token;
    if (i > 0 && key_in(a->tokens, i - 1, &partnership))
        return true;
    return i > 1 && key_is(a->tokens, i - 1, "مع") && key_in(a->tokens, i - 2, &partnership);
}

/* Does x follow right after token end, joined by و or a comma? */
static bool joined_after(const article *a, size_t end, const actor *x)
{
    const lexicon_match *own = match_at(a, x->first_token);
    return (x->first_token == end && own && own->has_conjunction) ||
           (x->first_token == end + 1 && (key_is(a->tokens, end, "و") || key_is(a->tokens, end, "،")));
}

/* Recipients of a trigger: the first party after it (and after its subject)
 * that is introduced by a preposition or follows directly, plus the parties
 * coordinated with it by و. */
size_t find_recipients(const article *a, const sentence_view *s, size_t t_end, size_t subject,
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
    size_t n = 0, partners_end = SIZE_MAX;
    for (size_t k = s->first_actor; k < s->end_actor && n < max; k++) {
        const actor *x = &actors[k];
        /* "بقيادة السعودية": the leader of the subject, not one acted upon */
        if (x->first_token < from_token || k == subject || x->is_dateline ||
            (x->first_token > 0 && key_in(a->tokens, x->first_token - 1, &led_by)))
            continue;
        /* "بالتعاون مع بريطانيا وفرنسا": partners in the act, and those
         * joined to them */
        if (type != EVENT_COOPERATE && n == 0 &&
            (is_a_partner(a, x) || (partners_end != SIZE_MAX && joined_after(a, partners_end, x)))) {
            partners_end = actor_end_token(x);
            continue;
        }
        if (n == 0) {
            size_t near = partners_end != SIZE_MAX ? partners_end : from_token;
            if (x->first_token > near + 4 || located_with_fi(a, x))
                break;
            if ((!names_a_party(x) && !x->sector[0]) || strcmp(x->sector, "MED") == 0)
                continue;
            /* "وافقت على الانسحاب من الحديدة": the place left is no party to
             * a word or a withdrawal (force falls on places, though); "طلب
             * العراق من تركيا" asks something of Turkey */
            bool place_left = x->is_location && x->first_token > 0 && key_is(a->tokens, x->first_token - 1, "من");
            if (place_left && type != EVENT_ASSAULT && type != EVENT_COERCE && type != EVENT_REQUEST)
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

/* "لجريمة قتل الطفل الفلسطيني": the one killed or hurt, at most one noun
 * after the word that says so */
static bool named_as_hurt(const article *a, const actor *x)
{
    size_t i = x->first_token;
    /* "ضحايا إيتا": the victims of ETA, who is no victim */
    if (i >= 1 && key_in(a->tokens, i - 1, &victims_of))
        return false;
    return (i >= 1 && names_its_victim(a, i - 1)) || (i >= 2 && names_its_victim(a, i - 2));
}

/* "مهددا بفرض عقوبات على أي شركات أجنبية": the target is said, though it is
 * no state; nothing is to be guessed. */
static bool names_an_unknown_target(const article *a, const sentence_view *s, const event *e)
{
    size_t t = token_holding(a->tokens, e->trigger_end - 1);
    for (size_t i = t + 1; i < t + 8 && i < s->end; i++) {
        if (!key_in(a->tokens, i, &target_prepositions))
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
        /* "ونقلت فرانس برس بيانا": the agency that relays is no party */
        if (x->is_dateline || !names_a_party(x))
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
bool only_other_state_in_sentence(const article *a, const sentence_view *s, const event *e, event_party *out)
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

/* Parties listed before the subject and joined to it by و or a comma:
 * "الولايات المتحدة وبريطانيا وفرنسا" ending in the subject فرنسا. */
size_t listed_before(const article *a, const sentence_view *s, size_t subject, size_t *out, size_t max)
{
    const actor *actors = a->actors->actors;
    size_t n = 0, next = subject;
    for (size_t k = subject; k-- > s->first_actor && n < max;) {
        const actor *x = &actors[k];
        if (!joined_after(a, actor_end_token(x), &actors[next]) || !names_a_party(x) || x->is_location)
            break;
        out[n++] = k;
        next = k;
    }
    return n;
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
bool accused_of_what_follows(const article *a, size_t i)
{
    if (i < a->tokens->count && a->tokens->tokens[i].kind == TOKEN_PUNCT)
        i++;
    return i < a->tokens->count && asks_by_a_verbal_noun(a, i);
}

/* "استنكارها لجريمة قتل الطفل ... على يد مسلحين تابعين لحركة نور الدين
 * زنكي": the hand the condemned act is laid at is the one accused. */
size_t hand_that_did_it(const article *a, const sentence_view *s, size_t t_end)
{
    for (size_t i = t_end; i + 1 < s->end && i < t_end + 20; i++) {
        if (!key_is(a->tokens, i, "علي") || !key_in(a->tokens, i + 1, &by_the_hand))
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

/* "دانت اليونيسيف جرائم قتل الأطفال": civilians named in a condemnation
 * are its victims, not the accused. */
size_t drop_victims(const article *a, size_t *recipients, size_t n)
{
    size_t kept = 0;
    for (size_t r = 0; r < n; r++) {
        const actor *x = &a->actors->actors[recipients[r]];
        if ((strcmp(x->sector, "CVL") != 0 || x->country[0]) && !named_as_hurt(a, x))
            recipients[kept++] = recipients[r];
    }
    return kept;
}

/* But a withdrawal or a release asked for is asked of the one who is to
 * withdraw: "يطالب التحالف بانسحاب الحوثيين"، "دعا إلى انسحاب القوات
 * الإيرانية" ask the Houthis and Iran. */
size_t drop_parties_of_the_act_asked_for(const article *a, size_t t_end, size_t *recipients, size_t n)
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
size_t attendees_of(const article *a, const sentence_view *s, size_t t_end, size_t *out, size_t max)
{
    size_t at = SIZE_MAX;
    for (size_t i = t_end; i < t_end + 10 && i < s->end && at == SIZE_MAX; i++) {
        if (key_in(a->tokens, i, &clause_openers))
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
