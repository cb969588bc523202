/*
 * ner_features.c — see ner_features.h.
 */
#include "ner_features.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "clitics.h"
#include "ner_model.h"
#include "ner_word_cache.h"
#include "normalize.h"

static inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t combine(uint64_t a, uint64_t b)
{
    return mix64(a ^ ((b << 21 | b >> 43) * 0x9E3779B97F4A7C15ULL));
}

/* The last 1 to 7 bytes of a string as memcpy would put them in a zeroed
 * uint64_t.  Most keys and affixes are that short, and memcpy of a
 * variable length is a call into the C library; two loads that overlap
 * (or three bytes) are not.  The overlapping bytes are the same bytes, so
 * OR-ing them changes nothing. */
static inline uint64_t tail_bytes(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n >= 4) {
        uint32_t low, high;
        memcpy(&low, s, 4);
        memcpy(&high, s + n - 4, 4);
        return (uint64_t)low | (uint64_t)high << (8 * (n - 4));
    }
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
           (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
#else
    uint64_t v = 0;
    memcpy(&v, s, n);
    return v;
#endif
}

uint64_t ner_string_hash(const char *s, size_t len)
{
    /* eight bytes a step: this runs a dozen times per word */
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    if (i < len) {
        uint64_t v = tail_bytes(s + i, len - i);
        h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 29;
    }
    return mix64(h) | 1;   /* never 0, the empty slot of the class table */
}

uint32_t ner_feature_hash(unsigned template_id, uint64_t value)
{
    /* mix64's high 32 bits: its last step (h ^= h >> 33) changes only
     * bits below 31, so it is left out; this runs ~65 times a word */
    uint64_t h = value ^ ((uint64_t)(template_id + 1) * 0x9E3779B97F4A7C15ULL);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return (uint32_t)(h >> 32);
}

uint32_t ner_feature_pair_hash(unsigned template_id, uint64_t a, uint64_t b)
{
    return ner_feature_hash(template_id, combine(a, b));
}

static void reserve(ner_sentence *s, size_t n)
{
    if (n <= s->cap)
        return;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < n)
        cap *= 2;
    s->tokens = xrealloc(s->tokens, cap * sizeof *s->tokens);
    s->words = xrealloc(s->words, cap * sizeof *s->words);
    s->text_offset = xrealloc(s->text_offset, cap * sizeof *s->text_offset);
    s->cap = cap;
}

void ner_sentence_free(ner_sentence *s)
{
    free(s->tokens);
    free(s->words);
    free(s->text_offset);
    buffer_free(&s->keys);
    buffer_free(&s->text);
    token_list_free(&s->sub_tokens);
    lexicon_matches_free(&s->matches);
    free(s->features);
    free(s->feature_start);
    free(s->scores);
    free(s->work);
    free(s->memory);
    ner_word_cache_free(&s->word_cache);
    memset(s, 0, sizeof *s);
}

static uint32_t entry_bits(const lexicon_match *m)
{
    uint32_t bits = 0;
    for (uint32_t e = 0; e < m->entry_count; e++) {
        const lexicon_entry *x = &m->entries[e];
        bits |= 1u << x->kind;
        if (x->kind == LEX_SECTOR)
            bits |= 1u << NER_LEX_SECTOR_BIT(x->subkind);
    }
    return bits;
}

/* Digits, Latin, Arabic or other, and a length bucket, as one number. */
static uint64_t shape_of(const char *s, size_t len)
{
    unsigned digits = 0, latin = 0, arabic = 0, other = 0, chars = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c >= '0' && c <= '9')
                digits++;
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                latin++;
            else
                other++;
            i++;
        } else if (c == 0xD9 && i + 1 < len && (unsigned char)s[i + 1] >= 0xA0 && (unsigned char)s[i + 1] <= 0xA9) {
            digits++;
            i += 2;
        } else if (c >= 0xD8 && c <= 0xDB) {
            arabic++;
            i += 2;
        } else {
            other++;
            i++;
            while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
                i++;
        }
        chars++;
    }
    unsigned bucket = chars <= 3 ? chars : chars <= 5 ? 4 : chars <= 8 ? 5 : 6;
    unsigned mix = (digits > 0) | (digits == chars) << 1 | (latin > 0) << 2 | (arabic > 0) << 3 | (other > 0) << 4 |
                   (other == chars) << 5;
    return 0x5348415045ULL + (mix << 4 | bucket);
}

