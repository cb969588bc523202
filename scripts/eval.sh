#!/bin/sh
# make eval: scores build/marsad against the gold sets in ../shared/eval.
#   events: the seed article and the dev gold (its articles are read from
#           ../shared/corpora/ant by id), with ../shared/eval/score_events.py
#   NER:    build/marsad ner on ANERcorp test and AQMAR, with
#           ../shared/eval/score_ner.py (AQMAR's MIS0..MIS3 scored as MISC)
SHARED=${1:-../shared}
eval_dir="$SHARED/eval"
if [ ! -d "$eval_dir" ]; then
    echo "eval: $eval_dir not found; nothing to score" >&2
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "eval: the scorers need python3" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== events: seed article (CODEBOOK §6)"
build/marsad code -q "$SHARED/seed/seed_article.jsonl" > "$tmp/seed.jsonl"
python3 "$eval_dir/score_events.py" "$eval_dir/seed_gold.jsonl" "$tmp/seed.jsonl" --per-type

echo
echo "== events: dev gold ($(wc -l < "$eval_dir/dev_gold.jsonl") articles)"
# the dev articles, picked out of the corpus by id, in gold order
python3 - "$eval_dir/dev_gold.jsonl" "$SHARED/corpora/ant/articles.jsonl" > "$tmp/dev_articles.jsonl" <<'PY'
import json, sys
wanted = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
found = {}
for line in open(sys.argv[2], encoding="utf-8"):
    rec = json.loads(line)
    if rec["id"] in wanted:
        found[rec["id"]] = line
for i in wanted:
    if i in found:
        sys.stdout.write(found[i])
PY
build/marsad code -q "$tmp/dev_articles.jsonl" > "$tmp/dev.jsonl"
python3 "$eval_dir/score_events.py" "$eval_dir/dev_gold.jsonl" "$tmp/dev.jsonl" --per-type

ner_dir="$SHARED/ner"
if [ -f "$ner_dir/anercorp/test.txt" ]; then
    echo
    echo "== NER: ANERcorp test ($(grep -c . "$ner_dir/anercorp/test.txt") tokens), entity-level exact match"
    build/marsad ner "$ner_dir/anercorp/test.txt" > "$tmp/anercorp.txt"
    python3 "$eval_dir/score_ner.py" "$ner_dir/anercorp/test.txt" "$tmp/anercorp.txt"
fi
if [ -f "$ner_dir/aqmar/aqmar.conll" ]; then
    echo
    echo "== NER: AQMAR ($(grep -c . "$ner_dir/aqmar/aqmar.conll") tokens, Wikipedia, out of domain)"
    # AQMAR's article-specific MIS0..MIS3 (and typos such as I--ORG) are MISC
    sed -E 's/ ([BI])-+MIS[^ ]*$/ \1-MISC/; s/ ([BI])-+/ \1-/' "$ner_dir/aqmar/aqmar.conll" > "$tmp/aqmar_gold.txt"
    build/marsad ner "$ner_dir/aqmar/aqmar.conll" > "$tmp/aqmar.txt"
    python3 "$eval_dir/score_ner.py" "$tmp/aqmar_gold.txt" "$tmp/aqmar.txt"
fi
