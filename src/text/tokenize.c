/*
 * tokenize.c — see tokenize.h.
 *
 * One pass over the bytes: each code point's class (normalize.h) decides
 * whether it extends the current token, starts a new one or separates two.
 * Sentence boundaries are decided afterwards, from the tokens, because the
 * rules look at neighbours (the letter before a period, the bracket depth).
 */
#include "tokenize.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "letter_runs.h"
#include "normalize.h"
#include "utf8.h"

#define TEH_MARBUTA 0x0629

const char *token_kind_name(token_kind kind)
{
    switch (kind) {
    case TOKEN_WORD: return "word";
    case TOKEN_NUMBER: return "number";
    case TOKEN_PUNCT: return "punct";
    case TOKEN_SYMBOL: return "symbol";
    }
    return "?";
}

static inline token *push_token(token_list *list, size_t start, size_t end, token_kind kind, uint8_t flags)
{
    if (list->count == list->cap)
        grow_array((void **)&list->tokens, &list->cap, list->count + 1, sizeof(token));
    token *t = &list->tokens[list->count++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = (uint8_t)kind;
    t->flags = flags;
    t->key_offset = (uint32_t)list->keys.len;
    t->key_len = 0;
    return t;
}

/* Appends a word whose key is already in the arena from key_offset on,
 * and ends the key with its NUL. */
static inline void push_word(token_list *list, size_t start, size_t end, size_t key_offset, uint8_t flags)
{
    if (list->count == list->cap)
        grow_array((void **)&list->tokens, &list->cap, list->count + 1, sizeof(token));
    token *t = &list->tokens[list->count++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->key_offset = (uint32_t)key_offset;
    t->key_len = (uint32_t)(list->keys.len - key_offset);
    t->kind = TOKEN_WORD;
    t->flags = flags;
    if (list->keys.len + 1 >= list->keys.cap)
        buffer_reserve(&list->keys, 1);
    list->keys.data[list->keys.len++] = '\0';
}

static inline void add_boundary(token_list *list, size_t i)
{
    if (list->boundary_count == list->boundary_cap)
        grow_array((void **)&list->boundaries, &list->boundary_cap, list->boundary_count + 1, sizeof(uint32_t));
    list->boundaries[list->boundary_count++] = (uint32_t)i;
}

/* Replaces a word's key by its canonical spelling (ناغورني → ناغورنو). */
static inline void use_canonical_spelling(token_list *list, size_t key_offset, size_t key_len)
{
    if (!may_be_spelling_variant(list->keys.data + key_offset, key_len))
        return;
    size_t canonical_len;
    const char *canonical = canonical_spelling(list->keys.data + key_offset, key_len, &canonical_len);
    if (!canonical)
        return;
    buffer_truncate(&list->keys, key_offset);
    buffer_append(&list->keys, canonical, canonical_len);
}

static inline void finish_key(token_list *list, token *t)
{
    t->key_len = (uint32_t)(list->keys.len - t->key_offset);
    if (list->keys.len + 1 >= list->keys.cap)
        buffer_reserve(&list->keys, 1);
    list->keys.data[list->keys.len++] = '\0';
}

/* Copies the plain Arabic letters (normalize.h) from p on into *out and
 * returns where they end; last_pair is the last byte of the text.  The
 * text core spends most of its time in this loop. */
static inline const unsigned char *copy_plain_letters(const unsigned char *p, const unsigned char *last_pair,
                                                      char **out)
{
    char *o = *out;
    while (p < last_pair && is_plain_arabic_letter(p)) {
        memcpy(o, p, 2);
        o += 2;
        p += 2;
    }
    *out = o;
    return p;
}

/* Reads a word — letters, marks, tatweel and invisible joiners — and
 * writes its matching key into the arena as it goes.  ASCII and two-byte
 * code points (all of Arabic) take one table look-up each; anything else,
 * or a code point NFKC would change, sends the whole word through
 * normalize_slowly().  The arena has room for the word: tokenize()
 * reserves twice the text's length before it starts. */
static size_t scan_word(const char *text, size_t len, size_t pos, token_list *list, uint8_t *flags)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t start = pos;
    char *out = list->keys.data + list->keys.len;
    char *key_start = out;
    uint32_t seen = 0;            /* PACKED_NEEDS_NFKC and the script bits, or-ed */
    uint32_t last_letter = 0;     /* packed facts of the last letter */
    bool needs_nfkc = false;
    const unsigned char *const last_pair = s + len - 1;    /* a two-byte letter starts before here */
    while (pos < len) {
        /* The common case first: a run of letters whose keys need no
         * decoding, sixteen bytes at a time while the text lasts. */
        size_t run_start = pos;
#if COMMON_LETTER_RUNS
        while (pos + 16 <= len) {
            size_t run = fold_common_letters16(s + pos, out);
            out += run;
            pos += run;
            if (run < 16)
                break;
        }
#endif
        if (pos + 1 < len && s[pos] >= 0xD8)    /* a word mostly ends at ASCII: no look-up then */
            pos = (size_t)(copy_plain_letters(s + pos, last_pair, &out) - s);
        if (pos != run_start) {
            seen |= (uint32_t)TOKEN_HAS_ARABIC << 24;
            /* only ة (D8 A9) of the run's letters marks the key */
            last_letter = PACKED_LETTER | (uint32_t)((s[pos - 1] == 0xA9) & (s[pos - 2] == 0xD8)) * PACKED_TEH_MARBUTA;
            if (pos >= len)
                break;
        }
        unsigned char c = s[pos];
        uint32_t w;
        if (c < 0x80) {
            w = small_chars_packed[c];
            if (!(w & PACKED_LETTER))
                break;
            pos++;
        } else if ((unsigned)(c - 0xC2) < 0x1E && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80) {
            w = small_chars_packed[((uint32_t)(c & 0x1F) << 6) | (s[pos + 1] & 0x3F)];
            if (!(w & PACKED_WORD_PART))
                break;
            pos += 2;
        } else {
            /* Three- and four-byte code points, and malformed bytes. */
            size_t at = pos;
            bool malformed = false;
            uint32_t cp = utf8_next(text, len, &pos, &malformed);
            char_class cls = malformed ? CHAR_LETTER : char_class_of(cp);
            if (cls != CHAR_LETTER && cls != CHAR_MARK && cls != CHAR_INVISIBLE) {
                pos = at;
                break;
            }
            if (malformed) {
                *flags |= TOKEN_HAS_INVALID;
                list->invalid_bytes++;
                /* Its U+FFFD takes three bytes for one: the only key that
                 * outgrows the room tokenize() reserved, so add room here. */
                size_t written = (size_t)(out - key_start);
                buffer_reserve(&list->keys, written + 3 + 2 * (len - pos) + 16);
                key_start = list->keys.data + list->keys.len;
                out = key_start + written;
            } else if (!nfkc_stable_codepoint(cp)) {
                needs_nfkc = true;
            }
            if (cls == CHAR_LETTER)
                last_letter = PACKED_LETTER;
            out += fold_codepoint(cp, out, NULL);
            continue;
        }
        out[0] = (char)(w & 0xFF);
        out[1] = (char)((w >> 8) & 0xFF);
        out += (w >> 16) & 3;
        seen |= w;
        last_letter = (w & PACKED_LETTER) ? w : last_letter;
    }
    list->keys.len += (size_t)(out - key_start);
    if (needs_nfkc || (seen & PACKED_NEEDS_NFKC)) {
        buffer_truncate(&list->keys, (size_t)(key_start - list->keys.data));
        normalize_slowly(text + start, pos - start, &list->keys);
        /* NFKC may expand (ﷺ is 33 bytes): restore the room the fast
         * path counts on for the rest of the text. */
        buffer_reserve(&list->keys, 2 * (len - pos) + 16);
    }
    /* without a branch: whether a word ends in ة is anyone's guess */
    _Static_assert(TOKEN_ENDS_IN_TEH_MARBUTA == 1, "the flag is bit 0");
    *flags |= (uint8_t)(seen >> 24) | (uint8_t)((last_letter & PACKED_TEH_MARBUTA) != 0);
    return pos;
}

#if COMMON_LETTER_RUNS
/* The token list's arrays and counts, copied out of it while the words
 * are read (see read_common_words()). */
typedef struct {
    token *tokens;
    size_t count, cap;
    char *keys;
    size_t keys_len, keys_cap;
} word_sink;

/* Reads the word at start when it is made of common letters only
 * (letter_runs.h) and ends at what surely ends a word: the end of the
 * text, an ASCII byte that is not a letter, or a two-byte code point that
 * is no part of a word (، for one).  Pushes it and returns where it ends;
 * returns 0, having pushed nothing, for any other word, which scan_word()
 * then reads from its start.  Most words of an article are such words,
 * and they need none of scan_word()'s bookkeeping: no decoding, no
 * script or NFKC flags but "Arabic", and only ة to look for.
 *
 * It calls no function, so that the loop around it keeps letter_runs.h's
 * constants in vector registers (a call would clobber them): a word that
 * may be a spelling variant, or that needs more room than the token array
 * has, is left to scan_word()'s path as well (one in a hundred). */
static inline size_t read_common_word(const unsigned char *s, size_t len, size_t start, word_sink *sink, uint8_t flags)
{
    size_t key_offset = sink->keys_len;
    char *const key_start = sink->keys + key_offset;
    char *out = key_start;
    size_t pos = start, run = 16;
    while (run == 16 && pos + 16 <= len) {
        run = fold_common_letters16(s + pos, out);
        out += run;
        pos += run;
    }
    if (pos == start)
        return 0;
    if (pos < len) {
        unsigned char c = s[pos];
        uint32_t w;
        if (c < 0x80)
            w = small_chars_packed[c] & PACKED_LETTER;
        else if ((unsigned)(c - 0xC2) < 0x1E && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80)
            w = small_chars_packed[((uint32_t)(c & 0x1F) << 6) | (s[pos + 1] & 0x3F)] & PACKED_WORD_PART;
        else
            return 0;
        if (w)    /* the word goes on: more than common letters */
            return 0;
    }
    size_t key_len = (size_t)(out - key_start);
    if (may_be_spelling_variant(key_start, key_len) || sink->count == sink->cap ||
        key_offset + key_len + 1 >= sink->keys_cap)
        return 0;
    /* ends in ة, D8 A9: one 16-bit load, little-endian like every SSE2 machine */
    uint16_t last_letter;
    memcpy(&last_letter, s + pos - 2, 2);
    _Static_assert(TOKEN_ENDS_IN_TEH_MARBUTA == 1, "the flag is bit 0");
    flags |= TOKEN_HAS_ARABIC | (uint8_t)(last_letter == 0xA9D8);
    token *t = &sink->tokens[sink->count++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)pos;
    t->key_offset = (uint32_t)key_offset;
    t->key_len = (uint32_t)key_len;
    t->kind = TOKEN_WORD;
    t->flags = flags;
    *out = '\0';
    sink->keys_len = key_offset + key_len + 1;
    return pos;
}

/* Reads words of common letters from start on, one space apart, while
 * read_common_word() can; returns where it stopped.  *at_word says
 * whether that is the start of a word it left (whose flags are then in
 * *flags) rather than the end of a word no space follows.  The list's
 * counts are kept in a word_sink meanwhile, in registers: the key bytes
 * written could alias them for all the compiler knows. */
static size_t read_common_words(const char *text, size_t len, size_t start, token_list *list, uint8_t *flags,
                                bool *at_word)
{
    const unsigned char *s = (const unsigned char *)text;
    word_sink sink = {list->tokens, list->count, list->cap, list->keys.data, list->keys.len, list->keys.cap};
    uint8_t word_flags = *flags;
    for (;;) {
        size_t end = read_common_word(s, len, start, &sink, word_flags);
        if (!end) {
            *flags = word_flags;
            *at_word = true;
            break;
        }
        if (end >= len || s[end] != ' ') {
            *at_word = false;
            start = end;
            break;
        }
        start = end + 1;
        word_flags = TOKEN_SPACE_BEFORE;
    }
    list->count = sink.count;
    list->keys.len = sink.keys_len;
    return start;
}
#else
static size_t read_common_words(const char *text, size_t len, size_t start, token_list *list, uint8_t *flags,
                                bool *at_word)
{
    (void)text, (void)len, (void)list, (void)flags;
    *at_word = true;
    return start;
}
#endif

/* Reads the word at start, which begins with a letter or a mark, and the
 * Arabic words after it one space apart; returns where it stopped and
 * sets *pending to TOKEN_SPACE_BEFORE when a space came after the last
 * word. */
static size_t read_words(const char *text, size_t len, size_t start, token_list *list, uint8_t flags,
                         uint8_t *pending)
{
    for (bool first = true;; first = false) {
        bool at_word;
        size_t from = start;
        start = read_common_words(text, len, start, list, &flags, &at_word);
        if (!at_word) {
            *pending = 0;
            return start;
        }
        /* after a space, only a plain Arabic letter is surely a word */
        if ((!first || start != from) &&
            (start + 1 >= len || !is_plain_arabic_letter((const unsigned char *)text + start))) {
            *pending = TOKEN_SPACE_BEFORE;
            return start;
        }
        size_t key_offset = list->keys.len;
        size_t end = scan_word(text, len, start, list, &flags);
        use_canonical_spelling(list, key_offset, list->keys.len - key_offset);
        push_word(list, start, end, key_offset, flags);
        if (end >= len || text[end] != ' ') {
            *pending = 0;
            return end;
        }
        start = end + 1;
        flags = TOKEN_SPACE_BEFORE;
    }
}

/* True when the code point at pos is a digit. */
static bool digit_at(const char *text, size_t len, size_t pos)
{
    if (pos >= len)
        return false;
    return digit_value(utf8_next(text, len, &pos, NULL)) >= 0;
}

static size_t count_digits_at(const char *text, size_t len, size_t pos)
{
    size_t n = 0;
    while (pos < len && digit_value(utf8_next(text, len, &pos, NULL)) >= 0)
        n++;
    return n;
}

/* Reads a number: digits with decimal and thousands separators inside.
 * The key holds ASCII digits and at most one '.'.  A ',' or '٬' followed by
 * exactly three digits groups thousands; '.' and '٫' mark decimals, except
 * that a number with several '.' groups (1.000.000) uses them for thousands. */
/* How far ahead scan_number counts dots.  Longer than any real figure; a
 * bound, because "1,1,1,1,..." is a new number every three bytes and
 * looking to the end of the run from each would be quadratic. */
#define NUMBER_LOOKAHEAD 64

static size_t scan_number(const char *text, size_t len, size_t pos, token_list *list)
{
    size_t dots = 0;
    for (size_t p = pos; p < len && p - pos < NUMBER_LOOKAHEAD;) {
        size_t at = p;
        uint32_t cp = utf8_next(text, len, &p, NULL);
        if (digit_value(cp) >= 0)
            continue;
        if (cp == '.' && digit_at(text, len, p)) {
            dots++;
            continue;
        }
        if ((cp == ',' || cp == 0x066C || cp == 0x066B) && digit_at(text, len, p))
            continue;
        (void)at;
        break;
    }
    bool dots_group_thousands = dots > 1;
    bool seen_decimal = false;
    while (pos < len) {
        size_t at = pos;
        uint32_t cp = utf8_next(text, len, &pos, NULL);
        int d = digit_value(cp);
        if (d >= 0) {
            buffer_append_char(&list->keys, (char)('0' + d));
            continue;
        }
        if (!digit_at(text, len, pos)) {
            pos = at;
            break;
        }
        bool thousands;
        if (cp == 0x066C)
            thousands = true;
        else if (cp == 0x066B)
            thousands = false;
        else if (cp == ',')
            thousands = count_digits_at(text, len, pos) == 3;
        else if (cp == '.')
            thousands = dots_group_thousands;
        else {
            pos = at;
            break;
        }
        if (!thousands) {
            if (seen_decimal) {     /* 1.2.3 is not a number: stop before */
                pos = at;
                break;
            }
            seen_decimal = true;
            buffer_append_char(&list->keys, '.');
        }
    }
    return pos;
}

static bool is_sentence_final(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x2026 || cp == 0x06D4;
}

static bool is_opening_bracket(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '{' || cp == 0xFD3F;   /* U+FD3F: ornate parenthesis in Arabic text */
}

static bool is_closing_bracket(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == 0xFD3E;
}

static bool is_closing_quote(uint32_t cp)
{
    return cp == '"' || cp == 0xBB || cp == 0x201D || cp == 0x2019 || cp == '\'' || cp == 0x203A;
}

static uint32_t first_codepoint(const char *text, size_t len, const token *t)
{
    size_t pos = t->start;
    return utf8_next(text, len, &pos, NULL);
}

static size_t codepoint_count(const char *s, size_t len)
{
    size_t n = 0, pos = 0;
    while (pos < len) {
        utf8_next(s, len, &pos, NULL);
        n++;
    }
    return n;
}

/* A one-letter word before a period is an initial of an abbreviation
 * (أ.ف.ب، د.ب.أ، ي.ب.ا), not the end of a sentence. */
static bool is_abbreviation_initial(const token_list *list, const token *t)
{
    return t->kind == TOKEN_WORD && codepoint_count(token_key(list, t), t->key_len) == 1;
}

static void add_sentence(token_list *list, size_t first, size_t last_plus_one)
{
    if (first >= last_plus_one)
        return;
    grow_array((void **)&list->sentences, &list->sentence_cap, list->sentence_count + 1, sizeof(sentence));
    sentence *s = &list->sentences[list->sentence_count++];
    s->first_token = (uint32_t)first;
    s->token_count = (uint32_t)(last_plus_one - first);
    s->start = list->tokens[first].start;
    s->end = list->tokens[last_plus_one - 1].end;
    list->tokens[last_plus_one - 1].flags |= TOKEN_ENDS_SENTENCE;
}

/* What token i does to the sentence being read, which began at *first:
 * a line break before it starts a new one, a final punctuation mark ends
 * it.  Returns the next token to look at. */
static size_t split_at(const char *text, size_t len, token_list *list, size_t i, size_t *first, int *bracket_depth)
{
    if (((list->tokens[i].flags & TOKEN_NEWLINE_BEFORE) && i > *first) || i - *first >= MAX_SENTENCE_TOKENS) {
        add_sentence(list, *first, i);
        *first = i;
        *bracket_depth = 0;
    }
    const token *t = &list->tokens[i];
    if (t->kind != TOKEN_PUNCT)
        return i + 1;
    uint32_t cp = first_codepoint(text, len, t);
    if (is_opening_bracket(cp)) {
        ++*bracket_depth;
        return i + 1;
    }
    if (is_closing_bracket(cp)) {
        if (*bracket_depth > 0)
            --*bracket_depth;
        return i + 1;
    }
    if (!is_sentence_final(cp) || *bracket_depth > 0)
        return i + 1;
    if (cp == '.' && i > *first && is_abbreviation_initial(list, &list->tokens[i - 1]) &&
        !(list->tokens[i].flags & TOKEN_SPACE_BEFORE))
        return i + 1;
    /* Keep runs of final punctuation ("?!", "...") and a closing quote
     * or bracket with the sentence they close. */
    size_t end = i + 1;
    while (end < list->count && !(list->tokens[end].flags & TOKEN_NEWLINE_BEFORE) &&
           list->tokens[end].kind == TOKEN_PUNCT) {
        uint32_t next = first_codepoint(text, len, &list->tokens[end]);
        if (!is_sentence_final(next) && !is_closing_quote(next) && !is_closing_bracket(next))
            break;
        end++;
    }
    add_sentence(list, *first, end);
    *first = end;
    return end;
}

/* Only the boundary tokens tokenize() noted can end or start a sentence;
 * between them a sentence is only cut for its length. */
static void split_sentences(const char *text, size_t len, token_list *list)
{
    size_t first = 0, i = 0;
    int bracket_depth = 0;
    for (size_t b = 0; b <= list->boundary_count; b++) {
        size_t next = b < list->boundary_count ? list->boundaries[b] : list->count;
        if (next < i)
            continue;    /* inside a run of final punctuation already read */
        while (next - first > MAX_SENTENCE_TOKENS) {
            add_sentence(list, first, first + MAX_SENTENCE_TOKENS);
            first += MAX_SENTENCE_TOKENS;
            bracket_depth = 0;
        }
        if (next == list->count)
            break;
        i = split_at(text, len, list, next, &first, &bracket_depth);
    }
    add_sentence(list, first, list->count);
}

void tokenize(const char *text, size_t len, token_list *list)
{
    normalize_init();
    canonical_spelling_init();
    list->count = 0;
    list->sentence_count = 0;
    list->boundary_count = 0;
    list->invalid_bytes = 0;
    list->nul_bytes = 0;
    buffer_truncate(&list->keys, 0);
    /* Fast-path keys are never longer than their text, plus a NUL per
     * token: twice the length is always enough for them. */
    buffer_reserve(&list->keys, 2 * len + 16);

    uint8_t pending = 0;     /* TOKEN_SPACE_BEFORE and TOKEN_NEWLINE_BEFORE seen since the last token */
    size_t pos = 0;
    while (pos < len) {
        size_t start = pos;
        unsigned char c = (unsigned char)text[pos];
        char_class cls;
        /* The two commonest cases first: a space, an Arabic word. */
        if (c == ' ') {
            pending |= TOKEN_SPACE_BEFORE;
            pos++;
            continue;
        }
        if (pos + 1 < len && is_plain_arabic_letter((const unsigned char *)text + pos)) {
            cls = CHAR_LETTER;      /* scan_word() reads it again from start */
        } else if (c < 0x80) {
            cls = (char_class)small_chars[c].char_class;
            pos++;
            if (c == 0)
                list->nul_bytes++;
        } else if (c >= 0xC2 && c < 0xE0 && pos + 1 < len && ((unsigned char)text[pos + 1] & 0xC0) == 0x80) {
            cls = (char_class)small_chars[((uint32_t)(c & 0x1F) << 6) | ((unsigned char)text[pos + 1] & 0x3F)].char_class;
            pos += 2;
        } else {
            bool malformed = false;
            uint32_t cp = utf8_next(text, len, &pos, &malformed);
            cls = malformed ? CHAR_LETTER : char_class_of(cp);
        }
        token *t;
        switch (cls) {
        case CHAR_NEWLINE:
            pending |= TOKEN_NEWLINE_BEFORE | TOKEN_SPACE_BEFORE;
            continue;
        case CHAR_SPACE:
        case CHAR_INVISIBLE:
            pending |= TOKEN_SPACE_BEFORE;
            continue;
        case CHAR_LETTER:
        case CHAR_MARK:
            if (pending & TOKEN_NEWLINE_BEFORE)
                add_boundary(list, list->count);
            pos = read_words(text, len, start, list, pending, &pending);
            continue;
        case CHAR_DIGIT:
            t = push_token(list, start, 0, TOKEN_NUMBER, 0);
            pos = scan_number(text, len, start, list);
            t->end = (uint32_t)pos;
            break;
        case CHAR_PUNCT:
        case CHAR_SYMBOL:
        default:
            t = push_token(list, start, pos, cls == CHAR_PUNCT ? TOKEN_PUNCT : TOKEN_SYMBOL, 0);
            if (pos - start <= 2 && c < 0xE0) {
                /* ASCII and two-byte punctuation: its fold from the table */
                uint32_t cp = c < 0x80 ? c : ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)text[start + 1] & 0x3F);
                const small_char_info *info = &small_chars[cp];
                char *out = list->keys.data + list->keys.len;
                out[0] = info->fold[0];
                out[1] = info->fold[1];
                list->keys.len += info->fold_len;
            } else {
                normalize_for_match(text + start, pos - start, &list->keys);
                buffer_reserve(&list->keys, 2 * (len - pos) + 16);
            }
            break;
        }
        finish_key(list, t);
        t->flags |= pending;
        if (t->kind == TOKEN_PUNCT || (pending & TOKEN_NEWLINE_BEFORE))
            add_boundary(list, list->count - 1);
        pending = 0;
    }
    split_sentences(text, len, list);
}

void token_list_free(token_list *list)
{
    free(list->tokens);
    free(list->sentences);
    free(list->boundaries);
    buffer_free(&list->keys);
    memset(list, 0, sizeof *list);
}

bool token_key_in(const token_list *list, size_t i, const char *const *words, size_t n, bool with_conjunction)
{
    if (i >= list->count)
        return false;
    const token *t = &list->tokens[i];
    const char *key = token_key(list, t);
    for (size_t k = 0; k < n; k++)
        if (key_equals_word(key, t->key_len, words[k]))
            return true;
    if (with_conjunction && t->key_len > 2 && memcmp(key, "و", 2) == 0)
        for (size_t k = 0; k < n; k++)
            if (key_equals_word(key + 2, t->key_len - 2, words[k]))
                return true;
    return false;
}
