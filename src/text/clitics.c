/*
 * clitics.c — see clitics.h.
 *
 * The clitic inventory is small and closed, so it is written out here as
 * tables rather than read from data/: it is grammar, not vocabulary.
 * A reading must leave a stem of at least two letters, and the article
 * is not combined with a pronoun suffix (الكتابه is not ال+كتاب+ه).
 */
#include "clitics.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *bytes;
    uint8_t len;
} clitic;

#define CLITIC(s) {s, sizeof(s) - 1}

/* This runs on every word of every article, so it does not search: a
 * table says what each letter can be at the edge of a word, the first
 * letters then decide the proclitic stacks and the last letter the pronoun
 * suffixes, and the readings are their combinations.  Every clitic letter
 * is a two-byte letter of U+0600..U+067F, whose two bytes read as one
 * number lie in 0xD880..0xD9BF: letter_index() numbers them from 0. */
#define LETTER(cp) (((0xC0u | (cp) >> 6) << 8 | 0x80u | ((cp) & 0x3F)) - 0xD880u)
#define NOT_A_CLITIC_LETTER (LETTER(0x067F) + 1)

/* The number of the letter at p (both bytes are readable), or
 * NOT_A_CLITIC_LETTER when p holds anything else.  Equal numbers are equal
 * bytes. */
static inline unsigned letter_index(const char *p)
{
    unsigned pair = ((unsigned)(unsigned char)p[0] << 8 | (unsigned char)p[1]) - 0xD880u;
    return pair < NOT_A_CLITIC_LETTER ? pair : NOT_A_CLITIC_LETTER;
}

/* What a word's first letter can begin, in the order Arabic stacks
 * proclitics: conjunction, then preposition or future particle, then the
 * article. */
enum {
    BEGINS_NOTHING = 0,
    BEGINS_CONJUNCTION,     /* و ف */
    BEGINS_PREPOSITION,     /* ب ك; ل also begins لل (ل + ال) */
    BEGINS_LAM,             /* ل */
    BEGINS_FUTURE,          /* س: only before a verb, so never with the article */
    BEGINS_ARTICLE          /* ا of ال */
};
static const uint8_t proclitic_role[NOT_A_CLITIC_LETTER + 1] = {
    [LETTER(0x0648)] = BEGINS_CONJUNCTION,    /* و */
    [LETTER(0x0641)] = BEGINS_CONJUNCTION,    /* ف */
    [LETTER(0x0628)] = BEGINS_PREPOSITION,    /* ب */
    [LETTER(0x0643)] = BEGINS_PREPOSITION,    /* ك */
    [LETTER(0x0644)] = BEGINS_LAM,            /* ل */
    [LETTER(0x0633)] = BEGINS_FUTURE,         /* س */
    [LETTER(0x0627)] = BEGINS_ARTICLE,        /* ا */
};
#define HEH LETTER(0x0647)

/* Pronoun suffixes grouped by their last letter, longest first, so that
 * "هما" is tried before "ها": a word's suffixes are all in the group of
 * its last letter.  At most two of a group can match (ني and ي). */
static const clitic enclitic_groups[][4] = {
    {{0}},
    {CLITIC("هما"), CLITIC("كما"), CLITIC("ها"), CLITIC("نا")},
    {CLITIC("هم"), CLITIC("كم")},
    {CLITIC("هن"), CLITIC("كن")},
    {CLITIC("ني"), CLITIC("ي")},
    {CLITIC("ه")},
    {CLITIC("ك")},
};
static const uint8_t enclitic_group_of[NOT_A_CLITIC_LETTER + 1] = {
    [LETTER(0x0627)] = 1,    /* ا */
    [LETTER(0x0645)] = 2,    /* م */
    [LETTER(0x0646)] = 3,    /* ن */
    [LETTER(0x064A)] = 4,    /* ي */
    [LETTER(0x0647)] = 5,    /* ه */
    [LETTER(0x0643)] = 6,    /* ك */
};

#define MIN_STEM_LETTERS 2

static const clitic heh = CLITIC("ه");
static const clitic teh = CLITIC("ت");

