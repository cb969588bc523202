#!/bin/sh
# CLI tests of `marsad ner` and `marsad train-ner`: the committed model on a
# hand-made news sentence, the output format, and bad input.
# Prints "ok N - what", "not ok N - what" or "skip N - why" per check.
MARSAD=${MARSAD:-build/marsad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"

# one token a line, a blank line between the two sentences
printf '%s\n' وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم الأمم المتحدة . '' \
    وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة . > "$tmp/in.conll"
"$MARSAD" ner "$tmp/in.conll" > "$tmp/out" 2> "$tmp/err"
check "ner exits 0 on a CoNLL file" test $? -eq 0
check "one output line per input line, the blank line kept" test "$(wc -l < "$tmp/out")" -eq "$(wc -l < "$tmp/in.conll")"
check "the blank line stays where it was" test "$(sed -n 14p "$tmp/out")" = ""
check "every line is 'token TAG' with a BIO tag" test "$(grep -v '^$' "$tmp/out" | grep -cvE '^[^ ]+ (O|[BI]-(PER|LOC|ORG|MISC))$')" -eq 0
check "tokens are printed as read" test "$(cut -d' ' -f1 "$tmp/out")" = "$(cat "$tmp/in.conll")"
check "باريس is a place" grep -qx 'باريس B-LOC' "$tmp/out"
check "القاهرة is a place" grep -qx 'القاهرة B-LOC' "$tmp/out"
check "ماكرون is (part of) a person" grep -qE '^ماكرون [BI]-PER$' "$tmp/out"
check "لافروف is (part of) a person" grep -qE '^لافروف [BI]-PER$' "$tmp/out"
check "no complaint about clean input" test ! -s "$tmp/err"
"$MARSAD" ner < "$tmp/in.conll" > "$tmp/out2" 2>/dev/null
check "standard input gives the same output" cmp -s "$tmp/out" "$tmp/out2"

printf 'قال O\nعون\377 B-PER\n' > "$tmp/bad.conll"
"$MARSAD" ner "$tmp/bad.conll" > "$tmp/out" 2> "$tmp/err"
check "invalid UTF-8: exit 0, both tokens tagged" test $? -eq 0 -a "$(wc -l < "$tmp/out")" -eq 2
check "invalid UTF-8: message names line 2" grep -q 'bad.conll:2: invalid UTF-8' "$tmp/err"

"$MARSAD" ner --model "$tmp/none.model" "$tmp/in.conll" > /dev/null 2> "$tmp/err"
check "a missing model: exit 1 with the path" test $? -eq 1 && grep -q 'none.model' "$tmp/err"
printf 'junk' > "$tmp/junk.model"
"$MARSAD" ner --model "$tmp/junk.model" "$tmp/in.conll" > /dev/null 2> "$tmp/err"
check "a file that is no model: refused" test $? -eq 1 && grep -q 'not a NER model' "$tmp/err"
"$MARSAD" ner --help > "$tmp/out"
check "ner --help" grep -q 'usage: marsad ner' "$tmp/out"

# train-ner on the tiny file of the unit tests, then tag with the result
"$MARSAD" train-ner -q --epochs 5 --bits 12 tests/data/ner_tiny.conll -o "$tmp/tiny.model" 2> "$tmp/err"; cat "$tmp/err"
check "train-ner writes a model" test $? -eq 0 -a -s "$tmp/tiny.model"
"$MARSAD" ner --model "$tmp/tiny.model" tests/data/ner_tiny.conll > "$tmp/out"
check "the tiny model tags its own training file" grep -qx 'حلب B-LOC' "$tmp/out"
"$MARSAD" train-ner -q --epochs 5 --bits 12 tests/data/ner_tiny.conll -o "$tmp/again.model" 2> /dev/null
check "training is deterministic" cmp -s "$tmp/tiny.model" "$tmp/again.model"
"$MARSAD" train-ner tests/data/ner_tiny.conll > /dev/null 2> "$tmp/err"
check "train-ner without -o: usage, exit 2" test $? -eq 2

# the tagger beside the lexicon in `marsad entities`
printf 'وقال رئيس مجلس إدارة الشركة سامر الخطيب إن الشركة ستفتتح فرعا جديدا في مدينة زحلة اللبنانية.\n' > "$tmp/article.txt"
"$MARSAD" entities "$tmp/article.txt" > "$tmp/out" 2> "$tmp/err"
check "entities with the tagger: exit 0" test $? -eq 0
check "a name no lexicon lists comes from the tagger" grep -qP '^entity\tPER\t\d+\t\d+\t-\tner\tسامر الخطيب$' "$tmp/out"
check "a place the lexicon knows keeps the lexicon's entity" grep -qP '^entity\tLOC\t\d+\t\d+\tLBN\tlexicon\tزحلة$' "$tmp/out"
check "no span is reported twice" test "$(grep '^entity' "$tmp/out" | cut -f3 | sort | uniq -d | wc -l)" -eq 0
check "plain text draws no warning" test ! -s "$tmp/err"
printf '{"id":"a1","date":"2018-06-15","title":"","text":"قصفت الطائرات مدينة زحلة."}\n' > "$tmp/article.jsonl"
"$MARSAD" entities --no-ner "$tmp/article.jsonl" > /dev/null 2> "$tmp/err"
check "JSON Lines given to entities: a warning that names the file and marsad code" \
    grep -q "article.jsonl looks like JSON Lines.*marsad code" "$tmp/err"
"$MARSAD" entities --no-ner "$tmp/article.txt" > "$tmp/out" 2> "$tmp/err"
check "entities --no-ner: the lexicon's only" test "$(grep -c '	ner	' "$tmp/out")" -eq 0 -a "$(grep -c '	lexicon	' "$tmp/out")" -ge 1
