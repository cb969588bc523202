#!/bin/sh
# Runs each fuzz harness named on the command line for FUZZ_SECONDS and
# prints one line per harness: executions, executions/s, corpus size.
# Exits non-zero when any harness crashed; the input that did it is kept
# in build/fuzz/crashes/ (reproduce: build/fuzz/fuzz_TARGET FILE).
#   usage: fuzz/run.sh TARGET...   (from the repository root)
set -u
seconds=${FUZZ_SECONDS:-20}
sh fuzz/make_corpus.sh || exit 1
mkdir -p build/fuzz/crashes
failed=0
for target in "$@"; do
    case $target in
    json_read | code) shared=build/fuzz/shared/jsonl; max_len=8192 ;;
    dates) shared=build/fuzz/shared/dated; max_len=4096 ;;
    *) shared=build/fuzz/shared/text; max_len=4096 ;;
    esac
    # cmd_code reports every bad line on stderr: keep only libFuzzer's output
    quiet=0
    [ "$target" = code ] && quiet=2
    work=build/fuzz/corpus/$target
    log=build/fuzz/$target.log
    mkdir -p "$work"
    dirs="$work fuzz/seeds/$target"
    [ -d "$shared" ] && dirs="$dirs $shared"
    # shellcheck disable=SC2086
    build/fuzz/fuzz_"$target" -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
        -close_fd_mask=$quiet -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/"$target"- $dirs >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    inputs=$(ls "$work" | wc -l)
    if [ "$rc" -eq 0 ]; then
        printf 'fuzz %-10s ok     %s s, %s runs, %s exec/s, %s inputs in its corpus\n' "$target" "$seconds" "${runs:-?}" "${rate:-?}" "$inputs"
    else
        failed=$((failed + 1))
        printf 'fuzz %-10s FAILED after %s runs; see %s\n' "$target" "${runs:-?}" "$log"
        grep -E 'ERROR|SUMMARY|property violated|runtime error|Test unit written' "$log" | head -n 8 | sed 's/^/     /'
    fi
done
[ "$failed" -eq 0 ]
