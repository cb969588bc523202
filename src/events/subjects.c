/*
 * subjects.c — who did it: the subject of a trigger, the speaker of its
 * sentence, or the agent named after a noun (من قبل X، على يد X، شنها X).
 *
 * Arabic news puts the verb first (وقالت الوزارة) or the subject first (إن باكو
 * هاجمت); these rules pick the party from the word order and keep out
 * victims, places, sources and those under a preposition.
 */
#include "coder.h"

#include <string.h>

#include "dates.h"
#include "numbers.h"

bool introduced_by_preposition(const article *a, const actor *x)
{
    const lexicon_match *m = match_at(a, x->first_token);
    /* "وحدة تابعة للبحرية المغربية": the owner, not one acted upon */
    if (m && m->has_preposition)
        return !(x->first_token > 0 && key_in(a->tokens, x->first_token - 1, &affiliated));
    size_t i = x->first_token;
    while (i > 0 && (key_in(a->tokens, i - 1, &counterpart_words) ||
                     key_in(a->tokens, i - 1, &place_nouns)))
        i--;
    /* "عدد من الفصائل السورية": a number of them are them */
    if (i > 1 && key_is(a->tokens, i - 1, "من") && key_in(a->tokens, i - 2, &quantities))
        return false;
    return i > 0 && key_in(a->tokens, i - 1, &recipient_prepositions);
}

bool located_with_fi(const article *a, const actor *x)
{
    return x->is_location && x->first_token > 0 &&
           (key_is(a->tokens, x->first_token - 1, "في") || key_is(a->tokens, x->first_token - 1, "داخل"));
}

/* "مقتل ثلاثة فلسطينيين"، "قتل الطفل": after a word that counts the dead,
 * the genitive is the victim, not the killer (unlike "هجوم الحوثيين"). */
bool names_its_victim(const article *a, size_t ti)
{
    return counts_casualties(match_at(a, ti));
}

/* A verb ending in وا (طالبوا، اشترطوا) carries its own plural subject. */
bool has_plural_subject(const article *a, size_t ti)
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
    /* "عشرات الغارات استهدفت حزب الله": the raids are the verb's subject,
     * with or without الذي */
    if (ti == 0 || ti - 1 < s->first ||
        !(key_in(a->tokens, ti - 1, &relative_pronouns) || key_in(a->tokens, ti - 1, &operation_nouns)))
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
static bool object_of_a_verb_of_doing(const article *a, size_t clause_first, size_t ti)
{
    for (size_t i = ti; i-- > clause_first;) {
        const token *t = &a->tokens->tokens[i];
        if (t->kind != TOKEN_WORD)
            continue;
        const char *key = token_key(a->tokens, t);
        size_t len = t->key_len;
        bool and_first = len > 4 && (memcmp(key, "و", 2) == 0 || memcmp(key, "ف", 2) == 0);
        if (is_one_of(&verbs_of_doing, key, len) || (and_first && is_one_of(&verbs_of_doing, key + 2, len - 2)))
            return true;
    }
    return false;
}

/* "الغرب يتهم روسيا": a definite word the lexicon does not know opens the
 * sentence, and the present-tense verb after it agrees with it; it is the
 * subject, and the party after the verb its object. */
bool unknown_subject_before(const article *a, const sentence_view *s, size_t ti)
{
    if (ti != s->first + 1)
        return false;
    const token *verb = &a->tokens->tokens[ti];
    const char *v = token_key(a->tokens, verb);
    if (verb->key_len < 6 || (memcmp(v, "ي", 2) != 0 && memcmp(v, "ت", 2) != 0))
        return false;
    return unknown_subject_after(a, s, s->first);
}

/* "حمّل الغرب الحكومة السورية المسؤولية": a definite noun the lexicon does
 * not know, right after the verb, is its subject; the party after it is
 * then the object. */
bool unknown_subject_after(const article *a, const sentence_view *s, size_t t_end)
{
    if (t_end >= s->end)
        return false;
    const token *t = &a->tokens->tokens[t_end];
    if (t->kind != TOKEN_WORD || t->key_len < 6 || memcmp(token_key(a->tokens, t), "ال", 4) != 0 ||
        key_in(a->tokens, t_end, &time_words) ||
        resolve_sentence_date(a->tokens, t_end, 1, a->article_date ? a->article_date : 20000101) != 0)
        return false;
    /* the word is not the start of a party the lexicon knows */
    for (size_t k = s->first_actor; k < s->end_actor; k++)
        if (a->actors->actors[k].first_token == t_end)
            return false;
    return true;
}

