/*
 * lexicon_compile.c — the TSV tables of data/ → one mmappable lexicon file.
 *
 * Every spelling is put through the same tokeniser and normaliser as the
 * articles, so the keys agree by construction.  Demonyms are listed once,
 * masculine singular, and their feminine and plural forms are derived
 * here (إيراني → إيرانية، إيرانيون، إيرانيين، إيرانيات، إيرانيا، إيرانيان); the article ال
 * and other clitics are peeled at match time.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buffer.h"
#include "lexicon.h"
#include "lexicon_format.h"
#include "normalize.h"
#include "tokenize.h"
#include "tsv.h"

typedef struct {
    char *key;             /* normalised phrase key */
    size_t key_len;
    lexicon_entry entry;
} pending_entry;

typedef struct {
    char *slug;
    lexicon_role *roles;
    size_t role_count, role_cap;
} pending_person;

typedef struct {
    pending_entry *entries;
    size_t entry_count, entry_cap;
    pending_person *persons;
    size_t person_count, person_cap;
    byte_buffer strings;
    token_list tokens;
    size_t problems;
    bool verbose;
} compiler;

/* ---- helpers */

static uint32_t add_string(compiler *c, const char *s, size_t len)
{
    uint32_t offset = (uint32_t)c->strings.len;
    buffer_append(&c->strings, s, len);
    buffer_append_char(&c->strings, '\0');
    return offset;
}

/* The phrase key of an Arabic spelling: token keys joined by the separator,
 * punctuation dropped.  Returns false for a spelling with no words. */
static bool phrase_key(compiler *c, const char *text, byte_buffer *key)
{
    buffer_truncate(key, 0);
    tokenize(text, strlen(text), &c->tokens);
    bool any = false;
    for (size_t i = 0; i < c->tokens.count; i++) {
        const token *t = &c->tokens.tokens[i];
        if (t->kind != TOKEN_WORD && t->kind != TOKEN_NUMBER)
            continue;
        if (any)
            buffer_append_char(key, LEXICON_SEPARATOR);
        buffer_append(key, token_key(&c->tokens, t), t->key_len);
        any = true;
    }
    if (!key->data)
        buffer_append(key, "", 0);
    return any;
}

static void add_one_entry(compiler *c, const char *spelling, const lexicon_entry *proto);

/* A final hamza takes a seat before a pronoun suffix: لقاء + ه is written
 * لقائه or لقاؤه, so the stem the clitic reader finds is لقائ or لقاؤ.  Such
 * phrases are entered with those stems too. */
static void add_entry(compiler *c, const char *spelling, const lexicon_entry *proto)
{
    add_one_entry(c, spelling, proto);
    size_t len = strlen(spelling);
    static const char hamza[] = "ء", seats[][3] = {"ئ", "ؤ"};
    if (len > 4 && len < 256 && memcmp(spelling + len - 2, hamza, 2) == 0) {
        char seated[256];
        for (size_t i = 0; i < 2; i++) {
            memcpy(seated, spelling, len - 2);
            memcpy(seated + len - 2, seats[i], 3);
            add_one_entry(c, seated, proto);
        }
    }
}

static void add_one_entry(compiler *c, const char *spelling, const lexicon_entry *proto)
{
    byte_buffer key = {0};
    if (!phrase_key(c, spelling, &key)) {
        buffer_free(&key);
        return;
    }
    grow_array((void **)&c->entries, &c->entry_cap, c->entry_count + 1, sizeof *c->entries);
    pending_entry *p = &c->entries[c->entry_count++];
    p->key = key.data;
    p->key_len = key.len;
    p->entry = *proto;
    p->entry.spelling = add_string(c, spelling, strlen(spelling));
}

static lexicon_entry blank_entry(lexicon_kind kind)
{
    lexicon_entry e;
    memset(&e, 0, sizeof e);
    e.kind = (uint8_t)kind;
    e.lat = NAN;
    e.lon = NAN;
    e.person = UINT32_MAX;
    e.requires = LEXICON_NONE;
    return e;
}

