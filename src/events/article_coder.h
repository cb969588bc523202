/*
 * article_coder.h — the whole coding pipeline for one article: tokens,
 * actors and entities, events.  `marsad code` and `marsad ingest` both
 * code through here, so what is stored is exactly what `code` prints.
 * The lists are reused from one article to the next.  With a NER model,
 * the tagger's names that the lexicon does not know join the entities
 * (ner_fuse.h); the events are coded from the lexicon's actors alone.
 */
#ifndef MARSAD_ARTICLE_CODER_H
#define MARSAD_ARTICLE_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "actors.h"
#include "events.h"
#include "lexicon.h"
#include "ner_model.h"
#include "tokenize.h"

typedef struct {
    token_list tokens;
    actor_list actors;
    event_list events;
} article_coding;

/* Codes text[0,len) written on date (YYYYMMDD, 0 if unknown) into out;
 * ner may be NULL (no tagger). */
void code_article(const lexicon *lex, const ner_model *ner, const char *text, size_t len, uint32_t date,
                  article_coding *out);

void article_coding_free(article_coding *coding);

#endif
