#!/usr/bin/env bash
# End-to-end test of the two commands (ctest label e2e): scripts/run --detach on a fresh var dir
# serves the demo through nginx -> host -> MariaDB, the printed curl line works, both admin
# application passwords authenticate, scripts/stop leaves no process, data persists across a
# restart, a second start on a running var dir is refused, and --reset-demo reloads the demo.
# Usage: tests/scripts/run_stop_test.sh BUILD_DIR   (an already built tree; it is only rebuilt
# incrementally by scripts/run). Exits non-zero with a FAIL line on the first failed assertion.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=scripts/lib/common.sh
source "$repo/scripts/lib/common.sh"

[[ $# -ge 1 && -d $1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build_dir=$(cd "$1" && pwd -P)
var=$(mktemp -d "${TMPDIR:-/tmp}/cartpress-e2e.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/cartpress-e2e-work.XXXXXX")
port=$(cp_find_free_port $((20000 + RANDOM % 20000)))
step=setup

fail() {
    printf 'FAIL [%s]: %s\n' "$step" "$*" >&2
    exit 1
}

# shellcheck disable=SC2317  # invoked through the EXIT trap
cleanup() {
    local rc=$?
    trap - EXIT
    if ((rc != 0)); then
        [[ ! -s $work/run.out ]] || { echo "----- last scripts/run output -----" >&2; cat "$work/run.out" >&2; }
        cp_tail_logs "$var/log/mysqld.err" "$var/log/cartpress-fcgi.out" "$var/log/cartpress.log" \
            "$var/log/nginx-error.log"
    fi
    CARTPRESS_VAR=$var "$repo/scripts/stop" >/dev/null 2>&1 || true
    local left pid
    left=$(for pid in $(cp_pids_of_var "$var"); do
        echo "$pid"
        cp_descendants "$pid"
    done | tr '\n' ' ')
    if [[ -n $left ]]; then
        echo "cleanup: killing leftover processes of $var: $left" >&2
        # shellcheck disable=SC2086
        kill -KILL $left 2>/dev/null || true
        rc=1
    fi
    rm -rf "$var" "$work"
    ((rc == 0)) && echo "PASS run_stop_test"
    exit "$rc"
}
trap cleanup EXIT

start() {
    CARTPRESS_VAR=$var CARTPRESS_BUILD_DIR=$build_dir "$repo/scripts/run" --detach --port "$port" "$@" \
        >"$work/run.out" 2>&1 || fail "scripts/run --detach $* exited with $?"
    local env=$var/run/cartpress.env
    [[ -f $env ]] || fail "no $env"
    [[ $(stat -c %a "$env") == 600 ]] || fail "$env has mode $(stat -c %a "$env"), want 600"
    # shellcheck disable=SC1090
    source "$env"
    [[ $CARTPRESS_URL == "http://127.0.0.1:$port" ]] || fail "CARTPRESS_URL=$CARTPRESS_URL"
}

stop() {
    CARTPRESS_VAR=$var "$repo/scripts/stop" >"$work/stop.out" 2>&1 ||
        { cat "$work/stop.out" >&2; fail "scripts/stop exited with $?"; }
}

# Pids of everything run started: the pid files plus their descendants (nginx workers).
started_pids() {
    local f pid
    for f in "$var"/run/*.pid; do
        [[ -f $f ]] || continue
        read -r pid <"$f"
        printf '%s\n' "$pid"
        cp_descendants "$pid"
    done
}

assert_nothing_left() {
    local pid
    for pid in "$@"; do
        ! cp_pid_alive "$pid" || fail "process $pid ($(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null)) still runs"
    done
    local left
    left=$(cp_pids_of_var "$var" | tr '\n' ' ')
    [[ -z $left ]] || fail "processes with $var in their command line remain: $left"
    ! compgen -G "$var/run/*.pid" >/dev/null || fail "pid files remain: $(echo "$var"/run/*.pid)"
}

# get URL [curl args]: sets status, body file $work/body, headers $work/headers.
get() {
    local url=$1
    shift
    status=$(curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 20 "$@" "$url") ||
        fail "curl $url failed"
}

sql() {
    MYSQL_PWD=$CARTPRESS_DB_PASSWORD mariadb --no-defaults --socket="$CARTPRESS_DB_SOCKET" \
        --user="$CARTPRESS_DB_USER" --database="$CARTPRESS_DB_NAME" --batch --skip-column-names -e "$1"
}

probe_count() {
    sql "SELECT COUNT(*) FROM \`${CARTPRESS_TABLE_PREFIX}options\` WHERE option_name = 'cartpress_e2e_probe'"
}

# ------------------------------------------------------------------------------------------
step="first start"
start
[[ -f $var/demo-loaded ]] || fail "no demo-loaded marker after the first start"
marker1=$(<"$var/demo-loaded")
salts1=$(grep '^salt\.' "$var/cartpress.conf") || fail "no salts in cartpress.conf"
[[ $(grep -c '^salt\.' <<<"$salts1") == 8 ]] || fail "want 8 salts in cartpress.conf"

step="printed curl line"
curl_line=$(grep -E "^curl -s -u '[^']+' http://127\.0\.0\.1:$port/wp-json/\$" "$work/run.out") ||
    fail "scripts/run printed no curl line of the expected form"
[[ $(wc -l <<<"$curl_line") == 1 ]] || fail "more than one curl line printed"
[[ $curl_line == *"'$ADMIN_USER:$ADMIN_APP_PASSWORD'"* ]] || fail "curl line does not use the admin application password"
status=$(eval "$curl_line -o \"\$work/body\" -D \"\$work/headers\" -w '%{http_code}' --max-time 20") ||
    fail "the printed curl line failed"
[[ $status == 200 ]] || fail "printed curl line: HTTP $status, want 200: $(head -c 300 "$work/body")"
grep -qi '^content-type: application/json' "$work/headers" || fail "Content-Type is not JSON: $(grep -i '^content-type' "$work/headers")"
grep -qF 'cartpress\/v1' "$work/body" || fail "body does not list cartpress\\/v1: $(head -c 300 "$work/body")"
python3 - "$work/body" <<'PY' || fail "body is not JSON with cartpress/v1 in namespaces"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if "cartpress/v1" in doc.get("namespaces", []) else 1)
PY

step="printed storefront/v1 flow lines"
# The block after "storefront/v1 flows", one command per line, run in order in one shell: login
# (sets TOKEN), me, PATCH a draft order by email, PATCH one with the token, associate the cart.
sed -n '/^storefront\/v1 flows/,/^$/p' "$work/run.out" | tail -n +2 | sed '/^$/d' >"$work/flows"
[[ $(wc -l <"$work/flows") == 5 ]] || fail "want 5 storefront flow lines, got: $(cat "$work/flows")"
flow_out=$(bash -c 'set -e; while IFS= read -r line; do eval "$line"; echo; done' <"$work/flows") ||
    fail "a storefront flow line failed"
python3 - "$flow_out" <<'PY' || fail "storefront flow answers are not as expected: $flow_out"
import json, sys
lines = [json.loads(l) for l in sys.argv[1].splitlines() if l.strip()]
me, anonymous, shopper, cart = lines
assert me["id"] == 5 and me["password"] is True, me
assert anonymous["status"] == "pending" and anonymous["customer_email"] == "pat@example.com", anonymous
assert "customer_id" not in anonymous, anonymous
assert shopper["customer_id"] == 5 and shopper["status"] == "pending", shopper
assert cart == {"data": [{"type": "customer", "id": "5"}]}, cart
PY

step="legacy (phpass) application password"
get "$CARTPRESS_URL/wp-json/" -u "$ADMIN_USER:$ADMIN_LEGACY_APP_PASSWORD"
[[ $status == 200 ]] || fail "index with the legacy password: HTTP $status"
grep -qF 'cartpress\/v1' "$work/body" || fail "index with the legacy password does not list cartpress\\/v1"
# The index is public; cartpress/v1/status needs manage_options, so it proves authentication.
get "$CARTPRESS_URL/wp-json/cartpress/v1/status"
[[ $status == 401 ]] || fail "status without credentials: HTTP $status, want 401"
get "$CARTPRESS_URL/wp-json/cartpress/v1/status" -u "$ADMIN_USER:$ADMIN_LEGACY_APP_PASSWORD"
[[ $status == 200 ]] || fail "status with the legacy password: HTTP $status, want 200: $(head -c 300 "$work/body")"
get "$CARTPRESS_URL/wp-json/cartpress/v1/status" -u "$ADMIN_USER:$ADMIN_APP_PASSWORD"
[[ $status == 200 ]] || fail "status with the \$generic\$ password: HTTP $status, want 200"

step="database access from cartpress.env"
sql "INSERT INTO \`${CARTPRESS_TABLE_PREFIX}options\` (option_name, option_value, autoload) VALUES ('cartpress_e2e_probe', 'kept', 'off')" ||
    fail "cannot write with the CARTPRESS_DB_* account"
[[ $(sql "SELECT option_value FROM \`${CARTPRESS_TABLE_PREFIX}options\` WHERE option_name = 'siteurl'") == "$CARTPRESS_URL" ]] ||
    fail "siteurl is not $CARTPRESS_URL"

step="refuse a second start"
if CARTPRESS_VAR=$var CARTPRESS_BUILD_DIR=$build_dir "$repo/scripts/run" --detach --port "$port" >"$work/second.out" 2>&1; then
    fail "a second scripts/run on a running var dir succeeded"
fi
grep -q 'already running' "$work/second.out" || fail "second start: unexpected message: $(cat "$work/second.out")"

step="stop"
mapfile -t pids < <(started_pids)
((${#pids[@]} >= 4)) || fail "expected at least 4 processes (mariadbd, host, nginx master + worker), got ${pids[*]}"
stop
assert_nothing_left "${pids[@]}"
stop # idempotent
assert_nothing_left "${pids[@]}"

step="restart keeps the data"
start
[[ $(<"$var/demo-loaded") == "$marker1" ]] || fail "demo-loaded marker changed: the demo was reloaded"
[[ $(probe_count) == 1 ]] || fail "the row written before the restart is gone"
[[ $(grep '^salt\.' "$var/cartpress.conf") == "$salts1" ]] || fail "salts changed across a restart"
get "$CARTPRESS_URL/wp-json/" -u "$ADMIN_USER:$ADMIN_APP_PASSWORD"
[[ $status == 200 ]] || fail "index after restart: HTTP $status"
mapfile -t pids < <(started_pids)
stop
assert_nothing_left "${pids[@]}"

step="--reset-demo"
start --reset-demo
[[ $(<"$var/demo-loaded") != "$marker1" ]] || fail "demo-loaded marker unchanged after --reset-demo"
[[ $(probe_count) == 0 ]] || fail "the probe row survived --reset-demo"
get "$CARTPRESS_URL/wp-json/cartpress/v1/status" -u "$ADMIN_USER:$ADMIN_LEGACY_APP_PASSWORD"
[[ $status == 200 ]] || fail "status with the legacy password after --reset-demo: HTTP $status"
mapfile -t pids < <(started_pids)
stop
assert_nothing_left "${pids[@]}"
step=finished
