#!/usr/bin/env bash
# Keycloak 26.7.3 (dev mode, embedded dev-file database) with the `kiban` realm.
#
#   scripts/keycloak.sh start|stop|restart|status
#
# Environment:
#   KIBAN_HOME                   state dir (default <repo>/.kiban)
#   KIBAN_KEYCLOAK_PORT          HTTP port (default 8180), bound to 127.0.0.1
#   KIBAN_KEYCLOAK_HOSTNAME      public base URL, fixes the token issuer
#                                (default http://127.0.0.1:$KIBAN_KEYCLOAK_PORT)
#   KIBAN_REALM                  dev|prod realm file (default dev)
#   KIBAN_KEYCLOAK_JAVA_HOME     JDK to run on (default temurin-25 if present,
#                                else the default java)
#   KIBAN_KEYCLOAK_START_TIMEOUT seconds to wait for the realm (default 240)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD
#                                master-realm admin (dev default admin/admin;
#                                the password is required with KIBAN_REALM=prod)
#   KIBAN_<SERVICE>_CLIENT_SECRET, one per service of KIBAN_SERVICES (scripts/lib.sh), and
#   KIBAN_CONSOLE_CLIENT_SECRET  client secrets, required with KIBAN_REALM=prod
#   JAVA_OPTS_KC_HEAP            heap options (default -Xms64m -Xmx512m)
#
# The realm is imported at startup (--import-realm). Whenever the realm file
# (or, for prod, a client secret) differs from the last successful import,
# the dev database (data/h2) is wiped so the new file is imported; a running
# instance is restarted for that.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

KC_VERSION=26.7.3
KC_PORT="${KIBAN_KEYCLOAK_PORT:-8180}"
KC_HOSTNAME="${KIBAN_KEYCLOAK_HOSTNAME:-http://127.0.0.1:$KC_PORT}"
REALM_VARIANT="${KIBAN_REALM:-dev}"
START_TIMEOUT="${KIBAN_KEYCLOAK_START_TIMEOUT:-240}"

[[ "$KC_PORT" =~ ^[0-9]+$ ]] || die "KIBAN_KEYCLOAK_PORT must be a number, got '$KC_PORT'"
case "$REALM_VARIANT" in
    dev | prod) ;;
    *) die "KIBAN_REALM must be dev or prod, got '$REALM_VARIANT'" ;;
esac

KC_DIR="$KIBAN_HOME/keycloak-$KC_VERSION"
DL_DIR="$KIBAN_HOME/downloads"
TARBALL="$DL_DIR/keycloak-quarkus-dist-$KC_VERSION.tar.gz"
PID_FILE="$KIBAN_HOME/keycloak.pid"
PORT_FILE="$KIBAN_HOME/keycloak.port"
LOG_FILE="$KIBAN_HOME/keycloak.log"
STAMP_FILE="$KC_DIR/kiban-realm.imported.sha256"   # state of data/h2
RUN_STAMP_FILE="$KIBAN_HOME/keycloak.realm.sha256"  # what the running instance was started with
REALM_SRC="$KIBAN_SCRIPTS/keycloak/kiban-realm.$REALM_VARIANT.json"
WELL_KNOWN="http://127.0.0.1:$KC_PORT/realms/kiban/.well-known/openid-configuration"
# one client secret per service of KIBAN_SERVICES (KIBAN_ASSET_CLIENT_SECRET, …), and the console's
mapfile -t PROD_SECRETS < <(kiban_service_vars KIBAN_ _CLIENT_SECRET)
PROD_SECRETS+=(KIBAN_CONSOLE_CLIENT_SECRET)

maven_cmd() {
    if [[ -x "$KIBAN_REPO/mvnw" ]]; then
        echo "$KIBAN_REPO/mvnw"
    elif command -v mvn >/dev/null 2>&1; then
        command -v mvn
    else
        die "neither $KIBAN_REPO/mvnw nor mvn is available to download Keycloak"
    fi
}

