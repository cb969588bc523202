/*
 * letter_runs.h — the key of a run of common Arabic letters, 16 bytes at once.
 *
 * Nearly all of a news article's words are made of the letters of
 * U+0621..U+063A and U+0641..U+064A.  Their keys are the letters themselves
 * except for five folds that keep the length (أ إ آ → ا, ى → ي, ة → ه), so
 * a run of them can be classified and folded sixteen bytes at a time, and
 * the tokeniser finds where a word ends without a branch per letter (a
 * branch whose outcome depends on the word's length is mispredicted once
 * per word).  Anything else — other letters, marks, tatweel, Latin, the end
 * of the word — ends the run and is read one code point at a time.
 *
 * With SSE2 (every x86-64) the work is done in vector registers; elsewhere
 * COMMON_LETTER_RUNS is 0 and the tokeniser uses its table loop only.
 */
#ifndef MARSAD_LETTER_RUNS_H
#define MARSAD_LETTER_RUNS_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define COMMON_LETTER_RUNS 1

/* Reads in[0,16), which begins at a code point, writes the keys of its
 * leading run of common letters to out[0,16) (bytes after the run are
 * garbage the caller overwrites) and returns the run's length in bytes:
 * 0 to 16, always even.
 *
 * A run's letters are two bytes each from in[0] on, so the block is read
 * as eight 16-bit lanes, each a candidate letter: one compare tells a
 * whole letter, its lead byte and its second together, and a fold is an
 * addition to the lane.  A lane after the first that is not a letter ends
 * the run, and what is written from it on does not matter. */
static inline size_t fold_common_letters16(const unsigned char *in, char *out)
{
    __m128i v = _mm_loadu_si128((const __m128i *)in);
    /* The lane as the number the two bytes spell (D8 A1 is 0xD8A1), so
     * that each block of letters is one range: D8 A1..BA is ء..غ, D9
     * 81..8A is ف..ي.  Unsigned "x - lo <= span" is a saturating
     * subtraction of span that leaves zero. */
    __m128i spelled = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
    __m128i past_d8 = _mm_subs_epu16(_mm_sub_epi16(spelled, _mm_set1_epi16((short)0xD8A1)), _mm_set1_epi16(0xBA - 0xA1));
    __m128i past_d9 = _mm_subs_epu16(_mm_sub_epi16(spelled, _mm_set1_epi16((short)0xD981)), _mm_set1_epi16(0x8A - 0x81));
    __m128i zero = _mm_setzero_si128();
    __m128i letter = _mm_or_si128(_mm_cmpeq_epi16(past_d8, zero), _mm_cmpeq_epi16(past_d9, zero));
    size_t run = (size_t)__builtin_ctz(~(unsigned)_mm_movemask_epi8(letter));    /* 16 when all are: ~ sets bit 16 */

    /* The five folds that keep the length, as what to add to the lane
     * (the lane as loaded: lead byte low): أ إ آ → ا, ى → ي, and ة → ه,
     * whose lead byte changes too. */
#define FOLD(from, to) _mm_and_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16((short)(from))), _mm_set1_epi16((short)((to) - (from))))
    __m128i add = _mm_or_si128(_mm_or_si128(FOLD(0xA2D8, 0xA7D8), FOLD(0xA3D8, 0xA7D8)),
                               _mm_or_si128(FOLD(0xA5D8, 0xA7D8), FOLD(0x89D9, 0x8AD9)));
    add = _mm_or_si128(add, FOLD(0xA9D8, 0x87D9));
#undef FOLD
    _mm_storeu_si128((__m128i *)out, _mm_add_epi16(v, add));
    return run;
}

#else
#define COMMON_LETTER_RUNS 0
#endif

#endif