/* A party named by a noun (not a nationality adjective) starts at
 * first_token.  Actors come in text order, so the scan stops there. */
static bool party_starts_at(const article *a, size_t first_token)
{
    for (size_t k = 0; k < a->actors->actor_count && a->actors->actors[k].first_token <= first_token; k++)
        if (a->actors->actors[k].first_token == first_token)
            return names_a_party(&a->actors->actors[k]) && !a->actors->actors[k].is_adjective;
    return false;
}

/* "أكد الجيش الأمريكي أنه نفذ ضربة": the speaker says it did it itself. */
static bool reports_its_own_act(const article *a, const actor *speaker, size_t ti)
{
    for (size_t i = actor_end_token(speaker); i < ti; i++)
        if (key_in(a->tokens, i, &self_reference))
            return true;
    /* "أعلنت إيتا، الخميس، عن حل نفسها": what is announced with عن, or as
     * the verb's own object, with no reported clause (أن) between, is the
     * speaker's own act.  A toll announced is not: "أعلنت الوزارة عن مقتل". */
    const lexicon_match *own = match_at(a, ti);
    if (counts_casualties(own))
        return false;
    size_t i = actor_end_token(speaker);
    /* "وكانت فنزويلا قد أعلنت طرد دبلوماسيين": the speaker before its verb */
    if (i < ti && key_is(a->tokens, i, "قد"))
        i++;
    const lexicon_match *verb = i < ti ? match_at(a, i) : NULL;
    if (verb && cue_of(verb, CUE_SPEECH) && i + verb->token_count <= ti) {
        /* but "أعلن ترامب انسحاب الولايات المتحدة": an act with its own
         * author after it is that author's */
        if (own && party_starts_at(a, ti + own->token_count))
            return false;
        i += verb->token_count;
    }
    while (i < ti && (a->tokens->tokens[i].kind == TOKEN_PUNCT ||
                      resolve_sentence_date(a->tokens, i, 1, a->article_date ? a->article_date : 20000101) != 0))
        i++;
    if (i < ti && key_is(a->tokens, i, "عن"))
        i++;
    return i == ti;
}

/* The party of the sentence that ends right before token end, or SIZE_MAX
 * (found by halving: actors come in text order). */
static size_t actor_ending_at(const article *a, const sentence_view *s, size_t end)
{
    size_t lo = s->first_actor, hi = s->end_actor;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->actors->actors[mid].first_token < end)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* lo: the first party starting at or after end; the one before may end there */
    return lo > s->first_actor && actor_end_token(&a->actors->actors[lo - 1]) == end ? lo - 1 : SIZE_MAX;
}

/* Is the party counted among the dead or injured: a word of killing or
 * hurt in the 24 words before it ("مقتل أكثر من 50 قياديا وعنصرا في
 * حركة طالبان")?  Read backwards from the party, so that a sentence of a
 * million words costs no more per party than a short one. */
static bool counted_as_dead_or_injured(const article *a, const sentence_view *s, const actor *x)
{
    const lexicon_matches *ms = &a->actors->matches;
    size_t from = x->first_token > s->first + 24 ? x->first_token - 24 : s->first;
    for (size_t i = first_match_from(a, s, x->first_token); i-- > s->first_match && ms->items[i].first_token >= from;)
        if (tells_of_dead_or_injured(&ms->items[i]))
            return true;
    return false;
}

/* "اثنين أمريكيين أصيبا في هجوم"، "قتل جنديان جراء انفجار"، "مقتل 50
 * عنصرا في حركة طالبان في غارة": who was killed or hurt in the act named
 * next is its victim, not its author. */
