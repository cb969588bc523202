#!/bin/sh
# CLI tests of `marsad code`: one output line per input line, in order,
# valid JSON always, and every kind of broken input reported and skipped.
MARSAD=${MARSAD:-build/marsad}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"

{
    printf '%s\n' '{"id": "a1", "date": "2022-09-13", "title": "t", "source": "test", "text": "وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مواقع أرمينية."}'
    printf '%s\n' '{"id": "broken", "text": "نص بلا نهاية'
    printf '\n'
    printf '%s\n' '[1, 2, 3]'
    printf '%s\n' '{"id": "no-text", "date": "2022-09-13"}'
    printf '%s\n' '{"id": "bad-date", "date": "2022-13-45", "text": "اندلعت اشتباكات اليوم."}'
    printf '%s\n' '{"id": "nul", "date": "2022-09-13", "text": "جنود\u0000قتلوا"}'
    printf '{"id": "latin1", "date": "2022-09-13", "text": "caf\351 \377 \330"}\n'
    printf '%s\n' '{"id": 42, "date": "2022-09-13", "text": ""}'
    printf '%s\n' '{"id": "last", "date": "2022-09-13", "text": "ودعا مجلس الأمن إلى وقف إطلاق النار."}'
} > "$tmp/in.jsonl"
"$MARSAD" code "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err"
check "exit 0 despite broken lines" test $? -eq 0
check "one output line per input line" test "$(wc -l < "$tmp/out.jsonl")" -eq "$(wc -l < "$tmp/in.jsonl")"
check "input order kept: first id" sh -c "head -1 '$tmp/out.jsonl' | grep -q '^{\"id\":\"a1\"'"
check "input order kept: last id" sh -c "tail -1 '$tmp/out.jsonl' | grep -q '^{\"id\":\"last\"'"
check "broken JSON named by line" grep -q 'in.jsonl:2: not a JSON object' "$tmp/err"
check "empty line named by line" grep -q 'in.jsonl:3: empty line' "$tmp/err"
check "non-object named by line" grep -q 'in.jsonl:4: not a JSON object' "$tmp/err"
check "missing text named by line" grep -q 'in.jsonl:5: no "text" string' "$tmp/err"
check "bad date reported, article still coded" grep -q 'in.jsonl:6: date .2022-13-45. is not YYYY-MM-DD' "$tmp/err"
check "invalid UTF-8 named by line, article still coded" grep -q 'in.jsonl:8: 3 invalid UTF-8 bytes read as U+FFFD' "$tmp/err"
check "summary counts the bad lines" grep -q '4 bad lines' "$tmp/err"
check "error records carry the line" grep -q '"line":2,"error"' "$tmp/out.jsonl"
check "other fields pass through" grep -q '"source":"test"' "$tmp/out.jsonl"
check "text and title do not" sh -c "! grep -q '\"title\"' '$tmp/out.jsonl'"
if command -v python3 >/dev/null 2>&1; then
    check "every output line is valid JSON" python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line)
' "$tmp/out.jsonl"
else
    skip "python3 absent: JSON validity not checked"
fi

"$MARSAD" code --max-bytes 100 "$tmp/in.jsonl" > "$tmp/out2.jsonl" 2> "$tmp/err2"
check "--max-bytes: over-long article refused by line" grep -q 'in.jsonl:1: text is [0-9]* bytes, over the 100-byte limit' "$tmp/err2"
check "--max-bytes: still one line per input line" test "$(wc -l < "$tmp/out2.jsonl")" -eq "$(wc -l < "$tmp/in.jsonl")"

printf 'قال باشينيان إن باكو هاجمت مواقع أرمينيا.\n' > "$tmp/article.txt"
"$MARSAD" code --text --date 2022-09-13 "$tmp/article.txt" > "$tmp/out3.jsonl" 2>/dev/null
check "--text: one record for the file" test "$(wc -l < "$tmp/out3.jsonl")" -eq 1
check "--text: the date given is used" grep -q '"date":"2022-09-13"' "$tmp/out3.jsonl"
"$MARSAD" code --date 2022-02-30 "$tmp/in.jsonl" > /dev/null 2> "$tmp/err4"
check "--date: an impossible date is refused" test $? -eq 2
"$MARSAD" code "$tmp/missing.jsonl" > /dev/null 2> "$tmp/err5"
check "missing input file: exit 1 with its name" sh -c "grep -q 'missing.jsonl: No such file' '$tmp/err5'"
"$MARSAD" code --lexicon "$tmp/nothing.bin" "$tmp/in.jsonl" > /dev/null 2> "$tmp/err6"
check "missing lexicon: clear message" grep -q 'nothing.bin: No such file' "$tmp/err6"

# --ner: the tagger's names join the entities with their origin; events are the lexicon's
printf 'وقال كبير المفاوضين كاجمان في روما إن وزير الداخلية الإيطالي ماركو مينيتي أبلغهم بأن بلاده مستعدة للمساعدة.\n' > "$tmp/ner.txt"
if [ -f build/ner.model ]; then
    "$MARSAD" code --text --date 2017-05-14 "$tmp/ner.txt" > "$tmp/plain.jsonl" 2>/dev/null
    "$MARSAD" code --ner --model build/ner.model --text --date 2017-05-14 "$tmp/ner.txt" > "$tmp/ner.jsonl" 2> "$tmp/err7"
    check "--ner: exit 0" test $? -eq 0
    check "--ner: some entity comes from the tagger" grep -q '"origin":"ner"' "$tmp/ner.jsonl"
    check "--ner: without it, none does" sh -c "! grep -q '\"origin\":\"ner\"' '$tmp/plain.jsonl'"
    check "--ner: the lexicon's entities are kept" grep -q '"text":"روما"[^}]*"origin":"lexicon"' "$tmp/ner.jsonl"
    check "--ner: the events are the same" test "$(grep -o '"events":\[[^]]*\]' "$tmp/ner.jsonl")" = "$(grep -o '"events":\[[^]]*\]' "$tmp/plain.jsonl")"
else
    skip "--ner: build/ner.model not built"
fi
"$MARSAD" code --ner --model "$tmp/no.model" "$tmp/in.jsonl" > /dev/null 2> "$tmp/err8"
check "--ner: a missing model is named" grep -q 'no.model' "$tmp/err8"