const ner_cluster_slot *ner_cluster_find(const ner_clusters *c, uint64_t key_hash)
{
    if (!c || c->slot_count == 0 || key_hash == 0)
        return NULL;
    uint32_t mask = c->slot_count - 1;
    for (uint32_t i = (uint32_t)key_hash & mask;; i = (i + 1) & mask) {
        if (c->slots[i].key == key_hash)
            return &c->slots[i];
        if (c->slots[i].key == 0)
            return NULL;
    }
}

/* Asks for the class table's slot of a key the word will look up shortly:
 * the table is megabytes, and a new word's clitics and edges take long
 * enough to hide the wait.  Always inline: GCC takes a function that only
 * prefetches for one without effects and drops the call. */
__attribute__((always_inline)) static inline void prefetch_class(const ner_clusters *c, uint64_t key_hash)
{
    if (c && c->slot_count)
        __builtin_prefetch(&c->slots[(uint32_t)key_hash & (c->slot_count - 1)]);
}

static size_t count_lines(FILE *f)
{
    size_t lines = 0;
    int ch;
    while ((ch = getc(f)) != EOF)
        lines += ch == '\n';
    rewind(f);
    return lines;
}

/* The slot of key h, claimed if it was empty. */
static ner_cluster_slot *slot_for(ner_cluster_slot *table, uint32_t slots, uint64_t h)
{
    uint32_t i = (uint32_t)h & (slots - 1);
    while (table[i].key != 0 && table[i].key != h)
        i = (i + 1) & (slots - 1);
    table[i].key = h;
    return &table[i];
}

static uint64_t key_hash(const char *word, size_t len, byte_buffer *key)
{
    buffer_truncate(key, 0);
    normalize_for_match(word, len, key);
    return ner_string_hash(key->data, key->len);
}

static FILE *open_word_table(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        fprintf(stderr, "marsad: %s: %s\n", path, strerror(errno));
    normalize_init();
    return f;
}

/* One row of a word table: the hash of the word's matching key and the
 * columns after it; false if they are not what the table holds. */
typedef bool word_row_fn(uint64_t key_hash, const char *columns, void *context);

/* Reads word<TAB>columns rows from f (comments and the header skipped),
 * naming the first bad row with the table's expected shape, and closes f. */
static void read_word_rows(FILE *f, const char *path, const char *shape, word_row_fn *row, void *context)
{
    char *line = NULL;
    size_t cap = 0, line_no = 0, bad = 0;
    byte_buffer key = {0};
    while (getline(&line, &cap, f) > 0) {
        line_no++;
        if (line[0] == '#' || strncmp(line, "word\t", 5) == 0)
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || !row(key_hash(line, (size_t)(tab - line), &key), tab + 1, context)) {
            if (++bad == 1)
                fprintf(stderr, "marsad: %s:%zu: not %s; skipped\n", path, line_no, shape);
        }
    }
    free(line);
    fclose(f);
    buffer_free(&key);
}

typedef struct {
    ner_cluster_slot *table;
    uint32_t slots;
} cluster_rows;

static bool add_cluster_row(uint64_t key_hash, const char *columns, void *context)
{
    cluster_rows *c = context;
    unsigned coarse, fine;
    if (sscanf(columns, "%u\t%u", &coarse, &fine) != 2 || coarse > 65534 || fine > 65534)
        return false;
    ner_cluster_slot *slot = slot_for(c->table, c->slots, key_hash);
    if (slot->fine)
        return true;   /* two spellings with one key: the more frequent came first */
    slot->coarse = (uint16_t)(coarse + 1);
    slot->fine = (uint16_t)(fine + 1);
    return true;
}

bool ner_clusters_load(const char *path, ner_clusters *out, ner_cluster_slot **owned)
{
    FILE *f = open_word_table(path);
    if (!f)
        return false;
    size_t lines = count_lines(f);
    uint32_t slots = 16;
    while (slots < 2 * lines + 16)
        slots *= 2;
    cluster_rows rows = {.table = xcalloc(slots, sizeof *rows.table), .slots = slots};
    read_word_rows(f, path, "word<TAB>coarse<TAB>fine", add_cluster_row, &rows);
    out->slots = rows.table;
    out->slot_count = slots;
    *owned = rows.table;
    return true;
}

static ner_memory_slot *memory_slot(ner_memory_slot *memory, uint64_t h)
{
    return &memory[(h >> 7) & (NER_MEMORY_SLOTS - 1)];
}

static uint32_t memory_check(uint64_t h)
{
    return (uint32_t)(h >> 32) | 1;
}

