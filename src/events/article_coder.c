/* article_coder.c — see article_coder.h. */
#include "article_coder.h"

#include "ner_fuse.h"

void code_article(const lexicon *lex, const ner_model *ner, const char *text, size_t len, uint32_t date,
                  article_coding *out)
{
    tokenize(text, len, &out->tokens);
    code_actors(lex, text, &out->tokens, date, &out->actors);
    code_events(lex, text, &out->tokens, &out->actors, date, &out->events);
    if (ner)
        ner_add_entities(ner, text, &out->tokens, &out->actors);
}

void article_coding_free(article_coding *coding)
{
    token_list_free(&coding->tokens);
    actor_list_free(&coding->actors);
    event_list_free(&coding->events);
}
