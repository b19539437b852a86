#!/usr/bin/env bash
# Imports the production realm (scripts/keycloak/kiban-realm.prod.json, unchanged) into a throw-away
# Keycloak 26.7.3 and asserts its hardening through the admin REST API and real logins (issue #15,
# item 9): password policy, brute-force lockout, OTP for jpo-admin and auditor, login and admin events
# with an expiry, sslRequired=all, no offline_access by default, no localhost redirect URIs, token and
# session lifetimes, audiences of user and service tokens, and lifecycle-service's fine-grained admin
# permission (it may map approved-handler and nothing else). The checks are in realm-check.py.
#
#   scripts/realm-check.sh            # exit 0 when every check passed
#
# Keycloak runs over HTTPS (a self-signed certificate made for the run: the realm requires TLS for
# every request, sslRequired=all) on 127.0.0.1, with its own state under $KIBAN_HOME/realm-check,
# wiped on every run; the distribution tarball is shared with scripts/keycloak.sh
# ($KIBAN_HOME/downloads). Client secrets and the admin password are random for each run.
#
# Environment:
#   KIBAN_REALM_CHECK_PORT       HTTPS port (default 8191); the next port carries the plain HTTP
#                                listener that Keycloak's dev mode always opens (127.0.0.1, unused)
#   KIBAN_KEYCLOAK_JAVA_HOME     JDK to run Keycloak on (default temurin-25 if present, else java)
#   KIBAN_KEYCLOAK_START_TIMEOUT seconds to wait for the realm (default 300)
#   KIBAN_REALM_CHECK_KEEP       1: leave Keycloak running afterwards (stop it with `kill -- -<pid>`,
#                                the pid is in $KIBAN_HOME/realm-check/keycloak.pid; the master
#                                realm's admin password in $KIBAN_HOME/realm-check/admin-password)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

KC_VERSION=26.7.3
PORT="${KIBAN_REALM_CHECK_PORT:-8191}"
START_TIMEOUT="${KIBAN_KEYCLOAK_START_TIMEOUT:-300}"
HOME_DIR="$KIBAN_HOME/realm-check"
KC_DIR="$HOME_DIR/keycloak-$KC_VERSION"
TARBALL="$KIBAN_HOME/downloads/keycloak-quarkus-dist-$KC_VERSION.tar.gz"
PID_FILE="$HOME_DIR/keycloak.pid"
LOG_FILE="$HOME_DIR/keycloak.log"
REALM_SRC="$KIBAN_SCRIPTS/keycloak/kiban-realm.prod.json"
BASE="https://127.0.0.1:$PORT"

[[ "$PORT" =~ ^[0-9]+$ ]] || die "KIBAN_REALM_CHECK_PORT must be a number, got '$PORT'"
need_cmd openssl
need_cmd python3
need_cmd curl

mkdir -p "$HOME_DIR" "$KIBAN_HOME/downloads"
pid_stop "$PID_FILE" 20 "$KC_DIR/bin" || die "could not stop the previous realm-check Keycloak"
for p in "$PORT" "$((PORT + 1))"; do
    if port_open 127.0.0.1 "$p"; then
        die "port $p is in use; set KIBAN_REALM_CHECK_PORT"
    fi
done

# the distribution (same download as scripts/keycloak.sh)
if [[ ! -x "$KC_DIR/bin/kc.sh" ]]; then
    if [[ ! -s "$TARBALL" ]]; then
        log "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz from Maven Central"
        (cd "$KIBAN_HOME/downloads" && "$KIBAN_REPO/mvnw" -q -B dependency:copy \
            "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
            "-DoutputDirectory=$KIBAN_HOME/downloads") || die "download of Keycloak $KC_VERSION failed"
    fi
    log "unpacking $TARBALL"
    rm -rf "$KC_DIR" "$HOME_DIR/unpack"
    mkdir -p "$HOME_DIR/unpack"
    tar -xzf "$TARBALL" -C "$HOME_DIR/unpack"
    mv "$HOME_DIR/unpack/keycloak-$KC_VERSION" "$KC_DIR"
    rm -rf "$HOME_DIR/unpack"
fi
if [[ -n "${KIBAN_KEYCLOAK_JAVA_HOME:-}" ]]; then
    export JAVA_HOME="$KIBAN_KEYCLOAK_JAVA_HOME"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

# fresh state: no earlier import survives
rm -rf "$KC_DIR/data" "$HOME_DIR/tls"
mkdir -p "$KC_DIR/data/import" "$HOME_DIR/tls"
cp "$REALM_SRC" "$KC_DIR/data/import/kiban-realm.json"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$HOME_DIR/tls/key.pem" -out "$HOME_DIR/tls/cert.pem" 2>/dev/null

rand() { openssl rand -hex 24; }
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(rand)"
# a client secret for each service of KIBAN_SERVICES (KIBAN_ASSET_CLIENT_SECRET, …) and the console
for var in $(kiban_service_vars KIBAN_ _CLIENT_SECRET) KIBAN_CONSOLE_CLIENT_SECRET; do
    export "$var=$(rand)"
done
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"

if [[ "${KIBAN_REALM_CHECK_KEEP:-}" == 1 ]]; then
    (umask 077 && printf '%s\n' "$KC_BOOTSTRAP_ADMIN_PASSWORD" >"$HOME_DIR/admin-password")
fi

cleanup() {
    if [[ "${KIBAN_REALM_CHECK_KEEP:-}" != 1 ]]; then
        pid_stop "$PID_FILE" 20 "$KC_DIR/bin" || true
    fi
}
trap cleanup EXIT

log "Keycloak $KC_VERSION with the production realm on $BASE (log: $LOG_FILE)"
setsid nohup "$KC_DIR/bin/kc.sh" start-dev \
    --import-realm \
    --http-host=127.0.0.1 \
    --http-port="$((PORT + 1))" \
    --https-port="$PORT" \
    --https-certificate-file="$HOME_DIR/tls/cert.pem" \
    --https-certificate-key-file="$HOME_DIR/tls/key.pem" \
    --hostname="$BASE" \
    </dev/null >"$LOG_FILE" 2>&1 &
pid_write "$PID_FILE" "$!"

waited=0
until curl -ksf -o /dev/null --max-time 5 "$BASE/realms/kiban/.well-known/openid-configuration"; do
    if ! pid_alive "$PID_FILE"; then
        tail -n 60 "$LOG_FILE" >&2 || true
        die "Keycloak exited while importing the production realm (log: $LOG_FILE)"
    fi
    if ((waited >= START_TIMEOUT)); then
        tail -n 60 "$LOG_FILE" >&2 || true
        die "the production realm did not answer within ${START_TIMEOUT}s (log: $LOG_FILE)"
    fi
    sleep 1
    waited=$((waited + 1))
done
log "realm imported after ${waited}s; checking"

python3 "$KIBAN_SCRIPTS/realm-check.py" "$BASE" "$KC_BOOTSTRAP_ADMIN_PASSWORD" \
    "$KIBAN_LIFECYCLE_CLIENT_SECRET" "$KIBAN_ASSET_CLIENT_SECRET"