/* The types key h was tagged within the window, as bits (bit 0: O). */
uint8_t ner_memory_recall(const ner_sentence *s, uint64_t h)
{
    if (!s->memory)
        return 0;
    const ner_memory_slot *slot = memory_slot(s->memory, h);
    if (slot->check != memory_check(h))
        return 0;
#ifdef __SSE2__
    /* the six sentence numbers at once (this runs a few times a word):
     * within the window, d = now - last <= NER_MEMORY_SENTENCES unsigned,
     * which SSE2 compares as signed with the top bits flipped; 0 is never */
    const __m128i flip = _mm_set1_epi32(INT32_MIN), now = _mm_set1_epi32((int32_t)s->sentence_number);
    const __m128i limit = _mm_xor_si128(_mm_set1_epi32(NER_MEMORY_SENTENCES + 1), flip), zero = _mm_setzero_si128();
    __m128i first = _mm_loadu_si128((const __m128i *)slot->last);
    __m128i rest = _mm_loadl_epi64((const __m128i *)(slot->last + 4));   /* lanes 2, 3: 0, never */
    __m128i near_first = _mm_cmplt_epi32(_mm_xor_si128(_mm_sub_epi32(now, first), flip), limit);
    __m128i near_rest = _mm_cmplt_epi32(_mm_xor_si128(_mm_sub_epi32(now, rest), flip), limit);
    near_first = _mm_andnot_si128(_mm_cmpeq_epi32(first, zero), near_first);
    near_rest = _mm_andnot_si128(_mm_cmpeq_epi32(rest, zero), near_rest);
    return (uint8_t)(_mm_movemask_ps(_mm_castsi128_ps(near_first)) | _mm_movemask_ps(_mm_castsi128_ps(near_rest)) << 4);
#else
    uint8_t bits = 0;
    for (unsigned t = 0; t < 6; t++)
        if (slot->last[t] && s->sentence_number - slot->last[t] <= NER_MEMORY_SENTENCES)
            bits |= (uint8_t)(1u << t);
    return bits;
#endif
}

static void remember(ner_sentence *s, uint64_t h, unsigned type)
{
    ner_memory_slot *slot = memory_slot(s->memory, h);
    uint32_t check = memory_check(h);
    if (slot->check != check)
        *slot = (ner_memory_slot){.check = check};
    slot->last[type] = s->sentence_number;
}

void ner_memory_note(ner_sentence *s, const uint8_t *tags)
{
    if (!s->memory)
        s->memory = xcalloc(NER_MEMORY_SLOTS, sizeof *s->memory);
    if (s->sentence_number == 0)
        s->sentence_number = 1;
    for (size_t i = 0; i < s->count; i++) {
        unsigned type = ner_tag_type((ner_tag)tags[i]);
        remember(s, s->words[i].key, type);
        if (s->words[i].main_stem != s->words[i].key)
            remember(s, s->words[i].main_stem, type);
        if (ner_tag_is_inside((ner_tag)tags[i])) {   /* inside an entity, not its first word */
            remember(s, s->words[i].key, 5);
            if (s->words[i].main_stem != s->words[i].key)
                remember(s, s->words[i].main_stem, 5);
        }
    }
    s->sentence_number++;
}

void ner_memory_forget(ner_sentence *s)
{
    if (s->memory)
        memset(s->memory, 0, NER_MEMORY_SLOTS * sizeof *s->memory);
    s->sentence_number = 0;
    ner_word_cache_forget(&s->word_cache);
}

/* ner_string_hash of a word's edge (len > 0), inline for the usual eight
 * bytes or fewer: eight a word, a call each cost as much as the hashing. */
static inline uint64_t edge_hash(const char *s, size_t len)
{
    if (len > 8)
        return ner_string_hash(s, len);
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    if (len == 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdULL;
    } else {
        h = (h ^ tail_bytes(s, len)) * 0xc4ceb9fe1a85ec53ULL;
    }
    h ^= h >> 29;
    return mix64(h) | 1;
}

/* Hashes of the first and last 1 to 4 letters of a word (0 where the word
 * is not longer than that): Arabic names and nisbas show in their edges
 * (Abdul-Hamid & Darwish 2010). */
