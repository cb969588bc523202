#!/usr/bin/env python3
"""Validate data/people_names.tsv and data/people_roles.tsv (marsad people lexicon)."""
import sys, re, datetime, collections, os
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data')
SECTORS = set("GOV MIL COP REB INS OPP CVL MED NGO IGO BUS JUD LEG REF REL".split())
SOURCES = {"curated", "petrarch"}
errs = []

def rows(path, header):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines[0] != header:
        errs.append(f"{path}: bad header {lines[0]!r}")
    ncol = header.count('\t') + 1
    out = []
    for i, l in enumerate(lines[1:], 2):
        if not l or l.startswith('#'):
            continue
        c = l.split('\t')
        if len(c) != ncol:
            errs.append(f"{path}:{i}: {len(c)} columns")
            continue
        out.append((i, c))
    return out

def date(s):
    try:
        return datetime.date.fromisoformat(s) if re.fullmatch(r'\d{4}-\d{2}-\d{2}', s) else None
    except ValueError:
        return None

def norm(s):
    s = re.sub(r'[\u064B-\u0652\u0670\u0640]', '', s)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    return ' '.join(s.split())

names = rows(os.path.join(D, 'people_names.tsv'), "person\tarabic\tsource")
roles = rows(os.path.join(D, 'people_roles.tsv'), "person\tiso3\tsector\trole\tfrom\tto\tsource\torg")
ORGS = {l.split('\t')[0] for l in open(os.path.join(D, 'orgs.tsv'), encoding='utf-8') if l.strip() and not l.startswith('#')}
slug_re = re.compile(r'^[a-z0-9_]+$')
name_people, owner, seen = set(), {}, set()
for i, (p, a, s) in names:
    if not slug_re.match(p): errs.append(f"names:{i}: bad slug {p}")
    if not re.search(r'[\u0600-\u06FF]', a) or re.search(r'[A-Za-z]', a): errs.append(f"names:{i}: not Arabic {a!r}")
    if s not in SOURCES: errs.append(f"names:{i}: bad source {s}")
    k = norm(a)
    if (p, k) in seen: errs.append(f"names:{i}: duplicate (after normalisation) {a}")
    seen.add((p, k))
    if k in owner and owner[k] != p: errs.append(f"names:{i}: '{a}' also used for {owner[k]}")
    owner[k] = p
    name_people.add(p)
role_people, isos = set(), collections.Counter()
for i, (p, iso, sec, role, fr, to, s, org) in roles:
    if org != '-' and org not in ORGS: errs.append(f"roles:{i}: org {org} is not in orgs.tsv")
    if sec == 'IGO' and iso == '-' and org == '-': errs.append(f"roles:{i}: an international office needs its org")
    if not slug_re.match(p): errs.append(f"roles:{i}: bad slug {p}")
    if not (iso == '-' or re.fullmatch(r'[A-Z]{3}', iso)): errs.append(f"roles:{i}: bad iso3 {iso}")
    if sec not in SECTORS: errs.append(f"roles:{i}: bad sector {sec}")
    if iso == '-' and sec not in ('IGO', 'INS', 'REB', 'NGO'): errs.append(f"roles:{i}: iso '-' with sector {sec}")
    if not role.strip(): errs.append(f"roles:{i}: empty role")
    f = date(fr); t = date(to) if to != '-' else datetime.date(9999, 12, 31)
    if f is None or t is None: errs.append(f"roles:{i}: bad date {fr} {to}")
    elif f > t: errs.append(f"roles:{i}: from > to")
    if s not in SOURCES: errs.append(f"roles:{i}: bad source {s}")
    role_people.add(p); isos[iso] += 1
for p in sorted(name_people - role_people): errs.append(f"{p}: in names but has no role")
for p in sorted(role_people - name_people): errs.append(f"{p}: in roles but has no name")
for e in errs: print("ERROR", e)
srcs = collections.Counter(c[2] for _, c in names) + collections.Counter(c[6] for _, c in roles)
print(f"people={len(name_people)} name_rows={len(names)} role_rows={len(roles)} "
      f"countries={len([k for k in isos if k != '-'])} sources={dict(srcs)}")
sys.exit(1 if errs else 0)
