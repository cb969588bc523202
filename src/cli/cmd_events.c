/*
 * cmd_events.c — `marsad events`: the stored events, filtered, in one of
 * five formats: an aligned table for people (Arabic cells isolated so the
 * bidi algorithm cannot reorder the columns), JSON Lines and CSV for
 * programs, GeoJSON for maps, and GDELT 2.0 event columns for tools that
 * read GDELT (../shared/ontology/gdelt2_events_columns.tsv).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buffer.h"
#include "cli.h"
#include "json_write.h"
#include "store.h"
#include "stored_event_json.h"

typedef enum { FORMAT_TABLE, FORMAT_JSONL, FORMAT_CSV, FORMAT_GEOJSON, FORMAT_GDELT } output_format;

static const char *const format_names[] = {"table", "jsonl", "csv", "geojson", "gdelt"};

typedef struct {
    output_format format;
    size_t count;
    byte_buffer out;
} printer;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: marsad events --db PATH [filters] [--format F]\n\n"
            "Prints the stored events, ordered by date, article and position.\n\n"
            "filters:\n"
            "  --article ID       the events of one article\n"
            "  --country ISO3     actor, recipient or location in this country\n"
            "  --actor CODE       actor country (ISO3) or organisation (UN, EU, ...)\n"
            "  --recipient CODE   recipient country or organisation\n"
            "  --type TYPE        PLOVER event type (ASSAULT, CONSULT, ...)\n"
            "  --since DATE, --until DATE   event date range, YYYY-MM-DD, inclusive\n"
            "  --min-dead N       at least N dead\n"
            "  --near LAT,LON,KM  located within KM kilometres of the point\n"
            "  --cluster ID       the events of one cluster (reported by several articles)\n"
            "  -n, --limit N      at most N events\n"
            "formats (--format): table (default), jsonl, csv, geojson, gdelt\n");
}

/* ---- table ---- */

/* Display width of a UTF-8 string, counting at most max columns; *bytes
 * receives how many bytes fit. */
static size_t display_width(const char *s, size_t max, size_t *bytes)
{
    size_t width = 0, i = 0, len = s ? strlen(s) : 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        int w = utf8proc_charwidth(cp);
        if (w < 0)
            w = 0;
        if (width + (size_t)w > max)
            break;
        width += (size_t)w;
        i += (size_t)n;
    }
    if (bytes)
        *bytes = i;
    return width;
}

/* A cell of exactly width columns: the text cut to fit, wrapped in the
 * Unicode first-strong isolate so right-to-left text stays in its cell. */
static void cell(byte_buffer *b, const char *text, size_t width)
{
    if (!text || !*text)
        text = "-";
    size_t bytes;
    size_t w = display_width(text, width, &bytes);
    bool isolate = false;
    for (size_t i = 0; i < bytes && !isolate; i++)
        isolate = (unsigned char)text[i] >= 0x80;
    if (isolate)
        buffer_append_str(b, "\xE2\x81\xA8");   /* FSI */
    for (size_t i = 0; i < bytes; i++)
        buffer_append_char(b, text[i] == '\n' || text[i] == '\t' ? ' ' : text[i]);
    if (isolate)
        buffer_append_str(b, "\xE2\x81\xA9");   /* PDI */
    for (; w < width; w++)
        buffer_append_char(b, ' ');
    buffer_append_str(b, "  ");
}

static const char *party_code(const stored_party *p, char *buf, size_t size)
{
    if (!p->text)
        return "-";
    snprintf(buf, size, "%s%s%s", p->country ? p->country : (p->org ? p->org : "?"), p->sector ? "/" : "",
             p->sector ? p->sector : "");
    return buf;
}

