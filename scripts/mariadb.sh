#!/usr/bin/env bash
# Private MariaDB 10.11 instance for Kiban development and tests.
#
#   scripts/mariadb.sh start|stop|status|reset
#
# Environment:
#   KIBAN_HOME         state dir (default <repo>/.kiban)
#   KIBAN_DB_PORT      TCP port (default 3306)
#   KIBAN_DB_BIND      bind address (default 127.0.0.1)
#   KIBAN_DB_DIR       instance dir: data/, socket, pid, log
#                      (default $KIBAN_HOME/mariadb-$KIBAN_DB_PORT)
#   KIBAN_DB_PASSWORD  password of every kiban_* / keycloak user (default kiban)
#   KIBAN_DB_START_TIMEOUT  seconds to wait for the server (default 60)
#
# Databases/users (utf8mb4_unicode_ci, each user: ALL on its own database only):
#   kiban_asset kiban_maintenance kiban_backup kiban_lifecycle kiban_commons keycloak
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

DB_PORT="${KIBAN_DB_PORT:-3306}"
DB_BIND="${KIBAN_DB_BIND:-127.0.0.1}"
DB_PASSWORD="${KIBAN_DB_PASSWORD:-kiban}"
DB_TIMEOUT="${KIBAN_DB_START_TIMEOUT:-60}"
DB_DIR="${KIBAN_DB_DIR:-$KIBAN_HOME/mariadb-$DB_PORT}"

[[ "$DB_PORT" =~ ^[0-9]+$ ]] || die "KIBAN_DB_PORT must be a number, got '$DB_PORT'"

