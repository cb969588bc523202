#!/bin/sh
# CLI tests of `marsad serve` over HTTP with curl, on a database ingested
# from 200 ANT articles: every route, paging to the end with the cursor,
# trigger spans that point at the trigger in the article's bytes, bad
# requests (huge and negative page sizes, impossible dates, SQL-looking
# strings, unknown routes, a 10 kB URL, POST), 20 clients at once, a clean
# stop on SIGTERM, and a database file unchanged by all of it.
MARSAD=${MARSAD:-build/marsad}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"

corpus="$SHARED/corpora/ant/articles.jsonl"
for tool in curl python3; do
    if ! command -v $tool >/dev/null; then
        skip "marsad serve ($tool not installed)"
        exit 0
    fi
done
if [ ! -r "$corpus" ]; then
    skip "marsad serve ($corpus not found: ../shared is absent)"
    exit 0
fi

db="$tmp/events.db"
{
    grep '"category": "politic"' "$corpus" | head -150
    grep 'مقتل' "$corpus" | head -50
} > "$tmp/articles.jsonl"
"$MARSAD" ingest --db "$db" "$tmp/articles.jsonl" 2> "$tmp/ingest.err"
check "ingest of 200 ANT articles" grep -q "200 articles read" "$tmp/ingest.err"
hash_before=$(cat "$db" | cksum)

web=$(dirname "$MARSAD")/web
[ -d "$web" ] || web=build/web
web_option=
[ -f "$web/index.html" ] && web_option="--web $web"
# shellcheck disable=SC2086
"$MARSAD" serve --db "$db" --port 0 --threads 4 $web_option > "$tmp/serve.out" 2> "$tmp/serve.err" &
pid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out")
    [ -n "$port" ] && break
    sleep 0.1
done
check "serve starts on a free port of 127.0.0.1" test -n "$port"
[ -n "$port" ] || exit 1
base="http://127.0.0.1:$port"

# status URL: the HTTP status, the body kept in $tmp/body
status() { curl -s -g -o "$tmp/body" -w '%{http_code}' "$@"; }
# json EXPRESSION: evaluates a Python expression over the body as j
json() { python3 -c "import json,sys; j=json.load(open('$tmp/body')); sys.exit(0 if ($1) else 1)"; }

check "health is 200" test "$(status "$base/api/health")" = 200
check "health counts the 200 articles" json "j['articles'] == 200 and j['events'] > 0"
events=$(python3 -c "import json; print(json.load(open('$tmp/body'))['events'])")

check "events is 200" test "$(status "$base/api/events?limit=7")" = 200
check "a page holds limit events and a cursor" json "j['count'] == 7 and len(j['events']) == 7 and j['next']"

# Paging with the cursor visits every event once, in order
python3 - "$base" "$events" > "$tmp/paging" <<'PY'
import json, sys, urllib.request
base, total = sys.argv[1], int(sys.argv[2])
seen, cursor, pages = [], None, 0
while True:
    url = base + "/api/events?limit=13" + ("&cursor=" + cursor if cursor else "")
    page = json.load(urllib.request.urlopen(url))
    seen += [e["id"] for e in page["events"]]
    pages += 1
    cursor = page["next"]
    if not cursor or pages > 1000:
        break
whole = [e["id"] for e in json.load(urllib.request.urlopen(base + "/api/events?limit=1000"))["events"]]
print("ok" if seen == whole and len(seen) == total and len(set(seen)) == total else "bad %d %d %d" % (len(seen), len(whole), total))
PY
check "the cursor pages through all $events events once, in order" grep -q '^ok' "$tmp/paging"

status "$base/api/stats" > /dev/null
check "stats: days plus undated add up to all events" \
    json "sum(d['events'] for d in j['days']) + j['undated'] == j['events'] == $events and j['types'] and j['countries']"
country=$(python3 -c "import json; print(json.load(open('$tmp/body'))['countries'][0]['country'])")
check "events filtered by country $country" test "$(status "$base/api/events?country=$country&limit=1000")" = 200
check "each has $country as actor, recipient or location" \
    json "j['count'] > 0 and all('$country' in [(e[p] or {}).get('country') for p in ('actor','recipient','location')] for e in j['events'])"
status "$base/api/events?min_dead=1&limit=1000" > /dev/null
check "min_dead=1 gives only events with dead" json "j['count'] > 0 and all(e['dead'] >= 1 for e in j['events'])"
status "$base/api/events?since=2016-01-01&until=2016-12-31&limit=1000" > /dev/null
check "a date range gives only dates within it" \
    json "j['count'] > 0 and all('2016-01-01' <= e['date'] <= '2016-12-31' for e in j['events'])"

status "$base/api/events?min_dead=1&limit=1" > /dev/null
id=$(python3 -c "import json; print(json.load(open('$tmp/body'))['events'][0]['id'])")
article=${id%:*}
check "an event by id" test "$(status "$base/api/events/$id")" = 200
check "is that event" json "j['id'] == '$id'"
check "an article by id" test "$(status "$base/api/articles/$article")" = 200
check "its trigger spans are the triggers' bytes in its text" \
    json "j['events'] and all(j['text'].encode()[e['trigger']['start']:e['trigger']['end']].decode() == e['trigger']['text'] for e in j['events'])"
