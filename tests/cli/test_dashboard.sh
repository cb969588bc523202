#!/bin/sh
# The dashboard in a browser: starts marsad serve on a database of 200 ANT
# articles and runs web/tests/dashboard.mjs (playwright-core with Debian's
# chromium), which leaves a screenshot in build/dashboard.png.  Skips when
# node, chromium, web/node_modules (cd web && npm ci) or ../shared is absent.
MARSAD=${MARSAD:-build/marsad}
SHARED=${SHARED:-../shared}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
corpus="$SHARED/corpora/ant/articles.jsonl"
reason=
command -v node >/dev/null || reason="node not installed"
[ -x "$CHROMIUM" ] || reason="$CHROMIUM not installed"
[ -d web/node_modules/playwright-core ] || reason="web/node_modules absent (cd web && npm ci)"
[ -f build/web/vendor.js ] || reason="build/web not built (make web)"
[ -r "$corpus" ] || reason="$corpus not found: ../shared is absent"
case "$MARSAD" in *asan*) reason="browser test runs once, with the normal build";; esac
if [ -n "$reason" ]; then
    echo "skip 1 - dashboard in a browser ($reason)"
    exit 0
fi

db="$tmp/events.db"
{
    grep '"category": "politic"' "$corpus" | head -150
    grep 'مقتل' "$corpus" | head -50
} > "$tmp/articles.jsonl"
"$MARSAD" ingest --db "$db" "$tmp/articles.jsonl" 2> /dev/null
"$MARSAD" serve --db "$db" --port 0 --web build/web > "$tmp/serve.out" 2>&1 &
pid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "not ok 1 - marsad serve did not start"; cat "$tmp/serve.out"; exit 1; }
timeout 120 node web/tests/dashboard.mjs "http://127.0.0.1:$port" build/dashboard.png
