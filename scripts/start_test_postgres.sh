#!/bin/sh
# Starts a local PostgreSQL server for the PostgreSQL backend's tests and
# prints the URI of a scratch database (marsad_test) that the tests may
# wipe.  Installs Debian's postgresql when it is missing (needs root).
#   export MARSAD_TEST_POSTGRES=$(sh scripts/start_test_postgres.sh)
set -eu
say() { echo "start_test_postgres: $*" >&2; }
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "installing Debian's postgresql"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -q "^$version main$"; then
    say "creating cluster $version/main"
    $SUDO pg_createcluster "$version" main >&2
fi
$SUDO pg_ctlcluster "$version" main start >&2 2>/dev/null || true
# wait until it answers
tries=0
until $SUDO -u postgres psql -qAtc 'SELECT 1' >/dev/null 2>&1 || su postgres -c "psql -qAtc 'SELECT 1'" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 30 ]; then say "the server does not answer"; exit 1; fi
    sleep 1
done
me=$(id -un)
run_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi
}
run_as_postgres "psql -qAtc \"SELECT 1 FROM pg_roles WHERE rolname = '$me'\"" | grep -q 1 ||
    run_as_postgres "psql -qc 'CREATE ROLE \"$me\" SUPERUSER LOGIN'" >&2
run_as_postgres "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'marsad_test'\"" | grep -q 1 ||
    run_as_postgres "createdb -O \"$me\" marsad_test" >&2
echo "postgresql:///marsad_test"
