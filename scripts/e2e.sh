#!/usr/bin/env bash
# The end-to-end suite (issue #8) on real parts: a fresh private MariaDB, Keycloak with the committed
# dev realm (re-imported, so no state of an earlier run survives), then the JUnit module e2e/,
# which starts the four packaged jars itself (profile e2e, test clock inside the lease years) and
# drives them over HTTP with tokens from Keycloak: the story, the authorization matrix, the drills.
#
#   scripts/e2e.sh [extra Maven arguments, e.g. -Dtest='Story*E2E' or -De2e.drill.seconds=300]
#
# Order of the classes: StoryE2E (steps 1-5; it starts on 2027-03-20 and moves the clocks to August 2027),
# VendorAdversaryE2E (issue #13), AuthorizationMatrixE2E, the drills, ConsoleBrowserE2E (issue #17: the console's
# packaged jar on base+5 in headless Chromium, through the real Keycloak login page, checked by axe-core), then
# StoryRemovalE2E (steps 6-8: every environment removed and closed, after which nothing new may enter).
# -Dtest='Story*E2E' runs the story alone; -Dtest=ConsoleBrowserE2E the browser test alone.
#
# The browser test needs Debian's chromium and chromium-driver (installed here with apt-get when missing, as
# root) and axe-core from npm (installed once into $KIBAN_HOME/e2e/node when missing).
#
# The services are those of lib.sh (KIBAN_SERVICES), passed to the suite as -De2e.services.
#
# Needs the packaged services (./mvnw package; the story imports the SBOMs the cyclonedx plugin writes then,
# which needs Maven online). Environment:
#   KIBAN_E2E_DB_PORT        MariaDB port (default 3308)
#   KIBAN_E2E_KEYCLOAK_PORT  Keycloak port (default 8190)
#   KIBAN_E2E_PORT_BASE      the services listen on base+1 … base+4, the console on base+5 (default 18080)
#   KIBAN_E2E_READY_SECONDS  how long a service may take to start (default 300: a busy 2-core machine)
#   KIBAN_E2E_PROJECT        the JUnit project to run (default e2e; a private copy while developing)
#   KIBAN_E2E_KEEP_KEYCLOAK  1: reuse a running e2e Keycloak as it is (quicker reruns while developing)
#   KIBAN_E2E_AXE_VERSION    the axe-core npm version injected into the console's pages (default 4.14.1)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

E2E_HOME="$KIBAN_HOME/e2e"
DB_PORT="${KIBAN_E2E_DB_PORT:-3308}"
KC_PORT="${KIBAN_E2E_KEYCLOAK_PORT:-8190}"
PORT_BASE="${KIBAN_E2E_PORT_BASE:-18080}"

for svc in "${KIBAN_SERVICES[@]}"; do
    [[ -f "$KIBAN_REPO/$svc-service/target/quarkus-app/quarkus-run.jar" ]] ||
        die "$svc-service is not packaged: run ./mvnw package first"
done
[[ -f "$KIBAN_REPO/console/target/quarkus-app/quarkus-run.jar" ]] ||
    die "console is not packaged: run ./mvnw package first"

# The console's browser test (issue #17): headless Chromium driven by chromedriver, both Debian packages
# (bookworm's chromium-driver matches its chromium), installed non-interactively when missing.
ensure_chromium() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    # Japanese pages: without a CJK font the screenshots in docs/console/ would show empty boxes
    if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=ja 2>/dev/null)" ]]; then
        missing+=(fonts-noto-cjk)
    fi
    ((${#missing[@]} == 0)) && return 0
    [[ "$(id -u)" == 0 ]] || die "not installed: ${missing[*]} (and we are not root to apt-get install them)"
    log "installing ${missing[*]} with apt-get"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 ||
        die "chromium/chromedriver still missing after apt-get install"
}

# axe-core (npm) is injected into each console page by the browser test; one copy in $KIBAN_HOME/e2e/node.
AXE_VERSION="${KIBAN_E2E_AXE_VERSION:-4.14.1}"
AXE_DIR="$E2E_HOME/node"
ensure_axe() {
    local installed=""
    if [[ -f "$AXE_DIR/node_modules/axe-core/package.json" ]]; then
        installed="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$AXE_DIR/node_modules/axe-core/package.json" | head -n1)"
    fi
    [[ "$installed" == "$AXE_VERSION" ]] && return 0
    need_cmd npm
    log "installing axe-core@$AXE_VERSION with npm into $AXE_DIR"
    mkdir -p "$AXE_DIR"
    npm install --prefix "$AXE_DIR" --no-audit --no-fund --no-save --silent "axe-core@$AXE_VERSION" >&2
    [[ -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]] || die "axe-core@$AXE_VERSION did not install into $AXE_DIR"
}

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

ensure_chromium
ensure_axe

log "fresh MariaDB on :$DB_PORT"
db reset
db start
if [[ "${KIBAN_E2E_KEEP_KEYCLOAK:-}" != 1 ]]; then
    log "Keycloak on :$KC_PORT with a fresh import of the dev realm"
    kc stop >/dev/null 2>&1 || true
    rm -f "$E2E_HOME"/keycloak-*/kiban-realm.imported.sha256
fi
kc start

log "end-to-end suite (story, authorization matrix, drills, console in a browser)"
"$KIBAN_REPO/mvnw" -B -ntp -f "${KIBAN_E2E_PROJECT:-$KIBAN_REPO/e2e}/pom.xml" verify -Pe2e \
    -De2e.services="$(IFS=,; echo "${KIBAN_SERVICES[*]}")" \
    -De2e.repo="$KIBAN_REPO" -De2e.home="$E2E_HOME/run" -De2e.db.port="$DB_PORT" \
    -De2e.keycloak.url="http://127.0.0.1:$KC_PORT" -De2e.port.base="$PORT_BASE" \
    -De2e.chromium="$(command -v chromium)" -De2e.chromedriver="$(command -v chromedriver)" \
    -De2e.axe="$AXE_DIR/node_modules/axe-core/axe.min.js" \
    -De2e.ready.seconds="${KIBAN_E2E_READY_SECONDS:-300}" "$@"