# Absolute path (the directory may not exist yet).
case "$DB_DIR" in
    /*) ;;
    *) DB_DIR="$PWD/$DB_DIR" ;;
esac
DB_DIR="${DB_DIR%/}"

DATA_DIR="$DB_DIR/data"
PID_FILE="$DB_DIR/mariadbd.pid"
LOG_FILE="$DB_DIR/mariadbd.err"
SOCKET="$DB_DIR/mariadbd.sock"
# A unix socket path must stay below ~108 bytes.
if ((${#SOCKET} > 100)); then
    SOCKET="/tmp/kiban-mariadb-$DB_PORT-$(printf '%s' "$DB_DIR" | cksum | cut -d' ' -f1).sock"
fi

SERVICES=("${KIBAN_SERVICES[@]}")

# Host used to probe the port.
case "$DB_BIND" in
    0.0.0.0 | '::' | '*') PROBE_HOST=127.0.0.1 ;;
    *) PROBE_HOST="$DB_BIND" ;;
esac

ensure_installed() {
    if command -v mariadbd >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 \
        && command -v mariadb >/dev/null 2>&1 && command -v mariadb-admin >/dev/null 2>&1; then
        return 0
    fi
    [[ "$(id -u)" == 0 ]] || die "MariaDB is not installed and we are not root; install mariadb-server mariadb-client"
    log "installing mariadb-server and mariadb-client with apt-get"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-server mariadb-client
    command -v mariadbd >/dev/null 2>&1 || die "mariadbd still missing after apt-get install"
}

# The OS user mariadbd runs as: mysql if it can use our directory (after we
# chown it), else root (e.g. when the repository lives below a directory that
# mysql cannot traverse). Sets SERVER_USER.
SERVER_USER=""
prepare_dir() {
    mkdir -p "$DB_DIR"
    SERVER_USER=root
    if id mysql >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
        chown mysql:mysql "$DB_DIR"
        if runuser -u mysql -- test -w "$DB_DIR" -a -x "$DB_DIR" 2>/dev/null; then
            SERVER_USER=mysql
            chown -R mysql:mysql "$DB_DIR"
        else
            warn "user mysql cannot reach $DB_DIR; running mariadbd as root"
        fi
    fi
}

is_running() {
    pid_alive "$PID_FILE" "$DATA_DIR"
}

admin() {
    mariadb-admin --no-defaults --socket="$SOCKET" --user=root --connect-timeout=5 "$@"
}

sql() {
    mariadb --no-defaults --socket="$SOCKET" --user=root --batch
}

# sql_quote STRING -> 'STRING' as an SQL string literal
sql_quote() {
    local s="$1"
    s="${s//\\/\\\\}"
    s="${s//\'/\'\'}"
    printf "'%s'" "$s"
}

ensure_schema() {
    local pw name db_pattern script=""
    pw="$(sql_quote "$DB_PASSWORD")"
    for name in "${SERVICES[@]/#/kiban_}" kiban_commons keycloak; do
        # '_' is a wildcard in GRANT ... ON db.*; escape it so the grant
        # covers exactly this database.
        db_pattern="${name//_/\\_}"
        script+="CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"$'\n'
        for host in '%' localhost; do
            script+="CREATE USER IF NOT EXISTS '$name'@'$host' IDENTIFIED BY $pw;"$'\n'
            script+="ALTER USER '$name'@'$host' IDENTIFIED BY $pw;"$'\n'
            script+="GRANT ALL PRIVILEGES ON \`$db_pattern\`.* TO '$name'@'$host';"$'\n'
        done
    done
    printf '%s' "$script" | sql || die "creating databases/users failed"
}

initialize() {
    prepare_dir
    if [[ ! -d "$DATA_DIR/mysql" ]]; then
        log "initializing datadir $DATA_DIR"
        rm -rf "$DATA_DIR"
        mkdir -p "$DATA_DIR"
        if [[ "$SERVER_USER" == mysql ]]; then
            chown mysql:mysql "$DATA_DIR"
        fi
        if ! mariadb-install-db --no-defaults --user="$SERVER_USER" --datadir="$DATA_DIR" \
            --auth-root-authentication-method=socket --skip-test-db \
            >"$DB_DIR/install-db.log" 2>&1; then
            tail -n 40 "$DB_DIR/install-db.log" >&2 || true
            die "mariadb-install-db failed (log: $DB_DIR/install-db.log)"
        fi
    fi
}

launch() {
    local user="$SERVER_USER" launcher waited=0
    rm -f "$PID_FILE"
    [[ "$SOCKET" == "$DB_DIR/"* ]] || rm -f "$SOCKET"
    log "starting mariadbd on $DB_BIND:$DB_PORT (datadir $DATA_DIR, user $user)"
    setsid nohup mariadbd --no-defaults \
        --user="$user" \
        --datadir="$DATA_DIR" \
        --port="$DB_PORT" \
        --socket="$SOCKET" \
        --pid-file="$PID_FILE" \
        --bind-address="$DB_BIND" \
        --log-error="$LOG_FILE" \
        --skip-name-resolve \
        --max-connections=500 \
        --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci \
        --default-time-zone=+00:00 \
        --innodb-flush-log-at-trx-commit=1 \
        </dev/null >>"$DB_DIR/mariadbd.out" 2>&1 &
    launcher=$!

    while ! admin ping >/dev/null 2>&1; do
        if ! proc_running "$launcher" && ! is_running; then
            tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
            die "mariadbd exited during startup (log: $LOG_FILE)"
        fi
        if ((waited >= DB_TIMEOUT * 10)); then
            tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
            die "mariadbd did not answer within ${DB_TIMEOUT}s (log: $LOG_FILE)"
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    # mariadbd writes its pid file itself; make sure it is there.
    if ! is_running; then
        pid_write "$PID_FILE" "$launcher"
    fi
}

cmd_start() {
    ensure_installed
    if is_running; then
        log "already running (pid $(pid_read "$PID_FILE"), port $DB_PORT)"
        ensure_schema
        return 0
    fi
    rm -f "$PID_FILE"
    if port_open "$PROBE_HOST" "$DB_PORT"; then
        die "port $DB_PORT is in use by a process that is not ours ($PID_FILE has no live mariadbd); set KIBAN_DB_PORT"
    fi
    initialize
    launch
    ensure_schema
    log "ready: jdbc:mariadb://$PROBE_HOST:$DB_PORT/kiban_<svc> user kiban_<svc> (socket $SOCKET)"
}

cmd_stop() {
    local pid waited=0
    if ! is_running; then
        rm -f "$PID_FILE"
        log "not running"
        return 0
    fi
    pid="$(pid_read "$PID_FILE")"
    log "stopping mariadbd (pid $pid)"
    admin shutdown >/dev/null 2>&1 || true
    while proc_running "$pid"; do
        if ((waited >= 300)); then
            warn "shutdown via socket did not finish in 30s; signalling pid $pid"
            break
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    if proc_running "$pid"; then
        pid_stop "$PID_FILE" 20 "$DATA_DIR" || die "could not stop pid $pid"
    fi
    rm -f "$PID_FILE"
    [[ "$SOCKET" == "$DB_DIR/"* ]] || rm -f "$SOCKET"
    log "stopped"
}

cmd_status() {
    if is_running; then
        echo "running (pid $(pid_read "$PID_FILE"), $DB_BIND:$DB_PORT, datadir $DATA_DIR)"
        return 0
    fi
    echo "not running"
    return 3
}

cmd_reset() {
    cmd_stop
    case "$DB_DIR" in
        '' | / | "$HOME" | "$KIBAN_REPO" | "$KIBAN_HOME")
            die "refusing to delete '$DB_DIR'"
            ;;
    esac
    if [[ -e "$DB_DIR" ]]; then
        log "deleting $DB_DIR"
        rm -rf "$DB_DIR"
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    *)
        echo "usage: $0 start|stop|status|reset" >&2
        exit 2
        ;;
esac
