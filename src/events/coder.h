/*
 * coder.h — what the parts of the event coder share (internal to
 * src/events/; events.h is the stage's interface).
 *
 * code_events() (events.c) walks an article sentence by sentence and, for
 * each trigger, asks the parts in turn:
 *   triggers.c    which lexicon matches are usable triggers, and the clause around one;
 *   subjects.c    who did it (subject, speaker, agent after a noun);
 *   recipients.c  to whom (the parties after it, the ones asked, accused, present);
 *   parties.c     what a party is (state, organisation, the state a sector-only actor belongs to);
 *   modality.c    whether it happened (future, negated, hypothetical, historical);
 *   figures.c     how many were killed, hurt or arrested, and which attack they belong to;
 *   merge.c       after the article: duplicates merged, condemnations aimed at the attacker.
 * The words these rules read are in data/function_words.tsv (function_words.h).
 */
#ifndef MARSAD_CODER_H
#define MARSAD_CODER_H

#include <stdbool.h>
#include <stdint.h>

#include "events.h"
#include "function_words.h"

/* What the coder knows of one article while it works. */
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
    int tells_of_violence;          /* it names an attack, a weapon or armed men: 1, 0, or -1 not yet read */
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
    bool sentence_is_disaster;      /* it tells of dead or injured and names a quake, flood, fire ... */
    bool sentence_is_a_game;        /* it names a match, league or coach, and no dead or injured */
} article;

/* The sentence being coded. */
typedef struct {
    size_t first, end;          /* token range of the sentence */
    size_t first_actor, end_actor;   /* actors inside it */
    size_t first_match, end_match;   /* lexicon matches inside it */
    uint32_t date;              /* the date it names (resolve_sentence_date), 0 if none */
    int earliest_year;          /* the earliest year it names, 0 if none */
} sentence_view;

static inline size_t actor_end_token(const actor *x)
{
    return x->first_token + x->token_count;
}

/* The match's cue of this kind, or NULL. */
static inline const lexicon_entry *cue_of(const lexicon_match *m, cue_kind kind)
{
    for (uint32_t i = 0; i < m->entry_count; i++)
        if (m->entries[i].kind == LEX_CUE && m->entries[i].subkind == kind)
            return &m->entries[i];
    return NULL;
}

/* Does the entry say a figure beside it counts dead, injured or arrested? */
static inline bool is_casualty_cue(const lexicon_entry *e)
{
    return e->kind == LEX_CUE && (e->subkind == CUE_DEAD || e->subkind == CUE_DIED || e->subkind == CUE_INJURED ||
                                  e->subkind == CUE_ARRESTED);
}

/* Does the match tell of dead or injured (قتل، وفاة، أصيب), not of arrests? */
static inline bool tells_of_dead_or_injured(const lexicon_match *m)
{
    return cue_of(m, CUE_DEAD) || cue_of(m, CUE_DIED) || cue_of(m, CUE_INJURED);
}

/* Does the match (or NULL) hold such a word: قتل، مقتل، أصيب، اعتقال? */
static inline bool counts_casualties(const lexicon_match *m)
{
    for (uint32_t i = 0; m && i < m->entry_count; i++)
        if (is_casualty_cue(&m->entries[i]))
            return true;
    return false;
}

/* triggers.c */
const lexicon_entry *usable_trigger(const article *a, const sentence_view *s, const lexicon_match *m);
const lexicon_entry *governing_trigger(const article *a, const sentence_view *s, size_t ti);
bool is_verbal(event_type t);
bool is_trigger_of(const lexicon_match *m, event_type type);
size_t clause_start(const article *a, const sentence_view *s, size_t ti);
const lexicon_match *match_at(const article *a, size_t first_token);
size_t first_match_from(const article *a, const sentence_view *s, size_t from_token);
size_t reach_back(const article *a, size_t ti, size_t reach);
const char *key_after_conjunction(const article *a, const lexicon_match *m, size_t *len);
size_t token_holding(const token_list *tokens, uint32_t at);
bool declines_to_comment(const article *a, const sentence_view *s, const lexicon_match *m);
bool is_a_disaster(const article *a, const sentence_view *s);
bool tells_of_violence(article *a);
bool is_about_a_game(const article *a, const sentence_view *s);

