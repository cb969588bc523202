/*
 * figures.c — how many were killed, hurt or arrested, and which attack the
 * figures belong to.
 *
 * A figure is read next to a casualty word (data/casualty_words.tsv); a
 * sentence's figures go to the last attack named before them, figures told
 * apart from any attack wait for the next one, and figures no attack takes
 * become an attack by an unnamed hand.
 */
#include "coder.h"

#include <math.h>
#include <string.h>

#include "numbers.h"

/* Does the match count casualties with a figure that may follow it (قتل 3،
 * not 3 قتلى)? */
static bool takes_a_figure_after(const lexicon_match *m)
{
    for (uint32_t i = 0; m && i < m->entry_count; i++) {
        const lexicon_entry *e = &m->entries[i];
        if (is_casualty_cue(e) && e->cue_scope != CASUALTY_AFTER_FIGURE)
            return true;
    }
    return false;
}

/* A number that is no age, time, year or score: not "(29 عاما)", "عام 2016",
 * "في 2015", "43 هدفا", "الدقيقة 25". */
static bool counts_people(const article *a, const parsed_number *n)
{
    size_t after = n->first_token + n->token_count;
    if (after < a->tokens->count && (key_in(a->tokens, after, &time_units) || key_in(a->tokens, after, &counted_things)))
        return false;
    if (n->first_token > 0 && (key_in(a->tokens, n->first_token - 1, &year_words) ||
                               key_in(a->tokens, n->first_token - 1, &numbered_by)))
        return false;
    /* "حتى وفاته في 2014": a year written alone after في or منذ */
    bool looks_like_a_year = !(n->flags & NUMBER_SPELLED) && n->token_count == 1 && n->value >= 1900 &&
                             n->value <= 2100 && n->value == (double)(int)n->value;
    return !(looks_like_a_year && n->first_token > 0 && key_in(a->tokens, n->first_token - 1, &before_a_year));
}

/* Does a casualty word that takes its figure after it (قتل، أصيب) stand one
 * or two words before the figure? */
static bool told_of_the_word_before(const article *a, const sentence_view *s, const parsed_number *n)
{
    for (size_t back = 1; back <= 2 && n->first_token >= s->first + back; back++)
        if (takes_a_figure_after(match_at(a, n->first_token - back)))
            return true;
    return false;
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
static bool counts_the_attacker_too(const article *a, const sentence_view *s)
{
    for (size_t i = s->first; i + 2 < s->end; i++) {
        if (!key_in(a->tokens, i, &in_addition))
            continue;
        if (!key_is(a->tokens, i + 1, "الي"))
            continue;
        size_t j = i + 2;
        if (key_is(a->tokens, j, "مقتل"))
            j++;
        return j < s->end && key_in(a->tokens, j, &attacker_words);
    }
    return false;
}

/* Casualty figures of a sentence: the first figure next to each kind of
 * casualty word, and where the first figure's word stands (SIZE_MAX for none). */
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
            if (!is_casualty_cue(cue))
                continue;
            bool died = cue->subkind == CUE_DEAD || cue->subkind == CUE_DIED;
            int64_t *slot = died ? dead : cue->subkind == CUE_INJURED ? injured : arrested;
            if (*slot != NO_COUNT)
                continue;
            parsed_number n;
            bool found = false;
            /* the figure before the word: "30 ألف قتيل", "49 جنديا قتلوا",
             * "20 مدنيا على الأقل قتلوا" (up to three words between) */
            if (cue->cue_scope != CASUALTY_BEFORE_FIGURE)
                for (size_t back = 1; back <= 4 && !found && m->first_token >= s->first + back; back++) {
                    size_t start = m->first_token - back;
                    if (counts_casualties(match_at(a, start)))
                        break;
                    /* start of the figure: walk back over a spelled figure */
                    if (parse_number_at(a->tokens, start, &n) && counts_people(a, &n) &&
                        n.first_token + n.token_count + 3 >= m->first_token &&
                        n.first_token + n.token_count <= m->first_token) {
                        /* prefer the longest figure ending here: "30 ألف" over "ألف" */
                        size_t earlier = start;
                        parsed_number better;
                        while (earlier > s->first && parse_number_at(a->tokens, earlier - 1, &better) &&
                               better.first_token + better.token_count >= n.first_token + n.token_count) {
                            n = better;
                            earlier--;
                        }
                        /* "قتل رجل واحد وأصيب 6": a figure right after another
                         * casualty word is that word's */
                        if (told_of_the_word_before(a, s, &n))
                            break;
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
                    /* not past another casualty word ("قتل رجل وأصيب 6"), unless
                     * the two share the figure ("قتل وأصيب العشرات") */
                    if (start >= s->end || (ahead > 1 && counts_casualties(match_at(a, start))))
                        break;
                    if (parse_number_at(a->tokens, start, &n) && counts_people(a, &n))
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

/* The same, when where they stand does not matter. */
void count_casualties(const article *a, const sentence_view *s, int64_t *dead, int64_t *injured, int64_t *arrested)
{
    size_t at;
    count_casualties_at(a, s, dead, injured, arrested, &at);
}


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

/* count_casualties() once per sentence, for all of its triggers. */
void sentence_casualties(article *a, const sentence_view *s, int64_t *dead, int64_t *injured, int64_t *arrested)
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

/* Casualty figures reported apart from the attack they belong to ("49
 * جنديا قتلوا" a sentence after "هاجمت باكو"): they go to the last attack
 * coded, or wait for the next one. */
void give_counts_to_an_assault(article *a, int64_t dead, int64_t injured)
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

bool has_asserted_assault(const article *a)
{
    for (size_t i = 0; i < a->out->count; i++)
        if (a->out->items[i].type == EVENT_ASSAULT && a->out->items[i].modality == MODALITY_ASSERTED)
            return true;
    return false;
}

void give_counts_to_last_assault(article *a, const event *orphan)
{
    if (orphan->type == EVENT_ASSAULT && orphan->modality == MODALITY_ASSERTED)
        give_counts_to_an_assault(a, orphan->dead, orphan->injured);
}

/* Keeps the figures of a sentence that names no attack ("إن ما لا يقل عن 42
 * قتيلا كانوا من الأطفال في صعدة") as an attack by an unnamed hand on the
 * place it names, coded at the end if no attack in the article takes them.
 * Its trigger is the casualty word; a word of dying alone (وفاة، توفي:
 * CUE_DIED) makes no attack. */
void keep_orphan_figures(article *a, const sentence_view *s, uint32_t sentence_index, int64_t dead,
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
