/*
 * lexicon.c — loading a compiled lexicon and matching it against tokens.
 * See lexicon.h.
 */
#include "lexicon.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buffer.h"
#include "clitics.h"
#include "lexicon_format.h"
#include "normalize.h"
#include "utf8.h"

struct lexicon {
    void *map;
    size_t map_size;
    const lexicon_header *header;
    const lexicon_slot *slots;
    const lexicon_entry *entries;
    const lexicon_person *persons;
    const lexicon_role *roles;
    const uint64_t *filter;
    const char *strings;
};

static bool section_fits(size_t file_size, uint64_t offset, uint64_t count, size_t elem)
{
    return offset <= file_size && count <= (file_size - offset) / (elem ? elem : 1);
}

lexicon *lexicon_open(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "marsad: lexicon %s: %s (build it with 'make')\n", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(lexicon_header)) {
        fprintf(stderr, "marsad: lexicon %s: too small to be a compiled lexicon\n", path);
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        fprintf(stderr, "marsad: lexicon %s: mmap: %s\n", path, strerror(errno));
        return NULL;
    }
    const lexicon_header *h = map;
    bool ok = memcmp(h->magic, LEXICON_MAGIC, 8) == 0 && h->version == LEXICON_VERSION &&
              (h->slot_count & (h->slot_count - 1)) == 0 &&
              section_fits(size, h->slots_offset, h->slot_count, sizeof(lexicon_slot)) &&
              section_fits(size, h->entries_offset, h->entry_count, sizeof(lexicon_entry)) &&
              section_fits(size, h->persons_offset, h->person_count, sizeof(lexicon_person)) &&
              section_fits(size, h->roles_offset, h->role_count, sizeof(lexicon_role)) &&
              section_fits(size, h->filter_offset, LEXICON_FILTER_BITS / 8, 1) &&
              section_fits(size, h->strings_offset, h->strings_size, 1);
    if (!ok) {
        fprintf(stderr, "marsad: lexicon %s: not a compiled lexicon of this version (rebuild with 'make')\n", path);
        munmap(map, size);
        return NULL;
    }
    lexicon *lex = xcalloc(1, sizeof *lex);
    lex->map = map;
    lex->map_size = size;
    lex->header = h;
    lex->slots = (const lexicon_slot *)((const char *)map + h->slots_offset);
    lex->entries = (const lexicon_entry *)((const char *)map + h->entries_offset);
    lex->persons = (const lexicon_person *)((const char *)map + h->persons_offset);
    lex->roles = (const lexicon_role *)((const char *)map + h->roles_offset);
    lex->filter = (const uint64_t *)((const char *)map + h->filter_offset);
    lex->strings = (const char *)map + h->strings_offset;
    return lex;
}

void lexicon_close(lexicon *lex)
{
    if (!lex)
        return;
    munmap(lex->map, lex->map_size);
    free(lex);
}

const char *lexicon_default_path(char *buf, size_t size)
{
    const char *env = getenv("MARSAD_LEXICON");
    if (env && *env) {
        snprintf(buf, size, "%s", env);
        return buf;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, size, "%s/lexicon.bin", exe);
            if (access(buf, R_OK) == 0)
                return buf;
            /* build/asan/marsad uses the lexicon of build/ */
            snprintf(buf, size, "%s/../lexicon.bin", exe);
            if (access(buf, R_OK) == 0)
                return buf;
            snprintf(buf, size, "%s/lexicon.bin", exe);
            return buf;
        }
    }
    snprintf(buf, size, "build/lexicon.bin");
    return buf;
}

lexicon *lexicon_open_or_default(const char *path)
{
    char default_path[4096];
    return lexicon_open(path ? path : lexicon_default_path(default_path, sizeof default_path));
}

size_t lexicon_entry_count(const lexicon *lex)
{
    return lex->header->entry_count;
}

const char *lexicon_string(const lexicon *lex, uint32_t offset)
{
    return offset < lex->header->strings_size ? lex->strings + offset : "";
}

