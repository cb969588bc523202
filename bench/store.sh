#!/bin/sh
# The event database (make bench): ingest rate of the whole corpus into
# SQLite with its FTS index (median of 3 fresh runs), the re-run that must
# add nothing, the database size, and the latency of 10 typical searches
# (median of 5 runs each, timed inside marsad around the query).  Wall and
# CPU time are both given: on a machine shared with other jobs, wall time
# measures the neighbours as much as marsad.
#   usage: bench/store.sh CORPUS [JOBS]
corpus=$1
jobs=${2:-2}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/bench.db"
articles=$(wc -l < "$corpus")
for run in 1 2 3; do
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f '%e %U %S' build/marsad ingest -q -j "$jobs" --db "$db" "$corpus" 2>&1 | tail -1
done | sort -n | sed -n 2p | awk -v n="$articles" -v j="$jobs" \
    '{ printf "ingest into SQLite with FTS (-j %d): median %.1f s wall, %.0f articles/s; %.1f s CPU (%.0f articles per CPU-second)\n", j, $1, n / $1, $2 + $3, n / ($2 + $3) }'
size=$(du -k "$db" | cut -f1)
echo "database: $((size / 1024)) MB for $articles articles ($(wc -c < "$corpus" | awk '{ printf "%d", $1 / 1048576 }') MB of JSON Lines)"
build/marsad ingest -j "$jobs" --db "$db" "$corpus" 2>&1 | sed 's/^marsad ingest: /re-run: /'

for query in 'الاشتباكات' 'وقف إطلاق النار' 'غارة جوية' 'مقتل جنود' 'ترامب' 'الحوثيين' '"مجلس الأمن"' \
             'احتجاجات' 'العقوبات على إيران' 'انسحاب القوات الأمريكية'; do
    for run in 1 2 3 4 5; do
        build/marsad search --time -n 10 --db "$db" "$query" 2>&1 >/dev/null |
            sed -n 's/.* in \([0-9.]*\) ms (\([0-9.]*\) ms of CPU)/\1 \2/p'
    done | sort -n | sed -n 3p | awk -v q="$query" '{ printf "search %s: median %.1f ms wall, %.1f ms CPU\n", q, $1, $2 }'
done