static void affixes(const char *word, size_t len, uint64_t *prefix, uint64_t *suffix)
{
    /* the byte lengths of the first and of the last 1 to 4 code points
     * (0 where there are fewer), one scan each way */
    size_t head[4] = {0}, tail[4] = {0};
    for (size_t k = 0, i = 0; k < 4 && i < len; k++) {
        i++;
        while (i < len && ((unsigned char)word[i] & 0xC0) == 0x80)
            i++;
        head[k] = i;
    }
    for (size_t k = 0, i = len; k < 4 && i > 0; k++) {
        i--;
        while (i > 0 && ((unsigned char)word[i] & 0xC0) == 0x80)
            i--;
        tail[k] = len - i;
    }
    for (int k = 0; k < 4; k++) {
        prefix[k] = head[k] && head[k] < len ? edge_hash(word, head[k]) : 0;
        suffix[k] = tail[k] && tail[k] < len ? edge_hash(word + len - tail[k], tail[k]) : 0;
    }
}

static bool add_stats_row(uint64_t key_hash, const char *columns, void *context)
{
    const ner_clusters *table = context;
    unsigned freq, al, suffix;
    if (sscanf(columns, "%u\t%u\t%u", &freq, &al, &suffix) != 3 || freq > 15 || al > 3 || suffix > 3)
        return false;
    ner_cluster_slot *slot = (ner_cluster_slot *)ner_cluster_find(table, key_hash);
    if (slot && !slot->stats)
        slot->stats = NER_STATS_KNOWN | freq | al << 4 | suffix << 6;
    return true;
}

bool ner_clusters_load_stats(const char *path, ner_cluster_slot *slots, uint32_t slot_count)
{
    FILE *f = open_word_table(path);
    if (!f)
        return false;
    ner_clusters table = {.slots = slots, .slot_count = slot_count};
    read_word_rows(f, path, "word<TAB>log2_freq<TAB>with_al<TAB>with_suffix", add_stats_row, &table);
    return true;
}

/* Brown clusters ------------------------------------------------------- */

static uint32_t pack_brown(const char *bits, size_t len)
{
    size_t kept = len < NER_BROWN_BITS ? len : NER_BROWN_BITS;
    uint32_t v = 0;
    for (size_t i = 0; i < kept; i++)
        v = v << 1 | (uint32_t)(bits[i] - '0');
    return NER_BROWN_KNOWN | (uint32_t)kept << NER_BROWN_BITS | v << (NER_BROWN_BITS - kept);
}

uint32_t ner_brown_prefix(uint32_t brown, unsigned k)
{
    unsigned len = brown >> NER_BROWN_BITS & 31;
    unsigned kept = k < len ? k : len;
    uint32_t bits = (brown & ((1u << NER_BROWN_BITS) - 1)) >> (NER_BROWN_BITS - kept);
    return (uint32_t)kept << NER_BROWN_BITS | bits;
}

static bool add_brown_row(uint64_t key_hash, const char *columns, void *context)
{
    cluster_rows *c = context;
    size_t len = strspn(columns, "01");
    if (columns[len] != '\t' || !strchr("0123456789", columns[len + 1]) || columns[len + 1] == '\0')
        return false;
    ner_cluster_slot *slot = slot_for(c->table, c->slots, key_hash);
    if (!slot->brown)   /* two spellings with one key: the more frequent came first */
        slot->brown = pack_brown(columns, len);
    return true;
}

/* Reads a word table into a copy of table grown to hold its words too;
 * the copy replaces table's slots (and *owned, freed if it held them). */
static bool load_growing(const char *path, ner_clusters *table, ner_cluster_slot **owned, const char *shape,
                         word_row_fn *row)
{
    FILE *f = open_word_table(path);
    if (!f)
        return false;
    size_t words = count_lines(f);
    for (uint32_t i = 0; i < table->slot_count; i++)
        words += table->slots[i].key != 0;
    /* words counts the table's words and the file's, most of them twice;
     * the slack keeps the table in the model file small */
    uint32_t slots = 16;
    while (slots < words + words / 4 + 16)
        slots *= 2;
    cluster_rows rows = {.table = xcalloc(slots, sizeof *rows.table), .slots = slots};
    for (uint32_t i = 0; i < table->slot_count; i++)
        if (table->slots[i].key)
            *slot_for(rows.table, slots, table->slots[i].key) = table->slots[i];
    read_word_rows(f, path, shape, row, &rows);
    if (*owned == table->slots)
        free(*owned);
    table->slots = *owned = rows.table;
    table->slot_count = slots;
    return true;
}

bool ner_clusters_load_brown(const char *path, ner_clusters *table, ner_cluster_slot **owned)
{
    return load_growing(path, table, owned, "word<TAB>path<TAB>count", add_brown_row);
}

/* The first 4, 6, 10 and 20 bits of a known path, each prefix once, into
 * w: worked out once per word, though three templates use them. */
