/*
 * events.c — see events.h.
 *
 * For each sentence: find the trigger matches, then for each trigger pick
 * its actor (subject) and recipients from the actors around it, read its
 * modality from the cues before it, its date from the sentence, its
 * casualty figures from the numbers beside casualty words, and its place
 * from the locations named.  Finally merge duplicates by the CODEBOOK key.
 * The parts are listed in coder.h.
 */
#include "coder.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "dates.h"

/* Clashes, arrests and protests are mostly within a state: an unnamed
 * other side is of the actor's state.  Words are not: an accusation's
 * unnamed target is of the state the article is about. */
static const char *domestic_fallback(const event *e)
{
    return (e->type == EVENT_ASSAULT || e->type == EVENT_COERCE || e->type == EVENT_PROTEST) ? e->actor.country : NULL;
}

/* An asserted event of type at match m, with nothing known of it yet. */
event blank_event_at(const lexicon_match *m, event_type type, const char *mode, uint32_t sentence_index)
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

/* One state has one government, but many rebel groups: "الفصائل المعارضة"
 * may well condemn "حركة نور الدين زنكي". */
static bool one_of_many(const char *sector)
{
    return strcmp(sector, "REB") == 0 || strcmp(sector, "INS") == 0 || strcmp(sector, "OPP") == 0;
}

/* "تدعو منظمة التحرير ... ودعت منظمة التحرير الفلسطينية": one party named
 * twice does not act on itself. */
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

static bool plural_pronoun_on(const article *a, const lexicon_match *m)
{
    const token *t = &a->tokens->tokens[m->first_token + m->token_count - 1];
    const char *k = token_key(a->tokens, t);
    size_t n = t->key_len;
    return (n > 4 && (memcmp(k + n - 4, "هم", 4) == 0 || memcmp(k + n - 4, "هن", 4) == 0)) ||
           (n > 6 && memcmp(k + n - 6, "هما", 6) == 0);
}

static bool is_meant_for_someone(event_type t)
{
    return t == EVENT_AGREE || t == EVENT_AID || t == EVENT_REJECT || t == EVENT_SUPPORT || t == EVENT_THREATEN ||
           t == EVENT_ACCUSE || t == EVENT_CONCEDE;
}

/* An event whose text names no recipient.  A consultation needs someone
 * to consult, so it is dropped; violence falls on the place it happened,
 * or on the state the article is about.  "وأضاف أن تركيا تبرعت بعشرين طنا من الأدوية ... إلى الجنوب الليبي":
 * words and aid are for someone; when the sentence names exactly one other
 * state (by name, capital, people or place), it is theirs.  Two or more
 * and we cannot tell. */
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

/* A person who bears no arms, or the press: its attacks are words. */
static bool attacks_with_words(const actor *x)
{
    if (strcmp(x->sector, "MED") == 0)
        return true;
    return x->type == ENTITY_PER && strcmp(x->sector, "MIL") != 0 && strcmp(x->sector, "COP") != 0 && !is_armed_group(x);
}