static size_t party_hurt_in(const article *a, const sentence_view *s, size_t ti)
{
    if (ti < s->first + 2)
        return SIZE_MAX;
    const lexicon_match *m = match_at(a, ti);
    size_t verb = ti - 1;
    if (!(m && m->has_preposition) && key_in(a->tokens, ti - 1, &in_or_by))
        verb--;
    if (verb + 2 == ti && m && is_trigger_of(m, EVENT_ASSAULT)) {
        size_t k = actor_ending_at(a, s, verb + 1);
        if (k != SIZE_MAX && !a->actors->actors[k].is_location && !introduced_by_preposition(a, &a->actors->actors[k]) &&
            counted_as_dead_or_injured(a, s, &a->actors->actors[k]))
            return k;
    }
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

/* The same, or the party that suffered the act: "تعرضت مدينة دوما لهجوم";
 * its index or SIZE_MAX. */
size_t party_exposed_to(const article *a, const sentence_view *s, size_t ti)
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
        while (before > s->first && key_in(a->tokens, before - 1, &place_nouns))
            before--;
        return before > s->first && key_in(a->tokens, before - 1, &suffered) ? k : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* A capital stands for its state, and is grammatically feminine. */
static bool is_capital(const article *a, const actor *x)
{
    const lexicon_match *m = match_at(a, x->first_token);
    return m && m->entry_count > 0 && m->entries[0].kind == LEX_CAPITAL && x->token_count <= m->token_count;
}

/* The key of the trigger matched at token ti without its و or ف, or NULL. */
static const char *trigger_key_at(const article *a, size_t ti, size_t *len)
{
    const lexicon_match *m = match_at(a, ti);
    return m ? key_after_conjunction(a, m, len) : NULL;
}

/* "دعا"، "يدعو": a singular masculine verb; "دعت"، "تدعو" are feminine, and
 * a past verb that begins with ت (تعهد) tells nothing. */
static bool is_masculine_verb(const article *a, size_t ti)
{
    size_t n;
    const char *k = trigger_key_at(a, ti, &n);
    if (!k || n < 4 || memcmp(k + n - 2, "ت", 2) == 0 || has_plural_subject(a, ti))
        return false;
    return memcmp(k, "ت", 2) != 0;
}

/* "دعت"، "طالبت": a past verb with the feminine ت. */
static bool is_feminine_past_verb(const article *a, size_t ti)
{
    size_t n;
    const char *k = trigger_key_at(a, ti, &n);
    return k && n >= 6 && memcmp(k + n - 2, "ت", 2) == 0 && memcmp(k, "ت", 2) != 0 && memcmp(k, "ي", 2) != 0;
}

/* "رئيس باراغواي"، "وزير الخارجية": the actor opens with a title of a man
 * (a title word of data/sectors.tsv without the feminine ة). */
static bool starts_with_a_mans_title(const article *a, const actor *x)
{
    const lexicon_match *m = match_at(a, x->first_token);
    if (!m || m->entry_count == 0 || m->entries[0].kind != LEX_SECTOR || m->entries[0].subkind != SECTOR_TITLE)
        return false;
    const token *t = &a->tokens->tokens[x->first_token];
    return !(t->flags & TOKEN_ENDS_IN_TEH_MARBUTA) && t->key_len >= 4;
}

/* "الرئيس المصري الراحل محمد أنور السادات": the dead do not act today. */
static bool is_late(const article *a, const actor *x)
{
    size_t end = actor_end_token(x);
    for (size_t i = x->first_token; i <= end && i < a->tokens->count; i++)
        if (key_in(a->tokens, i, &the_late))
            return true;
    return false;
}

/* "منتقدا إيران"، "متهما إياه"، "هجوما": a word in the indefinite accusative
 * (its ا of tanween) has no genitive: the party after it is its object. */
bool is_indefinite_accusative(const article *a, const lexicon_match *m)
{
    size_t n;
    const char *k = key_after_conjunction(a, m, &n);
    return m->token_count == 1 && !m->has_article && !m->has_pronoun_suffix && n >= 8 && memcmp(k + n - 2, "ا", 2) == 0;
}

/* "داعية الحكومة إلى"، "منددة بالهجوم": a participle, whose party after it
 * is its object, as after the accusative (function_words.tsv participles:
 * the feminine forms, which end like any noun). */
bool object_follows(const article *a, const lexicon_match *m)
{
    if (is_indefinite_accusative(a, m))
        return true;
    size_t n;
    const char *k = key_after_conjunction(a, m, &n);
    return m->token_count == 1 && !m->has_article && is_one_of(&participles, k, n);
}

/* A word such as جوية، صاروخية، العسكرية: an adjective of relation (nisba),
 * which says what kind of act it is, not who did it. */
static bool is_nisba_adjective(const article *a, size_t i)
{
    if (i >= a->tokens->count || a->tokens->tokens[i].kind != TOKEN_WORD || match_at(a, i))
        return false;
    const token *t = &a->tokens->tokens[i];
    const char *k = token_key(a->tokens, t);
    return t->key_len > 6 && (memcmp(k + t->key_len - 4, "يه", 4) == 0 || memcmp(k + t->key_len - 4, "ين", 4) == 0);
}

/* Index of the subject of a trigger at token ti, or SIZE_MAX. */
size_t find_subject(const article *a, const sentence_view *s, size_t ti, size_t t_end, trigger_pos pos,
                           event_type type)
{
    const actor *actors = a->actors->actors;
    size_t cs = clause_start(a, s, ti);
    /* 1. subject-first: an actor ending right before the trigger (قد may sit
     * between); not across a word of time or cause ("لقاء الأسد بأعضاء
     * البرلمان الروسي بعيد الهجمات") */
    for (size_t k = s->end_actor; k-- > s->first_actor && !(ti > 0 && key_in(a->tokens, ti - 1, &time_or_cause));) {
        const actor *x = &actors[k];
        if (actor_end_token(x) > ti)
            continue;
        /* "مقتل 50 عنصرا في حركة طالبان في غارة أميركية": the party counted
         * among the dead is hurt in the attack, it did not make it (in a
         * meeting or a protest it takes part; "دور روسيا في تسميم" is
         * hers) */
        bool hurt_in_it = false;
        for (size_t j = actor_end_token(x); j < ti && j <= actor_end_token(x) + 2 && !hurt_in_it && type == EVENT_ASSAULT; j++)
            hurt_in_it = key_in(a->tokens, j, &in_or_by) && counted_as_dead_or_injured(a, s, x);
        if (actor_end_token(x) + 2 >= ti && x->first_token >= cs && names_a_party(x) && !x->is_location && !is_late(a, x) &&
            !hurt_in_it &&
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
            /* "ودعت حنان عشراوي رئيس باراغواي": a feminine verb does not agree
             * with a man's title after its unknown subject; he is asked */
            object |= x->first_token > t_end && is_feminine_past_verb(a, ti) && starts_with_a_mans_title(a, x);
            /* "وطرد السفير الإيراني": the envoy's nationality, not the expeller's */
            object |= x->first_token == t_end && x->is_adjective && t_end > ti + 1 &&
                      key_in(a->tokens, t_end - 1, &owned_by_recipient);
            if (x->first_token <= t_end + 2 && !x->is_location && !introduced_by_preposition(a, x) && !where && !object &&
                !(x->is_adjective && x->first_token > t_end) && may_use_force(x, type))
                return k;
            break;
        }
    } else if (pos != TRIGGER_VERB) {
        /* 3. a noun's genitive: هجوم الحوثيين; but arrests, expulsions and
         * closures take the one they fall on ("طرد السفير الإيراني"، "اعتقال
         * المتظاهرين"، "إغلاق سفارة المغرب") */
        const lexicon_match *own_match = match_at(a, ti);
        bool falls_on_genitive = type == EVENT_COERCE || type == EVENT_SANCTION;
        for (size_t k = s->first_actor; k < s->end_actor; k++) {
            const actor *x = &actors[k];
            if (x->first_token < t_end)
                continue;
            /* "ضربات جوية أمريكية"، "الهجمات الجهادية"، "لهجوم حوثي": a
             * nationality after an act (and after one adjective of its
             * kind: جوية، صاروخية) says whose act it is */
            /* (not of meetings and cooperation, which have two sides alike:
             * "القمة السودانية المصرية"، "والتعاون للتنمية البلجيكية") */
            bool agent_adjective = x->is_adjective && !falls_on_genitive && !names_its_victim(a, ti) &&
                                   type != EVENT_CONSULT && type != EVENT_COOPERATE &&
                                   !introduced_by_preposition(a, x) &&
                                   (x->first_token == t_end ||
                                    (x->first_token == t_end + 1 && is_nisba_adjective(a, t_end)));
            if (agent_adjective && may_use_force(x, type))
                return k;
            if (x->first_token == t_end && !x->is_location && !x->is_adjective && !introduced_by_preposition(a, x) &&
                !key_is(a->tokens, t_end, "بين") && !names_its_victim(a, ti) && may_use_force(x, type) &&
                !(own_match && object_follows(a, own_match)) && !falls_on_genitive)
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
size_t find_speaker(const article *a, const sentence_view *s, size_t before_token)
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

/* Verbs of carrying out, with a pronoun for the act they follow:
 * "غارة شنها طيران الاحتلال"، "الهجوم الذي نفذته الجماعة". */
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
    return is_one_of(&performed_by, k, n - pronoun);
}

/* "قتلوا بنيران إسرائيلية"، "قتل ثلاثة فلسطينيين برصاص الجيش": the party (a
 * nationality will do) named within two words after ب + a word of fire,
 * which follows the killing word, its count and its victims within eight
 * words; its index or SIZE_MAX. */
size_t whose_fire(const article *a, const sentence_view *s, size_t t_end)
{
    size_t fire = t_end;
    while (fire < s->end && fire < t_end + 8 && a->tokens->tokens[fire].kind != TOKEN_PUNCT &&
           !key_in(a->tokens, fire, &fire_of))
        fire++;
    if (fire >= s->end || !key_in(a->tokens, fire, &fire_of))
        return SIZE_MAX;
    for (size_t k = s->first_actor; k < s->end_actor; k++) {
        const actor *x = &a->actors->actors[k];
        if (x->first_token > fire + 3)
            break;
        if (x->first_token > fire && x->country[0] && !x->is_location && strcmp(x->sector, "CVL") != 0)
            return k;
    }
    return SIZE_MAX;
}

/* A word that may be an adjective of the noun before it (غارات جوية مركزة):
 * a word with no preposition on it or before it ("ضربات لمواقع" is aimed at
 * the sites). */
static bool describes_the_noun_before(const article *a, size_t i)
{
    const token *t = &a->tokens->tokens[i];
    if (t->kind != TOKEN_WORD || t->key_len < 4)
        return false;
    const char *k = token_key(a->tokens, t);
    return memcmp(k, "ل", 2) != 0 && memcmp(k, "ب", 2) != 0 && !key_in(a->tokens, i, &recipient_prepositions) &&
           !key_in(a->tokens, i, &in_or_by);
}

/* "لمقاتلات"، "لطيران": aircraft, guns or forces under ل, whose owner
 * follows them. */
static bool armed_means_under_lam(const article *a, size_t i)
{
    const token *t = &a->tokens->tokens[i];
    const char *k = token_key(a->tokens, t);
    return t->kind == TOKEN_WORD && t->key_len > 2 && memcmp(k, "ل", 2) == 0 &&
           is_one_of(&armed_means, k + 2, t->key_len - 2);
}

/* "من X", "من قبل X", "على يد X" right after a noun trigger (tokens ti to
 * t_end), "للتحالف" after an operation (غارة جوية للتحالف), or a verb of
 * carrying out with its pronoun ("شنها X", "التي نفذتها X"): X did it. */
size_t agent_after(const article *a, const sentence_view *s, size_t ti, size_t t_end)
{
    size_t at = SIZE_MAX;
    size_t verb = t_end;
    /* "القصف الجوي، الذي تقوده الولايات المتحدة": a comma may come first */
    while (verb < s->end && verb < t_end + 3 && !is_performed_by(a, verb) &&
           (key_in(a->tokens, verb, &relative_pronouns) ||
            a->tokens->tokens[verb].kind == TOKEN_WORD || key_is(a->tokens, verb, "،")))
        verb++;
    if (verb < s->end && is_performed_by(a, verb) &&
        (verb == t_end || key_in(a->tokens, verb - 1, &relative_pronouns))) {
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
    } else if (key_in(a->tokens, ti, &operation_nouns)) {
        /* "غارة جوية للتحالف العربي": after an operation, ل (a word or two
         * describing it may come between) names whose it is */
        for (size_t j = t_end; j < t_end + 3 && j < s->end && at == SIZE_MAX; j++) {
            const lexicon_match *own = match_at(a, j);
            size_t n;
            const char *k = own ? key_after_conjunction(a, own, &n) : NULL;
            if (own && own->has_preposition && n > 2 && memcmp(k, "ل", 2) == 0)
                at = j;
            else if (!own && armed_means_under_lam(a, j))
                at = j + 1;     /* "لمقاتلات التحالف": the party after them */
            else if (own || !describes_the_noun_before(a, j))
                break;
        }
    } else if (key_is(a->tokens, t_end, "من")) {
        at = t_end + 1;
        if (key_is(a->tokens, at, "قبل"))
            at++;
    } else if (key_is(a->tokens, t_end, "علي") &&
               key_in(a->tokens, t_end + 1, &by_the_hand)) {
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
