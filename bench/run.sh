#!/bin/sh
# make bench: throughput figures over ../shared/corpora/ant (medians).
SHARED=${1:-../shared}
corpus="$SHARED/corpora/ant/articles.jsonl"
if [ ! -f "$corpus" ]; then
    echo "bench: $corpus not found; nothing to measure" >&2
    exit 0
fi
if [ -f build/ner.model ] && [ -f "$SHARED/ner/anercorp/test.txt" ]; then
    build/bench "$corpus" 5 build/lexicon.bin build/ner.model "$SHARED/ner/anercorp/test.txt"
else
    build/bench "$corpus" 5 build/lexicon.bin
fi

# the whole `marsad code` process on the corpus, JSON parsing included
if command -v /usr/bin/time >/dev/null 2>&1; then
    for run in 1 2 3; do
        /usr/bin/time -f '%e %M' build/marsad code -q "$corpus" 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 2p | awk -v bytes="$(wc -c < "$corpus")" -v n="$(wc -l < "$corpus")" \
        '{ printf "marsad code on the whole corpus (JSON Lines in and out): median %.2f s, %.1f MB/s, %.0f articles/s, %d KB max RSS\n", $1, bytes / 1e6 / $1, n / $1, $2 }'
    # the same with the NER tagger adding its entities (--ner; one run)
    if [ -f build/ner.model ]; then
        /usr/bin/time -f '%e %M' build/marsad code -q --ner --model build/ner.model "$corpus" 2>&1 >/dev/null | tail -1 |
            awk -v bytes="$(wc -c < "$corpus")" -v n="$(wc -l < "$corpus")" \
                '{ printf "marsad code --ner on the whole corpus (one run): %.2f s, %.1f MB/s, %.0f articles/s, %d KB max RSS\n", $1, bytes / 1e6 / $1, n / $1, $2 }'
    fi
fi

# whole-process figures: start-up (lexicon mmap) and peak memory of one article
if command -v /usr/bin/time >/dev/null 2>&1; then
    printf 'وقال رئيس الوزراء الأرميني نيكول باشينيان إن قوات باكو هاجمت مواقع أرمينية.\n' > /tmp/marsad-bench-one.txt
    /usr/bin/time -f 'entities on one article: %e s wall, %M KB max RSS' build/marsad entities /tmp/marsad-bench-one.txt > /dev/null
    rm -f /tmp/marsad-bench-one.txt
fi

# the event database: ingest rate, size, re-run, search latency
sh bench/store.sh "$corpus"

# hostile shapes of text: time at full size and at a tenth (linear or not)
sh bench/pathological.sh build/marsad