ensure_distribution() {
    local mvn tmp
    if [[ -x "$KC_DIR/bin/kc.sh" ]]; then
        return 0
    fi
    mkdir -p "$DL_DIR"
    if [[ ! -s "$TARBALL" ]]; then
        mvn="$(maven_cmd)"
        log "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz from Maven Central"
        # Run outside any project directory so Maven does not load a reactor.
        (cd "$DL_DIR" && "$mvn" -q -B dependency:copy \
            "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
            "-DoutputDirectory=$DL_DIR") || die "download of Keycloak $KC_VERSION failed"
        [[ -s "$TARBALL" ]] || die "download did not produce $TARBALL"
    fi
    log "unpacking $TARBALL"
    tmp="$(mktemp -d "$KIBAN_HOME/.keycloak-unpack.XXXXXX")"
    if ! tar -xzf "$TARBALL" -C "$tmp"; then
        rm -rf "$tmp" "$TARBALL"
        die "could not unpack $TARBALL (deleted; run again to download anew)"
    fi
    [[ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ]] || {
        rm -rf "$tmp"
        die "unexpected archive layout in $TARBALL"
    }
    rm -rf "$KC_DIR"
    mv "$tmp/keycloak-$KC_VERSION" "$KC_DIR"
    rm -rf "$tmp"
}

select_java() {
    if [[ -n "${KIBAN_KEYCLOAK_JAVA_HOME:-}" ]]; then
        [[ -x "$KIBAN_KEYCLOAK_JAVA_HOME/bin/java" ]] \
            || die "KIBAN_KEYCLOAK_JAVA_HOME=$KIBAN_KEYCLOAK_JAVA_HOME has no bin/java"
        export JAVA_HOME="$KIBAN_KEYCLOAK_JAVA_HOME"
    elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    elif [[ -z "${JAVA_HOME:-}" ]]; then
        need_cmd java
    fi
}

