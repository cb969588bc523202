/*
 * html_text.h — the article inside a news web page, as plain text.
 *
 * Parses with gumbo (the HTML5 algorithm, so broken pages read as browsers
 * read them) and keeps the reading text: the paragraphs and headings of
 * <article> (or <main>, or else the whole <body>), one a line, without
 * scripts, styles, navigation, headers, footers, asides, forms and
 * figures' captions.  Also reads the title, the publication date, the
 * canonical URL and the site name from the usual meta tags.
 */
#ifndef MARSAD_HTML_TEXT_H
#define MARSAD_HTML_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"

typedef struct {
    byte_buffer text, title, url, site;
    uint32_t date;               /* YYYYMMDD, 0 when the page gives none */
} html_article;

/* Extracts the article of html[0,len) into out (buffers replaced).  False
 * when the page holds no text at all. */
bool html_article_extract(const char *html, size_t len, html_article *out);

void html_article_free(html_article *a);

#endif
