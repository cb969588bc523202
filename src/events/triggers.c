/*
 * triggers.c — which lexicon matches are triggers, and where things stand around one.
 *
 * A trigger reading is usable unless its context says the word is something
 * else (a means, a danger posed, "in the face of"); a clause starts after an
 * opener (أن، فيما) or after a verbal trigger whose object it is.
 */
#include "coder.h"

#include <string.h>

#include "dates.h"
#include "numbers.h"

/* The verbal trigger (a demand, promise, threat, condemnation ...) whose
 * object the word at ti is part of: "دعا لافروف إلى انسحاب القوات",
 * "أدانت اليونيسيف جرائم قتل الأطفال".  NULL when there is none. */
const lexicon_entry *governing_trigger(const article *a, const sentence_view *s, size_t ti)
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

/* The token where the clause holding token ti begins. */
size_t clause_start(const article *a, const sentence_view *s, size_t ti)
{
    size_t earliest = ti - s->first > CLAUSE_LOOKBACK ? ti - CLAUSE_LOOKBACK : s->first;
    for (size_t i = ti; i-- > earliest;) {
        if (key_in(a->tokens, i, &clause_openers) ||
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

const lexicon_match *match_at(const article *a, size_t first_token)
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
size_t first_match_from(const article *a, const sentence_view *s, size_t from_token)
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
size_t reach_back(const article *a, size_t ti, size_t reach)
{
    size_t back = reach + a->sentence_longest_match;
    return ti > back ? ti - back : 0;
}

/* The key of a match's first token without the و or ف the matcher peeled
 * ("وتدعو" → "تدعو"); *len gets its length in bytes. */
const char *key_after_conjunction(const article *a, const lexicon_match *m, size_t *len)
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

/* Events of saying: their actor is whoever says them. */
bool is_verbal(event_type t)
{
    return t == EVENT_AGREE || t == EVENT_SUPPORT || t == EVENT_CONCEDE || t == EVENT_REQUEST || t == EVENT_ACCUSE ||
           t == EVENT_REJECT || t == EVENT_THREATEN;
}

/* "دعا لافروف إلى انسحاب القوات غير السورية": who is asked comes before
 * إلى (دعا إيران إلى); a party after it belongs to the act asked for. */
bool is_trigger_of(const lexicon_match *m, event_type type)
{
    for (uint32_t e = 0; m && e < m->entry_count; e++)
        if (m->entries[e].kind == LEX_TRIGGER && m->entries[e].event_type == type)
            return true;
    return false;
}

/* Index of the token that holds byte offset at (a trigger's text may
 * start after the token's proclitics), or SIZE_MAX. */
size_t token_holding(const token_list *tokens, uint32_t at)
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

/* Does token i's key end in one of the list's words (لمواجهه، والمواجهه)? */
static bool ends_in_one_of(const article *a, size_t i, const word_list *list)
{
    const token *t = &a->tokens->tokens[i];
    const char *k = token_key(a->tokens, t);
    for (size_t w = 0; w < list->count; w++) {
        size_t n = strlen(list->words[w]);
        if (t->key_len >= n && memcmp(k + t->key_len - n, list->words[w], n) == 0)
            return true;
    }
    return false;
}

static bool confronts_no_other_side(const article *a, const sentence_view *s, const lexicon_match *m)
{
    if (m->token_count != 1 || !ends_in_one_of(a, m->first_token, &needs_other_side))
        return false;
    size_t after = m->first_token + m->token_count;
    for (size_t i = after; i < after + 3 && i < s->end; i++)
        if (key_is(a->tokens, i, "مع") || key_is(a->tokens, i, "بين"))
            return false;
    return true;
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
    /* "قتل ما لا يقل عن 149 فلسطينيا برصاص الجنود": the fire that killed
     * may stand further from the killing, past its count and victims */
    bool fire = key_in(a->tokens, m->first_token, &fire_of);
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = first_match_from(a, s, reach_back(a, m->first_token, fire ? 8 : 3)); i < s->end_match; i++) {
        const lexicon_match *before = &ms->items[i];
        if (before->first_token >= m->first_token)
            break;
        if (is_deed(before) || (fire && (cue_of(before, CUE_DEAD) || cue_of(before, CUE_INJURED))))
            return true;
    }
    return false;
}

/* "التهديد الذي يشكله تنظيم داعش"، "التهديد الإرهابي": a threat that
 * something poses, or a threat of a kind, is a danger talked about, not a
 * threat made. */
static bool a_danger_posed(const article *a, const lexicon_match *m)
{
    size_t after = m->first_token + m->token_count;
    /* "لا يزال التهديد الجهادي قائما"; but "تهديداتها النووية" are its own */
    if (after < a->tokens->count && key_in(a->tokens, after, &kinds_of_danger) && is_trigger_of(m, EVENT_THREATEN) &&
        !m->has_pronoun_suffix)
        return true;
    /* "بهدف تهديد أمن السعودية"، "تهدد حياة المدنيين": what is endangered,
     * not someone threatened */
    if (after < a->tokens->count && is_trigger_of(m, EVENT_THREATEN) && key_in(a->tokens, after, &endangered))
        return true;
    if (after + 1 < a->tokens->count && key_in(a->tokens, after, &relative_pronouns))
        after++;
    return after < a->tokens->count && key_in(a->tokens, after, &poses);
}

/* "قتلوا في غارات للتحالف"، "أصيبوا جراء القصف": the killing of the victims
 * of an attack named right after it is that attack's toll, coded with the
 * attack, not an act of its own. */
static bool toll_of_the_attack_after(const article *a, const sentence_view *s, const lexicon_match *m)
{
    if (!cue_of(m, CUE_DEAD) && !cue_of(m, CUE_INJURED))
        return false;
    size_t after = m->first_token + m->token_count;
    if (after + 1 >= s->end || !key_in(a->tokens, after, &in_or_by))
        return false;
    return is_trigger_of(match_at(a, after + 1), EVENT_ASSAULT);
}

/* "رفضت الحكومة الإسرائيلية التعليق": declining to comment rejects no one
 * (the subject may come between, a comma ends the search).  The trigger
 * stays usable: its subject and clause are still its own. */
bool declines_to_comment(const article *a, const sentence_view *s, const lexicon_match *m)
{
    if (!is_trigger_of(m, EVENT_REJECT))
        return false;
    size_t after = m->first_token + m->token_count;
    for (size_t i = after; i < after + 5 && i < s->end && a->tokens->tokens[i].kind == TOKEN_WORD; i++)
        if (key_in(a->tokens, i, &no_comment))
            return true;
    return false;
}

/* "زلزال تسبب في إصابة 290 شخصا"، "فيضانات ... مقتل 12": the sentence tells
 * of dead or injured and names a disaster; its casualty words are no
 * attack.  Read once a sentence (code_events), and only where a casualty
 * word is. */
bool is_a_disaster(const article *a, const sentence_view *s)
{
    const lexicon_matches *ms = &a->actors->matches;
    bool casualties = false;
    for (size_t i = s->first_match; i < s->end_match && !casualties; i++)
        casualties = tells_of_dead_or_injured(&ms->items[i]);
    if (!casualties)
        return false;
    for (size_t i = s->first; i < s->end; i++)
        if (a->tokens->tokens[i].kind == TOKEN_WORD && key_in(a->tokens, i, &disasters))
            return true;
    return false;
}

/* Does the article name an attack anywhere (a killing, مقتل، is not yet
 * one), an armed group (rebels, insurgents: الحوثيين، داعش), or a weapon or
 * armed men (violence_words)?  Dead and injured counted where it does not
 * are no attack's: "صاعقة تسببت في مقتل 16 شخصا"، "خلل فني ... أسفر عن
 * سقوطها ومقتل شخصين". */
static bool names_violence(const article *a)
{
    const lexicon_matches *ms = &a->actors->matches;
    for (size_t i = 0; i < ms->count; i++) {
        const lexicon_match *m = &ms->items[i];
        if (is_trigger_of(m, EVENT_ASSAULT) && !tells_of_dead_or_injured(m))
            return true;
        for (uint32_t k = 0; k < m->entry_count; k++)
            if (m->entries[k].kind == LEX_GROUP &&
                (strcmp(m->entries[k].sector, "REB") == 0 || strcmp(m->entries[k].sector, "INS") == 0))
                return true;
    }
    for (size_t i = 0; i < a->tokens->count; i++)
        if (a->tokens->tokens[i].kind == TOKEN_WORD && key_in(a->tokens, i, &violence_words))
            return true;
    return false;
}

/* Read once an article, and only when an attack by an unnamed hand is
 * about to be coded (most articles never ask). */
bool tells_of_violence(article *a)
{
    if (a->tells_of_violence < 0)
        a->tells_of_violence = names_violence(a);
    return a->tells_of_violence;
}

/* In a sentence about a game, meetings are matches, attacks, threats and
 * snatches are play, and offers, requests, refusals, praise, help and
 * criticism pass between clubs, players and coaches (not sanctions,
 * expulsions or releases: "قطعت أربع دول عربية العلاقات مع قطر" beside the
 * World Cup is still a sanction). */
static bool is_played_in_a_game(const lexicon_match *m)
{
    for (uint32_t e = 0; e < m->entry_count; e++) {
        if (m->entries[e].kind != LEX_TRIGGER)
            continue;
        switch ((event_type)m->entries[e].event_type) {
        case EVENT_CONSULT: case EVENT_ASSAULT: case EVENT_COERCE: case EVENT_THREATEN: case EVENT_AGREE:
        case EVENT_REQUEST: case EVENT_ACCUSE: case EVENT_REJECT: case EVENT_SUPPORT: case EVENT_AID:
            return true;
        default:
            break;
        }
    }
    return false;
}

/* "وستلتقي البرتغال بإسبانيا على ملعب فيشت"، "خطف الفوز في الدقائق
 * الأخيرة من المباراة": a sentence that names a match, a league or a coach
 * tells of a game; its meetings are matches and its attacks, clashes and
 * snatches are play.  Not when it counts dead or injured (a riot after a
 * match), nor when a statesman, soldier or international body is in it.
 * Read once a sentence (code_events), and only where one of those
 * triggers is. */
bool is_about_a_game(const article *a, const sentence_view *s)
{
    const lexicon_matches *ms = &a->actors->matches;
    bool playable = false;
    for (size_t i = s->first_match; i < s->end_match; i++) {
        if (tells_of_dead_or_injured(&ms->items[i]))
            return false;
        playable = playable || is_played_in_a_game(&ms->items[i]);
    }
    if (!playable)
        return false;
    /* "التقى الرئيس الفرنسي نظيره الروسي قبل المباراة النهائية": statesmen
     * and soldiers do not play */
    for (size_t k = s->first_actor; k < s->end_actor; k++) {
        const char *sector = a->actors->actors[k].sector;
        if (a->actors->actors[k].is_state_metonym)   /* البرتغال، مدريد: the teams */
            continue;
        if (strcmp(sector, "GOV") == 0 || strcmp(sector, "MIL") == 0 || strcmp(sector, "REB") == 0 ||
            strcmp(sector, "LEG") == 0 || strcmp(sector, "COP") == 0 || a->actors->actors[k].org[0])
            return false;
    }
    for (size_t i = s->first; i < s->end; i++)
        if (a->tokens->tokens[i].kind == TOKEN_WORD && key_in(a->tokens, i, &games))
            return true;
    return false;
}

/* "قال المسؤول الذي طلب عدم نشر اسمه"، "لم ترد على طلب للتعليق": a
 * source's anonymity or a reporter's question asks nothing of anyone. */
static bool asks_for_anonymity_or_comment(const article *a, const sentence_view *s, const lexicon_match *m)
{
    if (!is_trigger_of(m, EVENT_REQUEST))
        return false;
    size_t after = m->first_token + m->token_count;
    if (after < s->end && key_in(a->tokens, after, &for_comment))
        return true;
    return after + 1 < s->end && key_is(a->tokens, after, "عدم") && key_in(a->tokens, after + 1, &withheld_names);
}

/* Does the text hold أ، إ or آ (which matching keys fold to ا)? */
static bool has_hamza_alef(const char *text, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)text[i] == 0xD8 && ((unsigned char)text[i + 1] == 0xA2 || (unsigned char)text[i + 1] == 0xA3 ||
                                               (unsigned char)text[i + 1] == 0xA5))
            return true;
    return false;
}

