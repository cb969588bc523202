/*
 * ner_fuse.c — see ner_fuse.h.
 */
#include "ner_fuse.h"

#include <stdlib.h>

#include "buffer.h"
#include "ner_lookahead.h"

static const uint8_t entity_type_of_tag_type[] = {ENTITY_NONE, ENTITY_PER, ENTITY_LOC, ENTITY_ORG, ENTITY_MISC};

/* The lexicon's entities are sorted by position and the tagger's spans come
 * in text order, so one cursor walks them both: scanning all of them for
 * every span was quadratic on long texts (10 MB took 4 s, 100 MB 5 minutes). */
static bool overlaps_lexicon(const actor_list *out, size_t lexicon_count, size_t *cursor, uint32_t start, uint32_t end)
{
    while (*cursor < lexicon_count && out->entities[*cursor].end <= start)
        (*cursor)++;
    for (size_t i = *cursor; i < lexicon_count && out->entities[i].start < end; i++)
        if (start < out->entities[i].end)
            return true;
    return false;
}

static int by_position(const void *a, const void *b)
{
    const entity *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

size_t ner_add_entities(const ner_model *m, const char *text, const token_list *tokens, actor_list *out)
{
    size_t lexicon_count = out->entity_count, added = 0, cursor = 0;
    qsort(out->entities, lexicon_count, sizeof *out->entities, by_position);
    ner_sentence s = {.clusters = ner_model_clusters(m)};
    ner_document d = {0};
    uint8_t *all_tags = NULL;
    size_t tags_cap = 0, tagged = 0;
    for (size_t k = 0; k < tokens->sentence_count; k++) {
        const sentence *sen = &tokens->sentences[k];
        grow_array((void **)&all_tags, &tags_cap, tagged + sen->token_count + 1, 1);
        ner_prepare_tokens(&s, text, tokens, sen->first_token, sen->token_count, &out->matches);
        ner_model_tag(m, &s, all_tags + tagged);
        ner_document_keep(&d, &s, ner_model_last_scores(&s));
        tagged += sen->token_count;
    }
    /* again, with what the words were tagged in the sentences after */
    ner_lookahead_tag(m, &d, all_tags, all_tags, NER_LOOKAHEAD_ROUNDS);
    ner_document_free(&d);
    for (size_t k = 0, offset = 0; k < tokens->sentence_count; k++) {
        const sentence *sen = &tokens->sentences[k];
        size_t first = sen->first_token, n = sen->token_count;
        const uint8_t *tags = all_tags + offset;
        offset += n;
        for (size_t i = 0; i < n;) {
            if (tags[i] == NER_O) {
                i++;
                continue;
            }
            unsigned type = ner_tag_type((ner_tag)tags[i]);
            size_t j = i + 1;
            while (j < n && ner_tag_is_inside((ner_tag)tags[j]))
                j++;
            uint32_t start = tokens->tokens[first + i].start, end = tokens->tokens[first + j - 1].end;
            if (!overlaps_lexicon(out, lexicon_count, &cursor, start, end)) {
                grow_array((void **)&out->entities, &out->entity_cap, out->entity_count + 1, sizeof *out->entities);
                entity *e = &out->entities[out->entity_count++];
                *e = (entity){.start = start, .end = end, .type = entity_type_of_tag_type[type],
                              .origin = ENTITY_FROM_NER};
                added++;
            }
            i = j;
        }
    }
    free(all_tags);
    ner_sentence_free(&s);
    qsort(out->entities, out->entity_count, sizeof *out->entities, by_position);
    return added;
}
