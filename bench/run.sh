#!/bin/sh
# make bench: throughput figures over ../shared/corpora/ant (medians).
SHARED=${1:-../shared}
corpus="$SHARED/corpora/ant/articles.jsonl"
if [ ! -f "$corpus" ]; then
    echo "bench: $corpus not found; nothing to measure" >&2
    exit 0
fi
build/bench "$corpus" 5 build/lexicon.bin

# whole-process figures: start-up (lexicon mmap) and peak memory of one article
if command -v /usr/bin/time >/dev/null 2>&1; then
    printf 'وقال رئيس الوزراء الأرميني نيكول باشينيان إن قوات باكو هاجمت مواقع أرمينية.\n' > /tmp/marsad-bench-one.txt
    /usr/bin/time -f 'entities on one article: %e s wall, %M KB max RSS' build/marsad entities /tmp/marsad-bench-one.txt > /dev/null
    rm -f /tmp/marsad-bench-one.txt
fi
