#!/bin/sh
# make loadtest: requests/s and latency percentiles of marsad serve's
# /api/events with wrk over loopback, on the database of the whole ANT corpus
# (ingested once into build/loadtest/ant.db, reused while it exists).
#   sh bench/loadtest.sh [SHARED] [SECONDS] [CONNECTIONS]
SHARED=${1:-../shared}
SECONDS_EACH=${2:-10}
CONNECTIONS=${3:-32}
corpus="$SHARED/corpora/ant/articles.jsonl"
if ! command -v wrk >/dev/null; then
    echo "loadtest: wrk not installed (apt-get install wrk)" >&2
    exit 0
fi
if [ ! -f "$corpus" ]; then
    echo "loadtest: $corpus not found; nothing to measure" >&2
    exit 0
fi
mkdir -p build/loadtest
db=build/loadtest/ant.db
if [ ! -f "$db" ]; then
    echo "loadtest: ingesting the whole ANT corpus into $db (once)"
    build/marsad ingest -j 2 --db "$db.tmp" "$corpus" || exit 1
    mv "$db.tmp" "$db"
fi
out=$(mktemp)
build/marsad serve --db "$db" --port 0 --threads "${THREADS:-4}" --cache-mb "${CACHE_MB:-64}" > "$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "loadtest: marsad serve did not start"; cat "$out"; exit 1; }
base="http://127.0.0.1:$port"
curl -s "$base/api/health"
echo "loadtest: wrk, 2 threads, $CONNECTIONS connections, ${SECONDS_EACH}s per URL, server --threads ${THREADS:-4} --cache-mb ${CACHE_MB:-64}"
echo "loadtest: each URL is asked once before wrk starts (the answer cache warm; CACHE_MB=0 measures the database)"
cursor=$(curl -s "$base/api/events?limit=100" | python3 -c "import json,sys; print(json.load(sys.stdin)['next'])")
for path in "/api/events" "/api/events?limit=100&cursor=$cursor" "/api/events?country=SYR&limit=100" \
            "/api/events?type=ASSAULT&min_dead=1" "/api/health"; do
    curl -s -o /dev/null "$base$path"
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$base$path" > "$out.wrk" 2>&1
    rps=$(sed -n 's/^Requests\/sec: *//p' "$out.wrk")
    p50=$(awk '$1 == "50%" {print $2}' "$out.wrk")
    p99=$(awk '$1 == "99%" {print $2}' "$out.wrk")
    errors=$(grep -E 'Non-2xx|Socket errors' "$out.wrk" | tr '\n' ' ')
    printf '%-60.60s %10s req/s  p50 %8s  p99 %8s  %s\n' "$path" "$rps" "$p50" "$p99" "$errors"
done
rm -f "$out.wrk"
