/*
 * clitics.c — see clitics.h.
 *
 * The clitic inventory is small and closed, so it is written out here as
 * tables rather than read from data/: it is grammar, not vocabulary.
 * A reading must leave a stem of at least two letters, and the article
 * is not combined with a pronoun suffix (الكتابه is not ال+كتاب+ه).
 */
#include "clitics.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"

typedef struct {
    const char *bytes;
    uint8_t len;
} clitic;

#define CLITIC(s) {s, sizeof(s) - 1}

/* This runs on every word of every article, so it neither searches nor
 * branches on the word's letters: a table says what each letter can be at
 * the edge of a word, the first four letters' roles pick the stacks of
 * proclitics, the last four letters pick the pronoun suffixes, and the
 * pair picks a list of readings built once at start-up, each waiting only
 * for its stem's length.  Every clitic letter is a two-byte letter of
 * U+0600..U+067F, whose two bytes read as one number lie in
 * 0xD880..0xD9BF: letter_index() numbers them from 0. */
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

/* What a letter can begin, in the order Arabic stacks proclitics:
 * conjunction, then preposition or future particle, then the article. */
enum {
    BEGINS_NOTHING = 0,
    BEGINS_CONJUNCTION,     /* و ف */
    BEGINS_PREPOSITION,     /* ب ك; ل also begins لل (ل + ال) */
    BEGINS_LAM,             /* ل, also the ل of ال */
    BEGINS_FUTURE,          /* س: only before a verb, so never with the article */
    BEGINS_ARTICLE,         /* ا of ال */
    ROLES
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

/* What a letter can be at the end of a word: the last letter of a
 * pronoun suffix (ا م ن ي ه ك, each naming its group of suffixes below),
 * a letter before it, or ت: حكومتها is حكومة + ها. */
enum { OTHER_LETTER, ALEF, MEEM, NOON, YEH, HEH, KAF, TEH, EDGE_LETTERS };
static const uint8_t edge_letter[NOT_A_CLITIC_LETTER + 1] = {
    [LETTER(0x0627)] = ALEF, [LETTER(0x0645)] = MEEM, [LETTER(0x0646)] = NOON, [LETTER(0x064A)] = YEH,
    [LETTER(0x0647)] = HEH,  [LETTER(0x0643)] = KAF,  [LETTER(0x062A)] = TEH,
};

/* Pronoun suffixes grouped by their last letter, longest first, so that
 * "هما" is tried before "ها": a word's suffixes are all in the group of
 * its last letter.  Each gives its length and the letters that must come
 * before the last (OTHER_LETTER: any).  At most two of a group match
 * (ني and ي). */
typedef struct {
    uint8_t len, before_last, two_before_last;
} suffix_shape;
static const suffix_shape suffix_groups[][4] = {
    [ALEF] = {{6, MEEM, HEH}, {6, MEEM, KAF}, {4, HEH, 0}, {4, NOON, 0}},    /* هما كما ها نا */
    [MEEM] = {{4, HEH, 0}, {4, KAF, 0}},                                     /* هم كم */
    [NOON] = {{4, HEH, 0}, {4, KAF, 0}},                                     /* هن كن */
    [YEH] = {{4, NOON, 0}, {2, 0, 0}},                                       /* ني ي */
    [HEH] = {{2, 0, 0}},                                                     /* ه */
    [KAF] = {{2, 0, 0}},                                                     /* ك */
    [TEH] = {{0}},
};

#define MIN_STEM_LETTERS 2

static const clitic heh = CLITIC("ه");
static const clitic teh = CLITIC("ت");

static size_t letters_in(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* ---- the readings' lists, built once from the rules of Arabic */

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
#define CONJUNCTION_ALONE (&stack_shapes[0][ONE_LETTER])
static const clitic_reading no_proclitics = {0};
#define MAX_STACKS 4         /* و + the three stacks of ل after it */

/* Codes of a word's edges, three bits a letter: the first four letters'
 * roles, or the last four letters' edge classes (the last first), with
 * bit 12 set when the word has the eight bytes that reading a fourth
 * letter needs (without it that letter is whatever the word holds and
 * counts for nothing), and for the suffixes bit 13 when the last ه was ة. */
#define EIGHT_BYTES (1u << 12)
#define FINAL_TEH_MARBUTA (1u << 13)
#define PREFIX_CODES (1u << 13)
#define SUFFIX_CODES (1u << 14)
#define PREFIX_LISTS CLITIC_PREFIX_LISTS
#define SUFFIX_LISTS CLITIC_SUFFIX_LISTS
#define MAX_TEMPLATES (CLITIC_MAX_READINGS * PREFIX_LISTS * SUFFIX_LISTS)
#define LIST_PADDING CLITIC_LIST_PADDING
_Static_assert(PREFIX_CODES == CLITIC_PREFIX_CODES && SUFFIX_CODES == CLITIC_SUFFIX_CODES, "clitics.h agrees");

clitic_tables clitic_lists;
atomic_bool clitic_lists_ready;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

typedef struct {
    const clitic_reading *shapes[MAX_STACKS];
    size_t count;
} stack_list;

typedef struct {
    uint8_t len[2];
    bool stem_ends_in_teh[2];    /* حكومتها: the ة of حكومة is written ت before a suffix */
    size_t count;
} suffix_list;

/* The stacks that begin with a letter of the given role, the next two
 * letters' roles after it, after a conjunction or not. */
static void add_stacks(stack_list *list, unsigned role, unsigned next, unsigned after_next, bool after_conjunction)
{
    const clitic_reading *shape = stack_shapes[after_conjunction];
    switch (role) {
    case BEGINS_ARTICLE:
        if (next == BEGINS_LAM)
            list->shapes[list->count++] = &shape[ARTICLE];
        break;
    case BEGINS_FUTURE:
        list->shapes[list->count++] = &shape[ONE_LETTER];
        break;
    case BEGINS_LAM:
        if (next == BEGINS_LAM)    /* لل: ل + ال, written as one */
            list->shapes[list->count++] = &shape[ARTICLE];
        /* fall through */
    case BEGINS_PREPOSITION:
        list->shapes[list->count++] = &shape[ONE_LETTER];
        if (next == BEGINS_ARTICLE && after_next == BEGINS_LAM)
            list->shapes[list->count++] = &shape[LETTER_AND_ARTICLE];
        break;
    }
}

static stack_list stacks_of(unsigned code)
{
    unsigned role[4];
    bool long_enough_for_two = code & EIGHT_BYTES;
    for (int i = 3; i >= 0; i--, code >>= 3)
        role[i] = code & 7;
    stack_list list = {0};
    add_stacks(&list, role[0], role[1], role[2], false);
    if (role[0] == BEGINS_CONJUNCTION) {
        list.shapes[list.count++] = CONJUNCTION_ALONE;
        /* three letters must follow for anything more to be peeled */
        if (long_enough_for_two)
            add_stacks(&list, role[1], role[2], role[3], true);
    }
    return list;
}

/* letter[k] is the edge class of the letter k places before the last. */
static suffix_list suffixes_of(unsigned code)
{
    unsigned letter[4];
    bool eight = code & EIGHT_BYTES;
    for (int k = 3; k >= 0; k--)
        letter[k] = (code >> (3 * (3 - k))) & 7;
    unsigned group = letter[0];
    if ((code & FINAL_TEH_MARBUTA) && group == HEH)    /* a ه that was ة is no pronoun */
        group = OTHER_LETTER;
    suffix_list list = {0};
    for (size_t i = 0; i < 4 && suffix_groups[group][i].len; i++) {
        const suffix_shape *s = &suffix_groups[group][i];
        if ((s->len >= 4 && letter[1] != s->before_last) || (s->len >= 6 && letter[2] != s->two_before_last))
            continue;
        size_t before = s->len / 2;    /* the letter before the suffix */
        list.len[list.count] = s->len;
        list.stem_ends_in_teh[list.count++] = letter[before] == TEH && (before < 3 || eight);
    }
    return list;
}

static clitic_template *add_template(clitic_template *t, const clitic_reading *stack, size_t enclitic_len,
                                      bool restore)
{
    t->reading = *stack;
    t->reading.enclitic_len = (uint8_t)enclitic_len;
    t->reading.restored_teh_marbuta = restore;
    t->cut = (uint16_t)(stack->stem_offset + enclitic_len);
    return t + 1;
}

/* A stack of proclitics with each suffix (none after the article:
 * الكتابه is not ال+كتاب+ه), the stem ending in ت read as ة as well. */
static clitic_template *add_suffixed(clitic_template *t, const clitic_reading *stack, const suffix_list *suffixes)
{
    if (stack->has_article)
        return t;
    for (size_t i = 0; i < suffixes->count; i++) {
        t = add_template(t, stack, suffixes->len[i], false);
        if (suffixes->stem_ends_in_teh[i])
            t = add_template(t, stack, suffixes->len[i], true);
    }
    return t;
}

/* The readings after the whole word, in the order the matcher prefers
 * them: fewer proclitics first, each stem bare before it takes a suffix. */
static clitic_template *add_readings(clitic_template *t, const stack_list *stacks, const suffix_list *suffixes)
{
    t = add_suffixed(t, &no_proclitics, suffixes);
    for (size_t i = 0; i < stacks->count; i++) {
        t = add_template(t, stacks->shapes[i], 0, false);
        t = add_suffixed(t, stacks->shapes[i], suffixes);
    }
    return t;
}

static void build_lists(void)
{
    for (unsigned pair = 0; pair < (1u << 16); pair++) {
        uint16_t loaded = (uint16_t)pair;
        char bytes[2];
        memcpy(bytes, &loaded, 2);    /* the bytes that load reads, in either byte order */
        unsigned letter = letter_index(bytes);
        clitic_lists.letter_role[pair] = proclitic_role[letter];
        clitic_lists.letter_edge[pair] = edge_letter[letter];
    }
    stack_list stacks[PREFIX_LISTS];
    suffix_list suffixes[SUFFIX_LISTS];
    size_t stack_count = 0, suffix_count = 0;
    for (unsigned code = 0; code < PREFIX_CODES; code++) {
        stack_list l = stacks_of(code);
        size_t i = 0;
        while (i < stack_count && !(stacks[i].count == l.count &&
                                    memcmp(stacks[i].shapes, l.shapes, l.count * sizeof l.shapes[0]) == 0))
            i++;
        if (i == stack_count) {
            if (stack_count == PREFIX_LISTS)
                abort();    /* the rules changed: raise PREFIX_LISTS */
            stacks[stack_count++] = l;
        }
        clitic_lists.prefix_list[code] = (uint8_t)i;
    }
    for (unsigned code = 0; code < SUFFIX_CODES; code++) {
        suffix_list l = suffixes_of(code);
        size_t i = 0;
        while (i < suffix_count && !(suffixes[i].count == l.count && memcmp(suffixes[i].len, l.len, l.count) == 0 &&
                                     memcmp(suffixes[i].stem_ends_in_teh, l.stem_ends_in_teh, l.count) == 0))
            i++;
        if (i == suffix_count) {
            if (suffix_count == SUFFIX_LISTS)
                abort();    /* the rules changed: raise SUFFIX_LISTS */
            suffixes[suffix_count++] = l;
        }
        clitic_lists.suffix_list[code] = (uint8_t)i;
    }
    clitic_template *all = xcalloc(MAX_TEMPLATES + LIST_PADDING * PREFIX_LISTS * SUFFIX_LISTS, sizeof *all), *t = all;
    for (size_t p = 0; p < PREFIX_LISTS; p++)
        for (size_t s = 0; s < SUFFIX_LISTS; s++) {
            clitic_lists.first[p * SUFFIX_LISTS + s] = (uint16_t)(t - all);
            clitic_template *list = t;
            if (p < stack_count && s < suffix_count)
                t = add_readings(t, &stacks[p], &suffixes[s]);
            clitic_lists.count[p * SUFFIX_LISTS + s] = (uint8_t)(t - list);
            /* nothing cut: the whole word, of six bytes or more here, counts */
            while (t - list < LIST_PADDING)
                t = add_template(t, &no_proclitics, 0, false);
            /* clitic_readings() writes each list whole into the caller's array */
            if (t - list >= CLITIC_MAX_READINGS)
                abort();
        }
    /* Kept for the life of the process. */
    clitic_lists.templates = all;
}

/* ---- the readings of one word: the hot part is inline, in clitics.h */

void clitic_lists_build(void)
{
    pthread_once(&lists_once, build_lists);
    atomic_store_explicit(&clitic_lists_ready, true, memory_order_release);
}

bool clitic_stem_has_two_letters(const char *stem, ptrdiff_t len)
{
    return len > 0 && letters_in(stem, (size_t)len) >= MIN_STEM_LETTERS;
}

/* A caller's array shorter than the longest list gets the first
 * readings, from a spare one. */
size_t clitic_readings_into_short_array(const char *key, size_t len, bool final_is_teh_marbuta, clitic_reading *out,
                                        size_t max)
{
    if (max == 0)
        return 0;
    clitic_reading spare[CLITIC_MAX_READINGS];
    size_t count = clitic_readings(key, len, final_is_teh_marbuta, spare, CLITIC_MAX_READINGS);
    count = count < max ? count : max;
    memcpy(out, spare, count * sizeof out[0]);
    return count;
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