/* Clitics are made of two-byte letters, so compare sixteen bits at a time. */
static inline uint16_t letter_at(const char *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

static size_t letters_in(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* At least MIN_STEM_LETTERS code points; four bytes always hold two. */
static inline bool long_enough(const char *stem, size_t len)
{
    return len >= 4 || letters_in(stem, len) >= MIN_STEM_LETTERS;
}

typedef struct {
    uint8_t len;              /* bytes of the suffix */
    bool stem_ends_in_teh;    /* حكومتها: the ة of حكومة is written ت before a suffix */
} suffix_match;

typedef struct {
    const char *key;
    size_t len;
    clitic_reading *out;
    size_t count, max;
    suffix_match suffixes[2];
    size_t suffix_count;
} reading_set;

/* Which pronoun suffixes the word (of at least six bytes) ends with; a
 * final ه that was written ة is no pronoun.  The last letter, the same in
 * the whole group, needs no second look. */
static inline void find_suffixes(reading_set *set, unsigned last, bool final_is_teh_marbuta)
{
    if (final_is_teh_marbuta && last == HEH)
        return;
    const char *key = set->key;
    size_t len = set->len;
    const clitic *group = enclitic_groups[enclitic_group_of[last]];
    for (size_t i = 0; i < sizeof enclitic_groups[0] / sizeof group[0] && group[i].len; i++) {
        size_t n = group[i].len;
        if ((n >= 4 && letter_at(key + len - 4) != letter_at(group[i].bytes + n - 4)) ||
            (n >= 6 && letter_at(key + len - 6) != letter_at(group[i].bytes)))
            continue;
        suffix_match *m = &set->suffixes[set->suffix_count++];
        m->len = (uint8_t)n;
        m->stem_ends_in_teh = len >= n + 2 && letter_at(key + len - n - 2) == letter_at(teh.bytes);
    }
}

static inline void add_reading(reading_set *set, const clitic_reading *stack, size_t stem_len, size_t enclitic_len,
                               bool restore)
{
    if (set->count >= set->max || !long_enough(set->key + stack->stem_offset, stem_len))
        return;
    clitic_reading *r = &set->out[set->count++];
    *r = *stack;
    r->enclitic_len = (uint8_t)enclitic_len;
    r->restored_teh_marbuta = restore;
    r->stem_len = (uint16_t)stem_len;
}

/* The stem after a stack of proclitics with each pronoun suffix; none
 * after the article: الكتابه is not ال+كتاب+ه. */
static void add_suffixed(reading_set *set, const clitic_reading *stack)
{
    if (stack->has_article)
        return;
    size_t rest = set->len - stack->stem_offset;
    for (size_t i = 0; i < set->suffix_count; i++) {
        const suffix_match *m = &set->suffixes[i];
        if (m->len >= rest)
            continue;
        add_reading(set, stack, rest - m->len, m->len, false);
        if (m->stem_ends_in_teh)
            add_reading(set, stack, rest - m->len, m->len, true);
    }
}

/* The stem after a stack of proclitics, bare and with each suffix. */
static inline void add_stack(reading_set *set, const clitic_reading *stack)
{
    add_reading(set, stack, set->len - stack->stem_offset, 0, false);
    if (set->suffix_count > 0)
        add_suffixed(set, stack);
}

/* The stacks of proclitics differ only in their clitics' lengths (و ف ب ل
 * ك س are one letter, ال and لل two), so each shape is written once, as a
 * reading with only its proclitic fields set, without a conjunction and
 * after one. */
enum { ONE_LETTER, ARTICLE, LETTER_AND_ARTICLE, STACK_SHAPES };
static const clitic_reading stack_shapes[2][STACK_SHAPES] = {
    {
        [ONE_LETTER] = {.proclitic_count = 1, .proclitic_len = {2}, .stem_offset = 2},
        [ARTICLE] = {.proclitic_count = 1, .proclitic_len = {4}, .has_article = true, .stem_offset = 4},
        [LETTER_AND_ARTICLE] = {.proclitic_count = 2, .proclitic_len = {2, 4}, .has_article = true, .stem_offset = 6},
    },
    {
        [ONE_LETTER] = {.proclitic_count = 2, .proclitic_len = {2, 2}, .stem_offset = 4},
        [ARTICLE] = {.proclitic_count = 2, .proclitic_len = {2, 4}, .has_article = true, .stem_offset = 6},
        [LETTER_AND_ARTICLE] = {.proclitic_count = 3, .proclitic_len = {2, 2, 4}, .has_article = true, .stem_offset = 8},
    },
};
static const clitic_reading no_proclitics = {0};
#define CONJUNCTION_ALONE (&stack_shapes[0][ONE_LETTER])

/* The stacks that begin at rest with a letter of the given role, after a
 * conjunction or not: a preposition, the future particle or the article,
 * in the order Arabic stacks them. */
static inline void add_stacks_at(reading_set *set, const char *rest, unsigned role, bool after_conjunction)
{
    const clitic_reading *shape = stack_shapes[after_conjunction];
    switch (role) {
    case BEGINS_ARTICLE:
        if (letter_at(rest + 2) == letter_at("ل"))
            add_stack(set, &shape[ARTICLE]);
        break;
    case BEGINS_FUTURE:
        add_stack(set, &shape[ONE_LETTER]);
        break;
    case BEGINS_LAM:
        if (letter_at(rest + 2) == letter_at("ل"))    /* لل: ل + ال, written as one */
            add_stack(set, &shape[ARTICLE]);
        /* fall through */
    case BEGINS_PREPOSITION:
        add_stack(set, &shape[ONE_LETTER]);
        if (letter_at(rest + 2) == letter_at("ا") && letter_at(rest + 4) == letter_at("ل"))
            add_stack(set, &shape[LETTER_AND_ARTICLE]);
        break;
    }
}

/* The readings after out[0] of a word that starts with a proclitic
 * letter or ends with a suffix letter. */
static size_t add_clitic_readings(const char *key, size_t len, unsigned role, unsigned last, bool final_is_teh_marbuta,
                                  clitic_reading *out, size_t max)
{
    reading_set set = {.key = key, .len = len, .out = out, .count = 1, .max = max};
    find_suffixes(&set, last, final_is_teh_marbuta);
    /* Stacks differ in length and suffixes too, so no two readings share
     * a stem; the whole word without suffix is out[0] already. */
    if (set.suffix_count > 0)
        add_suffixed(&set, &no_proclitics);
    add_stacks_at(&set, key, role, false);
    if (role == BEGINS_CONJUNCTION) {
        add_stack(&set, CONJUNCTION_ALONE);
        /* three letters must follow for anything more to be peeled */
        if (len >= 8)
            add_stacks_at(&set, key + 2, proclitic_role[letter_index(key + 2)], true);
    }
    return set.count;
}

size_t clitic_readings(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out, size_t max)
{
    if (max == 0)
        return 0;
    /* The whole word comes first, whatever letters it starts with. */
    memset(&out[0], 0, sizeof out[0]);
    out[0].stem_len = (uint16_t)(len > CLITIC_MAX_WORD ? 0 : len);
    if (len > CLITIC_MAX_WORD || len < 6)     /* under three letters nothing can be peeled */
        return 1;
    unsigned role = proclitic_role[letter_index(key)], last = letter_index(key + len - 2);
    if (role == BEGINS_NOTHING && enclitic_group_of[last] == 0)
        return 1;
    return add_clitic_readings(key, len, role, last, final_is_teh_marbuta, out, max);
}

size_t clitic_stem(const char *key, const clitic_reading *r, char *buf)
{
    size_t n = r->stem_len;
    memcpy(buf, key + r->stem_offset, n);
    if (r->restored_teh_marbuta)
        memcpy(buf + n - teh.len, heh.bytes, heh.len);
    buf[n] = '\0';
    return n;
}

char *clitic_reading_format(const char *key, size_t len, const clitic_reading *r, char *buf, size_t size)
{
    char stem[CLITIC_MAX_WORD + 1];
    size_t used = 0, pos = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->proclitic_count && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%.*s+", (int)r->proclitic_len[i], key + pos);
        pos += r->proclitic_len[i];
        if (n > 0)
            used += (size_t)n;
    }
    size_t stem_len = clitic_stem(key, r, stem);
    if (used < size) {
        int n = snprintf(buf + used, size - used, "%.*s", (int)stem_len, stem);
        if (n > 0)
            used += (size_t)n;
    }
    if (r->enclitic_len && used < size)
        snprintf(buf + used, size - used, "+%.*s", (int)r->enclitic_len, key + len - r->enclitic_len);
    return buf;
}