static void set_brown_classes(ner_word *w)
{
    static const unsigned lengths[] = {4, 6, 10, 20};
    w->brown_class_count = 0;
    if (!w->brown)
        return;
    uint32_t last = UINT32_MAX;
    for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
        uint32_t v = ner_brown_prefix(w->brown, lengths[k]);
        if (v != last)
            w->brown_classes[w->brown_class_count++] = v;
        last = v;
    }
}

static size_t brown_prefixes(unsigned template_id, const ner_word *w, uint32_t *out, size_t n)
{
    for (unsigned k = 0; k < w->brown_class_count; k++)
        out[n++] = ner_feature_hash(template_id, w->brown_classes[k]);
    return n;
}

/* The Brown classes of a word and of its neighbours: a name never seen in
 * training shares its prefixes with the names that were. */
static size_t brown_features(const ner_word *w, const ner_word *m1, const ner_word *p1, uint32_t *out, size_t n)
{
    n = brown_prefixes(NER_T_BROWN, w, out, n);
    n = brown_prefixes(NER_T_BROWN_M1, m1, out, n);
    n = brown_prefixes(NER_T_BROWN_P1, p1, out, n);
    return n;
}

/* What ner_word says of word t whatever the sentence: all but its memory,
 * look-ahead and lexicon bits.  w->surface holds its surface's hash. */
static void describe_word(const ner_sentence *s, const ner_token *t, ner_word *w)
{
    clitic_reading readings[CLITIC_MAX_READINGS];
    char stem[CLITIC_MAX_WORD + 1];
    const char *key = s->keys.data + t->key_offset;
    size_t len = t->key_len;
    w->key = ner_string_hash(key, len);
    prefetch_class(s->clusters, w->key);
    w->main_stem = w->key;
    w->proclitics = 0;
    w->stem_count = 0;
    size_t n = len ? clitic_readings(key, len, t->ends_in_teh_marbuta, readings, CLITIC_MAX_READINGS) : 0;
    for (size_t r = 1; r < n; r++) {
        if (r > NER_MAX_STEMS && r != n - 1)
            continue;   /* only the first readings and the deepest one are features */
        size_t stem_len = clitic_stem(key, &readings[r], stem);
        uint64_t h = ner_string_hash(stem, stem_len);
        if (w->stem_count < NER_MAX_STEMS)
            w->stems[w->stem_count++] = h;
        if (r == n - 1) {
            /* the reading that peels most: its stem, and what it peeled */
            w->main_stem = h;
            w->proclitics = ner_string_hash(key, readings[r].stem_offset) * 2 + (readings[r].enclitic_len > 0);
        }
    }
    if (w->main_stem != w->key)
        prefetch_class(s->clusters, w->main_stem);
    affixes(key, len, w->prefix, w->suffix);
    w->shape = shape_of(t->surface, t->surface_len);
    const ner_cluster_slot *c = ner_cluster_find(s->clusters, w->key);
    w->coarse = c ? c->coarse : 0;
    w->stats = c ? (uint16_t)c->stats : 0;
    w->fine = c ? c->fine : 0;
    const ner_cluster_slot *stem_slot = w->main_stem != w->key ? ner_cluster_find(s->clusters, w->main_stem) : NULL;
    w->stem_fine = stem_slot ? stem_slot->fine : 0;
    /* a form the corpus seldom has (ولباريس) takes its stem's path */
    w->brown = c && c->brown ? c->brown : stem_slot ? stem_slot->brown : 0;
    set_brown_classes(w);
}

/* Gives every word of s what this sentence and the ones before say of it. */
static void describe_in_sentence(ner_sentence *s)
{
    for (size_t i = 0; i < s->count; i++) {
        const ner_token *t = &s->tokens[i];
        ner_word *w = &s->words[i];
        w->memory = ner_memory_recall(s, w->key);
        w->stem_memory = w->main_stem != w->key ? ner_memory_recall(s, w->main_stem) : 0;
        w->future = w->stem_future = 0;
        w->lexicon_begin = t->lexicon_begin;
        w->lexicon_inside = t->lexicon_inside;
    }
}

