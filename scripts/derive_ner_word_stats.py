#!/usr/bin/python3
"""Derives data/ner_word_stats.tsv, how each word of data/ner_clusters.tsv
behaves in the ANT news corpus (../shared/corpora/ant/articles.jsonl), as
features of the NER tagger.

Arabic writes no capitals, but a name shows in what it refuses: a foreign
or personal name is seldom written with the article ال or with a pronoun
suffix (ـها، ـهم), where a common noun takes both.  For each word: its
frequency (log2 bucket), how often its bare form is seen with ال, and how
often with a pronoun suffix, each in four levels.  Counts only; the words
are those of data/ner_clusters.tsv.  Deterministic.

usage: derive_ner_word_stats.py ARTICLES.jsonl data/ner_clusters.tsv > data/ner_word_stats.tsv
"""
import json, math, re, sys
from collections import Counter

DIACRITICS = re.compile("[\u0640\u064B-\u0652\u0670\u0653-\u0655]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي"})
WORD = re.compile("[\u0621-\u064A\u0671-\u06D3]+|[0-9\u0660-\u0669]+|[A-Za-z]+")
SUFFIXES = ("ها", "هم", "هما", "هن", "نا", "كم")


def words(text):
    for w in WORD.findall(DIACRITICS.sub("", text)):
        if w[0].isdigit() or "\u0660" <= w[0] <= "\u0669":
            yield "<num>"
        else:
            yield w.translate(FOLD).lower()


def level(share):
    return 0 if share < 0.01 else 1 if share < 0.1 else 2 if share < 0.5 else 3


def main():
    freq = Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            freq.update(words(doc.get("title", "") + " . " + doc.get("text", "")))
    out = sys.stdout
    out.write("# how the words of data/ner_clusters.tsv behave in the ANT corpus, by\n")
    out.write("# scripts/derive_ner_word_stats.py (see data/README.md): log2 frequency,\n")
    out.write("# share of the bare form with al- and with a pronoun suffix (levels 0-3)\n")
    out.write("word\tlog2_freq\twith_al\twith_suffix\n")
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("word\t"):
                continue
            w = line.split("\t", 1)[0]
            if w == "<num>" or not w:
                continue
            base = w[2:] if w.startswith("ال") and len(w) > 4 else w
            bare = freq[base]
            with_al = freq["ال" + base]
            stem = base[:-1] + "ت" if base.endswith("ه") else base
            with_suffix = sum(freq[stem + s] for s in SUFFIXES)
            al_share = with_al / (bare + with_al) if bare + with_al else 0.0
            suffix_share = with_suffix / (bare + with_suffix) if bare + with_suffix else 0.0
            out.write(f"{w}\t{min(15, int(math.log2(freq[w] + 1)))}\t{level(al_share)}\t{level(suffix_share)}\n")


if __name__ == "__main__":
    main()
