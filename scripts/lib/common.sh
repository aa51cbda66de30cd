# shellcheck shell=bash
# Shared helpers of scripts/run, scripts/stop, scripts/test and the scripts tests. Source it; it
# defines functions and CP_* constants only (no side effects, no `set` changes). Every helper
# that can fail returns non-zero or calls cp_die; callers run under `set -euo pipefail`.

CP_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
readonly CP_REPO_ROOT

# Debian 12 packages that building, testing and running Cartpress need.
readonly CP_PACKAGES=(
    build-essential cmake g++ clang clang-format
    libfcgi-dev libmysqlcppconn-dev rapidjson-dev libssl-dev libcrypt-dev libboost-test-dev
    mariadb-server mariadb-client nginx wrk iso-codes nodejs npm
    curl ca-certificates procps python3
)

cp_log() { printf 'cartpress: %s\n' "$*" >&2; }
cp_die() {
    printf 'cartpress: error: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Packages

# Prints the packages of "$@" that are not installed (one per line).
cp_missing_packages() {
    local pkg
    for pkg in "$@"; do
        case $pkg in
            # npm (and node) may come from outside dpkg (nodesource, nvm): a command counts.
            npm) command -v npm >/dev/null 2>&1 && continue ;;
            nodejs) command -v node >/dev/null 2>&1 && continue ;;
        esac
        if [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) != "install ok installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Installs the packages of "$@" (default: CP_PACKAGES) that are missing. Set