static void copy_code(char *dst, size_t size, const char *src)
{
    if (strcmp(src, "-") == 0)
        src = "";
    snprintf(dst, size, "%s", src);
}

static void problem(compiler *c, const tsv_reader *r, const char *what)
{
    fprintf(stderr, "marsad: %s:%zu: %s\n", r->path, r->line_number, what);
    c->problems++;
}

/* ---- one reader per table */

/* Opens DIR/NAME; a missing or unreadable table is reported and fails the build. */
static bool open_table(tsv_reader *r, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return tsv_open(r, path);
}

static bool read_countries(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "countries.tsv"))
        return false;
    int iso = tsv_column(&r, "iso3"), kind = tsv_column(&r, "kind"), arabic = tsv_column(&r, "arabic");
    if (iso < 0 || kind < 0 || arabic < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        const char *k = tsv_field(&r, kind), *text = tsv_field(&r, arabic);
        lexicon_entry e;
        if (strcmp(k, "name") == 0 || strcmp(k, "official") == 0)
            e = blank_entry(LEX_COUNTRY);
        else if (strcmp(k, "homograph") == 0) {
            e = blank_entry(LEX_COUNTRY);
            e.subkind = COUNTRY_HOMOGRAPH;
        } else if (strcmp(k, "capital") == 0)
            e = blank_entry(LEX_CAPITAL);
        else if (strcmp(k, "demonym") == 0 || strcmp(k, "demonym_form") == 0)
            e = blank_entry(LEX_DEMONYM);
        else {
            problem(c, &r, "unknown kind (name, homograph, official, capital, demonym, demonym_form)");
            continue;
        }
        copy_code(e.country, sizeof e.country, tsv_field(&r, iso));
        add_entry(c, text, &e);
        if (strcmp(k, "demonym") == 0) {
            /* feminine, the sound plurals and feminine plural, the accusative
             * (قتل 60 فلسطينيا) and the nominative dual (فلسطينيان); a country
             * spelt the same (سوريا، ليبيا) keeps its name reading first */
            static const char *const endings[] = {"ة", "ون", "ين", "ات", "ا", "ان"};
            for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
                char form[512];
                snprintf(form, sizeof form, "%s%s", text, endings[i]);
                add_entry(c, form, &e);
            }
        }
    }
    tsv_close(&r);
    return true;
}

