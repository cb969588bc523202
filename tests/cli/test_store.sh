#!/bin/sh
# CLI tests of the event database: ingest (idempotent, bad lines skipped,
# changed articles replaced, text files and directories), search, events in
# every format, show, and a SIGKILL in the middle of an ingest of 2,000 ANT
# articles that must leave the same database as an uninterrupted run.
MARSAD=${MARSAD:-build/marsad}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/tap.sh"
contains() { grep -q -- "$2" "$1"; }

# STORE_DB runs the same checks on another database (test_store_pg.sh
# passes a scratch PostgreSQL one); the SIGKILL test below is SQLite's.
db=${STORE_DB:-"$tmp/events.db"}
case $db in postgresql://* | postgres://*) on_sqlite=false ;; *) on_sqlite=true ;; esac
{
    printf '%s\n' '{"id": "a1", "date": "2022-09-13", "source": "aljazeera", "title": "اشتباكات على الحدود", "text": "وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مواقع أرمينية اليوم، واندلعت اشتباكات عنيفة أسفرت عن مقتل 49 جنديا."}'
    printf '%s\n' '{"id": "broken", "text": "نص بلا نهاية'
    printf '%s\n' '{"id": "a2", "date": "2022-09-13", "source": "bbc", "url": "https://example.org/a2", "text": "اشتبكت القوات الأذربيجانية مع القوات الأرمينية على الحدود، وقالت يريفان إن 49 جنديا قتلوا."}'
    printf '%s\n' '{"id": "no-text", "date": "2022-09-13"}'
    printf '%s\n' '{"id": "a3", "date": "2022-09-14", "source": "france24", "text": "استقبل الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الأرميني نيكول باشينيان في باريس."}'
} > "$tmp/in.jsonl"

"$MARSAD" ingest --db "$db" "$tmp/in.jsonl" 2> "$tmp/err"
check "ingest exits 0 despite bad lines" test $? -eq 0
check "a bad line is reported with file and line" contains "$tmp/err" "in.jsonl:2: not a JSON object"
check "a line without text is reported" contains "$tmp/err" "in.jsonl:4: no \"text\" string"
check "summary counts added and bad" contains "$tmp/err" "3 articles read: 3 added, 0 replaced, 0 unchanged, 2 bad"

"$MARSAD" events --db "$db" --format jsonl > "$tmp/events1"
"$MARSAD" ingest --db "$db" "$tmp/in.jsonl" 2> "$tmp/err"
check "re-ingest adds nothing" contains "$tmp/err" "0 added, 0 replaced, 3 unchanged"
"$MARSAD" events --db "$db" --format jsonl > "$tmp/events2"
check "re-ingest leaves the events as they were" cmp -s "$tmp/events1" "$tmp/events2"
check "events were stored" test -s "$tmp/events1"

"$MARSAD" ingest --recode --db "$db" "$tmp/in.jsonl" 2> "$tmp/err"
check "--recode stores known articles again" contains "$tmp/err" "0 added, 3 replaced, 0 unchanged"
"$MARSAD" events --db "$db" --format jsonl > "$tmp/events3"
check "recoding with the same coder changes nothing" cmp -s "$tmp/events1" "$tmp/events3"

# a run killed after its last batch but before its clusters: the next run rebuilds them
if $on_sqlite && command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$db" "INSERT OR REPLACE INTO meta VALUES ('clusters_stale', '1'); DELETE FROM clusters; UPDATE events SET cluster = NULL;"
    "$MARSAD" ingest --db "$db" "$tmp/in.jsonl" 2> /dev/null
    "$MARSAD" events --db "$db" --format jsonl > "$tmp/events4"
    check "stale clusters are rebuilt by the next run" cmp -s "$tmp/events1" "$tmp/events4"
else
    skip "stale clusters are rebuilt (needs the sqlite3 shell and an SQLite database)"
fi

