/*
 * numbers.h — figures written in Arabic news, in digits or in words.
 *
 * "49 جنديا", "نحو 6500 شخص", "30 ألف قتيل", "ثلاثة وعشرون", "مئتان وخمسون",
 * "مليون ونصف", "عشرات الآلاف".  Vague amounts take ACLED's conservative
 * value (عشرات → 10, مئات → 100, آلاف → 1000), and a qualifier before the
 * figure (نحو، أكثر من، ما لا يقل عن ...) is kept as a flag, not applied.
 * Vocabulary lives in data/number_words.tsv and data/number_qualifiers.tsv.
 */
#ifndef MARSAD_NUMBERS_H
#define MARSAD_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "tokenize.h"

enum {
    NUMBER_APPROXIMATE = 1 << 0,  /* نحو، قرابة، حوالي، زهاء */
    NUMBER_AT_LEAST = 1 << 1,     /* أكثر من، ما لا يقل عن */
    NUMBER_AT_MOST = 1 << 2,      /* أقل من */
    NUMBER_VAGUE = 1 << 3,        /* عشرات، مئات، آلاف */
    NUMBER_SPELLED = 1 << 4       /* written in words, at least in part */
};

typedef struct {
    double value;
    size_t first_token;   /* the qualifier if there is one, else the figure */
    size_t token_count;   /* tokens consumed, qualifier included */
    unsigned flags;
} parsed_number;

/* Parses the figure that starts at token i (or at a qualifier there).
 * Returns false, leaving *out untouched, when no figure starts at i. */
bool parse_number_at(const token_list *list, size_t i, parsed_number *out);

/* "~6500", ">=49", "10 (vague)": the value and its flags for display. */
void format_number(const parsed_number *n, char *buf, size_t size);

#endif
