#!/usr/bin/env python3
"""Error analysis of NER predictions against gold (files kept by
KEEP=DIR scripts/ner_folds.sh): how many gold entities are found exactly,
found with the wrong type, found with wrong bounds (overlap, same or other
type), or missed outright; and the most frequent missed and mistyped names.

usage: ner_errors.py DIR [K]   (reads DIR/devI.txt and DIR/predI.txt)
"""
import sys
from collections import Counter


def read(path):
    toks, tags = [], []
    for line in open(path, encoding="utf-8"):
        s = line.split()
        toks.append(s[0] if s else None)
        tags.append(s[-1] if len(s) > 1 else "O")
    return toks, tags


def spans(tags):
    out, start, typ = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        b, t = (tag.split("-", 1) + [None])[:2] if tag != "O" else ("O", None)
        if t == "PERS":
            t = "PER"
        if typ is not None and not (b == "I" and t == typ):
            out.append((start, i, typ)); typ = None
        if b in ("B", "I") and typ is None:
            start, typ = i, t
    return out


def main():
    d, k = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    kinds = Counter()
    missed, mistyped, bounds, spurious = Counter(), Counter(), Counter(), Counter()
    for i in range(k):
        toks, gold = read(f"{d}/dev{i}.txt")
        _, pred = read(f"{d}/pred{i}.txt")
        g, p = spans(gold), spans(pred)
        pset = {(a, b): t for a, b, t in p}
        gset = {(a, b): t for a, b, t in g}
        cover = {}
        for a, b, t in p:
            for j in range(a, b):
                cover[j] = (a, b, t)
        for a, b, t in g:
            name = " ".join(toks[a:b])
            if pset.get((a, b)) == t:
                kinds[(t, "exact")] += 1
            elif (a, b) in pset:
                kinds[(t, "type->" + pset[(a, b)])] += 1
                mistyped[(t, pset[(a, b)], name)] += 1
            elif any(j in cover for j in range(a, b)):
                over = {cover[j] for j in range(a, b) if j in cover}
                same = any(x[2] == t for x in over)
                kinds[(t, "bounds-same-type" if same else "bounds-other-type")] += 1
                pn = " | ".join(" ".join(toks[x[0]:x[1]]) + "/" + x[2] for x in sorted(over))
                bounds[(t, name, pn)] += 1
            else:
                kinds[(t, "missed")] += 1
                missed[(t, name)] += 1
        for a, b, t in p:
            if (a, b) not in gset and not any(x[0] < b and a < x[1] for x in g):
                spurious[(t, " ".join(toks[a:b]))] += 1
    types = ["PER", "LOC", "ORG", "MISC"]
    cols = ["exact", "missed", "bounds-same-type", "bounds-other-type"] + [f"type->{t}" for t in types]
    print("gold".ljust(6) + "".join(c[:16].rjust(17) for c in cols))
    for t in types:
        print(t.ljust(6) + "".join(str(kinds[(t, c)]).rjust(17) for c in cols))
    print("spurious (no overlap with gold):", {t: sum(v for (x, _), v in spurious.items() if x == t) for t in types})
    for title, c in (("missed", missed), ("mistyped", mistyped), ("bounds", bounds), ("spurious", spurious)):
        print(f"\n== most frequent {title}")
        for key, v in c.most_common(40):
            print(v, " / ".join(key))


main()
