/*
 * dates.h — calendar arithmetic and the date words of Arabic news.
 *
 * Dates are integers YYYYMMDD.  resolve_sentence_date() reads a sentence
 * for اليوم، أمس، أول أمس، a weekday (the last such day on or before the
 * article date), "ليل الإثنين الثلاثاء" (the later night), or an explicit
 * "13 أيلول 2022" / "13 سبتمبر" with the month names of the Levant, Egypt
 * and the Maghreb (data/date_words.tsv).
 */
#ifndef MARSAD_DATES_H
#define MARSAD_DATES_H

#include <stdbool.h>
#include <stdint.h>

#include "tokenize.h"

/* YYYYMMDD ± days; 0 stays 0. */
uint32_t date_add_days(uint32_t date, int days);

/* 0 = Sunday .. 6 = Saturday. */
int date_weekday(uint32_t date);

bool date_is_valid(uint32_t date);

/* Parses "YYYY-MM-DD" (or a longer ISO timestamp) into YYYYMMDD; 0 if not a date. */
uint32_t date_parse_iso(const char *s, size_t len);

/* Writes YYYY-MM-DD (11 bytes with the NUL). */
void date_format(uint32_t date, char out[11]);

/* The date the tokens [first, first+count) speak of, given the article
 * date; 0 when they name none. */
uint32_t resolve_sentence_date(const token_list *tokens, size_t first, size_t count, uint32_t article_date);

/* Is token i the name of a month (آب، أغسطس، أوت ...)? */
bool is_month_name(const token_list *tokens, size_t i);

/* The earliest year (1000-2100) or decade (التسعينات → 1990) named in the
 * tokens, or 0. */
int earliest_year_named(const token_list *tokens, size_t first, size_t count);

#endif
