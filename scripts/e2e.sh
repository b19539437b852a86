#!/usr/bin/env bash
# The end-to-end suite (issue #8) on real parts: a fresh private MariaDB, Keycloak with the committed
# dev realm (re-imported, so no state of an earlier run survives), then the JUnit project scripts/e2e,
# which starts the four packaged jars itself (profile e2e, test clock inside the lease years) and
# drives them over HTTP with tokens from Keycloak: the story, the authorization matrix, the drills.
#
#   scripts/e2e.sh [extra Maven arguments, e.g. -Dtest='Story*E2E' or -De2e.drill.seconds=300]
#
# Order of the classes: StoryE2E (steps 1-5; it starts on 2027-03-20 and moves the clocks to August 2027),
# VendorAdversaryE2E (issue #13), AuthorizationMatrixE2E, the drills, then StoryRemovalE2E (steps 6-8: every
# environment removed and closed, after which nothing new may enter). -Dtest='Story*E2E' runs the story alone.
#
# Needs the packaged services (./mvnw package; the story imports the SBOMs the cyclonedx plugin writes then,
# which needs Maven online). Environment:
#   KIBAN_E2E_DB_PORT        MariaDB port (default 3308)
#   KIBAN_E2E_KEYCLOAK_PORT  Keycloak port (default 8190)
#   KIBAN_E2E_PORT_BASE      the services listen on base+1 … base+4 (default 18080)
#   KIBAN_E2E_READY_SECONDS  how long a service may take to start (default 300: a busy 2-core machine)
#   KIBAN_E2E_PROJECT        the JUnit project to run (default scripts/e2e; a private copy while developing)
#   KIBAN_E2E_KEEP_KEYCLOAK  1: reuse a running e2e Keycloak as it is (quicker reruns while developing)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

E2E_HOME="$KIBAN_HOME/e2e"
DB_PORT="${KIBAN_E2E_DB_PORT:-3308}"
KC_PORT="${KIBAN_E2E_KEYCLOAK_PORT:-8190}"
PORT_BASE="${KIBAN_E2E_PORT_BASE:-18080}"

for svc in asset maintenance backup lifecycle; do
    [[ -f "$KIBAN_REPO/$svc-service/target/quarkus-app/quarkus-run.jar" ]] ||
        die "$svc-service is not packaged: run ./mvnw package first"
done

db() { KIBAN_HOME="$E2E_HOME/run/db" KIBAN_DB_PORT="$DB_PORT" "$KIBAN_SCRIPTS/mariadb.sh" "$@"; }
kc() { KIBAN_HOME="$E2E_HOME" KIBAN_KEYCLOAK_PORT="$KC_PORT" KIBAN_REALM=dev "$KIBAN_SCRIPTS/keycloak.sh" "$@"; }

# state of the last run goes; the Keycloak download is shared with ./kiban up
mkdir -p "$KIBAN_HOME/downloads" "$E2E_HOME"
db stop >/dev/null 2>&1 || true
rm -rf "$E2E_HOME/run"
[[ -e "$E2E_HOME/downloads" ]] || ln -s "$KIBAN_HOME/downloads" "$E2E_HOME/downloads"


cleanup() {
    db stop >/dev/null 2>&1 || true
    if [[ "${KIBAN_E2E_KEEP_KEYCLOAK:-}" != 1 ]]; then
        kc stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

log "fresh MariaDB on :$DB_PORT"
db reset
db start
if [[ "${KIBAN_E2E_KEEP_KEYCLOAK:-}" != 1 ]]; then
    log "Keycloak on :$KC_PORT with a fresh import of the dev realm"
    kc stop >/dev/null 2>&1 || true
    rm -f "$E2E_HOME"/keycloak-*/kiban-realm.imported.sha256
fi
kc start

log "end-to-end suite (story, authorization matrix, drills)"
"$KIBAN_REPO/mvnw" -B -ntp -f "${KIBAN_E2E_PROJECT:-$KIBAN_REPO/scripts/e2e}/pom.xml" verify \
    -De2e.repo="$KIBAN_REPO" -De2e.home="$E2E_HOME/run" -De2e.db.port="$DB_PORT" \
    -De2e.keycloak.url="http://127.0.0.1:$KC_PORT" -De2e.port.base="$PORT_BASE" \
    -De2e.ready.seconds="${KIBAN_E2E_READY_SECONDS:-300}" "$@"
