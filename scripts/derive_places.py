#!/usr/bin/env python3
"""Derive data/places.tsv (the places gazetteer) for marsad.

Inputs
  GeoNames cities15000 (2013 dump, with Arabic-script names joined in):
      /work/shared/gazetteers/cities15000_2013.tsv   (CC BY 4.0, "GeoNames (geonames.org)")
  ISO-2 -> ISO-3 map:
      /work/shared/gazetteers/countries_ar_merged.tsv (columns cca2, cca3, ...)
  Hand-written rows (same 8-column header as the output):
      data/places_curated.tsv
  Stoplist of Arabic strings never to emit from GeoNames (common words, person
  names, brands, wrong mappings), one a line, '#' starts a comment:
      data/places_stoplist.txt

Output
  data/places.tsv with header
      arabic  iso3  lat  lon  kind  population  geonameid  source
  one row per (Arabic spelling, country), sorted by (arabic, iso3).

Rules for GeoNames names (column names_ar, '|'-separated):
  * strip surrounding spaces, collapse inner whitespace, drop harakat/tatweel;
    cut a disambiguating suffix after '،' and '(...)', turn hyphens into spaces;
  * skip a name that contains Latin letters, digits, punctuation or any other
    non-Arabic-script character, that is a single letter, or that is in the stoplist
    (compared on the folded matching key of data/normalize.tsv: أ/إ/آ→ا, ى→ي, ة→ه,
    ک→ك, ی→ي);
  * an administrative prefix (محافظة, مدينة, ولاية, قضاء, ناحية, إمارة, بلدية)
    is removed and the bare name kept instead (the program handles "محافظة X");
  * when several places of one country share a name, keep the most populous;
  * homonym shadowing: drop a (name, country) whose population is < 1/10 of the
    most populous GeoNames place with the same name in another country
    (e.g. Moscow, Idaho vs. Moscow); curated rows are never dropped;
  * kind = city if PPLC or population >= 100000, else town.
Curated rows win over GeoNames rows with the same (arabic, iso3); when both lie
within 15 km the curated row inherits the GeoNames population and geonameid.
A curated name also removes GeoNames homonyms in other countries that have fewer
than 100,000 inhabitants (e.g. Bethlehem, Pennsylvania for بيت لحم).

The script is deterministic: re-running it regenerates places.tsv byte for byte.
Usage:  python3 scripts/derive_places.py [--check]
  --check  only validate and compare with the existing data/places.tsv.
"""
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = '/work/shared/gazetteers'
GEONAMES = os.path.join(SHARED, 'cities15000_2013.tsv')
COUNTRIES = os.path.join(SHARED, 'countries_ar_merged.tsv')
CURATED = os.path.join(ROOT, 'data', 'places_curated.tsv')
STOPLIST = os.path.join(ROOT, 'data', 'places_stoplist.txt')
OUT = os.path.join(ROOT, 'data', 'places.tsv')

HEADER = ['arabic', 'iso3', 'lat', 'lon', 'kind', 'population', 'geonameid', 'source']
KINDS = {'city', 'town', 'village', 'region', 'province', 'district', 'camp', 'border',
         'crossing', 'airport', 'base', 'sea', 'river', 'mountain', 'area',
         # a town whose name is also a common word (صور "pictures", حجة
         # "pretext"): believed only after a word that announces a place
         'homograph'}
PREFIXES = ('محافظة ', 'مدينة ', 'ولاية ', 'قضاء ', 'ناحية ', 'إمارة ', 'بلدية ')
SHADOW_RATIO = 10
CURATED_SHADOW_POP = 100000
CARRY_KM = 15.0

HARAKAT = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]')
# Arabic-script letters (Arabic, Arabic Supplement, presentation forms) + space + ZWNJ.
ALLOWED = re.compile('^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u0750-\u077F'
                     '\uFB50-\uFDFF\uFE70-\uFEFC \u200C]+$')
LATIN = re.compile('[A-Za-z\u00C0-\u024F]')
DIGITS = re.compile('^[0-9\u0660-\u0669\u06F0-\u06F9 ]+$')


