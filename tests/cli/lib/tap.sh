# tests/cli/lib/tap.sh — sourced by the CLI test scripts (tests/cli/*.sh;
# this file sits below them, out of tests/run_all.sh's glob).
# check "what" command...  runs the command and prints "ok N - what" or
# "not ok N - what"; skip "why" prints "skip N - why".  run_all.sh counts
# those lines.
n=0
check() {
    n=$((n + 1)); what=$1; shift
    if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; fi
}
skip() { n=$((n + 1)); echo "skip $n - $1"; }
