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

/* Bytes that are in [lo, lo + span]: one subtraction, an unsigned min and a
 * compare. */
static inline __m128i bytes_in_range(__m128i v, uint8_t lo, uint8_t span)
{
    __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8((char)span)), shifted);
}

/* Reads in[0,16), writes the keys of its leading run of common letters to
 * out[0,16) (bytes after the run are garbage the caller overwrites) and
 * returns the run's length in bytes: 0 to 16, always even. */
static inline size_t fold_common_letters16(const unsigned char *in, char *out)
{
    __m128i v = _mm_loadu_si128((const __m128i *)in);
    __m128i lead_d8 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8));
    __m128i lead_d9 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD9));
    /* Second bytes, moved onto their lead byte: D8 A1..BA is ء..غ, D9 81..8A
     * is ف..ي. */
    __m128i second_d8 = _mm_srli_si128(bytes_in_range(v, 0xA1, 0xBA - 0xA1), 1);
    __m128i second_d9 = _mm_srli_si128(bytes_in_range(v, 0x81, 0x8A - 0x81), 1);
    __m128i letter = _mm_or_si128(_mm_and_si128(lead_d8, second_d8), _mm_and_si128(lead_d9, second_d9));
    unsigned not_letter = ~(unsigned)_mm_movemask_epi8(letter) & 0x5555u;
    size_t run = (size_t)__builtin_ctz(not_letter | 0x10000u);

    /* The folds, as what to add to each second byte (and to the lead byte
     * of ة, D8 → D9).  Inside the run A2 A3 A5 can only follow D8 and 89
     * only D9, and what is written after the run does not matter; but a
     * stray A9 just after the run must not touch the run's last byte, so
     * ة is tested behind its lead. */
    __m128i after_d8 = _mm_slli_si128(lead_d8, 1);
    __m128i teh_marbuta = _mm_and_si128(after_d8, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA9)));
    __m128i add = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA2)), _mm_set1_epi8(0xA7 - 0xA2)),
                     _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA3)), _mm_set1_epi8(0xA7 - 0xA3))),
        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA5)), _mm_set1_epi8(0xA7 - 0xA5)));
    add = _mm_or_si128(add, _mm_and_si128(teh_marbuta, _mm_set1_epi8((char)(0x87 - 0xA9))));
    add = _mm_or_si128(add, _mm_and_si128(_mm_srli_si128(teh_marbuta, 1), _mm_set1_epi8(1)));
    add = _mm_or_si128(add, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x89)), _mm_set1_epi8(1)));
    _mm_storeu_si128((__m128i *)out, _mm_add_epi8(v, add));
    return run;
}

#else
#define COMMON_LETTER_RUNS 0
#endif

#endif