# CARTPRESS_SKIP_INSTALL=1 to only check. While apt runs, a temporary policy-rc.d (only if none
# exists) keeps the postinst scripts of mariadb-server and nginx from starting the system
# services: Cartpress runs private instances and must not open ports 80/3306.
cp_install_missing_packages() {
    local -a want=("$@") missing sudo=()
    ((${#want[@]})) || want=("${CP_PACKAGES[@]}")
    mapfile -t missing < <(cp_missing_packages "${want[@]}")
    ((${#missing[@]})) || return 0
    if [[ ${CARTPRESS_SKIP_INSTALL:-0} == 1 ]]; then
        cp_die "missing packages: ${missing[*]} (CARTPRESS_SKIP_INSTALL=1 is set)"
    fi
    if ((EUID != 0)); then
        if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
            cp_die "missing packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
        fi
        sudo=(sudo -n)
    fi
    cp_log "installing missing packages: ${missing[*]}"
    local rc=0
    (
        policy=/usr/sbin/policy-rc.d
        if [[ ! -e $policy ]]; then
            # Removed again however this subshell ends (also on Ctrl-C).
            trap '"${sudo[@]}" rm -f "$policy"' EXIT
            trap 'exit 130' INT
            trap 'exit 143' TERM
            printf '#!/bin/sh\n# temporary, placed by Cartpress scripts/lib/common.sh\nexit 101\n' |
                "${sudo[@]}" tee "$policy" >/dev/null
            "${sudo[@]}" chmod 0755 "$policy"
        fi
        # One && chain: errexit does not apply inside a subshell that is tested with ||.
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    ) || rc=$?
    ((rc == 0)) || cp_die "apt-get failed (exit $rc) installing: ${missing[*]}"
    mapfile -t missing < <(cp_missing_packages "${want[@]}")
    ((${#missing[@]} == 0)) || cp_die "still missing after apt-get: ${missing[*]}"
}

# ---------------------------------------------------------------------------------------------
# Ports, randomness, waiting

# True when 127.0.0.1:PORT can be bound now (a wildcard listener on the port also makes it busy).
cp_port_is_free() {
    python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# As nginx binds: connections of a stopped server in TIME_WAIT do not make the port busy,
# a listening socket still does.
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

# Prints the first free TCP port on 127.0.0.1 in [START, START+LIMIT).
cp_find_free_port() {
    local start=$1 limit=${2:-200} port
    for ((port = start; port < start + limit && port <= 65535; port++)); do
        if cp_port_is_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    cp_log "no free port in $start..$((start + limit - 1))"
    return 1
}

# Prints VALUE for a KEY=VALUE line that bash can source: unchanged when it has only safe
# characters (all that scripts/run writes for the demo), else single-quoted.
cp_env_quote() {
    if [[ $1 =~ ^[A-Za-z0-9_./:@+,=%-]*$ ]]; then
        printf '%s\n' "$1"
    else
        printf "'%s'\n" "${1//\'/\'\\\'\'}"
    fi
}

# Prints N random bytes as 2N lowercase hex characters.
cp_random_hex() {
    od -An -tx1 -v -N "$1" /dev/urandom | tr -d ' \n'
    printf '\n'
}

# cp_wait_for SECONDS WHAT PID CMD...: runs CMD every 0.1 s until it succeeds or SECONDS pass.
# PID (or "-" for none) is a process that must stay alive meanwhile. Returns 1 on timeout or death.
cp_wait_for() {
    local seconds=$1 what=$2 pid=$3
    shift 3
    local deadline=$((SECONDS + seconds))
    while true; do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        if [[ $pid != - ]] && ! cp_pid_alive "$pid"; then
            cp_log "$what: process $pid exited"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            cp_log "$what: not ready after ${seconds}s"
            return 1
        fi
        sleep 0.1
    done
}

# Prints the HTTP status of GET URL (000 when nothing answers). Extra curl arguments may follow.
cp_http_status() {
    local url=$1
    shift
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" || true
}

cp_http_ok() { [[ $(cp_http_status "$@") == 200 ]]; }

# Prints the last lines of each existing file of "$@" to stderr.
cp_tail_logs() {
    local f
    for f in "$@"; do
        [[ -s $f ]] || continue
        printf '\n----- last lines of %s -----\n' "$f" >&2
        tail -n 25 "$f" >&2
    done
}

# ---------------------------------------------------------------------------------------------
# Processes of one var dir
#
# A pid counts as ours only while /proc/PID/cmdline contains "VAR/" (every process run starts has
# a path under the var dir on its command line: mariadbd --datadir, the host --config, the nginx
# master -p), so a recycled pid from a stale pid file is never signalled.

# Prints the pid in PIDFILE if that process is alive and belongs to VAR.
cp_pidfile_pid() {
    local pidfile=$1 var=$2 pid
    [[ -r $pidfile ]] || return 1
    read -r pid <"$pidfile" 2>/dev/null || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    cp_pid_belongs "$pid" "$var" || return 1
    printf '%s\n' "$pid"
}

cp_pid_belongs() {
    local pid=$1 var=$2
    local -a args
    cp_pid_alive "$pid" || return 1
    mapfile -d '' args <"/proc/$pid/cmdline" 2>/dev/null || return 1
    [[ " ${args[*]} " == *"$var/"* ]]
}

# Prints every live pid whose command line contains "VAR/" (without spawning a process that
# would itself match).
cp_pids_of_var() {
    local var=$1 f pid
    local -a args
    for f in /proc/[0-9]*/cmdline; do
        pid=${f#/proc/}
        pid=${pid%/cmdline}
        [[ $pid == "$$" || $pid == "${BASHPID:-}" ]] && continue
        mapfile -d '' args <"$f" 2>/dev/null || continue
        ((${#args[@]})) || continue
        [[ " ${args[*]} " == *"$var/"* ]] && printf '%s\n' "$pid"
    done
    return 0
}

# Prints the descendants of PID (children first level first), e.g. nginx workers.
cp_descendants() {
    local pid=$1 child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        printf '%s\n' "$child"
        cp_descendants "$child"
    done
}

# True while PID exists and is not a zombie (an exited child that nobody has reaped yet, e.g.
# under a container init that reaps slowly, must not count as running).
cp_pid_alive() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

cp_any_alive() {
    local pid
    for pid in "$@"; do
        cp_pid_alive "$pid" && return 0
    done
    return 1
}

# cp_stop_pidfile NAME PIDFILE VAR SECONDS: SIGTERM the process (and its descendants if it does
# not take them along), wait up to SECONDS, then SIGKILL whatever is left. Idempotent.
cp_stop_pidfile() {
    local name=$1 pidfile=$2 var=$3 seconds=$4 pid
    if ! pid=$(cp_pidfile_pid "$pidfile" "$var"); then
        rm -f "$pidfile"
        return 0
    fi
    local -a all
    mapfile -t all < <(printf '%s\n' "$pid"; cp_descendants "$pid")
    cp_log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + seconds))
    while cp_any_alive "${all[@]}" && ((SECONDS < deadline)); do
        sleep 0.1
    done
    if cp_any_alive "${all[@]}"; then
        cp_log "$name did not stop within ${seconds}s: SIGKILL"
        kill -KILL "${all[@]}" 2>/dev/null || true
        deadline=$((SECONDS + 5))
        while cp_any_alive "${all[@]}" && ((SECONDS < deadline)); do
            sleep 0.1
        done
    fi
    rm -f "$pidfile"
}

# Pid files of everything scripts/run starts, in stop order (front to back).
cp_run_pidfiles() {
    local run=$1/run
    printf '%s\n' "nginx:$run/nginx.pid" "cartpress-fcgi:$run/cartpress-fcgi.pid" "mariadbd:$run/mysqld.pid"
}

# Stops nginx, the host and mariadbd of VAR (in that order: no new requests, drain, then the DB).
cp_stop_var() {
    local var=$1 entry
    while IFS= read -r entry; do
        case ${entry%%:*} in
            nginx) cp_stop_pidfile nginx "${entry#*:}" "$var" 15 ;;
            cartpress-fcgi) cp_stop_pidfile cartpress-fcgi "${entry#*:}" "$var" 30 ;;
            mariadbd) cp_stop_pidfile mariadbd "${entry#*:}" "$var" 90 ;;
        esac
    done < <(cp_run_pidfiles "$var")
}

# ---------------------------------------------------------------------------------------------
# nginx

# The user nginx workers run as when the master is started as root: www-data, else nobody.
# Prints nothing when not root (the workers then keep the invoking user).
cp_nginx_worker_user() {
    ((EUID == 0)) || return 0
    if getent passwd www-data >/dev/null; then
        printf 'www-data\n'
    else
        printf 'nobody\n'
    fi
}

# True when USER can reach (search) every directory of "$@" (checks the whole path).
cp_user_can_traverse() {
    local user=$1 dir
    shift
    for dir in "$@"; do
        setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups -- test -x "$dir" 2>/dev/null ||
            return 1
    done
}

# Renders nginx/cartpress.conf.in to stdout. Interface: see scripts/lib/render-nginx-conf.
cp_render_nginx_conf() {
    local listen="" prefix="" user="" group="" static_root="" pid="" error_log="" access_log=off
    local -a sockets=()
    while (($#)); do
        case $1 in
            --listen | --prefix | --upstream-socket | --user | --group | --static-root | --pid | --error-log | --access-log)
                (($# >= 2)) || { cp_log "render-nginx-conf: $1 needs a value"; return 2; }
                case $1 in
                    --listen) listen=$2 ;;
                    --prefix) prefix=$2 ;;
                    --upstream-socket) sockets+=("$2") ;;
                    --user) user=$2 ;;
                    --group) group=$2 ;;
                    --static-root) static_root=$2 ;;
                    --pid) pid=$2 ;;
                    --error-log) error_log=$2 ;;
                    --access-log) access_log=$2 ;;
                esac
                shift 2
                ;;
            *) cp_log "render-nginx-conf: unknown argument: $1"; return 2 ;;
        esac
    done
    local bad=""
    [[ $listen =~ ^(127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|\[::1\]):([0-9]{1,5})$ ]] &&
        ((BASH_REMATCH[2] >= 1 && BASH_REMATCH[2] <= 65535)) ||
        bad+=" --listen must be a loopback address:port (127.x.x.x:P or [::1]:P), got '$listen';"
    local server_name=${listen%:*}
    ((${#sockets[@]})) || bad+=" at least one --upstream-socket is required;"
    [[ -n $prefix ]] || bad+=" --prefix is required;"
    [[ -n $static_root ]] || bad+=" --static-root is required;"
    # Paths go into the config unquoted: absolute, and no characters nginx would parse.
    local p
    for p in "$prefix" "$static_root" "${sockets[@]}" "$pid" "$error_log"; do
        [[ -z $p || $p =~ ^/[A-Za-z0-9._/+@=,-]*$ ]] || bad+=" path '$p' must be absolute and contain only [A-Za-z0-9._/+@=,-];"
    done
    [[ $access_log == off || $access_log =~ ^/[A-Za-z0-9._/+@=,-]*$ ]] || bad+=" bad --access-log '$access_log';"
    for p in "${sockets[@]}"; do
        ((${#p} < 108)) || bad+=" unix socket path longer than 107 bytes: $p;"
    done
    [[ -z $user || $user =~ ^[a-z_][a-z0-9_-]*$ ]] || bad+=" bad --user '$user';"
    [[ -z $group || $group =~ ^[a-z_][a-z0-9_-]*$ ]] || bad+=" bad --group '$group';"
    if [[ -n $bad ]]; then
        cp_log "render-nginx-conf:$bad"
        return 2
    fi
    prefix=${prefix%/}
    static_root=${static_root%/}
    : "${pid:=$prefix/nginx.pid}" "${error_log:=$prefix/error.log}"
    local user_line="# no user directive: the workers keep the user that starts nginx"
    if [[ -n $user ]]; then
        [[ -n $group ]] || group=$(id -gn "$user" 2>/dev/null) || {
            cp_log "render-nginx-conf: unknown user '$user'"
            return 2
        }
        user_line="user $user $group;"
    fi
    local access_line="access_log off;"
    [[ $access_log == off ]] || access_line="access_log $access_log combined buffer=64k flush=1s;"
    local servers="" s
    for s in "${sockets[@]}"; do
        servers+="        server unix:$s;"$'\n'
    done
    servers=${servers%$'\n'}

    local tpl
    tpl=$(<"$CP_REPO_ROOT/nginx/cartpress.conf.in") || return 1
    # bash 5.2 would expand & in the replacement; the values are validated above anyway.
    shopt -u patsub_replacement 2>/dev/null || true
    tpl=${tpl//@USER_DIRECTIVE@/$user_line}
    tpl=${tpl//@PID_FILE@/$pid}
    tpl=${tpl//@ERROR_LOG@/$error_log}
    tpl=${tpl//@ACCESS_LOG_DIRECTIVE@/$access_line}
    tpl=${tpl//@PREFIX@/$prefix}
    tpl=${tpl//@UPSTREAM_SERVERS@/$servers}
    tpl=${tpl//@LISTEN@/$listen}
    tpl=${tpl//@SERVER_NAME@/$server_name}
    tpl=${tpl//@STATIC_ROOT@/$static_root}
    if [[ $tpl =~ @[A-Z_]+@ ]]; then
        cp_log "render-nginx-conf: unreplaced placeholder in nginx/cartpress.conf.in"
        return 1
    fi
    printf '%s\n' "$tpl"
}
