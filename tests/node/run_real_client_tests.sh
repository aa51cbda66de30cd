#!/usr/bin/env bash
# Real WordPress clients against Cartpress (ctest label e2e): starts a demo instance with
# scripts/run --detach on a temporary var dir and a free port, installs the pinned npm packages
# of tests/node (package-lock.json), runs `node --test` on tests/node, and stops everything.
# Usage: tests/node/run_real_client_tests.sh BUILD_DIR
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=scripts/lib/common.sh
source "$repo/scripts/lib/common.sh"

[[ $# -ge 1 && -d $1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build_dir=$(cd "$1" && pwd -P)
var=$(mktemp -d "${TMPDIR:-/tmp}/cartpress-node.XXXXXX")
port=$(cp_find_free_port $((20000 + RANDOM % 20000)))

cleanup() {
    local rc=$?
    trap - EXIT
    if ((rc != 0)); then
        cp_tail_logs "$var/log/cartpress.log" "$var/log/cartpress-fcgi.out" "$var/log/nginx-error.log"
    fi
    CARTPRESS_VAR=$var "$repo/scripts/stop" >/dev/null 2>&1 || true
    rm -rf "$var"
    exit "$rc"
}
trap cleanup EXIT

command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }
(cd "$repo/tests/node" && npm ci --no-audit --no-fund --loglevel=error)

CARTPRESS_VAR=$var CARTPRESS_BUILD_DIR=$build_dir "$repo/scripts/run" --detach --port "$port" \
    >"$var/run.out" 2>&1 || { cat "$var/run.out" >&2; exit 1; }
set -a
# shellcheck disable=SC1091
source "$var/run/cartpress.env"
set +a
cd "$repo/tests/node"
node --test