printf '%s\n' '{"id": "a3", "date": "2022-09-14", "source": "france24", "text": "التقى وزير الخارجية الإيراني نظيره الروسي في موسكو."}' > "$tmp/changed.jsonl"
"$MARSAD" ingest --db "$db" "$tmp/changed.jsonl" 2> "$tmp/err"
check "a changed article is replaced" contains "$tmp/err" "1 replaced"
"$MARSAD" events --db "$db" --article a3 --format jsonl > "$tmp/a3"
check "its old events are gone" sh -c "! grep -q 'ماكرون' '$tmp/a3'"
check "its new events are there" contains "$tmp/a3" '"country":"IRN"'

mkdir -p "$tmp/dir/sub"
printf 'اندلعت اشتباكات بين الجيش السوري وفصائل المعارضة في ريف إدلب.\n' > "$tmp/dir/sub/one.txt"
printf 'caf\351 \377 \330 اشتباكات\n' > "$tmp/dir/latin1.txt"
"$MARSAD" ingest --db "$db" --date 2022-09-15 "$tmp/dir" 2> "$tmp/err"
check "a directory of text files is ingested" contains "$tmp/err" "2 articles read: 2 added"
check "invalid UTF-8 in a text file is reported" contains "$tmp/err" "latin1.txt: 3 invalid UTF-8 bytes read as U+FFFD"

# a web page: the article's text, title, date, URL and site; not its menus
cat > "$tmp/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>قصف على الحدود</title>
<meta property="og:site_name" content="example-news">
<meta property="article:published_time" content="2022-09-16T08:00:00Z">
<link rel="canonical" href="https://example.org/news/1">
<script>var menu = "صواريخ";</script></head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/x">سياسة</a></nav></header>
<article><h1>قصف على الحدود</h1>
<p>قالت وزارة الدفاع السورية إن الطائرات <b>الإسرائيلية</b> قصفت مواقع قرب دمشق.</p>
<figure><img src="a.jpg"><figcaption>صورة من الأرشيف</figcaption></figure>
<aside>اقرأ أيضا: خبر آخر</aside></article><footer>جميع الحقوق محفوظة</footer></body></html>
HTML
"$MARSAD" ingest --db "$db" "$tmp/page.html" 2> "$tmp/err"
check "an HTML page is ingested" contains "$tmp/err" "1 articles read: 1 added"
"$MARSAD" show --db "$db" "$tmp/page.html" > "$tmp/show"
check "the page's date, URL and site are read" contains "$tmp/show" "source: example-news   date: 2022-09-16   url: https://example.org/news/1"
check "the page's article text is kept, inline markup joined" contains "$tmp/show" "الطائرات الإسرائيلية"
check "menus, scripts, captions, asides and footers are dropped" \
    sh -c "! grep -q -e 'الرئيسية' -e 'صواريخ' -e 'الأرشيف' -e 'اقرأ أيضا' -e 'الحقوق' '$tmp/show'"

# search: normalisation variants and clitic forms find each other
"$MARSAD" search --db "$db" --format jsonl الاشتباكات > "$tmp/hits"
check "الاشتباكات finds اشتباكات and اشتبكت" test "$(grep -c '"id"' "$tmp/hits")" -eq 4
check "snippets mark the match" contains "$tmp/hits" '\[اشتبكت\]'
"$MARSAD" search --db "$db" --format jsonl 'الارمينيه' > "$tmp/hits"
check "hamza and teh marbuta variants match" test "$(grep -c '"id"' "$tmp/hits")" -eq 2
"$MARSAD" search --db "$db" '"broken query' > /dev/null 2>&1
check "a query that is not FTS5 syntax is searched as words" test $? -eq 0
"$MARSAD" search --terms 'والاشتباكات واشتبكت' > "$tmp/terms"
check "search --terms shows one term per word" test "$(cat "$tmp/terms")" = "اشتبك اشتبك"

