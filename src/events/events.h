/*
 * events.h — the event coder: triggers, their actors and recipients,
 * modality, date, casualty counts and place, per CODEBOOK.md.
 *
 * Works sentence by sentence on what the earlier stages found: tokens,
 * lexicon matches (triggers and cues among them) and actors.  The rules
 * follow how Arabic news is written: verb-first (وقالت وزارة الدفاع ...),
 * subject-first (إن باكو هاجمت ...), nominal triggers with "بين X و Y",
 * "مع X", "على X", reported speech whose speaker is the accuser or the
 * one who asks, coordination (one event per party), and symmetric wording
 * coded both ways.
 */
#ifndef MARSAD_EVENTS_H
#define MARSAD_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "actors.h"
#include "lexicon.h"
#include "tokenize.h"

typedef enum { MODALITY_ASSERTED, MODALITY_HISTORICAL, MODALITY_FUTURE, MODALITY_HYPOTHETICAL, MODALITY_NEGATED } modality;

#define NO_COUNT (-1)

typedef struct {
    bool present;
    uint32_t start, end;        /* byte span of its text */
    char country[4];
    char sector[4];
    char org[12];
    float lat, lon;             /* locations only; NAN when unknown */
} event_party;

typedef struct {
    uint8_t type;               /* event_type */
    const char *mode;           /* PLOVER mode or "" (points into the lexicon) */
    event_party actor, recipient, location;
    uint8_t modality;
    uint32_t date;              /* YYYYMMDD or 0 */
    int64_t dead, injured, arrested;   /* NO_COUNT when the text gives none */
    uint32_t trigger_start, trigger_end;
    uint32_t sentence;          /* index into the token list's sentences */
} event;

typedef struct {
    event *items;
    size_t count, cap;
} event_list;

/* Codes the events of one article. */
void code_events(const lexicon *lex, const char *text, const token_list *tokens, const actor_list *actors,
                 uint32_t article_date, event_list *out);
void event_list_free(event_list *list);

const char *modality_name(modality m);

#endif
