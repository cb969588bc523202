#!/bin/sh
# marsad setup: installs the Debian packages marsad needs (only those
# missing), builds build/marsad, and runs it on the bundled examples.
#   sh scripts/setup.sh              install + build + demo
#   sh scripts/setup.sh --deps-only  install only (used by .ci/run)
set -eu
cd "$(dirname "$0")/.."

PACKAGES="gcc make pkg-config mawk libc6-dev libutf8proc-dev libcmocka-dev libjansson-dev libsqlite3-dev libstemmer-dev libgumbo-dev libpq-dev libmicrohttpd-dev curl python3 nodejs npm chromium wrk clang libclang-rt-14-dev jq"

missing=""
for p in $PACKAGES; do
    # a Node.js installed otherwise (nodesource's nodejs carries its own npm,
    # and Debian's npm package conflicts with it) is used as it is
    case $p in
        nodejs) command -v node >/dev/null 2>&1 && continue ;;
        npm) command -v npm >/dev/null 2>&1 && continue ;;
        python3|curl) command -v "$p" >/dev/null 2>&1 && continue ;;
    esac
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
else
    echo "setup: all Debian packages present"
fi
# The dashboard's npm packages, exactly as web/package-lock.json pins them
if command -v npm >/dev/null && [ ! -d web/node_modules/d3-geo ]; then
    echo "setup: installing the dashboard's npm packages (web/package-lock.json)"
    (cd web && npm ci --no-audit --no-fund)
fi
[ "${1:-}" = "--deps-only" ] && exit 0

make -j2 build/marsad build/lexicon.bin build/web/index.html
echo
echo "setup: built build/marsad; the events of examples/article.txt:"
echo
build/marsad code --text --date 2022-09-14 examples/article.txt