const lexicon_entry *lexicon_lookup(const lexicon *lex, const char *key, size_t len, size_t *count, bool *is_prefix)
{
    *count = 0;
    *is_prefix = false;
    if (len == 0)
        return NULL;
    uint32_t bit = lexicon_filter_bit(key, len);
    if (!(lex->filter[bit / 64] & ((uint64_t)1 << (bit % 64))))
        return NULL;
    uint64_t h = lexicon_hash(key, len);
    uint32_t mask = lex->header->slot_count - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        const lexicon_slot *s = &lex->slots[i];
        if (s->hash == 0)
            break;
        if (s->hash == h && s->key_len == len && memcmp(lex->strings + s->key_offset, key, len) == 0) {
            *count = s->entry_count;
            *is_prefix = s->flags & SLOT_IS_PREFIX;
            return s->entry_count ? &lex->entries[s->first_entry] : NULL;
        }
    }
    *count = 0;
    *is_prefix = false;
    return NULL;
}

const lexicon_role *lexicon_person_role(const lexicon *lex, uint32_t person, uint32_t date)
{
    if (person >= lex->header->person_count)
        return NULL;
    const lexicon_person *p = &lex->persons[person];
    if (p->role_count == 0)
        return NULL;
    const lexicon_role *roles = &lex->roles[p->first_role];
    const lexicon_role *best = &roles[p->role_count - 1];     /* roles are sorted by start date */
    if (date == 0)
        return best;
    /* The role held on the date; else the one that ended last before it;
     * else the first one to come. */
    const lexicon_role *held = NULL, *before = NULL;
    for (uint32_t i = 0; i < p->role_count; i++) {
        if (roles[i].from <= date && date <= roles[i].to && !held)
            held = &roles[i];
        if (roles[i].to < date && (!before || roles[i].to > before->to))
            before = &roles[i];
    }
    if (held)
        return held;
    if (before)
        return before;
    return &roles[0];
}

const char *lexicon_kind_name(lexicon_kind kind)
{
    static const char *const names[] = {"person", "igo",  "group",  "media",   "country", "capital",
                                        "demonym", "sector", "place", "trigger", "cue"};
    return kind < LEX_KIND_COUNT ? names[kind] : "?";
}

/* ---- matching */

#define LEXICON_MAX_PHRASE 1024

static bool is_matchable(const token *t)
{
    return t->kind == TOKEN_WORD || t->kind == TOKEN_NUMBER;
}

/* Byte offset in the text after skipping `letters` letters of the token. */
static uint32_t skip_letters(const char *text, const token *t, size_t letters)
{
    size_t pos = t->start;
    while (letters > 0 && pos < t->end) {
        uint32_t cp = utf8_next(text, t->end, &pos, NULL);
        if (char_class_of(cp) == CHAR_LETTER)
            letters--;
    }
    /* marks that belonged to the last peeled letter stay with it */
    while (pos < t->end) {
        size_t next = pos;
        uint32_t cp = utf8_next(text, t->end, &next, NULL);
        if (char_class_of(cp) == CHAR_LETTER)
            break;
        pos = next;
    }
    return (uint32_t)pos;
}