static bool read_orgs(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "orgs.tsv"))
        return false;
    int org = tsv_column(&r, "org"), arabic = tsv_column(&r, "arabic"), sector = tsv_column(&r, "sector");
    if (org < 0 || arabic < 0 || sector < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        lexicon_entry e = blank_entry(LEX_IGO);
        copy_code(e.org, sizeof e.org, tsv_field(&r, org));
        copy_code(e.sector, sizeof e.sector, tsv_field(&r, sector));
        add_entry(c, tsv_field(&r, arabic), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_groups(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "groups.tsv"))
        return false;
    int arabic = tsv_column(&r, "arabic"), iso = tsv_column(&r, "iso3"), sector = tsv_column(&r, "sector");
    if (arabic < 0 || iso < 0 || sector < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        lexicon_entry e = blank_entry(LEX_GROUP);
        copy_code(e.country, sizeof e.country, tsv_field(&r, iso));
        copy_code(e.sector, sizeof e.sector, tsv_field(&r, sector));
        add_entry(c, tsv_field(&r, arabic), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_media(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "media.tsv"))
        return false;
    int arabic = tsv_column(&r, "arabic"), iso = tsv_column(&r, "iso3");
    if (arabic < 0 || iso < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        lexicon_entry e = blank_entry(LEX_MEDIA);
        copy_code(e.country, sizeof e.country, tsv_field(&r, iso));
        copy_code(e.sector, sizeof e.sector, "MED");
        add_entry(c, tsv_field(&r, arabic), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_sectors(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "sectors.tsv"))
        return false;
    int arabic = tsv_column(&r, "arabic"), sector = tsv_column(&r, "sector"), kind = tsv_column(&r, "kind");
    if (arabic < 0 || sector < 0 || kind < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        static const struct { const char *name; sector_word_kind kind; } kinds[] = {
            {"institution", SECTOR_INSTITUTION}, {"title", SECTOR_TITLE},
            {"group_noun", SECTOR_GROUP_NOUN}, {"qualifier", SECTOR_QUALIFIER},
        };
        const char *k = tsv_field(&r, kind);
        lexicon_entry e = blank_entry(LEX_SECTOR);
        size_t i = 0;
        for (; i < 4 && strcmp(kinds[i].name, k) != 0; i++)
            ;
        if (i == 4) {
            problem(c, &r, "unknown kind (institution, title, group_noun, qualifier)");
            continue;
        }
        e.subkind = (uint8_t)kinds[i].kind;
        copy_code(e.sector, sizeof e.sector, tsv_field(&r, sector));
        add_entry(c, tsv_field(&r, arabic), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_places(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "places.tsv"))
        return false;
    int arabic = tsv_column(&r, "arabic"), iso = tsv_column(&r, "iso3"), lat = tsv_column(&r, "lat"),
        lon = tsv_column(&r, "lon"), population = tsv_column(&r, "population"), kind = tsv_column(&r, "kind"),
        source = tsv_column(&r, "source");
    if (arabic < 0 || iso < 0 || lat < 0 || lon < 0 || population < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        lexicon_entry e = blank_entry(LEX_PLACE);
        copy_code(e.country, sizeof e.country, tsv_field(&r, iso));
        char *end;
        double v = strtod(tsv_field(&r, lat), &end);
        if (end != tsv_field(&r, lat))
            e.lat = (float)v;
        v = strtod(tsv_field(&r, lon), &end);
        if (end != tsv_field(&r, lon))
            e.lon = (float)v;
        e.population = (uint32_t)strtoul(tsv_field(&r, population), NULL, 10);
        if (kind >= 0 && strcmp(tsv_field(&r, kind), "homograph") == 0)
            e.subkind = PLACE_HOMOGRAPH;
        else if (source >= 0 && strcmp(tsv_field(&r, source), "curated") == 0)
            e.subkind = PLACE_CURATED;
        add_entry(c, tsv_field(&r, arabic), &e);
    }
    tsv_close(&r);
    return true;
}

/* Optional tables: a missing file is not an error (older data/ trees). */
static bool optional_table(tsv_reader *r, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (access(path, R_OK) != 0)
        return false;
    return tsv_open(r, path);
}

/* Adds a verb in the persons news uses, from its past (third person
 * masculine singular) and imperfect: قصف/يقصف → قصف قصفت قصفوا قصفا قصفتا،
 * يقصف تقصف نقصف يقصفون تقصفون يقصفان تقصفان يقصفن.  Verbs ending in
 * a long vowel (دعا، التقى) drop it before the suffixes.  Only the first
 * word of a phrase inflects (حمل المسؤولية → حملت المسؤولية). */
static void add_verb_forms(compiler *c, const char *past, const char *imperfect, const lexicon_entry *e)
{
    char first[256], rest[512] = "";
    const char *space = strchr(past, ' ');
    size_t n = space ? (size_t)(space - past) : strlen(past);
    if (n >= sizeof first)
        return;
    memcpy(first, past, n);
    first[n] = '\0';
    if (space)
        snprintf(rest, sizeof rest, "%s", space);
    char form[1024];
    /* Arabic puts the subject inside such a phrase (تبادل الطرفان اللوم), so
     * the first word alone is a trigger too when the rest follows it. */
    lexicon_entry split = *e;
    if (space) {
        byte_buffer key = {0};
        if (phrase_key(c, space + 1, &key))
            split.requires = add_string(c, key.data, key.len);
        buffer_free(&key);
    }
    /* no feminine plural "ن": rare in news, and وعدن is و + عدن (Aden) */
    static const char *const past_endings[] = {"", "ت", "وا", "ا", "تا"};
    size_t len = strlen(first);
    bool long_vowel = len >= 2 && (strcmp(first + len - 2, "ا") == 0 || strcmp(first + len - 2, "ى") == 0);
    /* The dual "ا" of a three-letter verb is a common name too (دانا، زارا،
     * قادا) and the dual is rare in news: only longer verbs take it. */
    size_t letters = 0;
    for (const char *q = first; *q; q++)
        letters += ((unsigned char)*q & 0xC0) != 0x80;
    for (size_t i = 0; i < sizeof past_endings / sizeof past_endings[0]; i++) {
        if (i == 3 && letters <= 3 && !long_vowel)
            continue;
        if (long_vowel && i > 0) {
            if (i > 2)
                break;
            snprintf(form, sizeof form, "%.*s%s%s", (int)(len - 2), first, past_endings[i], rest);
        } else {
            snprintf(form, sizeof form, "%s%s%s", first, past_endings[i], rest);
        }
        add_entry(c, form, e);
        if (space) {
            form[strlen(form) - strlen(rest)] = '\0';
            add_entry(c, form, &split);
        }
    }
    /* the imperfect: يفعل with its other prefixes and the plural and dual endings */
    const char *imp_space = strchr(imperfect, ' ');
    size_t m = imp_space ? (size_t)(imp_space - imperfect) : strlen(imperfect);
    if (m < 4 || m >= sizeof first || strncmp(imperfect, "ي", 2) != 0)
        return;
    char stem[256];
    memcpy(stem, imperfect + 2, m - 2);     /* without the ي */
    stem[m - 2] = '\0';
    const char *imp_rest = imp_space ? imp_space : "";
    static const char *const prefixes[] = {"ي", "ت", "ن"};
    static const char *const endings[] = {"", "ون", "ان", "ن"};
    for (size_t p = 0; p < 3; p++)
        for (size_t i = 0; i < 4; i++) {
            snprintf(form, sizeof form, "%s%s%s%s", prefixes[p], stem, endings[i], imp_rest);
            add_entry(c, form, e);
            if (imp_space) {
                form[strlen(form) - strlen(imp_rest)] = '\0';
                add_entry(c, form, &split);
            }
        }
}

static bool read_triggers(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!optional_table(&r, dir, "triggers.tsv"))
        return true;
    int phrase = tsv_column(&r, "phrase"), type = tsv_column(&r, "event_type"), mode = tsv_column(&r, "mode"),
        pos = tsv_column(&r, "pos");
    int imperfect = -1, symmetric = -1;   /* optional columns */
    for (size_t i = 0; i < r.header_count; i++) {
        if (strcmp(r.header[i], "imperfect") == 0)
            imperfect = (int)i;
        if (strcmp(r.header[i], "symmetric") == 0)
            symmetric = (int)i;
    }
    if (phrase < 0 || type < 0 || mode < 0 || pos < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        int t = event_type_named(tsv_field(&r, type));
        if (t < 0) {
            problem(c, &r, "unknown event_type");
            continue;
        }
        lexicon_entry e = blank_entry(LEX_TRIGGER);
        e.event_type = (uint8_t)t;
        const char *p = tsv_field(&r, pos);
        e.trigger_pos = strcmp(p, "verb") == 0 ? TRIGGER_VERB : strcmp(p, "noun") == 0 ? TRIGGER_NOUN : TRIGGER_PHRASE;
        e.mode = add_string(c, tsv_field(&r, mode), strlen(tsv_field(&r, mode)));
        e.symmetric = strcmp(tsv_field(&r, symmetric), "yes") == 0;
        if (e.trigger_pos == TRIGGER_VERB)
            add_verb_forms(c, tsv_field(&r, phrase), tsv_field(&r, imperfect), &e);
        else
            add_entry(c, tsv_field(&r, phrase), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_modality_cues(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!optional_table(&r, dir, "modality_cues.tsv"))
        return true;
    int phrase = tsv_column(&r, "phrase"), modality = tsv_column(&r, "modality"), scope = tsv_column(&r, "scope");
    if (phrase < 0 || modality < 0 || scope < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        static const struct { const char *name; cue_kind kind; } kinds[] = {
            {"future", CUE_FUTURE}, {"negated", CUE_NEGATED}, {"hypothetical", CUE_HYPOTHETICAL},
            {"historical", CUE_HISTORICAL},
        };
        const char *m = tsv_field(&r, modality);
        size_t i = 0;
        for (; i < 4 && strcmp(kinds[i].name, m) != 0; i++)
            ;
        if (i == 4) {
            problem(c, &r, "unknown modality (future, negated, hypothetical, historical)");
            continue;
        }
        /* prefixes (سـ) are read from the clitic readings, not matched as words */
        if (strcmp(tsv_field(&r, scope), "prefix") == 0)
            continue;
        lexicon_entry e = blank_entry(LEX_CUE);
        e.subkind = (uint8_t)kinds[i].kind;
        add_entry(c, tsv_field(&r, phrase), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_speech_verbs(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!optional_table(&r, dir, "speech_verbs.tsv"))
        return true;
    int word = tsv_column(&r, "word");
    if (word < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        lexicon_entry e = blank_entry(LEX_CUE);
        e.subkind = CUE_SPEECH;
        add_entry(c, tsv_field(&r, word), &e);
    }
    tsv_close(&r);
    return true;
}

static bool read_casualty_words(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!optional_table(&r, dir, "casualty_words.tsv"))
        return true;
    int word = tsv_column(&r, "word"), kind = tsv_column(&r, "kind"), side = tsv_column(&r, "side");
    if (word < 0 || kind < 0 || side < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        const char *k = tsv_field(&r, kind), *sd = tsv_field(&r, side);
        lexicon_entry e = blank_entry(LEX_CUE);
        if (strcmp(k, "dead") == 0)
            e.subkind = CUE_DEAD;
        else if (strcmp(k, "died") == 0)
            e.subkind = CUE_DIED;
        else if (strcmp(k, "injured") == 0)
            e.subkind = CUE_INJURED;
        else if (strcmp(k, "arrested") == 0)
            e.subkind = CUE_ARRESTED;
        else {
            problem(c, &r, "unknown kind (dead, died, injured, arrested)");
            continue;
        }
        e.cue_scope = strcmp(sd, "after") == 0 ? CASUALTY_AFTER_FIGURE
                      : strcmp(sd, "before") == 0 ? CASUALTY_BEFORE_FIGURE : CASUALTY_EITHER_SIDE;
        add_entry(c, tsv_field(&r, word), &e);
    }
    tsv_close(&r);
    return true;
}

static uint32_t find_or_add_person(compiler *c, const char *slug)
{
    for (size_t i = c->person_count; i-- > 0;)
        if (strcmp(c->persons[i].slug, slug) == 0)
            return (uint32_t)i;
    grow_array((void **)&c->persons, &c->person_cap, c->person_count + 1, sizeof *c->persons);
    pending_person *p = &c->persons[c->person_count];
    memset(p, 0, sizeof *p);
    p->slug = xstrndup(slug, strlen(slug));
    return (uint32_t)c->person_count++;
}

static uint32_t parse_date(const char *s)
{
    int y, m, d;
    if (strcmp(s, "-") == 0 || *s == '\0')
        return 99999999u;
    if (sscanf(s, "%d-%d-%d", &y, &m, &d) != 3)
        return 0;
    return (uint32_t)(y * 10000 + m * 100 + d);
}

static bool read_people(compiler *c, const char *dir)
{
    tsv_reader r;
    if (!open_table(&r, dir, "people_roles.tsv"))
        return false;
    int person = tsv_column(&r, "person"), iso = tsv_column(&r, "iso3"), sector = tsv_column(&r, "sector"),
        role = tsv_column(&r, "role"), from = tsv_column(&r, "from"), to = tsv_column(&r, "to"),
        org = tsv_column(&r, "org");
    if (person < 0 || iso < 0 || sector < 0 || role < 0 || from < 0 || to < 0 || org < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        uint32_t index = find_or_add_person(c, tsv_field(&r, person));     /* may move c->persons */
        pending_person *p = &c->persons[index];
        grow_array((void **)&p->roles, &p->role_cap, p->role_count + 1, sizeof *p->roles);
        lexicon_role *x = &p->roles[p->role_count++];
        memset(x, 0, sizeof *x);
        copy_code(x->country, sizeof x->country, tsv_field(&r, iso));
        copy_code(x->sector, sizeof x->sector, tsv_field(&r, sector));
        copy_code(x->org, sizeof x->org, tsv_field(&r, org));
        x->from = parse_date(tsv_field(&r, from));
        x->to = parse_date(tsv_field(&r, to));
        if (x->from == 0 || x->to == 0)
            problem(c, &r, "dates must be YYYY-MM-DD (or - for an open end)");
        x->role = add_string(c, tsv_field(&r, role), strlen(tsv_field(&r, role)));
    }
    tsv_close(&r);

    if (!open_table(&r, dir, "people_names.tsv"))
        return false;
    person = tsv_column(&r, "person");
    int arabic = tsv_column(&r, "arabic");
    if (person < 0 || arabic < 0)
        return tsv_close(&r), false;
    while (tsv_next(&r)) {
        lexicon_entry e = blank_entry(LEX_PERSON);
        e.person = find_or_add_person(c, tsv_field(&r, person));
        add_entry(c, tsv_field(&r, arabic), &e);
    }
    tsv_close(&r);
    return true;
}

/* ---- assembling the file */

static int compare_pending(const void *a, const void *b)
{
    const pending_entry *x = a, *y = b;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int d = memcmp(x->key, y->key, n);
    if (d)
        return d;
    if (x->key_len != y->key_len)
        return x->key_len < y->key_len ? -1 : 1;
    if (x->entry.kind != y->entry.kind)
        return x->entry.kind - y->entry.kind;
    /* the bigger place first: طرابلس is Tripoli of Libya before Tripoli of Lebanon */
    if (x->entry.population != y->entry.population)
        return x->entry.population > y->entry.population ? -1 : 1;
    return memcmp(x->entry.country, y->entry.country, sizeof x->entry.country);
}

static bool same_key(const pending_entry *a, const pending_entry *b)
{
    return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

static bool same_fact(const lexicon_entry *a, const lexicon_entry *b)
{
    return a->kind == b->kind && a->subkind == b->subkind && a->person == b->person &&
           a->event_type == b->event_type && a->trigger_pos == b->trigger_pos && a->cue_scope == b->cue_scope &&
           a->requires == b->requires &&
           memcmp(a->country, b->country, sizeof a->country) == 0 && memcmp(a->sector, b->sector, sizeof a->sector) == 0 &&
           memcmp(a->org, b->org, sizeof a->org) == 0;
}

static lexicon_slot *find_slot(lexicon_slot *slots, uint32_t mask, const char *pool, const char *key, size_t len)
{
    uint64_t h = lexicon_hash(key, len);
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        lexicon_slot *s = &slots[i];
        if (s->hash == 0 || (s->hash == h && s->key_len == len && memcmp(pool + s->key_offset, key, len) == 0))
            return s;
    }
}

/* Capitals take the coordinates of the place of the same name and country. */
static void give_capitals_coordinates(compiler *c)
{
    for (size_t i = 0; i < c->entry_count; i++) {
        pending_entry *cap = &c->entries[i];
        if (cap->entry.kind != LEX_CAPITAL)
            continue;
        for (size_t j = i + 1; j < c->entry_count && same_key(&c->entries[j], cap); j++) {
            const lexicon_entry *place = &c->entries[j].entry;
            if (place->kind == LEX_PLACE && strcmp(place->country, cap->entry.country) == 0 && !isnan(place->lat)) {
                cap->entry.lat = place->lat;
                cap->entry.lon = place->lon;
                cap->entry.population = place->population;
                break;
            }
        }
    }
}

static bool write_file(compiler *c, const char *out_path)
{
    qsort(c->entries, c->entry_count, sizeof *c->entries, compare_pending);
    give_capitals_coordinates(c);

    /* distinct entries, and one slot per distinct phrase and prefix */
    lexicon_entry *entries = xcalloc(c->entry_count ? c->entry_count : 1, sizeof *entries);
    size_t entry_count = 0, phrase_count = 0, prefix_budget = 0;
    for (size_t i = 0; i < c->entry_count; i++) {
        if (i == 0 || !same_key(&c->entries[i - 1], &c->entries[i]))
            phrase_count++;
        for (size_t k = 0; k < c->entries[i].key_len; k++)
            prefix_budget += c->entries[i].key[k] == LEXICON_SEPARATOR;
    }
    uint32_t slot_count = 1024;
    while (slot_count < 2 * (phrase_count + prefix_budget) + 16)
        slot_count *= 2;
    lexicon_slot *slots = xcalloc(slot_count, sizeof *slots);
    uint32_t mask = slot_count - 1;

    for (size_t i = 0; i < c->entry_count;) {
        size_t j = i;
        const pending_entry *first = &c->entries[i];
        uint32_t first_entry = (uint32_t)entry_count;
        for (; j < c->entry_count && same_key(&c->entries[j], first); j++) {
            if (entry_count > first_entry && same_fact(&entries[entry_count - 1], &c->entries[j].entry))
                continue;
            entries[entry_count++] = c->entries[j].entry;
        }
        uint32_t key_offset = add_string(c, first->key, first->key_len);
        lexicon_slot *s = find_slot(slots, mask, c->strings.data, first->key, first->key_len);
        if (s->hash == 0) {
            s->hash = lexicon_hash(first->key, first->key_len);
            s->key_offset = key_offset;
            s->key_len = (uint32_t)first->key_len;
        }
        s->first_entry = first_entry;
        uint32_t n = (uint32_t)(entry_count - first_entry);
        s->entry_count = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
        /* every shorter token sequence it starts with is a prefix */
        for (size_t k = 0; k < first->key_len; k++) {
            if (first->key[k] != LEXICON_SEPARATOR)
                continue;
            lexicon_slot *p = find_slot(slots, mask, c->strings.data, first->key, k);
            if (p->hash == 0) {
                p->hash = lexicon_hash(first->key, k);
                p->key_offset = key_offset;     /* the prefix is the start of the full key */
                p->key_len = (uint32_t)k;
            }
            p->flags |= SLOT_IS_PREFIX;
        }
        i = j;
    }

    /* people and their roles, roles sorted by start */
    lexicon_person *persons = xcalloc(c->person_count ? c->person_count : 1, sizeof *persons);
    size_t role_total = 0;
    for (size_t i = 0; i < c->person_count; i++)
        role_total += c->persons[i].role_count;
    lexicon_role *roles = xcalloc(role_total ? role_total : 1, sizeof *roles);
    size_t role_count = 0;
    for (size_t i = 0; i < c->person_count; i++) {
        pending_person *p = &c->persons[i];
        for (size_t a = 1; a < p->role_count; a++)      /* insertion sort: a handful of roles each */
            for (size_t b = a; b > 0 && p->roles[b - 1].from > p->roles[b].from; b--) {
                lexicon_role tmp = p->roles[b];
                p->roles[b] = p->roles[b - 1];
                p->roles[b - 1] = tmp;
            }
        persons[i].first_role = (uint32_t)role_count;
        persons[i].role_count = (uint32_t)p->role_count;
        persons[i].slug = add_string(c, p->slug, strlen(p->slug));
        memcpy(roles + role_count, p->roles, p->role_count * sizeof *roles);
        role_count += p->role_count;
    }

    uint64_t *filter = xcalloc(LEXICON_FILTER_BITS / 64, sizeof *filter);
    for (uint32_t i = 0; i < slot_count; i++)
        if (slots[i].hash && slots[i].key_len) {
            uint32_t bit = lexicon_filter_bit(c->strings.data + slots[i].key_offset, slots[i].key_len);
            filter[bit / 64] |= (uint64_t)1 << (bit % 64);
        }

    lexicon_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, LEXICON_MAGIC, 8);
    h.version = LEXICON_VERSION;
    h.slot_count = slot_count;
    h.entry_count = (uint32_t)entry_count;
    h.person_count = (uint32_t)c->person_count;
    h.role_count = (uint32_t)role_count;
    h.filter_offset = sizeof h;                 /* 8-byte aligned, like the slots after it */
    h.slots_offset = h.filter_offset + LEXICON_FILTER_BITS / 8;
    h.entries_offset = h.slots_offset + (uint64_t)slot_count * sizeof *slots;
    h.persons_offset = h.entries_offset + entry_count * sizeof *entries;
    h.roles_offset = h.persons_offset + c->person_count * sizeof *persons;
    h.strings_offset = h.roles_offset + role_count * sizeof *roles;
    h.strings_size = c->strings.len;

    char tmp_path[4096];
    snprintf(tmp_path, sizeof tmp_path, "%s.tmp", out_path);
    FILE *f = fopen(tmp_path, "wb");
    bool ok = f != NULL;
    if (ok) {
        ok = fwrite(&h, sizeof h, 1, f) == 1 &&
             fwrite(filter, 8, LEXICON_FILTER_BITS / 64, f) == LEXICON_FILTER_BITS / 64 &&
             fwrite(slots, sizeof *slots, slot_count, f) == slot_count &&
             fwrite(entries, sizeof *entries, entry_count, f) == entry_count &&
             fwrite(persons, sizeof *persons, c->person_count, f) == c->person_count &&
             fwrite(roles, sizeof *roles, role_count, f) == role_count &&
             fwrite(c->strings.data, 1, c->strings.len, f) == c->strings.len;
        ok = (fclose(f) == 0) && ok;
    }
    if (ok)
        ok = rename(tmp_path, out_path) == 0;
    if (!ok)
        fprintf(stderr, "marsad: cannot write %s\n", out_path);
    else if (c->verbose)
        fprintf(stderr, "lexicon: %zu phrases, %zu entries, %zu people, %zu roles -> %s\n", phrase_count, entry_count,
                c->person_count, role_count, out_path);
    free(filter);
    free(entries);
    free(slots);
    free(persons);
    free(roles);
    return ok;
}

bool lexicon_compile(const char *data_dir, const char *out_path, bool verbose)
{
    compiler c;
    memset(&c, 0, sizeof c);
    c.verbose = verbose;
    bool ok = read_countries(&c, data_dir) && read_orgs(&c, data_dir) && read_groups(&c, data_dir) &&
              read_media(&c, data_dir) && read_sectors(&c, data_dir) && read_places(&c, data_dir) &&
              read_people(&c, data_dir) && read_triggers(&c, data_dir) && read_modality_cues(&c, data_dir) &&
              read_speech_verbs(&c, data_dir) && read_casualty_words(&c, data_dir);
    if (ok && c.problems == 0)
        ok = write_file(&c, out_path);
    else
        ok = false;
    for (size_t i = 0; i < c.entry_count; i++)
        free(c.entries[i].key);
    free(c.entries);
    for (size_t i = 0; i < c.person_count; i++) {
        free(c.persons[i].slug);
        free(c.persons[i].roles);
    }
    free(c.persons);
    buffer_free(&c.strings);
    token_list_free(&c.tokens);
    return ok;
}
