#!/usr/bin/env bash
# Print an access token from the kiban realm (only the token, on stdout).
#
#   scripts/token.sh <user> [password]            password grant, client kiban-cli
#                                                 (dev realm; password defaults to the user name)
#   scripts/token.sh --client <client-id> [secret] client-credentials grant
#                                                 (secret defaults to <svc>-secret for <svc>-service)
#   scripts/token.sh --decode <token>             print the token's payload (JSON)
#
# Environment:
#   KIBAN_KEYCLOAK_URL  Keycloak base URL (default http://127.0.0.1:${KIBAN_KEYCLOAK_PORT:-8180})
#   KIBAN_KEYCLOAK_REALM realm name (default kiban)
#   KIBAN_CLI_CLIENT     public client for the password grant (default kiban-cli)
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

KC_URL="${KIBAN_KEYCLOAK_URL:-http://127.0.0.1:${KIBAN_KEYCLOAK_PORT:-8180}}"
KC_URL="${KC_URL%/}"
REALM="${KIBAN_KEYCLOAK_REALM:-kiban}"
CLI_CLIENT="${KIBAN_CLI_CLIENT:-kiban-cli}"
TOKEN_URL="$KC_URL/realms/$REALM/protocol/openid-connect/token"

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# extract_token JSON -> access_token value, or nothing
extract_token() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import json,sys
try:
    print(json.load(sys.stdin).get("access_token", ""))
except Exception:
    pass' <<<"$1"
    else
        sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$1"
    fi
}

# decode TOKEN -> the JWT payload as JSON
decode() {
    local payload
    payload="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
    case $((${#payload} % 4)) in
        2) payload+="==" ;;
        3) payload+="=" ;;
    esac
    if command -v python3 >/dev/null 2>&1; then
        base64 -d <<<"$payload" | python3 -m json.tool
    else
        base64 -d <<<"$payload"
        echo
    fi
}

request() {
    local body token
    need_cmd curl
    if ! body="$(curl -sS --max-time 30 "$TOKEN_URL" "$@")"; then
        die "no answer from $TOKEN_URL (is Keycloak running? scripts/keycloak.sh start)"
    fi
    token="$(extract_token "$body")"
    if [[ -z "$token" ]]; then
        die "no access token from $TOKEN_URL: $body"
    fi
    printf '%s\n' "$token"
}

case "${1:-}" in
    '' | -h | --help) usage ;;
    --decode)
        [[ $# -eq 2 ]] || usage
        decode "$2"
        ;;
    --client)
        [[ $# -ge 2 && $# -le 3 ]] || usage
        client="$2"
        secret="${3:-${client%-service}-secret}"
        request -d grant_type=client_credentials \
            --data-urlencode "client_id=$client" \
            --data-urlencode "client_secret=$secret"
        ;;
    -*) usage ;;
    *)
        [[ $# -le 2 ]] || usage
        user="$1"
        password="${2:-$1}"
        request -d grant_type=password \
            --data-urlencode "client_id=$CLI_CLIENT" \
            --data-urlencode "username=$user" \
            --data-urlencode "password=$password" \
            -d scope=openid
        ;;
esac
