/* html_text.c — see html_text.h. */
#include "html_text.h"

#include <string.h>

#include <gumbo.h>

#include "dates.h"

/* Elements whose text is not the article's. */
static bool skipped(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

/* Elements that end a line of text. */
static bool is_block(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BR:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        return true;
    default:
        return false;
    }
}

static void end_line(byte_buffer *out)
{
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
    if (out->len && out->data[out->len - 1] != '\n')
        buffer_append_char(out, '\n');
    if (out->data)
        out->data[out->len] = '\0';
}

/* Appends text with runs of white space made one space. */
static void append_collapsed(byte_buffer *out, const char *s)
{
    for (; *s; s++) {
        bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f';
        if (space) {
            if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
                buffer_append_char(out, ' ');
        } else {
            buffer_append_char(out, *s);
        }
    }
}

static void collect_text(const GumboNode *node, byte_buffer *out)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        append_collapsed(out, node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    GumboTag tag = node->v.element.tag;
    if (skipped(tag))
        return;
    bool block = is_block(tag);
    if (block)
        end_line(out);
    const GumboVector *children = &node->v.element.children;
    for (unsigned i = 0; i < children->length; i++)
        collect_text(children->data[i], out);
    if (block)
        end_line(out);
}

static const GumboNode *find_element(const GumboNode *node, GumboTag tag)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
        return NULL;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag)
        return node;
    const GumboVector *children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    for (unsigned i = 0; i < children->length; i++) {
        const GumboNode *found = find_element(children->data[i], tag);
        if (found)
            return found;
    }
    return NULL;
}

static const char *attribute(const GumboNode *node, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* <meta property|name="key" content="..."> and <link rel="canonical">,
 * <time datetime>. */
static void read_meta(const GumboNode *node, html_article *out)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_META) {
        const char *key = attribute(node, "property");
        if (!key)
            key = attribute(node, "name");
        if (!key)
            key = attribute(node, "itemprop");
        const char *content = attribute(node, "content");
        if (key && content) {
            if (!out->date && (strcmp(key, "article:published_time") == 0 || strcmp(key, "datePublished") == 0 ||
                               strcmp(key, "pubdate") == 0 || strcmp(key, "date") == 0))
                out->date = date_parse_iso(content, strlen(content));
            else if (!out->url.len && strcmp(key, "og:url") == 0)
                buffer_append_str(&out->url, content);
            else if (!out->site.len && strcmp(key, "og:site_name") == 0)
                buffer_append_str(&out->site, content);
            else if (!out->title.len && strcmp(key, "og:title") == 0)
                buffer_append_str(&out->title, content);
        }
    } else if (tag == GUMBO_TAG_LINK) {
        const char *rel = attribute(node, "rel"), *href = attribute(node, "href");
        if (rel && href && strcmp(rel, "canonical") == 0) {
            buffer_truncate(&out->url, 0);
            buffer_append_str(&out->url, href);
        }
    } else if (tag == GUMBO_TAG_TIME && !out->date) {
        const char *when = attribute(node, "datetime");
        if (when)
            out->date = date_parse_iso(when, strlen(when));
    }
    const GumboVector *children = &node->v.element.children;
    for (unsigned i = 0; i < children->length; i++)
        read_meta(children->data[i], out);
}

static void trim(byte_buffer *b)
{
    size_t start = 0;
    while (start < b->len && (b->data[start] == ' ' || b->data[start] == '\n'))
        start++;
    size_t end = b->len;
    while (end > start && (b->data[end - 1] == ' ' || b->data[end - 1] == '\n'))
        end--;
    if (start)
        memmove(b->data, b->data + start, end - start);
    buffer_truncate(b, end - start);
}

bool html_article_extract(const char *html, size_t len, html_article *out)
{
    buffer_truncate(&out->text, 0);
    buffer_truncate(&out->title, 0);
    buffer_truncate(&out->url, 0);
    buffer_truncate(&out->site, 0);
    out->date = 0;
    GumboOutput *page = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    if (!page)
        return false;
    read_meta(page->root, out);
    const GumboNode *body = find_element(page->root, GUMBO_TAG_ARTICLE);
    if (!body)
        body = find_element(page->root, GUMBO_TAG_MAIN);
    if (!body)
        body = find_element(page->root, GUMBO_TAG_BODY);
    if (body)
        collect_text(body, &out->text);
    if (!out->title.len) {
        const GumboNode *title = find_element(page->root, GUMBO_TAG_TITLE);
        if (!title)
            title = find_element(page->root, GUMBO_TAG_H1);
        if (title)
            collect_text(title, &out->title);
    }
    gumbo_destroy_output(&kGumboDefaultOptions, page);
    trim(&out->text);
    trim(&out->title);
    if (!out->text.data)
        buffer_append(&out->text, "", 0);
    if (!out->title.data)
        buffer_append(&out->title, "", 0);
    if (!out->url.data)
        buffer_append(&out->url, "", 0);
    if (!out->site.data)
        buffer_append(&out->site, "", 0);
    return out->text.len > 0;
}

void html_article_free(html_article *a)
{
    buffer_free(&a->text);
    buffer_free(&a->title);
    buffer_free(&a->url);
    buffer_free(&a->site);
}