static size_t letters_in_key(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* News reports people in the third person: a reading that takes off "me"
 * or "you" (أيدي → أيد+ي، ذلك → ذل+ك) is far likelier to be a misreading. */
static bool third_person_or_none(const char *key, size_t len, const clitic_reading *r)
{
    if (r->enclitic_len == 0)
        return true;
    const char *suffix = key + len - r->enclitic_len;
    return memcmp(suffix, "ه", 2) == 0 || (r->enclitic_len == 4 && memcmp(suffix, "نا", 4) == 0);
}

static bool is_underscore(const token_list *tokens, size_t i)
{
    const token *t = &tokens->tokens[i];
    return t->kind == TOKEN_PUNCT && t->key_len == 1 && token_key(tokens, t)[0] == '_';
}

/* Does the reading peel this one-letter proclitic (س، ك) off the word? */
static bool peels_letter(const char *key, const clitic_reading *r, const char *letter)
{
    for (size_t p = 0, offset = 0; p < r->proclitic_count; offset += r->proclitic_len[p], p++)
        if (r->proclitic_len[p] == 2 && memcmp(key + offset, letter, 2) == 0)
            return true;
    return false;
}

/* The future سـ comes only before an imperfect verb (سيلتقي، ستزور، سنرد،
 * سأعود): read before anything else, "سلام" would be "he will blamed". */
static bool future_without_imperfect(const char *key, const clitic_reading *r, const char *stem, size_t stem_len)
{
    if (!peels_letter(key, r, "س"))
        return false;
    return stem_len < 2 || !(memcmp(stem, "ي", 2) == 0 || memcmp(stem, "ت", 2) == 0 || memcmp(stem, "ن", 2) == 0 ||
                             memcmp(stem, "ا", 2) == 0);
}

/* A state, capital, place or person: after ك ("like") these are far more
 * often a name that begins with ك (كلاوس is Klaus, not "like Laos"); and a
 * modality cue after ك is another word (كما "as, also" is not ك + ما "not"). */
static bool unlikely_after_kaf(const lexicon_entry *e)
{
    return e->kind == LEX_COUNTRY || e->kind == LEX_CAPITAL || e->kind == LEX_PLACE || e->kind == LEX_PERSON ||
           e->kind == LEX_CUE;
}

/* Only a verb takes the future سـ: a trigger or a cue may be read through
 * it, a name may not ("وابن سينا" is no س + ينا, Jena). */
static bool has_a_verb(const lexicon_entry *e, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (e[k].kind == LEX_TRIGGER || e[k].kind == LEX_CUE)
            return true;
    return false;
}

/* The longest phrase found so far at a token: how many tokens it spans,
 * by which reading of the first token, and its entries. */
typedef struct {
    size_t tokens, reading;
    const lexicon_entry *entries;
    size_t count;
} longest_match;

/* Looks up the phrase that starts with a reading of token i (its stem in
 * phrase[0,len)), extended word by word while the lexicon holds longer
 * phrases with that beginning; keeps it in *best if it is longer (and, with
 * refuse_after_kaf, not unlikely_after_kaf; with after_future, has_a_verb). */
static void extend_phrase(const lexicon *lex, const token_list *tokens, size_t i, size_t reading_index,
                          const clitic_reading *reading, bool refuse_after_kaf, bool after_future, char *phrase,
                          size_t len, longest_match *best)
{
    size_t canonical_len;
    const char *canonical = may_be_spelling_variant(phrase, len) ? canonical_spelling(phrase, len, &canonical_len) : NULL;
    if (canonical) {
        memcpy(phrase, canonical, canonical_len);
        len = canonical_len;
    }
    /* A phrase ends at a pronoun suffix: "his ministry of" is no name. */
    bool may_extend = reading->enclitic_len == 0;
    for (size_t j = i;;) {
        size_t count;
        bool is_prefix;
        const lexicon_entry *e = lexicon_lookup(lex, phrase, len, &count, &is_prefix);
        if (e && j - i + 1 > best->tokens && !(refuse_after_kaf && unlikely_after_kaf(e)) &&
            !(after_future && !has_a_verb(e, count))) {
            best->tokens = j - i + 1;
            best->reading = reading_index;
            best->entries = e;
            best->count = count;
        }
        if (!is_prefix || !may_extend || j + 1 >= tokens->count)
            break;
        /* "#الولايات_المتحدة": a hashtag joins the words of a name by _ */
        size_t step = is_underscore(tokens, j + 1) && j + 2 < tokens->count ? 2 : 1;
        const token *next = &tokens->tokens[j + step];
        if (!is_matchable(next) || (tokens->tokens[j].flags & TOKEN_ENDS_SENTENCE) ||
            len + 1 + next->key_len >= LEXICON_MAX_PHRASE)
            break;
        phrase[len++] = LEXICON_SEPARATOR;
        memcpy(phrase + len, token_key(tokens, next), next->key_len);
        len += next->key_len;
        j += step;
    }
}

/* Is the reading's last proclitic لل (للمغرب = ل + ال + مغرب)? */
static bool ends_in_lam_lam(const char *key, const clitic_reading *r)
{
    /* the proclitics end where the stem begins */
    return r->proclitic_count > 0 && r->proclitic_len[r->proclitic_count - 1] == 4 &&
           memcmp(key + r->stem_offset - 4, "لل", 4) == 0;
}

void lexicon_match_tokens(const lexicon *lex, const char *text, const token_list *tokens, lexicon_matches *out)
{
    out->count = 0;
    clitic_reading readings[CLITIC_MAX_READINGS];
    char phrase[LEXICON_MAX_PHRASE];
    for (size_t i = 0; i < tokens->count;) {
        const token *t = &tokens->tokens[i];
        if (!is_matchable(t)) {
            i++;
            continue;
        }
        const char *key = token_key(tokens, t);
        size_t n = t->kind == TOKEN_WORD
                       ? clitic_readings(key, t->key_len, t->flags & TOKEN_ENDS_IN_TEH_MARBUTA, readings, CLITIC_MAX_READINGS)
                       : 0;
        if (t->kind == TOKEN_NUMBER) {
            memset(&readings[0], 0, sizeof readings[0]);
            readings[0].stem_len = (uint16_t)(t->key_len < CLITIC_MAX_WORD ? t->key_len : 0);
            n = 1;
        }
        longest_match best = {0, 0, NULL, 0};
        for (size_t r = 0; r < n; r++) {
            if (readings[r].stem_len == 0 || !third_person_or_none(key, t->key_len, &readings[r]))
                continue;
            /* "للمغرب"، "للولايات المتحدة": after ل the article loses its alef,
             * so the name the lexicon holds with its article (المغرب) is read
             * from the stem with ال put back, before the bare stem */
            if (ends_in_lam_lam(key, &readings[r])) {
                memcpy(phrase, "ال", 4);
                size_t len = 4 + clitic_stem(key, &readings[r], phrase + 4);
                extend_phrase(lex, tokens, i, r, &readings[r], false, false, phrase, len, &best);
            }
            size_t len = clitic_stem(key, &readings[r], phrase);
            if (future_without_imperfect(key, &readings[r], phrase, len))
                continue;
            extend_phrase(lex, tokens, i, r, &readings[r], peels_letter(key, &readings[r], "ك"),
                          peels_letter(key, &readings[r], "س"), phrase, len, &best);
        }
        size_t best_tokens = best.tokens, best_reading = best.reading, best_count = best.count;
        const lexicon_entry *best_entries = best.entries;
        if (!best_entries) {
            i++;
            continue;
        }
        grow_array((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
        lexicon_match *m = &out->items[out->count++];
        memset(m, 0, sizeof *m);
        const clitic_reading *r = &readings[best_reading];
        /* The span leaves out conjunctions and prepositions but keeps the
         * article: "والقوات الأذربيجانية" is named "القوات الأذربيجانية". */
        size_t peeled = 0;
        bool conjunction = false, preposition = false, future = false;
        for (size_t p = 0, offset = 0; p < r->proclitic_count; p++) {
            const char *clitic = key + offset;
            size_t clitic_len = r->proclitic_len[p];
            offset += clitic_len;
            if (p == 0 && clitic_len == 2 && (memcmp(clitic, "و", 2) == 0 || memcmp(clitic, "ف", 2) == 0))
                conjunction = true;
            else if (clitic_len == 2 && memcmp(clitic, "س", 2) == 0)
                future = true;
            else if (clitic_len == 2 || (clitic_len == 4 && memcmp(clitic, "لل", 4) == 0))
                preposition = true;
            if (clitic_len == 4 && memcmp(clitic, "ال", 4) == 0)
                break;
            if (clitic_len == 4 && memcmp(clitic, "لل", 4) == 0)
                break;      /* للجيش: no letter boundary to cut at; keep the word whole */
            peeled += letters_in_key(clitic, clitic_len);
        }
        m->has_article = r->has_article;
        m->has_conjunction = conjunction;
        m->has_preposition = preposition;
        m->has_future_particle = future;
        m->has_pronoun_suffix = r->enclitic_len > 0;
        const token *last = &tokens->tokens[i + best_tokens - 1];
        m->first_token = (uint32_t)i;
        m->token_count = (uint32_t)best_tokens;
        m->start = t->start;
        m->end = last->end;
        m->text_start = peeled ? skip_letters(text, t, peeled) : t->start;
        m->entries = best_entries;
        m->entry_count = (uint32_t)best_count;
        i += best_tokens;
    }
}

void lexicon_matches_free(lexicon_matches *m)
{
    free(m->items);
    memset(m, 0, sizeof *m);
}

static const char *const event_type_names[EVENT_TYPE_COUNT] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
};

const char *event_type_name(event_type type)
{
    return type < EVENT_TYPE_COUNT ? event_type_names[type] : "?";
}

int event_type_named(const char *name)
{
    for (int i = 0; i < EVENT_TYPE_COUNT; i++)
        if (strcmp(event_type_names[i], name) == 0)
            return i;
    return -1;
}
