#!/bin/sh
# Seeds for the fuzz harnesses, cut at run time from the ANT articles of
# ../shared (never copied into the repository): build/fuzz/shared/
#   jsonl/  whole article lines (under 8 KB), for json_read and code
#   text/   their texts, at most 3 KB each, for the text-core harnesses
#   dated/  the same texts behind the article's date (YYYY-MM-DD), for dates
# usage: fuzz/make_corpus.sh   (SHARED=../shared by default)
set -eu
corpus="${SHARED:-../shared}/corpora/ant/articles.jsonl"
out=build/fuzz/shared
if [ ! -f "$corpus" ]; then
    echo "fuzz: $corpus not found; fuzzing from the hand-written seeds only" >&2
    exit 0
fi
[ -f "$out/.complete" ] && exit 0
rm -rf "$out"
mkdir -p "$out/jsonl" "$out/text" "$out/dated"
# one article in every 800, from every source and category of the corpus
awk 'NR % 800 == 1 && length($0) < 8000' "$corpus" | head -n 50 > "$out/lines"
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" > "$out/jsonl/article-$n"
    printf '%s' "$line" | jq -j '.text' | head -c 3000 > "$out/text/article-$n"
    { printf '%s' "$line" | jq -j '.date[0:10]'; cat "$out/text/article-$n"; } > "$out/dated/article-$n"
done < "$out/lines"
rm -f "$out/lines"
touch "$out/.complete"
echo "fuzz: $n seed articles from $corpus"