def km(lat1, lon1, lat2, lon2):
    import math
    a1, o1, a2, o2 = (math.radians(float(x)) for x in (lat1, lon1, lat2, lon2))
    h = math.sin((a2 - a1) / 2) ** 2 + math.cos(a1) * math.cos(a2) * math.sin((o2 - o1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def clean_geonames(name):
    """'سان رافائيل، مندوزا' -> 'سان رافائيل'; drop '(...)'; hyphens -> spaces."""
    name = re.sub(r'\([^)]*\)', ' ', name)
    name = re.split('[،,]', name)[0]
    return name.replace('-', ' ')


FOLD = str.maketrans({'\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627',
                      '\u0671': '\u0627', '\u0649': '\u064A', '\u0629': '\u0647',
                      '\u06A9': '\u0643', '\u06CC': '\u064A', '\u06C0': '\u0647',
                      '\u06D5': '\u0647', '\u200C': None})


def fold(name):
    """Matching key as in data/normalize.tsv (hamza alefs, ى, ة, Persian letters)."""
    return ' '.join(normalise(name).translate(FOLD).split())


def normalise(name):
    name = HARAKAT.sub('', name)
    return ' '.join(name.split())


def acceptable(name):
    """Return a reason string if the name must be skipped, else None."""
    if not name:
        return 'empty'
    if LATIN.search(name):
        return 'latin'
    if DIGITS.match(name):
        return 'digits'
    if not ALLOWED.match(name):
        return 'non-arabic-char'
    if len(name.replace(' ', '').replace('\u200c', '')) <= 1:
        return 'single-letter'
    return None


def load_stoplist():
    stop = set()
    with open(STOPLIST, encoding='utf-8') as f:
        for line in f:
            w = line.split('#', 1)[0].strip()
            if w:
                stop.add(fold(w))
    return stop


def load_iso3():
    with open(COUNTRIES, encoding='utf-8', newline='') as f:
        return {r['cca2']: r['cca3'] for r in csv.DictReader(f, delimiter='\t')}


def geonames_rows(stop, iso3, stats):
    best = {}  # (name, iso3) -> (population, geonameid, row)
    with open(GEONAMES, encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            if not r['names_ar'].strip():
                continue
            stats['places_with_ar'] += 1
            cc = iso3.get(r['country'])
            if not cc:
                stats['skip_no_iso3'] += 1
                continue
            pop = int(r['population'] or 0)
            gid = int(r['geonameid'])
            emitted = False
            for raw in r['names_ar'].split('|'):
                name = normalise(clean_geonames(raw))
                for p in PREFIXES:
                    if name.startswith(p):
                        name = name[len(p):].strip()
                        break
                why = acceptable(name)
                if why is None and fold(name) in stop:
                    why = 'stoplist'
                if why:
                    stats['skip_' + why] += 1
                    continue
                emitted = True
                key = (name, cc)
                cand = (pop, -gid, r)
                if key not in best or cand[:2] > best[key][:2]:
                    best[key] = cand
            if emitted:
                stats['places_emitted'] += 1
    # homonym shadowing across countries
    top = {}
    for (name, cc), (pop, _, _) in best.items():
        top[name] = max(top.get(name, 0), pop)
    out = {}
    for (name, cc), (pop, _, r) in best.items():
        if pop * SHADOW_RATIO < top[name]:
            stats['skip_shadowed'] += 1
            continue
        kind = 'city' if (r['feature_code'] == 'PPLC' or pop >= 100000) else 'town'
        out[(name, cc)] = [name, cc, '%.5f' % float(r['lat']), '%.5f' % float(r['lon']),
                           kind, str(pop) if pop else '', r['geonameid'], 'geonames']
    return out


def load_curated():
    rows = {}
    with open(CURATED, encoding='utf-8', newline='') as f:
        rd = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
        header = next(rd)
        if header != HEADER:
            sys.exit('bad header in %s: %r' % (CURATED, header))
        for i, row in enumerate(rd, 2):
            if not row or not ''.join(row).strip():
                continue
            if len(row) != 8:
                sys.exit('%s:%d: %d columns' % (CURATED, i, len(row)))
            row = [c.strip() for c in row]
            row[0] = normalise(row[0])
            row[7] = 'curated'
            key = (row[0], row[1])
            if key in rows:
                sys.exit('%s:%d: duplicate %r' % (CURATED, i, key))
            rows[key] = row
    return rows


def validate(rows):
    errors = []
    seen = set()
    for row in rows:
        if len(row) != 8:
            errors.append('columns: %r' % (row,))
            continue
        a, iso, lat, lon, kind, pop, gid, src = row
        if not a or acceptable(a):
            errors.append('name: %r' % (row,))
        if not re.fullmatch('[A-Z]{3}', iso):
            errors.append('iso3: %r' % (row,))
        try:
            if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
                errors.append('range: %r' % (row,))
        except ValueError:
            errors.append('coord: %r' % (row,))
        if kind not in KINDS:
            errors.append('kind: %r' % (row,))
        if pop and not pop.isdigit():
            errors.append('population: %r' % (row,))
        if gid and not gid.isdigit():
            errors.append('geonameid: %r' % (row,))
        if src not in ('geonames', 'curated'):
            errors.append('source: %r' % (row,))
        if (a, iso) in seen:
            errors.append('duplicate: %r' % ((a, iso),))
        seen.add((a, iso))
    return errors


def render(rows):
    lines = ['\t'.join(HEADER)] + ['\t'.join(r) for r in rows]
    return '\n'.join(lines) + '\n'


def main():
    from collections import Counter
    stats = Counter()
    stop = load_stoplist()
    iso3 = load_iso3()
    geo = geonames_rows(stop, iso3, stats)
    cur = load_curated()
    overridden = 0
    for k, row in cur.items():
        g = geo.get(k)
        if g is None:
            continue
        overridden += 1
        # same place: carry GeoNames population / geonameid into the curated row
        if km(row[2], row[3], g[2], g[3]) <= CARRY_KM:
            row[5] = row[5] or g[5]
            row[6] = row[6] or g[6]
    # curated names shadow small GeoNames homonyms in other countries
    cur_names = {}
    for (name, cc) in cur:
        cur_names.setdefault(name, set()).add(cc)
    for (name, cc) in sorted(geo):
        if (name in cur_names and cc not in cur_names[name]
                and int(geo[(name, cc)][5] or 0) < CURATED_SHADOW_POP):
            del geo[(name, cc)]
            stats['skip_shadowed_by_curated'] += 1
    merged = dict(geo)
    merged.update(cur)
    rows = [merged[k] for k in sorted(merged)]
    errors = validate(rows)
    if errors:
        sys.stderr.write('\n'.join(errors[:50]) + '\n')
        sys.exit('%d validation errors' % len(errors))
    text = render(rows)
    in_stop = sorted(k[0] for k in cur if fold(k[0]) in stop)
    # rows whose matching keys collide within one country but lie far apart
    bykey = {}
    for r in rows:
        bykey.setdefault((fold(r[0]), r[1]), []).append(r)
    clashes = [v for v in bykey.values()
               if len(v) > 1 and any(km(v[0][2], v[0][3], x[2], x[3]) > CARRY_KM for x in v)]
    for v in clashes:
        sys.stderr.write('note: folded-key clash %s\n' % ' / '.join(
            '%s %s (%s,%s)' % (x[0], x[1], x[2], x[3]) for x in v))
    report = Counter(r[7] for r in rows)
    sys.stderr.write(
        'rows=%d curated=%d geonames=%d (curated overriding geonames=%d)\n'
        'GeoNames places with an Arabic name=%d, contributing >=1 row=%d, '
        'distinct places in output=%d\n'
        'stoplist entries=%d; curated names also in stoplist (kept on purpose)=%d\n'
        'skipped names: %s\n' % (
            len(rows), report['curated'], report['geonames'], overridden,
            stats['places_with_ar'], stats['places_emitted'],
            len({r[6] for r in rows if r[6]}),
            len(stop), len(in_stop),
            ', '.join('%s=%d' % (k[5:], v) for k, v in sorted(stats.items())
                      if k.startswith('skip_'))))
    if '--check' in sys.argv[1:]:
        with open(OUT, encoding='utf-8') as f:
            same = f.read() == text
        sys.stderr.write('places.tsv is %s\n' % ('up to date' if same else 'STALE'))
        sys.exit(0 if same else 1)
    with open(OUT, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


if __name__ == '__main__':
    main()