# events: filters and formats
"$MARSAD" events --db "$db" --actor AZE --type assault --format jsonl > "$tmp/aze"
check "--actor and --type filter" sh -c "test -s '$tmp/aze' && ! grep -v '\"event_type\":\"ASSAULT\"' '$tmp/aze' | grep -q ."
"$MARSAD" events --db "$db" --min-dead 49 --format csv > "$tmp/csv"
check "csv has its header and the deadly events" sh -c "head -1 '$tmp/csv' | grep -q '^article,index,date,event_type' && grep -q ',49,' '$tmp/csv'"
check "--since filters by date" sh -c "! '$MARSAD' events --db '$db' --since 2022-09-14 --format jsonl | grep -q '\"date\":\"2022-09-13\"'"
"$MARSAD" events --db "$db" --format gdelt > "$tmp/gdelt"
check "gdelt rows have 61 columns" sh -c "test -s '$tmp/gdelt' && awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' '$tmp/gdelt'"
"$MARSAD" events --db "$db" --format geojson > "$tmp/geo"
check "geojson is a feature collection" contains "$tmp/geo" '^{"type":"FeatureCollection","features":\['
cluster=$(grep -o '"cluster":"ASSAULT:AZE:ARM:[^"]*"' "$tmp/events1" | head -1 | cut -d'"' -f4)
if [ -n "$cluster" ]; then
    "$MARSAD" events --db "$db" --cluster "$cluster" --format jsonl > "$tmp/cluster"
    check "two articles from two sources make one cluster" contains "$tmp/cluster" '"cluster_articles":2,"cluster_sources":2'
else
    check "an AZE->ARM assault cluster exists" false
fi
"$MARSAD" events --db "$db" --format table > "$tmp/table"
check "table has a header" contains "$tmp/table" '^date  *type  *actor'
"$MARSAD" events --db "$db" --format yaml > /dev/null 2>&1
check "an unknown format is refused" test $? -eq 2

"$MARSAD" show --db "$db" a2 > "$tmp/show"
check "show marks triggers" contains "$tmp/show" '{{اشتبكت}}'
check "show lists the events" contains "$tmp/show" 'ASSAULT'
"$MARSAD" show --db "$db" nosuch > /dev/null 2> "$tmp/err"
check "show of an unknown id fails clearly" contains "$tmp/err" "no article with id 'nosuch'"

# --ner: the names only the tagger finds are stored too, marked as its own
# (the lexicon's entity wins where both find one); events are unchanged
printf '%s\n' '{"id": "a4", "date": "2024-03-01", "title": "", "text": "قال المتحدث باسم الشركة كريم زعفراني إن العمال عادوا إلى مدينة تطوان أمس."}' > "$tmp/ner.jsonl"
bin_dir=$(dirname "$MARSAD")
has_model=false
[ -f "$bin_dir/ner.model" ] || [ -f "$bin_dir/../ner.model" ] && has_model=true
if $has_model; then
    "$MARSAD" ingest -q --db "$db" "$tmp/ner.jsonl"
    "$MARSAD" show --db "$db" --color never a4 > "$tmp/show"
    check "without --ner only the lexicon's names are stored" sh -c "grep -q '\[تطوان|LOC\]' '$tmp/show' && ! grep -q '/ner' '$tmp/show'"
    check "an empty title is stored empty" test "$(sed -n 3,4p "$tmp/show" | tr -d '\n')" = ""
    "$MARSAD" events --db "$db" --format jsonl > "$tmp/events_lexicon"
    "$MARSAD" ingest -q --recode --ner --db "$db" "$tmp/ner.jsonl"
    "$MARSAD" show --db "$db" --color never a4 > "$tmp/show"
    check "ingest --ner stores the tagger's person, marked as its own" contains "$tmp/show" '\[كريم زعفراني|PER/ner\]'
    check "where the lexicon knows the name its entity is kept" contains "$tmp/show" '\[تطوان|LOC\]'
    "$MARSAD" events --db "$db" --format jsonl > "$tmp/events_ner"
    check "ingest --ner leaves the events as they were" cmp -s "$tmp/events_lexicon" "$tmp/events_ner"
else
    skip "ingest --ner (no ner.model beside $MARSAD)"
