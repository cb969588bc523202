#!/usr/bin/env python3
"""Validate the lexicon TSV tables in data/.

Checks, for each table: the exact header; the column count of every
non-comment line; the code columns (iso3, sector, org, kind, source); that the
Arabic field is non-empty Arabic text without stray spaces or diacritics; no
duplicate rows and no duplicate keys after the program's letter folding
(hamza/alef, ى/ي, ة/ه, diacritics).  Cross-table collisions (one folded string
in two tables) are reported as warnings.  Exit status 1 on any error.

Usage: python3 scripts/check_tables.py [DATA_DIR]
"""
import os
import re
import sys

ISO3 = re.compile(r'^([A-Z]{3}|-)$')
SECTORS = {'GOV', 'MIL', 'COP', 'REB', 'INS', 'OPP', 'CVL', 'MED', 'NGO',
           'IGO', 'BUS', 'JUD', 'LEG', 'REF', 'REL'}
ORGS = {'UN', 'EU', 'NATO', 'ARAB_LEAGUE', 'AU', 'GCC', 'OIC', 'IGAD', 'OSCE',
        'ECOWAS', 'ASEAN', 'IAEA', 'ICC', 'WHO', 'UNHCR', 'UNICEF', 'WFP'}
SOURCES = {'geonames-countries', 'curated'}
ARABIC = re.compile(r'^[\u0621-\u064A\u0660-\u0669\u067E\u0686\u06A4\u06AF0-9 ]+$')
DIACRITICS = re.compile('[\u064B-\u0652\u0670\u0640]')


def fold(s):
    s = DIACRITICS.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s)
    return s.replace('ى', 'ي').replace('ة', 'ه')


def one_of(values):
    return lambda v: v in values


TABLES = {
    'countries.tsv': {
        'header': ['iso3', 'kind', 'arabic', 'source'],
        'check': {'iso3': lambda v: bool(re.match(r'^[A-Z]{3}$', v)),
                  'kind': one_of({'name', 'official', 'capital', 'demonym',
                                  'demonym_form'}),
                  'source': one_of(SOURCES)},
        # a string may be both a name and a demonym (جيبوتي) of one country
        'key': lambda r: (r['iso3'], r['kind'] == 'demonym', fold(r['arabic'])),
        'unique_arabic': lambda r: r['kind'] != 'demonym',
    },
    'orgs.tsv': {
        'header': ['org', 'arabic', 'sector', 'kind', 'source'],
        'check': {'org': one_of(ORGS), 'sector': one_of({'IGO'}),
                  'kind': one_of({'org', 'organ', 'agency', 'official', 'mission'}),
                  'source': one_of(SOURCES)},
        'key': lambda r: fold(r['arabic']),
    },
    'groups.tsv': {
        'header': ['arabic', 'iso3', 'sector', 'kind', 'source'],
        'check': {'iso3': lambda v: bool(ISO3.match(v)), 'sector': one_of(SECTORS),
                  'kind': one_of({'armed_group', 'party', 'movement', 'militia'}),
                  'source': one_of(SOURCES)},
        'key': lambda r: fold(r['arabic']),
    },
    'sectors.tsv': {
        'header': ['arabic', 'sector', 'kind', 'source'],
        'check': {'sector': one_of(SECTORS),
                  'kind': one_of({'institution', 'title', 'group_noun', 'qualifier'}),
                  'source': one_of(SOURCES)},
        'key': lambda r: fold(r['arabic']),
    },
    'media.tsv': {
        'header': ['arabic', 'iso3', 'kind', 'source'],
        'check': {'iso3': lambda v: bool(ISO3.match(v)) and v != '-',
                  'kind': one_of({'agency', 'tv', 'newspaper', 'website'}),
                  'source': one_of(SOURCES)},
        'key': lambda r: fold(r['arabic']),
    },
}


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'data')
    errors, warnings = 0, 0
    owners = {}        # folded arabic -> set of (table, code)
    for name, spec in TABLES.items():
        path = os.path.join(data, name)
        if not os.path.exists(path):
            print('%s: missing' % name)
            errors += 1
            continue
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        hdr = spec['header']
        if not lines or lines[0] != '\t'.join(hdr):
            print('%s:1: bad header %r' % (name, lines[0] if lines else ''))
            errors += 1
            continue
        seen_rows, seen_keys, n = set(), {}, 0

        def err(ln, msg):
            nonlocal errors
            errors += 1
            print('%s:%d: %s' % (name, ln, msg))

        for ln, line in enumerate(lines[1:], 2):
            if not line.strip() or line.startswith('#'):
                continue
            n += 1
            cols = line.split('\t')
            if len(cols) != len(hdr):
                err(ln, 'expected %d columns, got %d' % (len(hdr), len(cols)))
                continue
            r = dict(zip(hdr, cols))
            for c, ok in spec['check'].items():
                if not ok(r[c]):
                    err(ln, 'bad %s %r' % (c, r[c]))
            a = r['arabic']
            if a != a.strip() or '  ' in a or not ARABIC.match(a):
                err(ln, 'bad arabic %r' % a)
            elif DIACRITICS.search(a):
                err(ln, 'diacritics in %r' % a)
            if line in seen_rows:
                err(ln, 'duplicate row')
            seen_rows.add(line)
            k = spec['key'](r)
            if k in seen_keys:
                err(ln, 'duplicate key %r (line %d)' % (a, seen_keys[k]))
            seen_keys[k] = ln
            if spec.get('unique_arabic', lambda r: True)(r):
                code = r.get('iso3') or r.get('org') or r.get('sector')
                owners.setdefault(fold(a), set()).add((name, code))
        print('%s: %d rows' % (name, n))
    # one folded string owned by two different tables/codes
    for a, o in sorted(owners.items()):
        codes = {c for t, c in o}
        tables = {t for t, c in o}
        if len(codes) > 1 and tables != {'sectors.tsv'}:
            warnings += 1
            print('warning: %s in %s' % (a, ', '.join('%s:%s' % x for x in sorted(o))))
    print('%d errors, %d warnings' % (errors, warnings))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
