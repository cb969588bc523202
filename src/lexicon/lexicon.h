/*
 * lexicon.h — the compiled dictionary of who and where: countries, capitals,
 * demonyms, places, IGOs, armed groups, media, sector words and people.
 *
 * The TSV tables of data/ are compiled at build time (lexicon_compile) into
 * one file that is mmapped at start-up (lexicon_open): a hash table keyed by
 * normalised token sequences, each key pointing at its entries.  The same
 * text core normalises the tables and the articles, so a spelling that
 * matches once matches everywhere.
 *
 * lexicon_match() walks a token list and reports the longest phrase that
 * starts at each token, trying the clitic readings of its first token
 * (وبالاتحاد الأوروبي → و+ب+الاتحاد الاوروبي).
 */
#ifndef MARSAD_LEXICON_H
#define MARSAD_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tokenize.h"

typedef enum {
    LEX_PERSON,       /* a named person; roles in lexicon_person_roles() */
    LEX_IGO,          /* intergovernmental organisation or organ: org code */
    LEX_GROUP,        /* armed group, party, movement: country and sector */
    LEX_MEDIA,        /* news agency, channel, paper: sector MED */
    LEX_COUNTRY,      /* a state's name */
    LEX_CAPITAL,      /* a capital or seat of government, also a metonym */
    LEX_DEMONYM,      /* an adjective of nationality: الإيراني، الأرمينية */
    LEX_SECTOR,       /* a sector word: الجيش، وزارة الدفاع، المتحدث باسم */
    LEX_PLACE,        /* a city, town or region */
    LEX_TRIGGER,      /* a word or phrase that expresses an event: event_type, mode, trigger_pos */
    LEX_CUE,          /* a modality cue (data/modality_cues.tsv): subkind is the modality */
    LEX_KIND_COUNT
} lexicon_kind;

/* A place whose name is also a common word (places.tsv kind "homograph":
 * صور "pictures", حجة "pretext"): only believed after a word that
 * announces a place. */
#define PLACE_HOMOGRAPH 1
/* A place of data/places_curated.tsv (conflict zones, checked by hand):
 * believed without such a word however small it is (غارة على عفرين). */
#define PLACE_CURATED 2
/* The same of a state (countries.tsv kind "homograph": مالي "financial",
 * بنين "sons"): believed after a word that announces a state or place,
 * with ب or ل in front, or joined by و to another state. */
#define COUNTRY_HOMOGRAPH 1

/* Sub-kinds of LEX_SECTOR (data/sectors.tsv "kind"). */
typedef enum { SECTOR_INSTITUTION, SECTOR_TITLE, SECTOR_GROUP_NOUN, SECTOR_QUALIFIER } sector_word_kind;

/* The 16 PLOVER event types, in CODEBOOK order. */
typedef enum {
    EVENT_AGREE, EVENT_CONSULT, EVENT_SUPPORT, EVENT_CONCEDE, EVENT_COOPERATE, EVENT_AID, EVENT_RETREAT,
    EVENT_REQUEST, EVENT_ACCUSE, EVENT_REJECT, EVENT_THREATEN, EVENT_PROTEST, EVENT_SANCTION, EVENT_MOBILIZE,
    EVENT_COERCE, EVENT_ASSAULT, EVENT_TYPE_COUNT
} event_type;

typedef enum { TRIGGER_VERB, TRIGGER_NOUN, TRIGGER_PHRASE } trigger_pos;

/* Sub-kinds of LEX_CUE: what a cue word tells the event coder.  The
 * modality cues come from data/modality_cues.tsv, speech verbs from
 * data/speech_verbs.tsv, casualty words from data/casualty_words.tsv. */
typedef enum {
    CUE_FUTURE, CUE_NEGATED, CUE_HYPOTHETICAL, CUE_HISTORICAL,
    CUE_SPEECH,
    CUE_DEAD, CUE_INJURED, CUE_ARRESTED,
    /* a death that by itself tells of no attack (وفاة، توفي: illness,
     * accidents, old age): counted with the dead, never an attack alone */
    CUE_DIED
} cue_kind;

/* cue_scope of casualty words: on which side of the figure they stand. */
enum { CASUALTY_EITHER_SIDE = 0, CASUALTY_AFTER_FIGURE = 1, CASUALTY_BEFORE_FIGURE = 2 };

const char *event_type_name(event_type type);
/* -1 when name is not one of the 16 types. */
int event_type_named(const char *name);

