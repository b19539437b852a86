#!/usr/bin/env bash
# maintenance-service bench (issue 4): evidence uploads stream to disk, never into memory.
#
#   ./kiban up && bench/maintenance-upload.sh
#
# Self-contained against the suite of ./kiban up (asset-service :8081, maintenance-service :8082, Keycloak :8180,
# tokens from scripts/token.sh). Through the API it creates what an upload needs: a server with an SSD in
# asset-service, a vendor-a ticket on it, the replacement of that SSD (its custody chain starts), a handover
# (IN_CUSTODY) and submitted DESTROY evidence. Then:
#
#   1. upload-20mb: RSS growth (peak during the upload minus before it) of the running maintenance-service while
#      a 20 MB PDF (20,000,000 bytes, under the 20M default limit) is uploaded. Goal <= 8 MB.
#   2. upload-100mb: a SECOND maintenance-service JVM (maintenance-service/target/quarkus-app/quarkus-run.jar,
#      port 19082, same environment as `kiban` start_service, same database and evidence directory) started with
#      the file limit raised by configuration alone (KIBAN_EVIDENCE_MAX_FILE_SIZE=100M, which also raises the
#      multipart request limit), RSS growth of that process while a 100 MB PDF is uploaded; then it is stopped.
#      Goal <= 16 MB.
#
# Before each measured upload, 20 MB uploads warm the process up until its RSS is flat (see measure()), so the
# figure is what the size of the file costs. Prints:
#   upload-20mb rss_growth_mb=N http=CODE
#   upload-100mb rss_growth_mb=N http=CODE
# (RSS in MiB, kB/1024 rounded down). Ticket filing throughput is measured by bench/run.sh (section 2).
#
# Environment: MAINTENANCE_URL (http://127.0.0.1:8082), ASSET_URL (http://127.0.0.1:8081), MAINTENANCE_PID
# (default: $KIBAN_HOME/maintenance-service.pid, else the process listening on the maintenance port),
# SECOND_PORT (19082), WARM_MAX (12), BENCH_SKIP_100=1 to leave the second JVM out, KIBAN_DB_PORT, KIBAN_KEYCLOAK_PORT,
# KIBAN_JAVA_OPTS (-Xmx256m, as kiban start_service).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$KIBAN_REPO"

