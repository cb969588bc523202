#!/usr/bin/python3
"""Derives data/ner_clusters.tsv, word classes for the NER tagger, from the
ANT news corpus (../shared/corpora/ant/articles.jsonl).

Words that occur in the same contexts (في مدينة X، قال الرئيس X) land in the
same class, so the tagger generalises from the names it was trained on to
names it has never seen.  Each of the most frequent words is described by
the counts of the frequent words on its left and right; the counts are
log-scaled, reduced to their principal directions and clustered with
k-means at two granularities.  Deterministic (fixed seed).

usage: derive_ner_clusters.py ARTICLES.jsonl > data/ner_clusters.tsv
needs python3-numpy (Debian).
"""
import json, re, sys
from collections import Counter
import numpy as np

VOCAB, CONTEXT, DIMS, COARSE, FINE, ITERATIONS = 60000, 1500, 120, 64, 512, 25

DIACRITICS = re.compile("[\u0640\u064B-\u0652\u0670\u0653-\u0655]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي"})
WORD = re.compile("[\u0621-\u064A\u0671-\u06D3]+|[0-9\u0660-\u0669]+|[A-Za-z]+")


def words(text):
    for w in WORD.findall(DIACRITICS.sub("", text)):
        if w[0].isdigit() or "\u0660" <= w[0] <= "\u0669":
            yield "<num>"
        else:
            yield w.translate(FOLD).lower()


def main():
    docs = []
    freq = Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            ws = list(words(doc.get("title", "") + " . " + doc.get("text", "")))
            freq.update(ws)
            docs.append(ws)
    vocab = [w for w, _ in freq.most_common(VOCAB)]
    index = {w: i for i, w in enumerate(vocab)}
    # every text as one array of word numbers, -1 for the rare words and
    # between texts, so that no context crosses from one text to the next
    ids = np.array([i for ws in docs for i in [-1] + [index.get(w, -1) for w in ws]] + [-1], dtype=np.int64)
    del docs
    left, word, right = ids[:-2], ids[1:-1], ids[2:]
    counts = np.zeros((len(vocab), 2 * CONTEXT), dtype=np.float32)
    for ctx, offset in ((left, 0), (right, CONTEXT)):
        keep = (word >= 0) & (ctx >= 0) & (ctx < CONTEXT)
        flat = word[keep] * (2 * CONTEXT) + offset + ctx[keep]
        counts += np.bincount(flat, minlength=counts.size).reshape(counts.shape).astype(np.float32)
    x = np.log1p(counts)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    x -= x.mean(axis=0)
    cov = x.T @ x
    values, vectors = np.linalg.eigh(cov)
    x = x @ vectors[:, -DIMS:]
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(1)

    def kmeans(k):
        centres = x[rng.choice(len(x), k, replace=False)]
        for _ in range(ITERATIONS):
            labels = np.argmax(x @ centres.T, axis=1)
            for c in range(k):
                members = x[labels == c]
                if len(members):
                    centre = members.sum(axis=0)
                    centres[c] = centre / (np.linalg.norm(centre) + 1e-9)
        return np.argmax(x @ centres.T, axis=1)

    print("counted; clustering", file=sys.stderr)
    coarse, fine = kmeans(COARSE), kmeans(FINE)
    out = sys.stdout
    out.write("# word classes for the NER tagger, derived from the ANT corpus by\n")
    out.write("# scripts/derive_ner_clusters.py (see data/README.md); word\tcoarse\tfine\n")
    out.write("word\tcoarse\tfine\n")
    for i, w in enumerate(vocab):
        if w != "<num>":
            out.write(f"{w}\t{coarse[i]}\t{fine[i]}\n")


if __name__ == "__main__":
    main()
