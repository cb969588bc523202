#!/bin/sh
# CLI tests of `marsad word-clusters`: Brown clusters of a small Arabic
# corpus, deterministic, and bad lines reported with their number.
# Prints "ok N - what", "not ok N - what" or "skip N - why" per check.
MARSAD=${MARSAD:-build/marsad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"

# people say, places are where: 30 articles of the same few sentences
i=0
while [ $i -lt 30 ]; do
    printf '{"id":"a%d","title":"قال محمد إن الوفد وصل إلى حلب","text":"قال أحمد إن الجيش دخل دمشق. قال علي إن القصف طال بغداد. التقى حسن مع محمد في بيروت. التقى أحمد مع علي في حلب."}\n' $i
    i=$((i + 1))
done > "$tmp/articles.jsonl"
printf 'not json\n' >> "$tmp/articles.jsonl"

"$MARSAD" word-clusters -q --words 40 --window 8 "$tmp/articles.jsonl" > "$tmp/out" 2> "$tmp/err"
check "exits 0" test $? -eq 0
check "a header, then word, path, count" grep -q '^word	path	count$' "$tmp/out"
check "keys are normalised (أحمد -> احمد) and counted" grep -q '^احمد	[01]*	60$' "$tmp/out"
check "the bad line is named and skipped" grep -q 'articles.jsonl:31: .*skipped' "$tmp/err"
"$MARSAD" word-clusters -q --words 40 --window 8 "$tmp/articles.jsonl" > "$tmp/out2" 2>/dev/null
check "deterministic" cmp -s "$tmp/out" "$tmp/out2"
path() { awk -F'\t' -v w="$1" '$1 == w { print $2 }' "$tmp/out"; }
common() { printf '%s\n%s\n' "$1" "$2" | awk 'NR == 1 { a = $0 } NR == 2 { n = 0; while (n < length(a) && substr(a, n + 1, 1) == substr($0, n + 1, 1)) n++; print n }'; }
check "two cities share more of their paths than a city and a man" \
    test "$(common "$(path حلب)" "$(path دمشق)")" -gt "$(common "$(path حلب)" "$(path احمد)")"

"$MARSAD" word-clusters --window 1 "$tmp/articles.jsonl" > /dev/null 2> "$tmp/err"
check "a bad --window is refused with a message" grep -q 'window.*not a number from 2' "$tmp/err"
"$MARSAD" word-clusters --help > "$tmp/out"
check "--help" grep -q 'usage: marsad word-clusters' "$tmp/out"
