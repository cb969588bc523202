/*
 * actors.c — see actors.h.
 */
#include "actors.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"

const char *entity_type_name(entity_type type)
{
    switch (type) {
    case ENTITY_PER: return "PER";
    case ENTITY_LOC: return "LOC";
    case ENTITY_ORG: return "ORG";
    case ENTITY_MISC: return "MISC";
    case ENTITY_NONE: break;
    }
    return "-";
}

/* Words after which a country or city is where something happens, not
 * who acts: في باكو، إلى موسكو، من طهران. */
static const char *const place_prepositions[] = {"في", "الي", "من", "داخل", "قرب", "نحو", "عبر", "علي", "حول", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "انحاء", "ريف", "اراضي", "مدينه", "بلده", "منطقه", "محافظه", "عاصمه", "العاصمه", "قريه", "بين"};

static bool key_is(const token_list *tokens, size_t i, const char *const *words, size_t n)
{
    return token_key_in(tokens, i, words, n, true);     /* "وفي سوريا" as "في سوريا" */
}

static bool is_transparent_title(const lexicon *lex, const lexicon_entry *e)
{
    /* "المتحدث باسم X", "الناطق باسم X": the spokesman speaks for X */
    const char *s = lexicon_string(lex, e->spelling);
    return strstr(s, "باسم") != NULL;
}

static void add_entity(actor_list *out, uint32_t start, uint32_t end, entity_type type, const char *country,
                       const lexicon_entry *e)
{
    grow_array((void **)&out->entities, &out->entity_cap, out->entity_count + 1, sizeof *out->entities);
    entity *x = &out->entities[out->entity_count++];
    x->start = start;
    x->end = end;
    x->type = (uint8_t)type;
    x->origin = ENTITY_FROM_LEXICON;
    snprintf(x->country, sizeof x->country, "%s", country);
    x->entry = e;
}

/* The match's first entry of that kind, or NULL (السورية: the state
 * سورية and the adjective سوري + ة). */
static const lexicon_entry *reading_of_kind(const lexicon_match *m, lexicon_kind kind)
{
    for (uint32_t i = 0; i < m->entry_count; i++)
        if (m->entries[i].kind == kind)
            return &m->entries[i];
    return NULL;
}

/* The entry a match is best read as.  Entries come most specific first
 * (people, organisations, states, then sector words and places), but an
 * adjective reading wins where Arabic grammar says adjective: with the
 * article or after another part of the phrase (الأرمينية is "Armenian",
 * not the old spelling of Armenia). */
static const lexicon_entry *head_entry(const lexicon_match *m, bool inside_phrase)
{
    /* ... but a bare word spelt as a state's name is the state: سوريا is
     * Syria before it is "Syrian" in the accusative */
    const lexicon_entry *adjective = NULL;
    if (m->has_article || (inside_phrase && m->entries[0].kind != LEX_COUNTRY))
        adjective = reading_of_kind(m, LEX_DEMONYM);
    return adjective ? adjective : &m->entries[m->place_entry];
}

void country_tally_add(country_tally *t, const char *code)
{
    size_t k = 0;
    while (k < t->used && strcmp(t->states[k].code, code) != 0)
        k++;
    if (k == t->used) {
        if (t->used == sizeof t->states / sizeof t->states[0])
            return;
        memcpy(t->states[k].code, code, sizeof t->states[k].code);
        t->states[t->used++].mentions = 0;
    }
    t->states[k].mentions++;
}

int country_tally_mentions(const country_tally *t, const char *code)
{
    for (size_t k = 0; k < t->used; k++)
        if (strcmp(t->states[k].code, code) == 0)
            return t->states[k].mentions;
    return 0;
}

const char *country_tally_most(const country_tally *t)
{
    const char *most = "";
    int best = 0;
    for (size_t k = 0; k < t->used; k++)
        if (t->states[k].mentions > best) {
            best = t->states[k].mentions;
            most = t->states[k].code;
        }
    return most;
}

