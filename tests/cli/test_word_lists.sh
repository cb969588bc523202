#!/bin/sh
# Tests of scripts/tsv_to_word_lists.awk, which turns data/function_words.tsv
# into C at build time: the committed table converts, and a bad row stops
# the build with a message naming its line.
# Prints "ok N - what", "not ok N - what" or "skip N - why" per check.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"
convert() { awk -f scripts/tsv_to_word_lists.awk "$1" > "$tmp/out" 2> "$tmp/err"; }

convert data/function_words.tsv
check "the committed table converts" test $? -eq 0
check "one FUNCTION_WORDS line a list" test "$(grep -c '^FUNCTION_WORDS(' "$tmp/out")" -eq "$(grep -vc '^#' data/function_words.tsv | awk '{ print $1 - 1 }')"
check "words become C strings" grep -q '^FUNCTION_WORDS(clause_openers, "ان", "بان"' "$tmp/out"

printf 'list\twords\twhy\nclause openers\tان بان\tbad name\n' > "$tmp/bad_name.tsv"
convert "$tmp/bad_name.tsv"
check "a list name that is no C identifier stops the build" test $? -ne 0
check "... naming its line" grep -q 'bad_name.tsv:2: list name "clause openers" is not a C identifier' "$tmp/err"

printf 'list\twords\twhy\n# a comment\nempty\t\tno words\n' > "$tmp/empty.tsv"
convert "$tmp/empty.tsv"
check "a list with no words stops the build" test $? -ne 0
check "... naming its line" grep -q 'empty.tsv:3: list empty has no words' "$tmp/err"

printf 'list\twords\twhy\nquoted\tفي "عن\\\\\twith a quote\n' > "$tmp/quote.tsv"
convert "$tmp/quote.tsv"
check "quotes and backslashes are escaped" grep -qF 'FUNCTION_WORDS(quoted, "في", "\"عن\\\\")' "$tmp/out"