fi
echo junk > "$tmp/junk.model"
"$MARSAD" ingest -q --db "$tmp/never.db" --model "$tmp/junk.model" "$tmp/ner.jsonl" 2> "$tmp/err"
check "a bad --model stops ingest with exit 1" test $? -eq 1
check "... naming the file" contains "$tmp/err" "junk.model: not a NER model"
check "... and leaves no database behind" test ! -e "$tmp/never.db"
if $has_model && $on_sqlite && command -v sqlite3 >/dev/null 2>&1; then
    # a database of schema 1 (no entities.origin): read as all lexicon, upgraded by the next ingest
    cp "$db" "$tmp/v1.db"
    sqlite3 "$tmp/v1.db" "ALTER TABLE entities DROP COLUMN origin; PRAGMA user_version = 1;"
    "$MARSAD" show --db "$tmp/v1.db" --color never a4 > "$tmp/show" 2>&1
    check "a schema 1 database is read, its names as the lexicon's" contains "$tmp/show" '\[كريم زعفراني|PER\]'
    "$MARSAD" ingest -q --recode --ner --db "$tmp/v1.db" "$tmp/ner.jsonl"
    check "ingest upgrades a schema 1 database" test "$(sqlite3 "$tmp/v1.db" 'PRAGMA user_version; SELECT count(*) FROM entities WHERE origin = '"'ner'"';' | tr '\n' ' ')" = "2 1 "
else
    skip "schema 1 upgrade (needs the NER model, the sqlite3 shell and an SQLite database)"
fi
"$MARSAD" events --db postgresql://127.0.0.1:1/marsad > /dev/null 2> "$tmp/err"
check "an unreachable PostgreSQL server is reported" contains "$tmp/err" "marsad events: postgresql://127.0.0.1:1/marsad: "

# SIGKILL half-way through, then re-run: the same database as one clean run
# (and -j 2 stores what -j 1 stores).
corpus="$SHARED/corpora/ant/articles.jsonl"
if ! $on_sqlite; then
    skip "SIGKILL mid-ingest (the SQLite run covers it)"
elif [ ! -f "$corpus" ]; then
    skip "SIGKILL mid-ingest ($corpus not found: ../shared is absent)"
else
    head -2000 "$corpus" > "$tmp/ant.jsonl"
    "$MARSAD" ingest -q --db "$tmp/clean.db" "$tmp/ant.jsonl"
    "$MARSAD" ingest -q -j 2 --batch 50 --db "$tmp/killed.db" "$tmp/ant.jsonl" &
    pid=$!
    # wait for the first committed batches, then kill without warning
    i=0
    while [ $i -lt 600 ] && [ "$(stat -c %s "$tmp/killed.db-wal" 2>/dev/null || echo 0)" -lt 2000000 ]; do
        sleep 0.05; i=$((i + 1))
    done
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    "$MARSAD" ingest -j 2 --db "$tmp/killed.db" "$tmp/ant.jsonl" 2> "$tmp/err"
    check "re-run after SIGKILL finishes the job" sh -c "grep -q '2000 articles read: [1-9][0-9]* added, 0 replaced, [1-9][0-9]* unchanged, 0 bad' '$tmp/err'"
    "$MARSAD" events --db "$tmp/clean.db" --format jsonl > "$tmp/clean.events"
    "$MARSAD" events --db "$tmp/killed.db" --format jsonl > "$tmp/killed.events"
    "$MARSAD" ingest --db "$tmp/killed.db" --check 2> "$tmp/err"
    check "killed and re-run: database and search index intact" contains "$tmp/err" "check ok"
    check "killed and re-run: the same events and clusters" cmp -s "$tmp/clean.events" "$tmp/killed.events"
    "$MARSAD" search --db "$tmp/clean.db" --format jsonl -n 100000 'اشتباكات OR قصف OR الحكومة' > "$tmp/clean.hits"
    "$MARSAD" search --db "$tmp/killed.db" --format jsonl -n 100000 'اشتباكات OR قصف OR الحكومة' > "$tmp/killed.hits"
    check "killed and re-run: the same search index" sh -c "test -s '$tmp/clean.hits' && cmp -s '$tmp/clean.hits' '$tmp/killed.hits'"
fi
