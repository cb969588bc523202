/*
 * actors.h — who is who: lexicon matches combined into actors and entities.
 *
 * Adjacent matches form one actor phrase, read left to right the way Arabic
 * builds them: a sector word, then what it belongs to, then a name.
 *   وزارة الدفاع الأرمينية            → ARM / MIL
 *   رئيس الحكومة الأرمينية نيكول باشينيان → ARM / GOV (the person's role agrees)
 *   المتحدث باسم الخارجية الإيرانية      → IRN / GOV ("spokesman of" takes the sector of what follows)
 *   قوات النظام السوري                 → SYR / MIL (the head noun decides the sector)
 *   قوات باكو                         → AZE / MIL (a capital stands for its state)
 * A conjunction starts a new actor (بوتين وماكرون are two).  A country or
 * capital on its own is a state actor (GOV), except after a preposition of
 * place (في باكو), where it is only a location.
 */
#ifndef MARSAD_ACTORS_H
#define MARSAD_ACTORS_H

#include <stdbool.h>
#include <stdint.h>

#include "lexicon.h"
#include "tokenize.h"

typedef enum { ENTITY_NONE, ENTITY_PER, ENTITY_LOC, ENTITY_ORG, ENTITY_MISC } entity_type;

/* Where an entity comes from: a lexicon match, or the NER tagger (ner_fuse.h). */
typedef enum { ENTITY_FROM_LEXICON, ENTITY_FROM_NER } entity_origin;

/* "lexicon" or "ner", as JSON output and the database write it. */
static inline const char *entity_origin_name(entity_origin origin)
{
    return origin == ENTITY_FROM_NER ? "ner" : "lexicon";
}

typedef struct {
    uint32_t start, end;          /* byte span in the text */
    uint8_t type;                 /* entity_type */
    uint8_t origin;               /* entity_origin */
    char country[4];
    const lexicon_entry *entry;   /* the lexicon entry behind it */
} entity;

typedef struct {
    uint32_t start, end;          /* byte span of the whole actor phrase */
    uint32_t first_token, token_count;
    char country[4];
    char sector[4];
    char org[12];
    bool is_location;             /* a place, or a state named after a preposition of place */
    bool is_state_metonym;        /* a country or capital standing for its government */
    bool is_adjective;            /* only a nationality adjective: "بوساطة روسية" */
    bool is_dateline;             /* in the dateline: "دبي، الإمارات العربية المتحدة (CNN)--" */
    float lat, lon;               /* where it is, when it is a known place */
    uint8_t type;                 /* entity_type of its named part, or ENTITY_NONE */
} actor;

typedef struct {
    entity *entities;
    size_t entity_count, entity_cap;
    actor *actors;                /* in text order (by first_token) */
    size_t actor_count, actor_cap;
    lexicon_matches matches;
} actor_list;

/* Codes the actors and entities of a tokenised text.  date (YYYYMMDD, 0 if
 * unknown) chooses each person's role. */
void code_actors(const lexicon *lex, const char *text, const token_list *tokens, uint32_t date, actor_list *out);
void actor_list_free(actor_list *list);

/* How often an article names each state (ISO-3 codes; the first 64 states
 * counted, the rest ignored). */
typedef struct {
    struct { char code[4]; int mentions; } states[64];
    size_t used;
} country_tally;

void country_tally_add(country_tally *t, const char *code);
int country_tally_mentions(const country_tally *t, const char *code);
/* The state named most (the first one counted of equals), or "" for none. */
const char *country_tally_most(const country_tally *t);

const char *entity_type_name(entity_type type);

#endif
