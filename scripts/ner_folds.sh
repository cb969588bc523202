#!/bin/sh
# scripts/ner_folds.sh K [TRAIN-NER OPTIONS...]: K-fold cross-validation of the
# NER recipe on ANERcorp's train split only (its test split is left alone).
# Train's sentences are cut into K contiguous folds; for each fold the tagger
# is trained on the other K-1 exactly as `make train-ner` does (--holdout 10
# inside them), tags the fold, and score_ner.py scores it.  Prints each fold's
# micro F1 and the mean micro and per-type F1.  JOBS=2 runs two folds at once;
# WORD_STATS=data/ner_word_stats.tsv passes --word-stats as `make train-ner`
# does; MARSAD=path/to/marsad compares another build; KEEP=DIR keeps each
# fold's gold, predicted and model files there (devI.txt, predI.txt, modelI) for error
# analysis (scripts/ner_errors.py).  Decisions about
# features are made on these figures (models/README.md).
set -e
SHARED=${SHARED:-../shared}
K=${1:?usage: ner_folds.sh K [train-ner options]}
shift
train="$SHARED/ner/anercorp/train.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$train" "$K" "$tmp" <<'PY'
import sys
path, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sents, cur = [], []
for line in open(path, encoding="utf-8"):
    if line.strip():
        cur.append(line)
    elif cur:
        sents.append(cur); cur = []
if cur:
    sents.append(cur)
bounds = [len(sents) * i // k for i in range(k + 1)]
for i in range(k):
    with open(f"{out}/dev{i}.txt", "w", encoding="utf-8") as d, open(f"{out}/train{i}.txt", "w", encoding="utf-8") as t:
        for j, s in enumerate(sents):
            f = d if bounds[i] <= j < bounds[i + 1] else t
            f.write("".join(s) + "\n")
PY
run_fold() {
    i=$1; shift
    ${MARSAD:-build/marsad} train-ner "$tmp/train$i.txt" --holdout 10 --clusters data/ner_clusters.tsv ${WORD_STATS:+--word-stats $WORD_STATS} --bits 19 -q \
        -o "$tmp/model$i" "$@"
    ${MARSAD:-build/marsad} ner --model "$tmp/model$i" "$tmp/dev$i.txt" > "$tmp/pred$i.txt"
    python3 "$SHARED/eval/score_ner.py" "$tmp/dev$i.txt" "$tmp/pred$i.txt" --json > "$tmp/score$i.json"
}
i=0
while [ $i -lt "$K" ]; do
    run_fold $i "$@" &
    if [ "${JOBS:-1}" -ge 2 ] && [ $((i + 1)) -lt "$K" ]; then
        run_fold $((i + 1)) "$@" &
        i=$((i + 1))
    fi
    wait
    i=$((i + 1))
done
if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    cp "$tmp"/dev*.txt "$tmp"/pred*.txt "$tmp"/model* "$KEEP"/
fi
python3 - "$tmp" "$K" <<'PY'
import json, sys
tmp, k = sys.argv[1], int(sys.argv[2])
scores = [json.load(open(f"{tmp}/score{i}.json")) for i in range(k)]
print("folds micro F1:", " ".join(f"{s['micro']['f1']:.4f}" for s in scores))
def mean(key, field):
    return sum(s.get(key, {}).get(field, 0) for s in scores) / k
print(f"mean micro F1 {mean('micro','f1'):.4f} (P {mean('micro','p'):.4f} R {mean('micro','r'):.4f}); " +
      " ".join(f"{t} {mean(t,'f1'):.4f}" for t in ("LOC", "PER", "ORG", "MISC")))
PY