/* The token of s holding byte offset pos of s->text. */
static size_t token_at(const ner_sentence *s, uint32_t pos)
{
    size_t lo = 0, hi = s->count;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->text_offset[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void ner_prepare_strings(ner_sentence *s, const lexicon *lex, const char *const *words, const uint32_t *lengths,
                         size_t n)
{
    normalize_init();
    reserve(s, n);
    s->count = n;
    buffer_truncate(&s->keys, 0);
    buffer_truncate(&s->text, 0);
    /* the joined text's room at once: a call per word to grow it cost
     * more than the copying */
    size_t text_len = n;
    for (size_t i = 0; i < n; i++)
        text_len += lengths[i];
    buffer_reserve(&s->text, text_len);
    for (size_t i = 0; i < n; i++) {
        ner_token *t = &s->tokens[i];
        t->surface = words[i];
        t->surface_len = lengths[i];
        t->ends_in_teh_marbuta = lengths[i] >= 2 && memcmp(words[i] + lengths[i] - 2, "\xD8\xA9", 2) == 0;
        s->words[i].surface = ner_string_hash(words[i], lengths[i]);
        const ner_word *known = ner_word_cache_find(&s->word_cache, s->clusters, s->words[i].surface, words[i],
                                                    lengths[i], NULL, 0, false);
        t->described = known != NULL;
        t->key_offset = (uint32_t)s->keys.len;
        if (known) {
            s->words[i] = *known;   /* its key is not needed */
            t->key_len = 0;
        } else {
            t->key_len = (uint32_t)normalize_for_match(words[i], lengths[i], &s->keys);
            describe_word(s, t, &s->words[i]);
            ner_word_cache_keep(&s->word_cache, &s->words[i], t->surface, t->surface_len,
                                s->keys.data + t->key_offset, t->key_len, t->ends_in_teh_marbuta, true);
        }
        t->lexicon_begin = t->lexicon_inside = 0;
        s->text_offset[i] = (uint32_t)s->text.len;
        memcpy(s->text.data + s->text.len, words[i], lengths[i]);
        s->text.data[s->text.len + lengths[i]] = ' ';
        s->text.len += lengths[i] + 1;
    }
    s->text.data[s->text.len] = '\0';   /* as buffer_append leaves it */
    if (lex && n) {
        tokenize(s->text.data, s->text.len, &s->sub_tokens);
        lexicon_match_tokens(lex, s->text.data, &s->sub_tokens, &s->matches);
        for (size_t m = 0; m < s->matches.count; m++) {
            const lexicon_match *x = &s->matches.items[m];
            uint32_t bits = entry_bits(x);
            size_t first = token_at(s, x->start), last = token_at(s, x->end ? x->end - 1 : 0);
            s->tokens[first].lexicon_begin |= bits;
            for (size_t i = first + 1; i <= last; i++)
                s->tokens[i].lexicon_inside |= bits;
        }
    }
    describe_in_sentence(s);
}

void ner_prepare_tokens(ner_sentence *s, const char *text, const token_list *tokens, size_t first, size_t n,
                        const lexicon_matches *matches)
{
    normalize_init();
    reserve(s, n);
    s->count = n;
    buffer_truncate(&s->keys, 0);
    for (size_t i = 0; i < n; i++) {
        const token *src = &tokens->tokens[first + i];
        ner_token *t = &s->tokens[i];
        t->surface = text + src->start;
        t->surface_len = src->end - src->start;
        t->key_offset = (uint32_t)s->keys.len;
        t->key_len = src->key_len;
        buffer_append(&s->keys, token_key(tokens, src), src->key_len);
        t->ends_in_teh_marbuta = (src->flags & TOKEN_ENDS_IN_TEH_MARBUTA) != 0;
        s->words[i].surface = ner_string_hash(t->surface, t->surface_len);
        const ner_word *known =
            ner_word_cache_find(&s->word_cache, s->clusters, s->words[i].surface, t->surface, t->surface_len,
                                token_key(tokens, src), t->key_len, t->ends_in_teh_marbuta);
        t->described = known != NULL;
        if (known) {
            s->words[i] = *known;
        } else {
            describe_word(s, t, &s->words[i]);
            ner_word_cache_keep(&s->word_cache, &s->words[i], t->surface, t->surface_len,
                                s->keys.data + t->key_offset, t->key_len, t->ends_in_teh_marbuta, false);
        }
        t->lexicon_begin = t->lexicon_inside = 0;
    }
    if (matches) {
        /* matches are in token order: find the first that reaches this sentence */
        size_t lo = 0, hi = matches->count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            const lexicon_match *x = &matches->items[mid];
            if (x->first_token + x->token_count <= first)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t m = lo; m < matches->count && matches->items[m].first_token < first + n; m++) {
            const lexicon_match *x = &matches->items[m];
            uint32_t bits = entry_bits(x);
            for (size_t k = 0; k < x->token_count; k++) {
                size_t at = x->first_token + k;
                if (at < first || at >= first + n)
                    continue;
                if (k == 0)
                    s->tokens[at - first].lexicon_begin |= bits;
                else
                    s->tokens[at - first].lexicon_inside |= bits;
            }
        }
    }
    describe_in_sentence(s);
}

static const ner_word sentence_start = {.surface = 0x3C733E, .key = 0x3C733E, .main_stem = 0x3C733E, .shape = 1, .coarse = 0xFFFF, .fine = 0xFFFF};
static const ner_word sentence_end = {.surface = 0x3C2F733E, .key = 0x3C2F733E, .main_stem = 0x3C2F733E, .shape = 2, .coarse = 0xFFFE, .fine = 0xFFFE};

static size_t add_bits(uint32_t *out, size_t n, unsigned template_id, uint32_t bits)
{
    while (bits && n < NER_MAX_FEATURES) {
        unsigned b = (unsigned)__builtin_ctz(bits);
        out[n++] = ner_feature_hash(template_id, b);
        bits &= bits - 1;
    }
    return n;
}

/* What the first pass tagged the word as in the sentences after it
 * (ner_lookahead.h): a name is often spelt out in full only later. */
size_t ner_lookahead_features(const ner_word *w, uint32_t *out, size_t n)
{
    if (w->future) {
        n = add_bits(out, n, NER_T_FUTURE_TYPE, w->future & 0x1E);
        out[n++] = ner_feature_hash(NER_T_FUTURE, w->future);
        out[n++] = ner_feature_hash(NER_T_FUTURE_MEMORY, (uint64_t)w->future << 8 | w->memory);
    }
    if (w->stem_future)
        out[n++] = ner_feature_hash(NER_T_STEM_FUTURE, w->stem_future);
    return n;
}

size_t ner_recall_features(const ner_word *m1, const ner_word *w, const ner_word *p1, uint32_t *out, size_t n)
{
    if (w->memory) {
        n = add_bits(out, n, NER_T_MEMORY_TYPE, w->memory & 0x1E);
        out[n++] = ner_feature_hash(NER_T_MEMORY, w->memory);
    }
    if (w->stem_memory)
        out[n++] = ner_feature_hash(NER_T_STEM_MEMORY, w->stem_memory);
    if (m1 && m1->memory)
        out[n++] = ner_feature_hash(NER_T_MEMORY_M1, combine(m1->memory, w->memory));
    if (p1 && p1->memory)
        out[n++] = ner_feature_hash(NER_T_MEMORY_P1, combine(p1->memory, w->memory));
    return ner_lookahead_features(w, out, n);
}

/* Where a name ends: a name's word followed by a common word (محمد قبل،
 * محمد أن) or preceded by one (فرجع أبو هريرة) is the tagger's most
 * frequent boundary error; the word joined with how common its
 * neighbour is, and the two neighbours joined, tell them apart. */
static size_t boundary_features(const ner_word *m1, const ner_word *w, const ner_word *p1, uint32_t *out, size_t n)
{
    out[n++] = ner_feature_pair_hash(NER_T_KEY_STATS_P1, w->key, p1->stats);
    out[n++] = ner_feature_pair_hash(NER_T_STATS_M1_KEY, m1->stats, w->key);
    out[n++] = ner_feature_pair_hash(NER_T_KEY_M1_KEY_P1, m1->key, p1->key);
    return n;
}

size_t ner_features(const ner_sentence *s, size_t i, uint32_t *out)
{
    const ner_word *w = &s->words[i];
    const ner_word *m1 = i >= 1 ? &s->words[i - 1] : &sentence_start;
    const ner_word *m2 = i >= 2 ? &s->words[i - 2] : &sentence_start;
    const ner_word *p1 = i + 1 < s->count ? &s->words[i + 1] : &sentence_end;
    const ner_word *p2 = i + 2 < s->count ? &s->words[i + 2] : &sentence_end;
    size_t n = 0;
    out[n++] = ner_feature_hash(NER_T_BIAS, 0);
    out[n++] = ner_feature_hash(NER_T_KEY, w->key);
    if (w->surface != w->key)
        out[n++] = ner_feature_hash(NER_T_SURFACE, w->surface);
    for (size_t k = 0; k < w->stem_count; k++)
        out[n++] = ner_feature_hash(NER_T_STEM, w->stems[k]);
    out[n++] = ner_feature_hash(NER_T_MAIN_STEM, w->main_stem);
    out[n++] = ner_feature_hash(NER_T_PROCLITICS, w->proclitics);
    for (int k = 0; k < 3; k++) {
        if (w->prefix[k])
            out[n++] = ner_feature_hash(NER_T_PREFIX1 + (unsigned)k, w->prefix[k]);
        if (w->suffix[k])
            out[n++] = ner_feature_hash(NER_T_SUFFIX1 + (unsigned)k, w->suffix[k]);
    }
    if (w->prefix[3])
        out[n++] = ner_feature_hash(NER_T_PREFIX4, w->prefix[3]);
    if (w->suffix[3])
        out[n++] = ner_feature_hash(NER_T_SUFFIX4, w->suffix[3]);
    out[n++] = ner_feature_hash(NER_T_SHAPE, w->shape);
    out[n++] = ner_feature_hash(NER_T_KEY_M2, m2->key);
    out[n++] = ner_feature_hash(NER_T_KEY_M1, m1->key);
    out[n++] = ner_feature_hash(NER_T_KEY_P1, p1->key);
    out[n++] = ner_feature_hash(NER_T_KEY_P2, p2->key);
    out[n++] = ner_feature_hash(NER_T_STEM_M1, m1->main_stem);
    out[n++] = ner_feature_hash(NER_T_STEM_P1, p1->main_stem);
    out[n++] = ner_feature_hash(NER_T_BIGRAM_M1, combine(m1->key, w->key));
    out[n++] = ner_feature_hash(NER_T_BIGRAM_P1, combine(w->key, p1->key));
    out[n++] = ner_feature_hash(NER_T_BIGRAM_M2M1, combine(m2->key, m1->key));
    out[n++] = ner_feature_hash(NER_T_SHAPE_M1, m1->shape);
    out[n++] = ner_feature_hash(NER_T_SHAPE_P1, p1->shape);
    out[n++] = ner_feature_hash(NER_T_SUFFIX2_M1, m1->suffix[1]);
    out[n++] = ner_feature_hash(NER_T_SUFFIX2_P1, p1->suffix[1]);
    out[n++] = ner_feature_hash(NER_T_SHAPE_KEY_P1, combine(w->shape, p1->key));
    out[n++] = ner_feature_hash(NER_T_STEM_KEY_M1, combine(m1->key, w->main_stem));
    out[n++] = ner_feature_hash(NER_T_COARSE, w->coarse);
    out[n++] = ner_feature_hash(NER_T_FINE, w->fine);
    if (w->stem_fine)
        out[n++] = ner_feature_hash(NER_T_STEM_FINE, w->stem_fine);
    out[n++] = ner_feature_hash(NER_T_FINE_M1, m1->fine);
    out[n++] = ner_feature_hash(NER_T_FINE_P1, p1->fine);
    out[n++] = ner_feature_hash(NER_T_COARSE_M2, m2->coarse);
    out[n++] = ner_feature_hash(NER_T_COARSE_P2, p2->coarse);
    out[n++] = ner_feature_hash(NER_T_FINE_BIGRAM_M1, (uint64_t)m1->fine << 16 | w->fine);
    out[n++] = ner_feature_hash(NER_T_FINE_BIGRAM_P1, (uint64_t)w->fine << 16 | p1->fine);
    out[n++] = ner_feature_hash(NER_T_KEY_M1_FINE_P1, combine(m1->key, p1->fine));
    if (w->stats) {
        out[n++] = ner_feature_hash(NER_T_STATS, w->stats);
        out[n++] = ner_feature_hash(NER_T_STATS_FREQ, w->stats & 15);
        out[n++] = ner_feature_hash(NER_T_STATS_AL, w->stats >> 4 & 3);
        out[n++] = ner_feature_hash(NER_T_STATS_SUFFIX, w->stats >> 6 & 3);
    }
    out[n++] = ner_feature_hash(NER_T_STATS_M1, combine(m1->stats, w->stats));
    out[n++] = ner_feature_hash(NER_T_STATS_P1, combine(w->stats, p1->stats));
    n = ner_recall_features(m1, w, p1, out, n);
    n = boundary_features(m1, w, p1, out, n);
    n = brown_features(w, m1, p1, out, n);
    n = add_bits(out, n, NER_T_LEX_BEGIN, w->lexicon_begin);
    n = add_bits(out, n, NER_T_LEX_INSIDE, w->lexicon_inside);
    n = add_bits(out, n, NER_T_LEX_M1, m1->lexicon_begin | m1->lexicon_inside);
    n = add_bits(out, n, NER_T_LEX_P1, p1->lexicon_begin | p1->lexicon_inside);
    return n;
}
