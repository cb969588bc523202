#!/bin/sh
# make bench: throughput figures over ../shared/corpora/ant (medians).
SHARED=${1:-../shared}
corpus="$SHARED/corpora/ant/articles.jsonl"
if [ ! -f "$corpus" ]; then
    echo "bench: $corpus not found; nothing to measure" >&2
    exit 0
fi
build/bench_text "$corpus" 5