static void table_row(printer *p, const stored_event *e)
{
    byte_buffer *b = &p->out;
    char actor_code[32], recipient_code[32], dead[24];
    if (p->count == 0) {
        cell(b, "date", 10), cell(b, "type", 9), cell(b, "actor", 10), cell(b, "recipient", 10);
        cell(b, "where", 5), cell(b, "dead", 5), cell(b, "modality", 12), cell(b, "trigger", 16);
        cell(b, "actor text", 24), cell(b, "article", 36);
        buffer_append_char(b, '\n');
    }
    snprintf(dead, sizeof dead, "%lld", (long long)e->dead);
    cell(b, e->date, 10);
    cell(b, e->event_type, 9);
    cell(b, party_code(&e->actor, actor_code, sizeof actor_code), 10);
    cell(b, party_code(&e->recipient, recipient_code, sizeof recipient_code), 10);
    cell(b, e->location.country, 5);
    cell(b, e->dead >= 0 ? dead : "-", 5);
    cell(b, e->modality, 12);
    cell(b, e->trigger, 16);
    cell(b, e->actor.text, 24);
    cell(b, e->article, 36);
    buffer_append_char(b, '\n');
}

/* ---- JSON ---- */

/* The CODEBOOK event object, plus where it came from and its scales. */
static void json_event(byte_buffer *b, const stored_event *e)
{
    buffer_append_char(b, '{');
    stored_event_json_members(b, e, false);
    buffer_append_char(b, '}');
}

/* ---- CSV (RFC 4180) ---- */

static void csv_field(byte_buffer *b, const char *s, bool last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        buffer_append_char(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                buffer_append_char(b, '"');
            buffer_append_char(b, *s);
        }
        buffer_append_char(b, '"');
    } else if (s) {
        buffer_append_str(b, s);
    }
    buffer_append_char(b, last ? '\n' : ',');
}

static void csv_number(byte_buffer *b, int64_t v)
{
    if (v >= 0)
        buffer_printf(b, "%lld", (long long)v);
    buffer_append_char(b, ',');
}

static void csv_real(byte_buffer *b, double v)
{
    if (!isnan(v))
        buffer_printf(b, "%.6g", v);
    buffer_append_char(b, ',');
}

static void csv_row(printer *p, const stored_event *e)
{
    byte_buffer *b = &p->out;
    if (p->count == 0)
        buffer_append_str(b, "article,index,date,event_type,mode,actor_text,actor_country,actor_sector,actor_org,"
                             "recipient_text,recipient_country,recipient_sector,recipient_org,location_text,"
                             "location_country,lat,lon,modality,dead,injured,arrested,trigger,trigger_start,"
                             "trigger_end,goldstein,quad_class,cluster,cluster_articles,cluster_sources\n");
    csv_field(b, e->article, false);
    buffer_printf(b, "%d,", e->index);
    csv_field(b, e->date, false);
    csv_field(b, e->event_type, false);
    csv_field(b, e->mode, false);
    const stored_party *parties[] = {&e->actor, &e->recipient};
    for (int i = 0; i < 2; i++) {
        csv_field(b, parties[i]->text, false);
        csv_field(b, parties[i]->country, false);
        csv_field(b, parties[i]->sector, false);
        csv_field(b, parties[i]->org, false);
    }
    csv_field(b, e->location.text, false);
    csv_field(b, e->location.country, false);
    csv_real(b, e->lat);
    csv_real(b, e->lon);
    csv_field(b, e->modality, false);
    csv_number(b, e->dead);
    csv_number(b, e->injured);
    csv_number(b, e->arrested);
    csv_field(b, e->trigger, false);
    csv_number(b, e->trigger_start);
    csv_number(b, e->trigger_end);
    csv_real(b, e->goldstein);
    buffer_printf(b, "%d,", e->quad_class);
    csv_field(b, e->cluster, false);
    csv_number(b, e->cluster ? e->cluster_articles : -1);
    if (e->cluster)
        buffer_printf(b, "%lld", (long long)e->cluster_sources);
    buffer_append_char(b, '\n');
}

/* ---- GeoJSON ---- */