check "its entity spans are the entities' bytes" \
    json "j['entities'] and all(j['text'].encode()[x['start']:x['end']].decode() == x['text'] for x in j['entities'])"
check "each entity says where it came from" json "all(x['origin'] in ('lexicon', 'ner') for x in j['entities'])"
check "clusters is 200" test "$(status "$base/api/clusters?limit=5")" = 200
check "clusters are biggest first" json "len(j['clusters']) <= 5 and j['total'] > 0"
check "search in Arabic" test "$(status -G "$base/api/search" --data-urlencode "q=الحكومة")" = 200
check "finds articles with the word marked" json "j['count'] > 0 and '\u0001' in j['hits'][0]['snippet']"

# ---- bad requests ----
check "limit=-1 is 400" test "$(status "$base/api/events?limit=-1")" = 400
check "naming the parameter" json "j['parameter'] == 'limit' and j['status'] == 400"
check "limit=10000000000000000000000 is 400" test "$(status "$base/api/events?limit=10000000000000000000000")" = 400
check "limit above the cap is 400" test "$(status "$base/api/events?limit=1001")" = 400
check "since=2022-02-30 is 400" test "$(status "$base/api/events?since=2022-02-30")" = 400
check "naming since" json "j['parameter'] == 'since'"
check "until=yesterday is 400" test "$(status "$base/api/stats?until=yesterday")" = 400
check "country=SYR' OR 1=1-- is 400" test "$(status "$base/api/events?country=SYR%27%20OR%201%3D1--")" = 400
check "article='; DROP TABLE events; -- finds nothing" \
    test "$(status "$base/api/events?article=%27%3B%20DROP%20TABLE%20events%3B%20--")" = 200
check "and returns no events" json "j['count'] == 0"
check "an FTS query with stray quotes and operators is not a 500" \
    test "$(status -G "$base/api/search" --data-urlencode 'q=" OR NEAR( * AND')" != 500
check "unknown parameter is 400" test "$(status "$base/api/events?sort=date")" = 400
check "a forged cursor is 400" test "$(status "$base/api/events?cursor=41414141")" = 400
check "unknown event id is 404" test "$(status "$base/api/events/no-such-article:3")" = 404
check "unknown article id is 404" test "$(status "$base/api/articles/no-such-article")" = 404
check "unknown route is 404" test "$(status "$base/api/frobnicate")" = 404
check "unknown route gives a JSON error" json "j['status'] == 404"
check "path outside the web root is 404" test "$(status --path-as-is "$base/../../etc/passwd")" = 404
check "POST is 405" test "$(status -X POST -d 'x=1' "$base/api/events")" = 405
long=$(python3 -c "print('ق' * 1800)")
check "a 10 kB URL is 400, not a crash" test "$(status -G "$base/api/search" --data-urlencode "q=$long")" = 400
huge=$(python3 -c "print('a' * 100000)")
code=$(status "$base/api/events?article=$huge")
check "a 100 kB URL is refused ($code)" test "$code" -ge 400 -a "$code" -lt 500

# 20 clients at once
for i in $(seq 1 20); do
    curl -s -o /dev/null -w '%{http_code}\n' "$base/api/events?limit=50&min_dead=0" > "$tmp/c$i" &
done
wait_clients=0
while [ "$(cat "$tmp"/c* 2>/dev/null | wc -l)" -lt 20 ] && [ $wait_clients -lt 100 ]; do
    sleep 0.1; wait_clients=$((wait_clients + 1))
done
check "20 concurrent clients all get 200" test "$(cat "$tmp"/c* | grep -c '^200$')" = 20

if [ -n "$web_option" ]; then
    check "the dashboard is served at /" test "$(status "$base/")" = 200
    check "as HTML" grep -q '<html' "$tmp/body"
else
    skip "dashboard at / (build/web not built: make web)"
fi

check "still healthy after all that" test "$(status "$base/api/health")" = 200
kill -TERM "$pid"
wait "$pid"
rc=$?
pid=
check "SIGTERM stops the server cleanly" test "$rc" = 0
check "nothing was written to the database" test "$(cat "$db" | cksum)" = "$hash_before"

# Answers are cached, but an ingest beside the running server shows at once
"$MARSAD" serve --db "$db" --port 0 > "$tmp/serve2.out" 2>&1 &
pid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve2.out")
    [ -n "$port" ] && break
    sleep 0.1
done
base="http://127.0.0.1:$port"
status "$base/api/health" > /dev/null
status "$base/api/health" > /dev/null
check "a repeated request is answered the same" json "j['articles'] == 200"
printf '%s\n' '{"id": "new-1", "date": "2022-09-13", "source": "aljazeera", "text": "قصفت القوات الأذربيجانية مواقع أرمينية وأسفر القصف عن مقتل 49 جنديا."}' \
    > "$tmp/new.jsonl"
"$MARSAD" ingest --db "$db" "$tmp/new.jsonl" 2> /dev/null
status "$base/api/health" > /dev/null
check "an article ingested while serving is seen at once" json "j['articles'] == 201"
check "and its events" test "$(status "$base/api/events?article=new-1")" = 200
check "are listed" json "j['count'] > 0 and j['events'][0]['event_type'] == 'ASSAULT'"
kill -TERM "$pid"
wait "$pid"
pid=
