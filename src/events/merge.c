/*
 * merge.c — what is done once the whole article is coded: events with one
 * CODEBOOK key merged, attacks told without their author folded into the
 * one that names it, and condemnations aimed at the attacker.
 */
#include "coder.h"

#include <stdio.h>
#include <string.h>

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

void merge_duplicates(event_list *list, size_t from)
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
void absorb_unattributed_assaults(event_list *list)
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
void blame_the_perpetrator(article *a, size_t first_event)
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
void blame_the_attacker_named_elsewhere(article *a)
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
