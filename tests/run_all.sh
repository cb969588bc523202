#!/bin/sh
# Runs every test binary and CLI test once per build directory given
# (normally build and build/asan) and prints, as its last line,
# "N passed, N failed, N skipped".  Exits non-zero if anything failed.
#   usage: tests/run_all.sh BUILD_DIR...
passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=23"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export SHARED="${SHARED:-../shared}"

count() { grep "$1" "$log" 2>/dev/null | sort -u | wc -l; }

for dir in "$@"; do
    echo "== tests in $dir"
    for t in "$dir"/tests/test_*; do
        [ -x "$t" ] || continue
        "$t" >"$log" 2>&1
        rc=$?
        ok=$(count '^\[       OK \]')
        bad=$(count '^\[  FAILED  \] [a-z_]*$')
        skip=$(count '^\[  SKIPPED \] [a-z_]*$')
        if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
            bad=1          # crashed or a sanitizer stopped it
        fi
        passed=$((passed + ok)); failed=$((failed + bad)); skipped=$((skipped + skip))
        if [ "$bad" -ne 0 ]; then
            echo "FAIL $t"; cat "$log"
        else
            echo "ok   $t ($ok passed, $skip skipped)"
            grep '^skipping' "$log" | sort -u | sed 's/^/     /'
        fi
    done
    for t in tests/cli/*.sh; do
        [ -f "$t" ] || continue
        MARSAD="$dir/marsad" sh "$t" >"$log" 2>&1
        rc=$?
        ok=$(count '^ok ')
        bad=$(count '^not ok ')
        skip=$(count '^skip ')
        if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
            bad=1
        fi
        passed=$((passed + ok)); failed=$((failed + bad)); skipped=$((skipped + skip))
        if [ "$bad" -ne 0 ]; then
            echo "FAIL $t with $dir/marsad"; cat "$log"
        else
            echo "ok   $t with $dir/marsad ($ok passed, $skip skipped)"
            grep '^skip ' "$log" | sed 's/^/     /'
        fi
    done
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
