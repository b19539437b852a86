#!/usr/bin/env bash
# Benchmarks of the running suite against raw MariaDB, in one run on one machine.
#
#   ./kiban up && bench/run.sh [threads=8] [seconds=15]
#
# Prints each rate, p50/p99 latency and the ratio service ÷ raw, JVM start-to-ready and RSS after the
# first request of a second asset-service instance, and appends a row to bench/RESULTS.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$KIBAN_REPO"

THREADS="${1:-8}"
SECONDS_PER_OP="${2:-15}"
DB_PORT="${KIBAN_DB_PORT:-3306}"
ASSET_URL="${KIBAN_ASSET_URL:-http://127.0.0.1:8081}"
OUT="$KIBAN_HOME/bench"
mkdir -p "$OUT"

curl -fsS "$ASSET_URL/q/health/ready" >/dev/null || die "asset-service is not running; start the suite with ./kiban up"
jar=$(find "$HOME/.m2/repository/org/mariadb/jdbc/mariadb-java-client" -name 'mariadb-java-client-*.jar' \
      ! -name '*sources*' | sort -V | tail -n 1)
[[ -n "$jar" ]] || die "MariaDB JDBC driver not in ~/.m2; build the project first"

log "raw JDBC: $THREADS threads, ${SECONDS_PER_OP}s per operation"
java -cp "$jar" bench/Bench.java raw "jdbc:mariadb://127.0.0.1:$DB_PORT/kiban_asset" kiban_asset \
    "${KIBAN_DB_PASSWORD:-kiban}" "$THREADS" "$SECONDS_PER_OP" | tee "$OUT/raw.txt"

log "asset-service POST /hardware and GET /hardware/{id} with a real token, audit chain and Idempotency-Key"
token=$(scripts/token.sh vendor-a1)
body='{"name":"bench worker node","hardwareClass":"SERVER","serialNumber":"BENCH-{uuid}","environment":"STAGING","condition":"NEW","status":"ORDERED"}'
java bench/Bench.java http "$ASSET_URL" "$token" "$THREADS" "$SECONDS_PER_OP" /hardware "$body" | tee "$OUT/service.txt"

field() { sed -nE "s/^$1 .*$2=([0-9.]+).*/\\1/p" "$3"; }
raw_ins=$(field raw-insert rate "$OUT/raw.txt"); raw_sel=$(field raw-select rate "$OUT/raw.txt")
svc_post=$(field service-post rate "$OUT/service.txt"); svc_get=$(field service-get rate "$OUT/service.txt")
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
read_ratio=$(ratio "$svc_get" "$raw_sel"); write_ratio=$(ratio "$svc_post" "$raw_ins")

log "JVM start to ready and RSS after the first request (a second asset-service on :18081)"
t0=$(date +%s%N)
KIBAN_DB_PORT="$DB_PORT" KIBAN_DB_PASSWORD="${KIBAN_DB_PASSWORD:-kiban}" \
KIBAN_OIDC_URL="http://127.0.0.1:${KIBAN_KEYCLOAK_PORT:-8180}/realms/kiban" KIBAN_OIDC_CLIENT_SECRET=asset-secret \
KIBAN_AUDIT_HMAC_KEY="$(cat "$KIBAN_HOME/audit-hmac.key")" KIBAN_AUDIT_CHECKPOINT_DIR="$OUT/checkpoints" \
QUARKUS_HTTP_PORT=18081 java -Xmx256m -jar asset-service/target/quarkus-app/quarkus-run.jar >"$OUT/start.log" 2>&1 &
pid=$!
until curl -fsS http://127.0.0.1:18081/q/health/ready >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || die "second instance died: $(tail -5 "$OUT/start.log")"
    sleep 0.05
done
t1=$(date +%s%N)
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:18081/hardware?size=1" >/dev/null
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill "$pid"; wait "$pid" 2>/dev/null || true
start_ms=$(( (t1 - t0) / 1000000 ))
rss_mb=$(( rss_kb / 1024 ))

verdict() { python3 -c "print('met' if $1 else 'NOT met')"; }
summary=$(cat <<TXT
| $(date -u +%F) | $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -1) | $THREADS thr × ${SECONDS_PER_OP}s | raw insert $raw_ins/s, select $raw_sel/s | POST $svc_post/s (p99 $(field service-post p99 "$OUT/service.txt") ms), GET $svc_get/s (p99 $(field service-get p99 "$OUT/service.txt") ms) | reads ${read_ratio}× ($(verdict "$read_ratio >= 0.30")), writes ${write_ratio}× ($(verdict "$write_ratio >= 0.33")) | ${start_ms} ms ($(verdict "$start_ms <= 1500")) | ${rss_mb} MB ($(verdict "$rss_mb <= 160")) |
TXT
)
echo
echo "reads  service/raw = $read_ratio (goal >= 0.30)"
echo "writes service/raw = $write_ratio (goal >= 0.33)"
echo "start to ready     = ${start_ms} ms (goal <= 1500)"
echo "RSS after 1st req  = ${rss_mb} MB (goal <= 160)"
if [[ "${BENCH_RECORD:-1}" == 1 ]]; then
    echo "$summary" >>bench/RESULTS.md
    log "row appended to bench/RESULTS.md"
fi
