/*
 * clitics.h — the readings of an Arabic word for dictionary matching.
 *
 * Arabic writes conjunctions, prepositions, the article and object/possessive
 * pronouns as part of the word: وبوساطة = و + ب + وساطة, لحكومتها =
 * ل + حكومة + ها.  A dictionary holds the bare stems, so the matcher tries
 * every way of peeling clitics off a word.  The unsegmented word is always
 * the first reading, so names that merely begin with a clitic letter
 * (باكو، بلينكن، لافروف، والي) are never lost: the matcher prefers the reading
 * that strips the least.
 *
 * Works on matching keys (normalize.h), where ة is already ه.  Readings
 * point into the key instead of copying it: this runs on every word.
 */
#ifndef MARSAD_CLITICS_H
#define MARSAD_CLITICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLITIC_MAX_READINGS 24
#define CLITIC_MAX_WORD 96   /* bytes; longer words are only read whole */

typedef struct {
    uint8_t proclitic_count;
    uint8_t proclitic_len[4];    /* bytes of each proclitic, in order */
    uint8_t enclitic_len;        /* bytes of the pronoun suffix, 0 if none */
    bool has_article;            /* one of the proclitics is ال (or لل) */
    bool restored_teh_marbuta;   /* حكومت+ها read as حكومه: the stem's final ت is read as ه */
    uint16_t stem_offset;        /* the stem is key[stem_offset, stem_offset + stem_len) */
    uint16_t stem_len;
} clitic_reading;

/* Fills out[] with the readings of the word key[0,len) and returns how
 * many; out[0] is always the whole word.  final_is_teh_marbuta says the
 * key's last ه was written ة, so it is not a pronoun suffix
 * (tokenize.h: TOKEN_ENDS_IN_TEH_MARBUTA). */
size_t clitic_readings(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out, size_t max);

/* Copies the reading's stem, with a restored ة written as ه, into buf
 * (room for CLITIC_MAX_WORD + 1 bytes) and returns its length. */
size_t clitic_stem(const char *key, const clitic_reading *r, char *buf);

/* Writes the reading as "و+ب+وساطه" or "حكومه+ها" into buf; returns buf. */
char *clitic_reading_format(const char *key, size_t len, const clitic_reading *r, char *buf, size_t size);

#endif
