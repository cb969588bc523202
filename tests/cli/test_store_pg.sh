#!/bin/sh
# CLI tests of the PostgreSQL backend: the same commands as on SQLite give
# the same events, clusters and search results; then test_store.sh, the
# SQLite suite, runs whole on PostgreSQL.  Needs a scratch database
# it may wipe, named by MARSAD_TEST_POSTGRES (e.g. postgresql:///marsad_test),
# and psql; skips otherwise.
MARSAD=${MARSAD:-build/marsad}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"
contains() { grep -q -- "$2" "$1"; }

pg=${MARSAD_TEST_POSTGRES:-}
if [ -z "$pg" ] || ! command -v psql >/dev/null 2>&1 || ! psql -q "$pg" -c 'SELECT 1' >/dev/null 2>&1; then
    skip "PostgreSQL backend (set MARSAD_TEST_POSTGRES to a scratch database URI; needs psql)"
    exit 0
fi
wipe() { psql -q "$pg" -c 'DROP TABLE IF EXISTS articles, entities, events, clusters, meta' >/dev/null 2>&1; }

corpus="$SHARED/corpora/ant/articles.jsonl"
if [ -f "$corpus" ]; then
    head -300 "$corpus" > "$tmp/in.jsonl"
else
    printf '%s\n' '{"id": "a1", "date": "2022-09-13", "source": "aljazeera", "text": "وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مواقع أرمينية اليوم، واندلعت اشتباكات عنيفة أسفرت عن مقتل 49 جنديا."}' > "$tmp/in.jsonl"
    printf '%s\n' '{"id": "a2", "date": "2022-09-13", "source": "bbc", "text": "اشتبكت القوات الأذربيجانية مع القوات الأرمينية على الحدود، وقالت الحكومة الأرمينية إن 49 جنديا قتلوا."}' >> "$tmp/in.jsonl"
fi
printf '%s\n' '{"id": "broken", "text": "نص بلا نهاية' >> "$tmp/in.jsonl"
lines=$(($(wc -l < "$tmp/in.jsonl") - 1))

wipe
"$MARSAD" ingest -j 2 --db "$pg" "$tmp/in.jsonl" 2> "$tmp/err"
check "ingest into PostgreSQL" contains "$tmp/err" "$lines articles read: $lines added, 0 replaced, 0 unchanged, 1 bad"
"$MARSAD" ingest -j 2 --db "$pg" --check "$tmp/in.jsonl" 2> "$tmp/err"
check "re-ingest adds nothing" contains "$tmp/err" "0 added, 0 replaced, $lines unchanged"
check "the database checks out" contains "$tmp/err" "check ok"

"$MARSAD" ingest -q --db "$tmp/lite.db" "$tmp/in.jsonl" 2> /dev/null
"$MARSAD" events --db "$pg" --format jsonl > "$tmp/pg.events"
"$MARSAD" events --db "$tmp/lite.db" --format jsonl > "$tmp/lite.events"
check "the same events and clusters as SQLite" sh -c "test -s '$tmp/pg.events' && cmp -s '$tmp/pg.events' '$tmp/lite.events'"
"$MARSAD" events --db "$pg" --type ASSAULT --since 2018-01-01 --format csv > "$tmp/pg.csv"
"$MARSAD" events --db "$tmp/lite.db" --type ASSAULT --since 2018-01-01 --format csv > "$tmp/lite.csv"
check "the same filtered events" cmp -s "$tmp/pg.csv" "$tmp/lite.csv"
for query in 'الاشتباكات' 'الحكومه' 'قصف OR غارة'; do
    "$MARSAD" search --db "$pg" --format jsonl -n 100000 "$query" | grep -o '"id":"[^"]*"' | sort > "$tmp/pg.hits"
    "$MARSAD" search --db "$tmp/lite.db" --format jsonl -n 100000 "$query" | grep -o '"id":"[^"]*"' | sort > "$tmp/lite.hits"
    check "search '$query' finds the same articles" sh -c "test -s '$tmp/pg.hits' && cmp -s '$tmp/pg.hits' '$tmp/lite.hits'"
done
id=$(head -1 "$tmp/in.jsonl" | grep -o '"id": *"[^"]*"' | cut -d'"' -f4)
"$MARSAD" show --db "$pg" "$id" > "$tmp/pg.show"
"$MARSAD" show --db "$tmp/lite.db" "$id" > "$tmp/lite.show"
check "show gives the same page" cmp -s "$tmp/pg.show" "$tmp/lite.show"

# a database of schema 1 (no entities.origin) is read as all lexicon and
# upgraded by the next ingest
psql -q "$pg" -c "ALTER TABLE entities DROP COLUMN origin; UPDATE meta SET value = '1' WHERE key = 'schema_version'" >/dev/null 2>&1
"$MARSAD" show --db "$pg" "$id" > "$tmp/pg.show"
check "a schema 1 database is read" cmp -s "$tmp/pg.show" "$tmp/lite.show"
"$MARSAD" ingest -q --db "$pg" "$tmp/in.jsonl" 2> /dev/null
check "ingest upgrades a schema 1 database" test "$(psql -tA "$pg" -c "SELECT value FROM meta WHERE key = 'schema_version'; SELECT count(*) FROM entities WHERE origin = 'lexicon'" | head -2 | tr '\n' ' ')" = "2 $(psql -tA "$pg" -c 'SELECT count(*) FROM entities') "

head -1 "$tmp/in.jsonl" | sed 's/"text": *"/"text": "التقى وزير الخارجية الإيراني نظيره الروسي في موسكو. /' > "$tmp/changed.jsonl"
"$MARSAD" ingest --db "$pg" "$tmp/changed.jsonl" 2> "$tmp/err"
check "a changed article is replaced" contains "$tmp/err" "1 replaced"
"$MARSAD" search --db "$pg" --format jsonl موسكو > "$tmp/hits"
check "its new text is searchable" contains "$tmp/hits" "\"id\":\"$id\""
wipe

# two ingests of the same articles at once (as from two machines): no error,
# no duplicate, the same events as one run on SQLite
wipe
"$MARSAD" ingest -q --db "$pg" "$tmp/in.jsonl" 2> "$tmp/err1" &
"$MARSAD" ingest -q -j 2 --db "$pg" "$tmp/in.jsonl" 2> "$tmp/err2" &
wait
check "two ingests at once both succeed" sh -c "! grep -q ERROR '$tmp/err1' '$tmp/err2'"
"$MARSAD" events --db "$pg" --format jsonl > "$tmp/pg.together"
"$MARSAD" events --db "$tmp/lite.db" --format jsonl > "$tmp/lite.all"
check "and store each article once, with the events of one run" cmp -s "$tmp/pg.together" "$tmp/lite.all"

# and the whole SQLite suite of test_store.sh, on this database
wipe
STORE_DB="$pg" MARSAD="$MARSAD" SHARED="$SHARED" sh "$(dirname "$0")/test_store.sh"
wipe
