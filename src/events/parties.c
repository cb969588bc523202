/*
 * parties.c — what a party to an event is: a state, an organisation, or
 * someone of a known state.
 *
 * Sector-only actors (الوزارة، الجيش) take their state from the last actor of
 * the same head word, the coalition's leader, the land rebels fight in, or
 * the state the article is most about.
 */
#include "coder.h"

#include <stdio.h>
#include <string.h>

/* A party to an event: a state, an IGO, or someone of a known state.  A
 * news agency is the source of the report, not a party to it. */
bool names_a_party(const actor *a)
{
    return (a->country[0] || a->org[0]) && strcmp(a->sector, "MED") != 0;
}

/* A group with no home state (داعش) fights where it is: it is a party,
 * and takes the country of the place or article (CODEBOOK §2). */
bool is_armed_group(const actor *a)
{
    return strcmp(a->sector, "INS") == 0 || strcmp(a->sector, "REB") == 0;
}

/* Words between a preposition and the party it introduces: "مع نظيره
 * الروسي" is still "with" the Russian. */
event_party party_from(const actor *a)
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
void find_focus_country(article *a)
{
    country_tally tally = {.used = 0};
    for (size_t i = 0; i < a->actors->actor_count; i++)
        if (a->actors->actors[i].country[0])
            country_tally_add(&tally, a->actors->actors[i].country);
    snprintf(a->focus_country, sizeof a->focus_country, "%s", country_tally_most(&tally));
}

/* "التحالف الذي تقوده السعودية"، "التحالف بقيادة واشنطن"، "تدخل السعودية على
 * رأس تحالف": the state that leads the coalition the article speaks of, so
 * that a bare "التحالف" later in it is that state's.  The first one named wins. */
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

void find_coalition_leader(article *a)
{
    a->coalition_leader[0] = '\0';
    const token_list *tokens = a->tokens;
    for (size_t i = 0; i < tokens->count; i++) {
        if (!key_in(tokens, i, &coalition_words))
            continue;
        const actor *leader = NULL;
        for (size_t j = i + 1; j < i + 5 && j < tokens->count && !leader; j++)
            if (key_in(tokens, j, &led_by))
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
void resolve_sector_only(const article *a, size_t actor_index, event_party *p)
{
    resolve_sector_only_or(a, actor_index, p, NULL);
}

/* The same, but an unnamed party acted upon by a state's people is of that
 * state before it is of the article's focus ("اشتبك اليونانيون مع الشرطة"). */
void resolve_sector_only_or(const article *a, size_t actor_index, event_party *p, const char *fallback)
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
    if (key_in(a->tokens, actor_end_token(self), &blocs))
        return;
    /* "قوات عاصفة الحزم بقيادة السعودية": forces led by a state are its */
    for (size_t i = actor_end_token(self); i < actor_end_token(self) + 3 && i < a->tokens->count; i++)
        if (key_in(a->tokens, i, &led_by)) {
            const actor *leader = actor_starting_within(a, i + 1, i + 2);
            if (leader) {
                memcpy(p->country, leader->country, 4);
                return;
            }
        }
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

bool same_party(const event_party *x, const event_party *y)
{
    return strcmp(x->country, y->country) == 0 && strcmp(x->org, y->org) == 0;
}

/* The last two distinct states named before token ti: "الطرفان". */
bool last_two_parties(const article *a, size_t before_token, event_party *p1, event_party *p2)
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

const actor *sentence_location(const article *a, const sentence_view *s)
{
    for (size_t k = s->first_actor; k < s->end_actor; k++)
        if (a->actors->actors[k].is_location && !a->actors->actors[k].is_dateline)
            return &a->actors->actors[k];
    return NULL;
}

/* Who a party is for the scorer: its state, else its organisation. */
const char *code_of(const char *country, const char *org)
{
    return country[0] ? country : org;
}