static void code_trigger(article *a, const sentence_view *s, uint32_t sentence_index, const lexicon_match *m,
                         const lexicon_entry *trigger)
{
    size_t ti = m->first_token, t_end = m->first_token + m->token_count;
    if (declines_to_comment(a, s, m))
        return;
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
    if (key_in(a->tokens, t_end, &both_sides) ||
        (ti > s->first && key_in(a->tokens, ti - 1, &both_sides))) {
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
    size_t subject = find_subject(a, s, ti, t_end, pos, (event_type)e.type);
    /* the party hurt in the act is not its author; one named after the act
     * still is ("مقتل مزارع فلسطيني في قصف إسرائيلي") */
    if (exposed != SIZE_MAX && subject != SIZE_MAX &&
        (subject == exposed || a->actors->actors[subject].first_token < t_end))
        subject = SIZE_MAX;
    size_t reported_subject = SIZE_MAX;
    /* the agent of a noun: "بطلب من روسيا"، "من قبل X"، "على يد X" */
    /* "ليبيا بحاجة للمساعدة من الاتحاد الأوروبي": help is needed from
     * someone, who is asked; only other nouns have their author after من */
    bool a_need = e.type == EVENT_REQUEST && e.mode && strcmp(e.mode, "assist") == 0;
    size_t agent = pos != TRIGGER_VERB && !a_need ? agent_after(a, s, ti, t_end) : SIZE_MAX;
    if (agent != SIZE_MAX) {
        if (subject != SIZE_MAX && subject != agent)
            reported_subject = subject;
        subject = agent;
    }
    /* "57 قتلوا بنيران إسرائيلية": whose fire killed them did it; the
     * killed are the ones it was done to */
    size_t fire = names_its_victim(a, ti) ? whose_fire(a, s, t_end) : SIZE_MAX;
    if (fire != SIZE_MAX) {
        if (subject != SIZE_MAX && subject != fire && exposed == SIZE_MAX)
            exposed = subject;
        /* "مقتل 60 فلسطينيا برصاص القوات": the killed between the word and the fire */
        for (size_t k = s->first_actor; k < fire && exposed == SIZE_MAX; k++)
            if (a->actors->actors[k].first_token >= t_end && a->actors->actors[k].country[0])
                exposed = k;
        subject = fire;
    }
    /* "يتفهم تضامن الجزائر مع حلفائها": the party right after the trigger
     * (a noun's genitive, a verb's subject) is its author, whoever reports it;
     * not after a participle ("وقال الحريري ... منتقدا إيران": its object) */
    bool own_author = subject != SIZE_MAX && a->actors->actors[subject].first_token == t_end &&
                      !(pos != TRIGGER_VERB && object_follows(a, m));
    /* ... and so is a finite verb's subject right before it ("قال مون إن
     * ترامب وكيم طلبا منه": they asked, not the one who reports it) */
    size_t subject_end = subject != SIZE_MAX ? actor_end_token(&a->actors->actors[subject]) : SIZE_MAX;
    if (subject != SIZE_MAX && pos == TRIGGER_VERB &&
        (subject_end == ti || (subject_end + 1 == ti && key_in(a->tokens, subject_end, &before_the_verb))))
        own_author = true;      /* not across a comma or a clause: "إلى #الكويت، وطلب"، "المبعوث أنها تشترط" */
    if (is_verbal((event_type)e.type) && !own_author) {
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
    /* "هاجم لافروف ما يسمى بالمهمات النووية"، "هاجمت الصحافة الروسية
     * الأمر": a statesman or the press attacks with words */
    if (e.type == EVENT_ASSAULT && pos == TRIGGER_VERB && subject != SIZE_MAX && key_in(a->tokens, ti, &attacks_in_words) &&
        attacks_with_words(&a->actors->actors[subject])) {
        e.type = EVENT_ACCUSE;
        e.mode = "";
        e.dead = e.injured = e.arrested = NO_COUNT;
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
        if (key_in(a->tokens, i, &clause_openers))
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
    } else if (fire != SIZE_MAX) {
        n = 0;      /* "وقتل برصاص قناص إسرائيلي": the killed are not named here */
    }
    if (accused_only != SIZE_MAX) {
        recipients[0] = accused_only;
        n = 1;
    }
    /* Parties listed right after the subject are subjects too: "شنتها
     * الولايات المتحدة، فرنسا، وبريطانيا" is three attacks on whoever follows
     * (so is a noun's: "الغارات التي نفذتها أمريكا وبريطانيا وفرنسا");
     * with a symmetric verb ("تبادلت باكو ويريفان اللوم") they act on each
     * other, both ways. */
    if (subject != SIZE_MAX && n >= 1 && (pos == TRIGGER_VERB || subject == agent)) {
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
         * coded as such ("20 مدنيا قتلوا في انفجار"), the actor left null;
         * not where the sentence names a disaster (انفجار قوي ... بركان).
         * So are arrests counted with no one named to make them ("تم
         * اعتقال 3 من مسلحي داعش"). */
        bool deadly = e.type == EVENT_ASSAULT && (e.dead != NO_COUNT || e.injured != NO_COUNT) &&
                      !has_asserted_assault(a) && !a->sentence_is_disaster && tells_of_violence(a);
        bool arrests = e.type == EVENT_COERCE && e.arrested != NO_COUNT;
        if (e.modality == MODALITY_ASSERTED && (deadly || arrests)) {
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
    a.tells_of_violence = -1;   /* read when first needed: rarely */

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
        a.sentence_is_disaster = is_a_disaster(&a, &s);
        a.sentence_is_a_game = is_about_a_game(&a, &s);
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
        if (!has_assault && !a.sentence_is_disaster) {
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
    /* figures no attack in the article took: an attack by an unnamed hand,
     * where the article tells of violence at all (not the dead of a
     * lightning strike or a plane crash) */
    if (a.has_orphan && a.orphan.recipient.present && tells_of_violence(&a)) {
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