static bool is_shared_place_name(const lexicon_match *m)
{
    if (m->entries[0].kind != LEX_PLACE)
        return false;
    for (uint32_t i = 1; i < m->entry_count; i++)
        if (m->entries[i].kind == LEX_PLACE && strcmp(m->entries[i].country, m->entries[0].country) != 0)
            return true;
    return false;
}

/* "البيضاء" is a city of Libya and one of Yemen: in an article about Yemen
 * it is Yemen's.  A place name several states share is read as the
 * lexicon's first (the larger place) unless the article never names that
 * state; then as the place of the state it names most, twice or more. */
static void choose_shared_places(lexicon_matches *matches)
{
    /* the states named by readings with one state only (a country, capital,
     * people, armed group or party, or a place no other state shares) */
    country_tally tally = {.used = 0};
    for (size_t i = 0; i < matches->count; i++) {
        const lexicon_match *m = &matches->items[i];
        const lexicon_entry *e = &m->entries[0];
        bool one_state = e->kind == LEX_COUNTRY || e->kind == LEX_CAPITAL || e->kind == LEX_DEMONYM ||
                         e->kind == LEX_GROUP || (e->kind == LEX_PLACE && !is_shared_place_name(m));
        if (one_state && e->country[0])
            country_tally_add(&tally, e->country);
    }
    for (size_t i = 0; i < matches->count; i++) {
        lexicon_match *m = &matches->items[i];
        if (!is_shared_place_name(m))
            continue;
        /* the lexicon's first reading stands while the article names its state,
         * and another needs more than a passing mention ("لاعب لوس أنجلوس
         * الأميركي ومانشستر يونايتد") */
        if (country_tally_mentions(&tally, m->entries[0].country) > 0)
            continue;
        int best = 1;
        for (uint32_t k = 1; k < m->entry_count; k++) {
            int mentions = country_tally_mentions(&tally, m->entries[k].country);
            if (m->entries[k].kind == LEX_PLACE && mentions > best) {
                best = mentions;
                m->place_entry = k;
            }
        }
    }
}

static bool key_starts_with(const token_list *tokens, size_t i, const char *prefix)
{
    const token *t = &tokens->tokens[i];
    size_t n = strlen(prefix);
    return t->key_len >= n && memcmp(token_key(tokens, t), prefix, n) == 0;
}

/* Small towns whose names are also common words (تولي "gives") are only
 * believed after a word that announces a place; no town is believed with
 * an article its name has not. */
static const char *const each_of[] = {"كل", "من"};
static const char *const place_cues[] = {"في", "مدينه", "بلده", "قريه", "منطقه", "محافظه", "ولايه", "اقليم", "بلدات", "قري", "مخيم", "معبر", "قضاء", "ناحيه", "مديريه", "حي"};
#define TRUSTED_POPULATION 100000

/* Words that announce a state whose name is also a common word (مالي
 * "financial"): "حكومة مالي", "مع مالي", and the place prepositions. */
static const char *const state_cues[] = {"حكومه", "رئيس", "رئيسه", "دوله", "جمهوريه", "جيش", "قوات", "سلطات", "شعب",
                                         "حدود", "وزير", "مع", "عن", "بلاده", "لدي"};

static bool is_state_or_place(const lexicon_match *m)
{
    const lexicon_entry *e = &m->entries[m->place_entry];
    return (e->kind == LEX_COUNTRY && e->subkind != COUNTRY_HOMOGRAPH) || e->kind == LEX_CAPITAL ||
           e->kind == LEX_PLACE;
}

/* Is token i the one character c (a punctuation mark)? */
static bool token_is(const char *text, const token_list *tokens, size_t i, char c)
{
    const token *t = &tokens->tokens[i];
    return t->end == t->start + 1 && text[t->start] == c;
}

/* Is matches[i], a state whose name is also a common word, the state
 * here?  Yes after a word that announces one, with ب or ل in front
 * ("بمالي"), or joined by و to a state beside it ("النيجر ومالي", "مالي
 * والنيجر"); "دعم سياسي ومالي" and "مبلغ مالي" are money. */