/* The first trigger reading of a match whose split phrase, if any, is
 * completed within twelve words after it (تبادل الطرفان اللوم). */
const lexicon_entry *usable_trigger(const article *a, const sentence_view *s, const lexicon_match *m)
{
    /* most matches are names, not triggers: nothing below can make one a trigger */
    bool has_trigger = false;
    for (uint32_t i = 0; i < m->entry_count && !has_trigger; i++)
        has_trigger = m->entries[i].kind == LEX_TRIGGER;
    if (!has_trigger)
        return NULL;
    if (means_of_the_act_before(a, s, m) || a_danger_posed(a, m) || toll_of_the_attack_after(a, s, m))
        return NULL;
    if (a->sentence_is_disaster && (cue_of(m, CUE_DEAD) || cue_of(m, CUE_INJURED)))
        return NULL;
    if (asks_for_anonymity_or_comment(a, s, m))
        return NULL;
    if (a->sentence_is_a_game && is_played_in_a_game(m))
        return NULL;
    /* "تواجه تركيا هجمات" (faces), "بيان صادر عن" (issued): spelt as a trigger's form, mostly another word */
    if (m->token_count == 1 && key_in(a->tokens, m->first_token, &homographs))
        return NULL;
    /* "عقود الذهب تسليم أغسطس": a delivery month of a contract, no handing over */
    if (m->token_count == 1 && key_in(a->tokens, m->first_token, &delivery_words) &&
        is_month_name(a->tokens, m->first_token + 1))
        return NULL;
    /* "تم تنفيذه بما يتوافق مع القانون": how it was done, not an agreement */
    if (m->first_token > s->first && key_in(a->tokens, m->first_token - 1, &in_a_way_that))
        return NULL;
    /* "رفع العقوبات عن كوبا": sanctions lifted, not imposed */
    if (m->first_token > s->first && is_trigger_of(m, EVENT_SANCTION) &&
        key_in(a->tokens, m->first_token - 1, &sanctions_eased_by))
        return NULL;
    /* "إحالة 75 متهما إلى المحكمة"، "15 ألف طالب": defendants and students
     * counted, not an accusation or a demand; but "في تقرير عام 2017 طالب":
     * a year is no count */
    parsed_number counted;
    if (m->token_count == 1 && m->first_token > s->first && key_in(a->tokens, m->first_token, &counted_people) &&
        parse_number_at(a->tokens, m->first_token - 1, &counted) &&
        !(m->first_token - 1 > s->first && key_in(a->tokens, m->first_token - 2, &year_words)))
        return NULL;
    /* "في مواجهة الأزمات"، "لمواجهة الإرهاب"، "مواجهة البرازيل": facing,
     * countering or a match, not a clash, unless the other side follows
     * (مواجهة مع الجيش، بين) */
    if (confronts_no_other_side(a, s, m))
        return NULL;
    for (uint32_t i = 0; i < m->entry_count; i++) {
        const lexicon_entry *e = &m->entries[i];
        if (e->kind != LEX_TRIGGER)
            continue;
        /* "يستهدف خفض العجز"، "العقوبات استهدفت": aims and measures, no force */
        if (e->event_type == EVENT_ASSAULT && e->trigger_pos == TRIGGER_VERB &&
            (key_in(a->tokens, m->first_token + m->token_count, &economic_aims) ||
             (m->first_token > s->first && key_in(a->tokens, m->first_token - 1, &measures))))
            continue;
        const char *spelling = lexicon_string(a->lex, e->spelling);
        size_t spelling_len = strlen(spelling);
        /* a short verb under a preposition or the article is some other
         * word: كلام is not ك + لام ("blamed") */
        if (e->trigger_pos == TRIGGER_VERB && (m->has_preposition || m->has_article) && spelling_len <= 6)
            continue;
        /* ... and one written with a hamza its verb has not is another word:
         * لأم ("for a mother") folds to لام ("blamed") */
        if (e->trigger_pos == TRIGGER_VERB && spelling_len <= 8 && !has_hamza_alef(spelling, spelling_len) &&
            has_hamza_alef(a->text + m->start, m->end - m->start))
            continue;
        /* ... or the other way at the end: هنا ("here") is not هنأ ("congratulated") */
        if (spelling_len >= 2 && memcmp(spelling + spelling_len - 2, "أ", 2) == 0 && m->token_count == 1 &&
            m->end - m->start >= 2 && memcmp(a->text + m->end - 2, "ا", 2) == 0)
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
