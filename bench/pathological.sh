#!/bin/sh
# make bench, "pathological inputs": hostile shapes of text through
# `marsad code` and `marsad tokens`, each at full size and at a tenth of
# it.  Linear work takes about ten times as long at full size; a ratio far
# above that (over 30) is flagged as quadratic.  Inputs are generated in a
# temporary directory; nothing is read from ../shared.
#   usage: bench/pathological.sh [MARSAD]
marsad=${1:-build/marsad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# make_input NAME SCALE: writes $tmp/NAME (SCALE = 1 or 10, the divisor)
make_input() {
    case $1 in
    letters) awk -v n=$((10000000 / $2)) 'BEGIN { for (i = 0; i < n; i++) printf "ب"; printf "\n" }' ;;
    commas) awk -v n=$((100000 / $2)) 'BEGIN { for (i = 0; i < n; i++) printf ","; printf "\n" }' ;;
    commas_words) awk -v n=$((100000 / $2)) 'BEGIN { for (i = 0; i < n; i++) printf "قتل 1,000، "; printf "\n" }' ;;
    one_sentence) awk -v n=$((100000 / $2)) 'BEGIN { for (i = 0; i < n; i++) printf "قصفت القوات الروسية مدينة خاركيف و"; printf "\n" }' ;;
    brackets) awk -v n=$((100000 / $2)) 'BEGIN { for (i = 0; i < n; i++) printf "((«"; printf "\n" }' ;;
    digits) awk -v n=$((10000000 / $2)) 'BEGIN { for (i = 0; i < n; i++) printf "1,"; printf "1\n" }' ;;
    esac > "$tmp/$1.txt"
}

# a JSON Lines article: nested brackets, or a text of about SIZE MB
make_line() {
    case $1 in
    nested) awk -v n=$((10000000 / $2)) 'BEGIN { printf "{\"id\":1,\"x\":"; for (i = 0; i < n; i++) printf "["; for (i = 0; i < n; i++) printf "]"; print ",\"text\":\"\"}" }' ;;
    line50mb) awk -v n=$((50000000 / 110 / $2)) 'BEGIN { printf "{\"id\":1,\"date\":\"2022-09-14\",\"text\":\""; for (i = 0; i < n; i++) printf "قصفت القوات الروسية مدينة خاركيف وقتل 12 شخصا، وفق (رويترز). "; print "\"}" }' ;;
    esac > "$tmp/$1.jsonl"
}

seconds() {
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }'
}

report() {   # NAME BYTES FULL TENTH (NAME without spaces)
    echo "$1 $2 $3 $4" | awk '{ ratio = $4 > 0.0005 ? $3 / $4 : 0;
        printf "  %-28s %9.1f MB  %7.3f s  (a tenth: %6.3f s, ratio %5.1f)%s\n", $1, $2 / 1e6, $3, $4, ratio,
               (ratio > 30 ? "  QUADRATIC?" : "") }'
}

echo "pathological inputs (full size vs a tenth; ~10 is linear):"
for name in letters commas commas_words one_sentence brackets digits; do
    make_input $name 10; cp "$tmp/$name.txt" "$tmp/small.txt"
    make_input $name 1
    for command in code tokens; do
        if [ $command = code ]; then set -- code -q --text --date 2022-09-14 --max-bytes 64M; else set -- tokens --max-bytes 64M; fi
        full=$(seconds "$marsad" "$@" "$tmp/$name.txt")
        tenth=$(seconds "$marsad" "$@" "$tmp/small.txt")
        report "$command:$name" "$(wc -c < "$tmp/$name.txt")" "$full" "$tenth"
    done
done
for name in nested line50mb; do
    make_line $name 10; cp "$tmp/$name.jsonl" "$tmp/small.jsonl"
    make_line $name 1
    full=$(seconds "$marsad" code -q --max-bytes 64M "$tmp/$name.jsonl")
    tenth=$(seconds "$marsad" code -q --max-bytes 64M "$tmp/small.jsonl")
    report "code:$name" "$(wc -c < "$tmp/$name.jsonl")" "$full" "$tenth"
done
full=$(seconds "$marsad" code -q "$tmp/line50mb.jsonl")
echo "  code line50mb, default 8M cap: refused by line in $full s"