static void geojson_feature(printer *p, const stored_event *e)
{
    if (isnan(e->lat) || isnan(e->lon))
        return;
    byte_buffer *b = &p->out;
    buffer_append_str(b, p->count ? ",\n" : "{\"type\":\"FeatureCollection\",\"features\":[\n");
    buffer_append_str(b, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    json_write_double(b, e->lon);
    buffer_append_char(b, ',');
    json_write_double(b, e->lat);
    buffer_append_str(b, "]},\"properties\":");
    json_event(b, e);
    buffer_append_char(b, '}');
}

/* ---- GDELT 2.0 events (61 tab-separated columns, no header) ---- */

static void tsv(byte_buffer *b, const char *s)
{
    for (; s && *s; s++)
        buffer_append_char(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
    buffer_append_char(b, '\t');
}

static void gdelt_actor(byte_buffer *b, const stored_party *p)
{
    char code[24] = "";
    if (p->text)
        snprintf(code, sizeof code, "%s%s", p->country ? p->country : (p->org ? "IGO" : ""),
                 p->sector ? p->sector : "");
    tsv(b, code);                                   /* ActorCode */
    tsv(b, p->text);                                /* ActorName */
    tsv(b, p->country);                             /* ActorCountryCode */
    tsv(b, p->org);                                 /* KnownGroupCode */
    tsv(b, NULL), tsv(b, NULL), tsv(b, NULL);       /* Ethnic, Religion1, Religion2 */
    tsv(b, p->sector);                              /* Type1Code */
    tsv(b, NULL), tsv(b, NULL);                     /* Type2, Type3 */
}

static void gdelt_geo(byte_buffer *b, const stored_event *e, bool with_place)
{
    bool point = with_place && !isnan(e->lat) && !isnan(e->lon);
    bool country = with_place && e->location.country;
    buffer_printf(b, "%d\t", point ? 4 : country ? 1 : 0);   /* Geo_Type: WORLDCITY or COUNTRY */
    tsv(b, with_place ? e->location.text : NULL);           /* FullName */
    tsv(b, NULL);   /* CountryCode: GDELT writes FIPS 10-4, which marsad does not keep */
    tsv(b, NULL), tsv(b, NULL);                             /* ADM1, ADM2 */
    if (point)
        buffer_printf(b, "%.4f\t%.4f\t", e->lat, e->lon);
    else
        buffer_append_str(b, "\t\t");
    tsv(b, NULL);                                           /* FeatureID */
}

static void gdelt_row(printer *p, const stored_event *e)
{
    byte_buffer *b = &p->out;
    int y = 0, m = 0, d = 0;
    if (e->date)
        sscanf(e->date, "%d-%d-%d", &y, &m, &d);
    else if (e->article_date)
        sscanf(e->article_date, "%d-%d-%d", &y, &m, &d);
    buffer_printf(b, "%lld\t", (long long)(e->article_row * 1000 + e->index));   /* GLOBALEVENTID */
    buffer_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y, y + (m ? (m - 1) * 30 + d : 0) / 365.0);
    gdelt_actor(b, &e->actor);
    gdelt_actor(b, &e->recipient);
    buffer_printf(b, "%d\t", e->sentence == 0 ? 1 : 0);        /* IsRootEvent: in the lead */
    tsv(b, e->cameo_root), tsv(b, e->cameo_root), tsv(b, e->cameo_root);   /* EventCode, Base, Root */
    buffer_printf(b, "%d\t", e->quad_class);
    if (isnan(e->goldstein))
        buffer_append_char(b, '\t');
    else
        buffer_printf(b, "%.1f\t", e->goldstein);
    int64_t articles = e->cluster ? e->cluster_articles : 1, sources = e->cluster ? e->cluster_sources : 1;
    buffer_printf(b, "%lld\t%lld\t%lld\t", (long long)articles, (long long)sources, (long long)articles);
    buffer_append_char(b, '\t');                              /* AvgTone: not computed */
    gdelt_geo(b, e, false);
    gdelt_geo(b, e, false);
    gdelt_geo(b, e, true);
    const char *added = e->article_date ? e->article_date : e->date;
    int ay = 0, am = 0, ad = 0;
    if (added)
        sscanf(added, "%d-%d-%d", &ay, &am, &ad);
    buffer_printf(b, "%04d%02d%02d000000\t", ay, am, ad);   /* DATEADDED */
    const char *url = e->url ? e->url : e->article;
    for (; url && *url; url++)
        buffer_append_char(b, *url == '\t' || *url == '\n' ? ' ' : *url);
    buffer_append_char(b, '\n');
}

static bool print_event(const stored_event *e, void *context)
{
    printer *p = context;
    switch (p->format) {
    case FORMAT_TABLE: table_row(p, e); break;
    case FORMAT_JSONL:
        json_event(&p->out, e);
        buffer_append_char(&p->out, '\n');
        break;
    case FORMAT_CSV: csv_row(p, e); break;
    case FORMAT_GEOJSON:
        if (isnan(e->lat) || isnan(e->lon))
            return true;
        geojson_feature(p, e);
        break;
    case FORMAT_GDELT: gdelt_row(p, e); break;
    }
    p->count++;
    if (p->out.len > (1 << 16)) {
        fwrite(p->out.data, 1, p->out.len, stdout);
        buffer_truncate(&p->out, 0);
    }
    return true;
}

static bool parse_near(const char *s, event_filter *f)
{
    char *end;
    f->lat = strtod(s, &end);
    if (*end != ',')
        return false;
    f->lon = strtod(end + 1, &end);
    if (*end != ',')
        return false;
    f->km = strtod(end + 1, &end);
    f->near = true;
    return *end == '\0' && fabs(f->lat) <= 90 && fabs(f->lon) <= 180 && f->km > 0;
}

int cmd_events(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'D'},        {"article", required_argument, NULL, 'a'},
        {"country", required_argument, NULL, 'c'},   {"actor", required_argument, NULL, 'A'},
        {"recipient", required_argument, NULL, 'r'}, {"type", required_argument, NULL, 't'},
        {"since", required_argument, NULL, 's'},     {"until", required_argument, NULL, 'u'},
        {"min-dead", required_argument, NULL, 'm'},  {"near", required_argument, NULL, 'N'},
        {"cluster", required_argument, NULL, 'C'},   {"format", required_argument, NULL, 'f'},
        {"limit", required_argument, NULL, 'n'},     {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    event_filter f = {.min_dead = -1};
    printer p = {0};
    const char *db_path = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "n:h", options, NULL)) != -1) {
        switch (opt) {
        case 'D': db_path = optarg; break;
        case 'a': f.article = optarg; break;
        case 'c': f.country = optarg; break;
        case 'A': f.actor = optarg; break;
        case 'r': f.recipient = optarg; break;
        case 't': f.type = optarg; break;
        case 'C': f.cluster = optarg; break;
        case 's':
        case 'u':
            if (!parse_date_arg(optarg, opt == 's' ? &f.since : &f.until)) {
                fprintf(stderr, "marsad events: --%s: '%s' is not a date YYYY-MM-DD\n", opt == 's' ? "since" : "until",
                        optarg);
                return 2;
            }
            break;
        case 'm': {
            char *end;
            f.min_dead = strtoll(optarg, &end, 10);
            if (*end || f.min_dead < 0) {
                fprintf(stderr, "marsad events: --min-dead: '%s' is not a number\n", optarg);
                return 2;
            }
            break;
        }
        case 'N':
            if (!parse_near(optarg, &f)) {
                fprintf(stderr, "marsad events: --near: '%s' is not LAT,LON,KM\n", optarg);
                return 2;
            }
            break;
        case 'n': f.limit = strtoll(optarg, NULL, 10); break;
        case 'f': {
            size_t k = 0;
            while (k < sizeof format_names / sizeof format_names[0] && strcmp(format_names[k], optarg) != 0)
                k++;
            if (k == sizeof format_names / sizeof format_names[0]) {
                fprintf(stderr, "marsad events: --format: '%s' is not table, jsonl, csv, geojson or gdelt\n", optarg);
                return 2;
            }
            p.format = (output_format)k;
            break;
        }
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!db_path) {
        fprintf(stderr, "marsad events: --db PATH is required\n");
        usage(stderr);
        return 2;
    }
    char error[600];
    store *db = store_open(db_path, false, error, sizeof error);
    if (!db) {
        fprintf(stderr, "marsad events: %s\n", error);
        return 1;
    }
    bool ok = store_events(db, &f, print_event, &p);
    if (p.format == FORMAT_GEOJSON)
        buffer_append_str(&p.out, p.count ? "\n]}\n" : "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
    if (p.out.len)
        fwrite(p.out.data, 1, p.out.len, stdout);
    if (!ok)
        fprintf(stderr, "marsad events: %s\n", store_error(db));
    buffer_free(&p.out);
    store_close(db);
    return ok ? 0 : 1;
}