typedef struct {
    uint8_t kind;            /* lexicon_kind */
    uint8_t subkind;         /* sector_word_kind for LEX_SECTOR; PLACE_*, COUNTRY_HOMOGRAPH or 0 */
    char country[4];         /* ISO alpha-3 or "" */
    char sector[4];          /* sector code or "" */
    char org[12];            /* IGO code or "" */
    float lat, lon;          /* NAN when unknown */
    uint32_t population;
    uint32_t person;         /* index of the person, or UINT32_MAX */
    uint32_t spelling;       /* offset of the table's spelling in the string pool */
    uint8_t event_type;      /* LEX_TRIGGER: event_type */
    uint8_t trigger_pos;     /* LEX_TRIGGER: trigger_pos */
    uint8_t cue_scope;       /* LEX_CUE: casualty words: CASUALTY_*_FIGURE */
    uint8_t symmetric;       /* LEX_TRIGGER: joined subjects act on each other */
    uint32_t mode;           /* LEX_TRIGGER: offset of the PLOVER mode ("" for none) */
    uint32_t requires;       /* LEX_TRIGGER: the rest of a split phrase, which must
                              * follow within a few words (تبادل [الطرفان] اللوم):
                              * offset of its phrase key, or LEXICON_NONE */
} lexicon_entry;

#define LEXICON_NONE UINT32_MAX

typedef struct {
    char country[4];
    char sector[4];
    char org[12];            /* the organisation of an international office (UN, EU ...), or "" */
    uint32_t from, to;       /* dates as YYYYMMDD; to = 99999999 when open */
    uint32_t role;           /* offset of the role's description */
} lexicon_role;

typedef struct lexicon lexicon;

/* Opens a compiled lexicon file; on failure prints why and returns NULL. */
lexicon *lexicon_open(const char *path);
void lexicon_close(lexicon *lex);

/* The default compiled lexicon: $MARSAD_LEXICON, else lexicon.bin next to
 * the running executable. Writes the path into buf. */
const char *lexicon_default_path(char *buf, size_t size);

/* lexicon_open(path), or of the default path when path is NULL. */
lexicon *lexicon_open_or_default(const char *path);

size_t lexicon_entry_count(const lexicon *lex);
const char *lexicon_string(const lexicon *lex, uint32_t offset);

/* Entries for a normalised phrase key (token keys joined by LEXICON_SEPARATOR). */
#define LEXICON_SEPARATOR '\x1f'
const lexicon_entry *lexicon_lookup(const lexicon *lex, const char *key, size_t len, size_t *count, bool *is_prefix);

/* The role a person held on the date (YYYYMMDD; 0 = unknown: the latest
 * role).  Returns NULL when the person has no role. */
const lexicon_role *lexicon_person_role(const lexicon *lex, uint32_t person, uint32_t date);

/* A phrase found in the text. */
typedef struct {
    uint32_t first_token, token_count;
    uint32_t start, end;           /* byte span of the phrase's text, clitics included */
    uint32_t text_start;           /* where the phrase starts, after peeled conjunctions and prepositions (the article stays) */
    bool has_article;              /* the first token's ال was peeled to match */
    bool has_conjunction;          /* the first token began with a peeled و or ف */
    bool has_preposition;          /* ... or with a peeled ب، ل or ك (after any conjunction) */
    bool has_future_particle;      /* a verb read with the future prefix سـ (سيعقد) */
    bool has_pronoun_suffix;       /* the last token carries a pronoun: مطالبتهم */
    const lexicon_entry *entries;  /* all readings of the phrase, most specific first */
    uint32_t entry_count;
    uint32_t place_entry;          /* of several places of one name (البيضاء in Libya and in Yemen),
                                    * the one the article means; 0 until the actor coder chooses */
} lexicon_match;

typedef struct {
    lexicon_match *items;
    size_t count, cap;
} lexicon_matches;

/* Finds the longest phrase at each token, left to right, without overlaps. */
void lexicon_match_tokens(const lexicon *lex, const char *text, const token_list *tokens, lexicon_matches *out);
void lexicon_matches_free(lexicon_matches *m);

const char *lexicon_kind_name(lexicon_kind kind);

/* Compiles the tables of data_dir into the file out_path.  Prints
 * problems with their file and line; returns false on failure. */
bool lexicon_compile(const char *data_dir, const char *out_path, bool verbose);

#endif
