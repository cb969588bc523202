/*
 * ner_fuse.h — the tagger's entities beside the lexicon's.
 *
 * The lexicon knows names for sure but only the names it lists; the tagger
 * guesses names it has never seen from their context (في مدينة X، قال
 * المتحدث باسم X).  ner_add_entities() tags every sentence of a text (in
 * two passes, ner_lookahead.h) and
 * adds to the coder's entities each tagger span that no lexicon entity
 * overlaps.  Where both find a name, the lexicon's entity stays, with its
 * type and codes.  Every entity records where it came from (entity.origin).
 */
#ifndef MARSAD_NER_FUSE_H
#define MARSAD_NER_FUSE_H

#include <stddef.h>

#include "actors.h"
#include "ner_model.h"

/* Adds the tagger's new entities to out (whose lexicon matches and
 * entities code_actors() filled) and sorts all entities by position.
 * Returns how many it added. */
size_t ner_add_entities(const ner_model *m, const char *text, const token_list *tokens, actor_list *out);

#endif