static bool state_is_announced(const char *text, const token_list *tokens, const lexicon_match *matches,
                               size_t count, size_t i)
{
    const lexicon_match *m = &matches[i];
    size_t first = m->first_token, after = first + m->token_count;
    if (m->has_preposition)
        return true;
    /* a headline or dateline that opens with the state: "مالي: ..." */
    bool opens_sentence = first == 0 || (tokens->tokens[first - 1].flags & TOKEN_ENDS_SENTENCE);
    if (opens_sentence && after < tokens->count && token_is(text, tokens, after, ':'))
        return true;
    size_t before = first;
    if (before > 0 && token_is(text, tokens, before - 1, '#'))   /* "في #مالي" */
        before--;
    if (before > 0 && (key_is(tokens, before - 1, state_cues, sizeof state_cues / sizeof state_cues[0]) ||
                       key_is(tokens, before - 1, place_prepositions,
                              sizeof place_prepositions / sizeof place_prepositions[0])))
        return true;
    if (m->has_conjunction && i > 0 && matches[i - 1].first_token + matches[i - 1].token_count == first &&
        is_state_or_place(&matches[i - 1]))
        return true;
    return i + 1 < count && matches[i + 1].first_token == after && matches[i + 1].has_conjunction &&
           is_state_or_place(&matches[i + 1]);
}

static bool believable(const char *text, const token_list *tokens, const lexicon_match *matches, size_t count,
                       size_t i)
{
    const lexicon_match *m = &matches[i];
    const lexicon_entry *e = &m->entries[m->place_entry];
    if (e->kind == LEX_COUNTRY && e->subkind == COUNTRY_HOMOGRAPH && !state_is_announced(text, tokens, matches, count, i))
        return false;
    bool needs_cue = e->kind == LEX_PLACE && e->subkind == PLACE_HOMOGRAPH;
    /* a town or state the tables name without the article is a common
     * word when the text gives it one: الصور ("the pictures") is not صور
     * (Tyre), المالي ("financial") is not مالي (Mali) */
    if ((e->kind == LEX_PLACE || e->kind == LEX_COUNTRY) && m->has_article &&
        key_starts_with(tokens, m->first_token, "ال") && !reading_of_kind(m, LEX_DEMONYM))
        return false;
    if (!needs_cue &&
        (e->kind != LEX_PLACE || m->token_count > 1 || e->population == 0 || e->population >= TRUSTED_POPULATION ||
         e->subkind == PLACE_CURATED))
        return true;
    return m->first_token > 0 && key_is(tokens, m->first_token - 1, place_cues, sizeof place_cues / sizeof place_cues[0]);
}