check_prod_env() {
    local var missing=()
    [[ "$REALM_VARIANT" == prod ]] || return 0
    for var in "${PROD_SECRETS[@]}"; do
        [[ -n "${!var:-}" ]] || missing+=("$var")
    done
    [[ -n "${KC_BOOTSTRAP_ADMIN_PASSWORD:-}" ]] || missing+=(KC_BOOTSTRAP_ADMIN_PASSWORD)
    ((${#missing[@]} == 0)) || die "KIBAN_REALM=prod needs these environment variables: ${missing[*]}"
}

# Checksum of what gets imported: the realm file, its variant and (prod) the
# secrets substituted into it (only their hash is stored).
realm_checksum() {
    local var
    {
        printf 'variant=%s\n' "$REALM_VARIANT"
        cat "$REALM_SRC"
        if [[ "$REALM_VARIANT" == prod ]]; then
            for var in "${PROD_SECRETS[@]}"; do
                printf '%s=%s\n' "$var" "${!var:-}"
            done
        fi
    } | sha256sum | cut -d' ' -f1
}

realm_is_current() {
    [[ -r "$STAMP_FILE" ]] && [[ "$(cat "$STAMP_FILE")" == "$(realm_checksum)" ]]
}

is_running() {
    pid_alive "$PID_FILE" "$KC_DIR/bin"
}

# answers [PORT]  -- 0 if the kiban realm's discovery document is served
answers() {
    local url="$WELL_KNOWN"
    if [[ -n "${1:-}" ]]; then
        url="http://127.0.0.1:$1/realms/kiban/.well-known/openid-configuration"
    fi
    curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null
}

prepare_import() {
    if ! realm_is_current; then
        if [[ -e "$STAMP_FILE" ]]; then
            log "realm file changed since the last import: wiping the dev database ($KC_DIR/data/h2)"
        elif [[ -e "$KC_DIR/data/h2" ]]; then
            log "no record of the last realm import: wiping the dev database ($KC_DIR/data/h2)"
        else
            log "first start: importing realm file $REALM_SRC"
        fi
        rm -rf "$KC_DIR/data/h2" "$STAMP_FILE"
    fi
    rm -rf "$KC_DIR/data/import"
    mkdir -p "$KC_DIR/data/import"
    cp "$REALM_SRC" "$KC_DIR/data/import/kiban-realm.json"
}

# wait_ready PID  -- wait until the realm answers; on failure print the log
# tail, stop our process and die.
wait_ready() {
    local pid="$1" waited=0
    while ! answers; do
        if ! proc_running "$pid"; then
            tail -n 60 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE" "$PORT_FILE" "$RUN_STAMP_FILE"
            die "Keycloak exited during startup (log: $LOG_FILE)"
        fi
        if ((waited >= START_TIMEOUT)); then
            tail -n 60 "$LOG_FILE" >&2 || true
            pid_stop "$PID_FILE" 20 "$KC_DIR/bin" || true
            rm -f "$PORT_FILE" "$RUN_STAMP_FILE"
            die "realm kiban did not answer within ${START_TIMEOUT}s (log: $LOG_FILE)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

launch() {
    local launcher start_ts
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    if [[ "$REALM_VARIANT" == dev ]]; then
        export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    fi
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"

    log "starting Keycloak $KC_VERSION on 127.0.0.1:$KC_PORT (realm file: $REALM_VARIANT, java: ${JAVA_HOME:-$(command -v java)})"
    : >"$LOG_FILE"
    start_ts=$SECONDS
    setsid nohup "$KC_DIR/bin/kc.sh" start-dev \
        --import-realm \
        --http-port="$KC_PORT" \
        --http-host=127.0.0.1 \
        --hostname="$KC_HOSTNAME" \
        </dev/null >>"$LOG_FILE" 2>&1 &
    launcher=$!
    pid_write "$PID_FILE" "$launcher"
    printf '%s\n' "$KC_PORT" >"$PORT_FILE"
    realm_checksum >"$RUN_STAMP_FILE"

    wait_ready "$launcher"
    realm_checksum >"$STAMP_FILE"
    log "ready after $((SECONDS - start_ts))s: $KC_HOSTNAME/realms/kiban (pid $launcher, log $LOG_FILE)"
}

running_port() {
    local p=""
    [[ -r "$PORT_FILE" ]] && read -r p <"$PORT_FILE"
    printf '%s\n' "$p"
}

cmd_stop() {
    if ! is_running; then
        rm -f "$PID_FILE" "$PORT_FILE" "$RUN_STAMP_FILE"
        log "not running"
        return 0
    fi
    log "stopping Keycloak (pid $(pid_read "$PID_FILE"))"
    pid_stop "$PID_FILE" 20 "$KC_DIR/bin" || die "could not stop Keycloak"
    rm -f "$PORT_FILE" "$RUN_STAMP_FILE"
    log "stopped"
}

cmd_start() {
    [[ -r "$REALM_SRC" ]] || die "realm file missing: $REALM_SRC"
    check_prod_env
    mkdir -p "$KIBAN_HOME"
    if is_running; then
        if [[ "$(running_port)" != "$KC_PORT" ]]; then
            die "Keycloak from $KC_DIR already runs on port $(running_port); run '$0 stop' first"
        fi
        if [[ -r "$RUN_STAMP_FILE" && "$(cat "$RUN_STAMP_FILE")" == "$(realm_checksum)" ]]; then
            if ! answers; then
                log "already starting (pid $(pid_read "$PID_FILE")); waiting for it"
                wait_ready "$(pid_read "$PID_FILE")"
            fi
            log "already running (pid $(pid_read "$PID_FILE"), port $KC_PORT)"
            return 0
        fi
        log "the realm file changed since the running instance imported it: restarting"
        cmd_stop
    fi
    rm -f "$PID_FILE" "$PORT_FILE"
    if port_open 127.0.0.1 "$KC_PORT"; then
        die "port $KC_PORT is in use by a process that is not ours; set KIBAN_KEYCLOAK_PORT"
    fi
    ensure_distribution
    select_java
    prepare_import
    launch
}

cmd_status() {
    if is_running; then
        if answers "$(running_port)"; then
            echo "running (pid $(pid_read "$PID_FILE"), http://127.0.0.1:$(running_port), realm kiban answers)"
        else
            echo "starting or unhealthy (pid $(pid_read "$PID_FILE"), port $(running_port)); log: $LOG_FILE"
        fi
        return 0
    fi
    echo "not running"
    return 3
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart)
        cmd_stop
        cmd_start
        ;;
    status) cmd_status ;;
    *)
        echo "usage: $0 start|stop|restart|status" >&2
        exit 2
        ;;
esac