MAINT="${MAINTENANCE_URL:-http://127.0.0.1:8082}"
ASSET="${ASSET_URL:-http://127.0.0.1:8081}"
SECOND_PORT="${SECOND_PORT:-19082}"
DB_PORT="${KIBAN_DB_PORT:-3306}"
KC_PORT="${KIBAN_KEYCLOAK_PORT:-8180}"
work=$(mktemp -d "${TMPDIR:-/tmp}/kiban-maintenance-upload.XXXXXX")
second_pid=""
sampler=""
cleanup() {
    [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
    if [[ -n "$second_pid" ]] && kill -0 "$second_pid" 2>/dev/null; then
        kill "$second_pid" 2>/dev/null || true
        wait "$second_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

curl -fsS "$MAINT/q/health/ready" >/dev/null || die "maintenance-service is not ready at $MAINT; start the suite with ./kiban up"
curl -fsS "$ASSET/q/health/ready" >/dev/null || die "asset-service is not ready at $ASSET; start the suite with ./kiban up"

main_pid="${MAINTENANCE_PID:-$(pid_read "$KIBAN_HOME/maintenance-service.pid")}"
if [[ -z "$main_pid" ]] || ! kill -0 "$main_pid" 2>/dev/null; then
    port="${MAINT##*:}"
    port="${port%%/*}"
    main_pid=$(ss -Hltnp "sport = :$port" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -n 1)
fi
[[ -n "$main_pid" ]] && [[ -r "/proc/$main_pid/status" ]] || die "cannot find the maintenance-service process; set MAINTENANCE_PID"

vendor=$(scripts/token.sh vendor-a1)
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }
# call METHOD URL [BODY] [extra curl args...] -> body on stdout; headers in $work/h; dies on a non-2xx answer
call() {
    local method="$1" url="$2" body="${3:-}"
    shift 3 || shift $#
    local code
    code=$(curl -sS -o "$work/b" -D "$work/h" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $vendor" \
        -H 'Content-Type: application/json' ${body:+--data-binary "$body"} "$@" "$url")
    [[ "$code" =~ ^2 ]] || die "$method $url -> $code: $(cat "$work/b")"
    cat "$work/b"
}
etag() { sed -nE 's/^[Ee][Tt][Aa][Gg]: *(.*)\r?$/\1/p' "$work/h" | tr -d '\r'; }

# --- what an upload needs, through the API ---------------------------------------------------
stamp="$(date +%s%N)"
ssd="BENCH-SSD-$stamp"
log "creating hardware with SSD $ssd, a ticket, the SSD's replacement, custody and evidence"
hw=$(call POST "$ASSET/hardware" "{\"name\":\"bench upload node\",\"hardwareClass\":\"SERVER\",\"serialNumber\":\"BENCH-UP-$stamp\",\"environment\":\"STAGING\",\"condition\":\"NEW\",\"manufacturer\":\"Kiban Bench\",\"modelNumber\":\"B1\"}" | json '["id"]')
call POST "$ASSET/hardware/$hw/media" "{\"kind\":\"SSD\",\"serial\":\"$ssd\",\"make\":\"Samsung\",\"model\":\"PM1733\",\"condition\":\"NEW\"}" >/dev/null
ticket=$(call POST "$MAINT/tickets" "{\"hardwareId\":\"$hw\",\"severity\":\"S3\",\"faultClass\":\"MEDIA_FAILURE\",\"description\":\"bench: SSD $ssd media errors\",\"occurredAt\":\"$(date -u -d '-2 minutes' +%FT%TZ)\"}" | json '["id"]')
tag=$(etag)
call POST "$MAINT/tickets/$ticket/transitions" '{"to":"ACKNOWLEDGED"}' -H "If-Match: $tag" >/dev/null
tag=$(etag)
call POST "$MAINT/tickets/$ticket/transitions" '{"to":"IN_PROGRESS"}' -H "If-Match: $tag" >/dev/null
item=$(call POST "$MAINT/tickets/$ticket/replacements" "{\"removed\":{\"kind\":\"SSD\",\"make\":\"Samsung\",\"model\":\"PM1733\",\"serial\":\"$ssd\"},\"installed\":{\"kind\":\"SSD\",\"make\":\"Kioxia\",\"model\":\"CD8\",\"serial\":\"$ssd-R1\",\"condition\":\"NEW\"}}" | json '["custodyItemId"]')
[[ "$item" =~ ^[0-9]+$ ]] || die "the replacement started no custody chain (custodyItemId=$item)"
call POST "$MAINT/custody-items/$item/handovers" '{"holder":"vendor-a destruction team","location":"vendor-a facility","note":"bench"}' >/dev/null
evidence=$(call POST "$MAINT/custody-items/$item/evidence" "{\"method\":\"DESTROY\",\"technique\":\"SHRED\",\"verification\":\"particles <= 2 mm\",\"performedOn\":\"$(TZ=Asia/Tokyo date +%F)\",\"place\":\"vendor-a facility\",\"performedBy\":\"bench\",\"destination\":\"metal recycling\",\"issuer\":\"VENDOR\"}" | json '["id"]')
log "ticket $ticket, custody item $item, evidence $evidence"

# --- measuring --------------------------------------------------------------------------------
pdf() { # bytes file -- PDF magic, random filler
    { printf '%%PDF-1.7\n'; head -c $(($1 - 9)) /dev/urandom; } >"$2"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
upload() { # base file -> http code
    curl -sS -o "$work/upload.json" -w '%{http_code}' -H "Authorization: Bearer $vendor" \
        -F "file=@$2;type=application/pdf;filename=certificate.pdf" "$1/evidence/$evidence/files"
}
# measure NAME PID BASE BYTES -> prints "NAME rss_growth_mb=N http=CODE"
# Warm-up first: 20 MB uploads until one raises the RSS by less than 1 MB (at most WARM_MAX, default 12), so a
# fresh JVM has touched its young generation once and the figure is what the file costs, not first-touch of the
# heap (a fresh -Xmx256m G1 JVM grows ~8 MB per 20 MB upload for its first few uploads, then stays flat).
measure() {
    local name="$1" pid="$2" base="$3" bytes="$4" before peak code i r0 r1
    vendor=$(scripts/token.sh vendor-a1) # tokens live 5 minutes; a slow start of the second JVM outlasts one
    pdf 20000000 "$work/warm.pdf"
    for ((i = 1; i <= ${WARM_MAX:-12}; i++)); do
        r0=$(rss_kb "$pid")
        code=$(upload "$base" "$work/warm.pdf")
        [[ "$code" == 201 ]] || die "$name: warm-up upload to $base answered $code: $(head -c 400 "$work/upload.json")"
        r1=$(rss_kb "$pid")
        log "$name: warm-up $i (20 MB): RSS $r0 -> $r1 kB"
        ((r1 - r0 < 1024)) && break
    done
    pdf "$bytes" "$work/big.pdf"
    sync "$work/big.pdf" 2>/dev/null || true
    before=$(rss_kb "$pid")
    echo "$before" >"$work/peak"
    (max=$before; while kill -0 "$pid" 2>/dev/null; do
        r=$(rss_kb "$pid" 2>/dev/null || echo 0)
        if ((r > max)); then max=$r; echo "$r" >"$work/peak.new" && mv "$work/peak.new" "$work/peak"; fi
        sleep 0.02
    done) &
    sampler=$!
    code=$(upload "$base" "$work/big.pdf")
    sleep 0.3 # one more sample after the answer (the copy into the store ends before it)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sampler=""
    peak=$(cat "$work/peak")
    [[ "$code" == 201 ]] || warn "$name: upload answered $code: $(head -c 400 "$work/upload.json")"
    log "$name: RSS before ${before} kB, peak ${peak} kB (pid $pid)"
    echo "$name rss_growth_mb=$(((peak - before) / 1024)) http=$code"
    rm -f "$work/big.pdf"
}

measure upload-20mb "$main_pid" "$MAINT" 20000000

if [[ "${BENCH_SKIP_100:-}" != 1 ]]; then
    jar="maintenance-service/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || die "$jar not built (./mvnw -pl maintenance-service package -DskipTests)"
    ! port_open 127.0.0.1 "$SECOND_PORT" || die "port $SECOND_PORT is taken"
    mkdir -p "$work/second/checkpoints" "$work/second/uploads" "$KIBAN_HOME/evidence" "$KIBAN_HOME/documents"
    log "upload-100mb: a second maintenance-service on :$SECOND_PORT with KIBAN_EVIDENCE_MAX_FILE_SIZE=100M"
    # the environment of kiban start_service (scripts/lib.sh); own audit checkpoints and upload directory
    KIBAN_DB_PORT="$DB_PORT" KIBAN_KEYCLOAK_PORT="$KC_PORT" service_jar_start maintenance "$SECOND_PORT" \
        "$work/second/start.log" KIBAN_AUDIT_CHECKPOINT_DIR="$work/second/checkpoints" \
        KIBAN_UPLOADS_DIR="$work/second/uploads" KIBAN_ASSET_URL="$ASSET" KIBAN_MAINTENANCE_URL="$MAINT" \
        KIBAN_EVIDENCE_MAX_FILE_SIZE=100M
    second_pid=$!
    waited=0
    until curl -fsS "http://127.0.0.1:$SECOND_PORT/q/health/ready" >/dev/null 2>&1; do
        kill -0 "$second_pid" 2>/dev/null || die "the second maintenance-service exited: $(tail -n 20 "$work/second/start.log")"
        ((waited++ < 1200)) || die "the second maintenance-service is not ready after 60 s"
        sleep 0.05
    done
    measure upload-100mb "$second_pid" "http://127.0.0.1:$SECOND_PORT" 100000000
    kill "$second_pid"
    wait "$second_pid" 2>/dev/null || true
    second_pid=""
fi