/* Fills an empty code field (the first part of a phrase that knows wins). */
static void set_code(char *dst, size_t size, const char *src)
{
    if (dst[0] != '\0' || src[0] == '\0')
        return;
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* A nationality in the masculine plural with the article (اليونانيون،
 * الإيرانيين) names people, not a quality of something. */
static bool names_people(const token_list *tokens, const lexicon_match *m)
{
    const token *t = &tokens->tokens[m->first_token + m->token_count - 1];
    const char *k = token_key(tokens, t);
    size_t n = t->key_len;
    bool plural = n > 8 && (memcmp(k + n - 4, "ون", 4) == 0 || memcmp(k + n - 4, "ين", 4) == 0);
    return plural && m->has_article;
}

static bool nationality_denied(const token_list *tokens, const lexicon_match *m, size_t count);

/* Builds one actor from matches [first, last]. */
static void code_chain(const lexicon *lex, const token_list *tokens, const lexicon_match *m,
                       size_t count, uint32_t date, actor_list *out)
{
    actor a;
    memset(&a, 0, sizeof a);
    a.lat = a.lon = NAN;
    a.start = m[0].text_start;
    a.end = m[count - 1].end;
    a.first_token = m[0].first_token;
    a.token_count = m[count - 1].first_token + m[count - 1].token_count - m[0].first_token;
    char head_sector[4] = "", fallback_sector[4] = "", qualifier_sector[4] = "";
    bool transparent = false, has_name = false, has_institution = false, only_states = true, has_place = false;
    entity_type type = ENTITY_NONE;

    for (size_t k = 0; k < count; k++) {
        const lexicon_entry *e = head_entry(&m[k], k > 0);
        uint32_t start = m[k].text_start, end = m[k].end;
        if (e->kind != LEX_COUNTRY && e->kind != LEX_CAPITAL && e->kind != LEX_PLACE)
            only_states = false;
        switch ((lexicon_kind)e->kind) {
        case LEX_PERSON: {
            const lexicon_role *role = lexicon_person_role(lex, e->person, date);
            if (role) {
                set_code(a.country, sizeof a.country, role->country);
                set_code(fallback_sector, sizeof fallback_sector, role->sector);
                if (!a.org[0])
                    set_code(a.org, sizeof a.org, role->org);
            }
            add_entity(out, start, end, ENTITY_PER, role ? role->country : "", e);
            type = ENTITY_PER;
            has_name = true;
            break;
        }
        case LEX_IGO:
            /* in apposition the later, more specific name wins (UN → UNICEF) */
            memcpy(a.org, e->org, sizeof a.org);
            set_code(fallback_sector, sizeof fallback_sector, e->sector);
            add_entity(out, start, end, ENTITY_ORG, "", e);
            if (type == ENTITY_NONE)
                type = ENTITY_ORG;
            has_name = true;
            break;
        case LEX_GROUP:
        case LEX_MEDIA:
            set_code(a.country, sizeof a.country, e->country);
            set_code(fallback_sector, sizeof fallback_sector, e->sector);
            add_entity(out, start, end, ENTITY_ORG, e->country, e);
            if (type == ENTITY_NONE)
                type = ENTITY_ORG;
            has_name = true;
            break;
        case LEX_COUNTRY:
        case LEX_CAPITAL:
            set_code(a.country, sizeof a.country, e->country);
            add_entity(out, start, end, ENTITY_LOC, e->country, e);
            if (isnan(a.lat) && !isnan(e->lat)) {
                a.lat = e->lat;
                a.lon = e->lon;
            }
            break;
        case LEX_PLACE:
            set_code(a.country, sizeof a.country, e->country);
            add_entity(out, start, end, ENTITY_LOC, e->country, e);
            if (isnan(a.lat)) {
                a.lat = e->lat;
                a.lon = e->lon;
            }
            has_place = true;
            break;
        case LEX_DEMONYM:
            set_code(a.country, sizeof a.country, e->country);
            break;
        case LEX_SECTOR:
            if (e->subkind == SECTOR_QUALIFIER) {
                set_code(qualifier_sector, sizeof qualifier_sector, e->sector);
            } else if (head_sector[0] == '\0' && !transparent) {
                if (e->subkind == SECTOR_TITLE && is_transparent_title(lex, e))
                    transparent = true;       /* the next sector word decides */
                else
                    set_code(head_sector, sizeof head_sector, e->sector);
            }
            if (e->subkind == SECTOR_INSTITUTION)
                has_institution = true;
            if (transparent && head_sector[0] == '\0' && e->subkind != SECTOR_TITLE)
                set_code(head_sector, sizeof head_sector, e->sector);
            break;
        case LEX_TRIGGER:
        case LEX_CUE:
        case LEX_KIND_COUNT:
            break;
        }
    }
    if (transparent && head_sector[0] == '\0')
        snprintf(head_sector, sizeof head_sector, "GOV");
    set_code(a.sector, sizeof a.sector, head_sector);
    set_code(a.sector, sizeof a.sector, fallback_sector);
    set_code(a.sector, sizeof a.sector, qualifier_sector);

    if (only_states) {
        /* A bare country, capital or place: a location after a preposition
         * of place, else the state it stands for. */
        bool after_preposition = (m[0].first_token > 0 && key_is(tokens, m[0].first_token - 1, place_prepositions,
                                                                 sizeof place_prepositions / sizeof place_prepositions[0])) ||
                                 m[0].has_preposition;
        /* "كل من الولايات المتحدة وبريطانيا": "each of", a list of parties */
        if (after_preposition && m[0].first_token > 1 && key_is(tokens, m[0].first_token - 1, each_of + 1, 1) &&
            key_is(tokens, m[0].first_token - 2, each_of, 1))
            after_preposition = false;
        /* "بين أرمينيا وأذربيجان": a state joined by و to a location is one too */
        const actor *previous = out->actor_count ? &out->actors[out->actor_count - 1] : NULL;
        bool joined_to_location = m[0].has_conjunction && previous && previous->is_location &&
                                  previous->first_token + previous->token_count == m[0].first_token;
        if (has_place || after_preposition || joined_to_location) {
            a.is_location = true;
        } else {
            a.is_state_metonym = true;
            snprintf(a.sector, sizeof a.sector, "GOV");
        }
        type = ENTITY_LOC;
    } else if (has_institution && !has_name && a.country[0]) {
        /* "وزارة الدفاع الأرمينية": an organisation named by its parts */
        add_entity(out, a.start, a.end, ENTITY_ORG, a.country, NULL);
        type = ENTITY_ORG;
    }
    if (nationality_denied(tokens, m, count))
        a.country[0] = '\0';
    a.type = (uint8_t)type;
    a.is_adjective = a.country[0] && !a.sector[0] && type == ENTITY_NONE;
    if (a.is_adjective && count == 1 && names_people(tokens, &m[0])) {
        /* "اشتبك عشرات اليونانيين": a plural nationality is its people */
        a.is_adjective = false;
        memcpy(a.sector, "CVL", 4);
    }
    grow_array((void **)&out->actors, &out->actor_cap, out->actor_count + 1, sizeof *out->actors);
    out->actors[out->actor_count++] = a;
}

/* The next match continues the phrase: right after it, or after one
 * unmatched adjective between a sector word and a nationality
 * ("مقاتلات حربية روسية"، "القوات الخاصة الأمريكية"). */
static bool follows(const token_list *tokens, const lexicon_match *previous, const lexicon_match *next, bool inside)
{
    size_t end = previous->first_token + previous->token_count;
    if (next->first_token == end)
        return true;
    /* "#الحكومة_الألمانية": a hashtag joins the words of one name by _ */
    const token *between = &tokens->tokens[end];
    if (next->first_token == end + 1 && between->kind == TOKEN_PUNCT && between->key_len == 1 &&
        token_key(tokens, between)[0] == '_')
        return true;
    const lexicon_entry *p = head_entry(previous, inside), *x = head_entry(next, true);
    return next->first_token == end + 1 && p->kind == LEX_SECTOR && x->kind == LEX_DEMONYM &&
           tokens->tokens[end].kind == TOKEN_WORD && !(tokens->tokens[end].flags & TOKEN_ENDS_SENTENCE) &&
           !next->has_conjunction;
}

/* "القوات غير السورية": forces that are not Syrian are nobody's in particular. */
static bool nationality_denied(const token_list *tokens, const lexicon_match *m, size_t count)
{
    for (size_t k = 1; k < count; k++)
        if (m[k].first_token > 0 && key_is(tokens, m[k].first_token - 1, (const char *const[]){"غير"}, 1))
            return true;
    return false;
}

/* Event words and cues share the lexicon but name no one. */
static bool names_someone(const lexicon_match *m)
{
    return m->entries[0].kind < LEX_TRIGGER;
}

/* Two names of states or two people side by side are two actors
 * (واتهمت واشنطن طهران), though a demonym may follow a name. */
static bool starts_another_actor(const lexicon_match *first, const lexicon_match *next)
{
    const lexicon_entry *head = head_entry(next, true);
    lexicon_kind kind = (lexicon_kind)head->kind;
    bool next_is_state = kind == LEX_COUNTRY || kind == LEX_CAPITAL || kind == LEX_GROUP || kind == LEX_IGO;
    bool next_is_person = kind == LEX_PERSON;
    /* a sector word opens a phrase: after a name it is someone else
     * ("واتهم العراق جماعات مسلحة") */
    bool next_is_sector = kind == LEX_SECTOR && head->subkind != SECTOR_QUALIFIER;
    for (const lexicon_match *m = first; m < next; m++) {
        const lexicon_entry *e = head_entry(m, m > first);
        lexicon_kind k = (lexicon_kind)e->kind;
        /* an organisation named twice in apposition is one actor:
         * "منظمة الأمم المتحدة للطفولة اليونيسيف" */
        if (k == LEX_IGO && kind == LEX_IGO)
            continue;
        bool named = k == LEX_COUNTRY || k == LEX_CAPITAL || k == LEX_PERSON || k == LEX_GROUP || k == LEX_IGO ||
                     k == LEX_MEDIA;
        if ((next_is_state || next_is_sector) && named)
            return true;
        /* a nationality has said whose the actor is: "دعت وزيرة الخارجية
         * السويدية إسرائيل" names Israel apart */
        if (next_is_state && k == LEX_DEMONYM)
            return true;
        if (next_is_person && k == LEX_PERSON)
            return true;
    }
    return false;
}

/* An article that opens with "PLACE[، PLACE] (SOURCE) -" has a dateline:
 * where it was written, not who acts or where things happened.  Returns
 * the token after the dash, or 0 when there is none. */
static size_t dateline_end(const char *text, const token_list *tokens)
{
    if (tokens->sentence_count == 0)
        return 0;
    size_t end = tokens->sentences[0].first_token + tokens->sentences[0].token_count;
    bool closed_bracket = false;
    for (size_t i = 0; i < end && i < 16; i++) {
        const token *t = &tokens->tokens[i];
        if (t->kind != TOKEN_PUNCT)
            continue;
        const char *p = text + t->start;
        if (*p == ')')
            closed_bracket = true;
        size_t n = t->end - t->start;
        bool dash = *p == '-' || (n == 3 && (memcmp(p, "\xE2\x80\x93", 3) == 0 || memcmp(p, "\xE2\x80\x94", 3) == 0));
        if (dash && closed_bracket)
            return i + 1;
    }
    return 0;
}

static void mark_dateline(const char *text, const token_list *tokens, actor_list *out)
{
    size_t end = dateline_end(text, tokens);
    for (size_t i = 0; i < out->actor_count && out->actors[i].first_token < end; i++) {
        out->actors[i].is_dateline = true;
        out->actors[i].is_location = true;
        out->actors[i].is_state_metonym = false;
    }
}

/* "قصفت الطائرات التركية عفرين": a town right after a nationality is the
 * object of the sentence, not part of the name before it (a title before
 * a town is: محافظ البصرة). */
static bool place_after_a_nationality(const lexicon_match *before, const lexicon_match *m, bool before_in_chain)
{
    return head_entry(m, true)->kind == LEX_PLACE && head_entry(before, before_in_chain)->kind == LEX_DEMONYM;
}

void code_actors(const lexicon *lex, const char *text, const token_list *tokens, uint32_t date, actor_list *out)
{
    out->entity_count = 0;
    out->actor_count = 0;
    lexicon_match_tokens(lex, text, tokens, &out->matches);
    choose_shared_places(&out->matches);
    const lexicon_match *m = out->matches.items;
    size_t n = out->matches.count;
    for (size_t i = 0; i < n;) {
        if (!names_someone(&m[i]) || !believable(text, tokens, m, n, i)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        /* extend while the next match follows at once, without a conjunction,
         * within the sentence */
        while (j < n && follows(tokens, &m[j - 1], &m[j], j - 1 > i) &&
               !m[j].has_conjunction && !m[j].has_preposition && !starts_another_actor(&m[i], &m[j]) &&
               !(tokens->tokens[m[j - 1].first_token + m[j - 1].token_count - 1].flags & TOKEN_ENDS_SENTENCE) &&
               names_someone(&m[j]) && believable(text, tokens, m, n, j) &&
               !(head_entry(&m[j], true)->kind == LEX_PLACE && head_entry(&m[j - 1], j - 1 > i)->kind == LEX_PLACE) &&
               !place_after_a_nationality(&m[j - 1], &m[j], j - 1 > i))
            j++;
        code_chain(lex, tokens, &m[i], j - i, date, out);
        i = j;
    }
    mark_dateline(text, tokens, out);
}

void actor_list_free(actor_list *list)
{
    free(list->entities);
    free(list->actors);
    lexicon_matches_free(&list->matches);
    memset(list, 0, sizeof *list);
}