/* parties.c */
bool names_a_party(const actor *a);
bool is_armed_group(const actor *a);
event_party party_from(const actor *a);
bool same_party(const event_party *x, const event_party *y);
const char *code_of(const char *country, const char *org);
void find_focus_country(article *a);
void find_coalition_leader(article *a);
void resolve_sector_only(const article *a, size_t actor_index, event_party *p);
void resolve_sector_only_or(const article *a, size_t actor_index, event_party *p, const char *fallback);
bool last_two_parties(const article *a, size_t before_token, event_party *p1, event_party *p2);
const actor *sentence_location(const article *a, const sentence_view *s);

/* subjects.c */
size_t find_subject(const article *a, const sentence_view *s, size_t ti, size_t t_end, trigger_pos pos,
                    event_type type);
size_t find_speaker(const article *a, const sentence_view *s, size_t before_token);
size_t agent_after(const article *a, const sentence_view *s, size_t ti, size_t t_end);
size_t party_exposed_to(const article *a, const sentence_view *s, size_t ti);
size_t whose_fire(const article *a, const sentence_view *s, size_t t_end);
bool is_indefinite_accusative(const article *a, const lexicon_match *m);
bool object_follows(const article *a, const lexicon_match *m);
bool introduced_by_preposition(const article *a, const actor *x);
bool located_with_fi(const article *a, const actor *x);
bool names_its_victim(const article *a, size_t ti);
bool has_plural_subject(const article *a, size_t ti);
bool unknown_subject_before(const article *a, const sentence_view *s, size_t ti);
bool unknown_subject_after(const article *a, const sentence_view *s, size_t t_end);

/* recipients.c */
size_t find_recipients(const article *a, const sentence_view *s, size_t t_end, size_t subject, event_type type,
                       size_t *out, size_t max);
bool only_other_state_in_sentence(const article *a, const sentence_view *s, const event *e, event_party *out);
size_t listed_before(const article *a, const sentence_view *s, size_t subject, size_t *out, size_t max);
bool accused_of_what_follows(const article *a, size_t i);
size_t hand_that_did_it(const article *a, const sentence_view *s, size_t t_end);
size_t drop_victims(const article *a, size_t *recipients, size_t n);
size_t drop_parties_of_the_act_asked_for(const article *a, size_t t_end, size_t *recipients, size_t n);
size_t attendees_of(const article *a, const sentence_view *s, size_t t_end, size_t *out, size_t max);

/* modality.c */
modality modality_for(const article *a, const sentence_view *s, size_t ti, const lexicon_match *trigger_match,
                      event_type type, int *named_year);

/* figures.c */
void count_casualties(const article *a, const sentence_view *s, int64_t *dead, int64_t *injured, int64_t *arrested);
void sentence_casualties(article *a, const sentence_view *s, int64_t *dead, int64_t *injured, int64_t *arrested);
void give_counts_to_an_assault(article *a, int64_t dead, int64_t injured);
void give_counts_to_last_assault(article *a, const event *orphan);
bool has_asserted_assault(const article *a);
void keep_orphan_figures(article *a, const sentence_view *s, uint32_t sentence_index, int64_t dead, int64_t injured);

/* merge.c */
void merge_duplicates(event_list *list, size_t from);
void absorb_unattributed_assaults(event_list *list);
void blame_the_perpetrator(article *a, size_t first_event);
void blame_the_attacker_named_elsewhere(article *a);

/* events.c */
event blank_event_at(const lexicon_match *m, event_type type, const char *mode, uint32_t sentence_index);

#endif
