#!/bin/sh
# CLI tests of hostile input: what fuzzing found (docs/robustness.md) and
# the shapes of broken text the open web sends.  Every command must exit
# normally, and `marsad code` must still write one JSON record per input.
MARSAD=${MARSAD:-build/marsad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"
valid_json() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    assert isinstance(json.loads(line), dict)
' "$1"
    else
        echo "python3 absent: JSON validity not checked" >&2
    fi
}

# fuzz_tokenize: a run of invalid bytes made keys longer than the arena
# the tokeniser had reserved (heap overflow); U+FFFD is 3 bytes for 1.
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "\377"; printf "{" }' > "$tmp/ff.txt"
"$MARSAD" code -q --text --date 2022-09-14 "$tmp/ff.txt" > "$tmp/ff.jsonl" 2> "$tmp/err"
check "code --text: a run of invalid bytes is coded" test $? -eq 0
check "code --text: one record, valid JSON" sh -c "test \$(wc -l < '$tmp/ff.jsonl') -eq 1 && grep -q '\"events\":\[\]' '$tmp/ff.jsonl'"
"$MARSAD" tokens "$tmp/ff.txt" > "$tmp/ff.tokens" 2> "$tmp/err"
check "tokens: a run of invalid bytes is read" test $? -eq 0
check "tokens: a run of invalid bytes is one word of U+FFFD" grep -q "3001 invalid UTF-8 bytes\|3000 invalid UTF-8 bytes" "$tmp/err"

# fuzz_numbers: a figure too large for an integer was cast to one (UB)
printf 'قتل 22222222222222222222 شخصا\n' > "$tmp/big.txt"
"$MARSAD" tokens "$tmp/big.txt" > "$tmp/big.tokens" 2> "$tmp/err"
check "tokens: a 20-digit figure is read" test $? -eq 0
check "tokens: a 20-digit figure is shown, not cast" grep -q '2.22222e+19' "$tmp/big.tokens"

# deeply nested JSON: refused at depth 64, by line, and the batch goes on
awk 'BEGIN { printf "{\"id\":1,\"x\":"; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print ",\"text\":\"نص\"}" }' > "$tmp/deep.jsonl"
printf '%s\n' '{"id":2,"text":"قصفت القوات الروسية مدينة خاركيف."}' >> "$tmp/deep.jsonl"
"$MARSAD" code -q "$tmp/deep.jsonl" > "$tmp/deep.out" 2> "$tmp/err"
check "code: 100,000 nested brackets refused with a message" grep -q 'deep.jsonl:1: not a JSON object: nested more than 64 deep' "$tmp/err"
check "code: the next line is still coded" sh -c "test \$(wc -l < '$tmp/deep.out') -eq 2 && tail -1 '$tmp/deep.out' | grep -q '\"id\":2'"
check "code: the records are valid JSON" valid_json "$tmp/deep.out"

# NUL bytes, lone surrogates, controls, bidi marks and nothing but marks
{
    printf '%s\n' '{"id":3,"text":"\u0000\u0000\ud800\udfff\u001f\u202e\u200f"}'
    printf '%s\n' '{"id":4,"text":"ًٌٍَُِّْـــــ"}'
    printf '{"id":5,"text":"\300\257 \355\240\200 \364\220\200\200"}\n'
    printf '%s\n' '{"id":6,"date":"2017-04-2270","text":"أمس"}'
} > "$tmp/odd.jsonl"
"$MARSAD" code -q "$tmp/odd.jsonl" > "$tmp/odd.out" 2> "$tmp/err"
check "code: odd characters coded, one record each" test "$(wc -l < "$tmp/odd.out")" -eq 4
check "code: odd characters give valid JSON" valid_json "$tmp/odd.out"
check "code: a date run on by digits is no date" grep -q '"id":6,"date":null' "$tmp/odd.out"
