#!/usr/bin/env bash
# Every benchmark of issue #8 in one go, against the running suite (./kiban up), with the raw-MariaDB
# baseline measured in the same run on the same machine and database; appends a dated section to
# bench/RESULTS.md that says which goals are met.
#
#   ./kiban up && bench/run.sh [threads=8] [seconds=15]
#
#   1. raw MariaDB: single-row INSERT (autocommit) and SELECT by primary key over JDBC
#   2. per service, POST (real token, Idempotency-Key, audit chain) and GET by id: ratios to raw
#      (goals: reads ≥ 0.30×, writes ≥ 0.33×)
#   3. per service, JVM start to ready and RSS after the first request of a second instance
#      (goals ≤ 1.5 s, ≤ 160 MB)
#   4. RSS growth while files stream to disk: a 100 MB deliverable (lifecycle-service), 20 MB and 100 MB
#      evidence files (maintenance-service, bench/maintenance-upload.sh)
#   5. scheduler lateness with 1,000 policies firing every minute (bench/backup-firing.sh; goal p99 ≤ 1 s)
#   6. SBOM import (10,000 components) and xlsx export times (bench/asset-bench.sh; goals ≤ 3 s, ≤ 5 s)
#   7. the reliability drills of the test command at full length (5 minutes each; scripts/e2e.sh)
#
# Environment: BENCH_FIRING_MINUTES (default 3), BENCH_DRILL_SECONDS (default 300), BENCH_SKIP
# (space-separated section numbers to leave out, e.g. "5 7"), BENCH_RECORD=0 to print only.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$KIBAN_REPO"

THREADS="${1:-8}"
SECONDS_PER_OP="${2:-15}"
DB_PORT="${KIBAN_DB_PORT:-3306}"
KC_PORT="${KIBAN_KEYCLOAK_PORT:-8180}"
OUT="$KIBAN_HOME/bench"
FIGURES="$OUT/figures.txt"
declare -A PORTS=([asset]=8081 [maintenance]=8082 [backup]=8083 [lifecycle]=8084)
mkdir -p "$OUT"
: >"$FIGURES"

skip() { [[ " ${BENCH_SKIP:-} " == *" $1 "* ]]; }
for svc in asset maintenance backup lifecycle; do
    curl -fsS "http://127.0.0.1:${PORTS[$svc]}/q/health/ready" >/dev/null ||
        die "$svc-service is not running; start the suite with ./kiban up"
done
jar=$(find "$HOME/.m2/repository/org/mariadb/jdbc/mariadb-java-client" -name 'mariadb-java-client-*.jar' \
    ! -name '*sources*' | sort -V | tail -n 1)
[[ -n "$jar" ]] || die "MariaDB JDBC driver not in ~/.m2; build the project first"

# figure NAME VALUE GOAL VERDICT  -- one line of the results table
figure() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$FIGURES"; echo "$1: $2 (goal $3: $4)"; }
verdict() { python3 -c "print('met' if $1 else '**not met**')"; }
field() { sed -nE "s/^$1 .*$2=([0-9.]+).*/\\1/p" "$3"; }
ratio() { python3 -c "print(f'{$1/$2:.3f}')"; }
token() { scripts/token.sh "$1"; }

# --- 1. raw ----------------------------------------------------------------------------------
log "1. raw JDBC: $THREADS threads, ${SECONDS_PER_OP}s per operation"
java -cp "$jar" bench/Bench.java raw "jdbc:mariadb://127.0.0.1:$DB_PORT/kiban_asset" kiban_asset \
    "${KIBAN_DB_PASSWORD:-kiban}" "$THREADS" "$SECONDS_PER_OP" | tee "$OUT/raw.txt"
raw_ins=$(field raw-insert rate "$OUT/raw.txt")
raw_sel=$(field raw-select rate "$OUT/raw.txt")
figure "raw MariaDB insert / select" "$raw_ins/s / $raw_sel/s" "baseline" "-"

# --- 2. per service POST and GET by id --------------------------------------------------------
http_bench() { # svc user path body
    local svc="$1" user="$2" path="$3" body="$4" out="$OUT/http-$1.txt"
    log "2. $svc-service POST $path and GET $path/{id} as $user"
    java bench/Bench.java http "http://127.0.0.1:${PORTS[$svc]}" "$(token "$user")" "$THREADS" "$SECONDS_PER_OP" \
        "$path" "$body" | tee "$out"
    local post get
    post=$(field service-post rate "$out")
    get=$(field service-get rate "$out")
    local r w
    r=$(ratio "$get" "$raw_sel")
    w=$(ratio "$post" "$raw_ins")
    figure "$svc-service GET $path/{id}" "$get/s (p99 $(field service-get p99 "$out") ms) = ${r}× raw" "≥ 0.30×" \
        "$(verdict "$r >= 0.30")"
    figure "$svc-service POST $path" "$post/s (p99 $(field service-post p99 "$out") ms) = ${w}× raw" "≥ 0.33×" \
        "$(verdict "$w >= 0.33")"
}
if ! skip 2; then
    hw_body='{"name":"bench node","hardwareClass":"SERVER","serialNumber":"BENCH-{uuid}","environment":"STAGING","condition":"NEW","status":"ORDERED"}'
    http_bench asset vendor-a1 /hardware "$hw_body"
    asset_id=$(curl -fsS -X POST -H "Authorization: Bearer $(token vendor-a1)" -H 'Content-Type: application/json' \
        -d "${hw_body//\{uuid\}/T-$(date +%s%N)}" http://127.0.0.1:8081/hardware | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    http_bench maintenance vendor-a1 /tickets \
        "{\"hardwareId\":\"$asset_id\",\"severity\":\"S4\",\"faultClass\":\"OTHER\",\"description\":\"bench {uuid}\",\"occurredAt\":\"$(date -u +%FT%TZ)\"}"
    http_bench backup support1 /targets \
        '{"array":"K8S_ARRAY","arrayHardwareId":"HW-BENCH","environment":"STAGING","kind":"NAMESPACE","name":"b-{uuid}"}'
    http_bench lifecycle vendor-a1 /handlers \
        '{"name":"Bench Engineer","role":"operator","affiliation":"vendor-a","expertise":"storage","nationality":"JP","accountId":"bench-{uuid}"}'
fi

# --- 3. start to ready, RSS -------------------------------------------------------------------
second_instance() { # svc port -> pid; its own audit checkpoints and upload directory
    local svc="$1" port="$2"
    mkdir -p "$OUT/$svc-2"
    KIBAN_DB_PORT="$DB_PORT" KIBAN_KEYCLOAK_PORT="$KC_PORT" service_jar_start "$svc" "$port" "$OUT/$svc-2/start.log" \
        KIBAN_AUDIT_CHECKPOINT_DIR="$OUT/$svc-2/checkpoints" KIBAN_UPLOADS_DIR="$OUT/$svc-2/uploads"
    echo $!
}
if ! skip 3; then
    admin=$(token jpo-admin1)
    for svc in asset maintenance backup lifecycle; do
        port=$((19000 + ${PORTS[$svc]} - 8080))
        log "3. $svc-service: a second JVM on :$port, start to ready, RSS after the first request"
        t0=$(date +%s%N)
        pid=$(second_instance "$svc" "$port")
        until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
            kill -0 "$pid" 2>/dev/null || die "second $svc instance died: $(tail -5 "$OUT/$svc-2/start.log")"
            sleep 0.05
        done
        t1=$(date +%s%N)
        curl -fsS -o /dev/null -H "Authorization: Bearer $admin" "http://127.0.0.1:$port/audit?size=1"
        rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        start_ms=$(((t1 - t0) / 1000000))
        figure "$svc-service JVM start → ready" "$start_ms ms" "≤ 1500 ms" "$(verdict "$start_ms <= 1500")"
        figure "$svc-service RSS after 1st request" "$rss_mb MB (-Xmx256m)" "≤ 160 MB" "$(verdict "$rss_mb <= 160")"
    done
fi

# --- 4. 100 MB upload -------------------------------------------------------------------------
if ! skip 4; then
    log "4. a 100 MB deliverable upload to lifecycle-service: RSS growth of the service"
    pid=$(pid_read "$KIBAN_HOME/lifecycle-service.pid")
    admin=$(token jpo-admin1)
    due=$(date -u -d '+30 days' +%F)
    id=$(curl -fsS -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "{\"kind\":\"PROGRESS_REPORT\",\"title\":\"bench upload $(date +%s)\",\"dueDate\":\"$due\"}" \
        http://127.0.0.1:8084/deliverables | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    { printf '%%PDF-1.7\n'; head -c $((100 * 1024 * 1024 - 9)) /dev/urandom; } >"$OUT/upload-100m.pdf"
    rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
    before=$(rss)
    echo "$before" >"$OUT/peak"
    (while sleep 0.05; do r=$(rss); ((r > $(cat "$OUT/peak"))) && echo "$r" >"$OUT/peak"; done) &
    sampler=$!
    code=$(curl -s -o "$OUT/upload.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $(token vendor-a1)" \
        -H 'Content-Type: application/pdf' --data-binary @"$OUT/upload-100m.pdf" \
        "http://127.0.0.1:8084/deliverables/$id/file?fileName=bench.pdf")
    sleep 0.3
    kill "$sampler" 2>/dev/null || true
    growth=$((($(cat "$OUT/peak") - before) / 1024))
    figure "lifecycle-service RSS growth during a 100 MB upload (HTTP $code)" "$growth MB" "≤ 16 MB" \
        "$(verdict "$growth <= 16 and $code < 300")"
    rm -f "$OUT/upload-100m.pdf"
    log "4. evidence uploads to maintenance-service: 20 MB on the running one, 100 MB on a second JVM with the limit raised"
    bench/maintenance-upload.sh | tee "$OUT/maintenance-upload.txt"
    for size in 20 100; do
        g=$(sed -nE "s/^upload-${size}mb rss_growth_mb=([0-9]+) http=([0-9]+).*/\1/p" "$OUT/maintenance-upload.txt")
        c=$(sed -nE "s/^upload-${size}mb rss_growth_mb=([0-9]+) http=([0-9]+).*/\2/p" "$OUT/maintenance-upload.txt")
        goal=$((size == 20 ? 8 : 16))
        figure "maintenance-service RSS growth during a $size MB evidence upload (HTTP ${c:-n/a})" "${g:-n/a} MB" \
            "≤ $goal MB" "$(verdict "${g:-999} <= $goal and ${c:-500} < 300")"
    done
fi

# --- 5. scheduler lateness --------------------------------------------------------------------
if ! skip 5; then
    log "5. 1,000 policies firing every minute on one backup-service (bench/backup-firing.sh)"
    BASE=http://127.0.0.1:8083 TOKEN="$(token support1)" TOKEN_CMD="scripts/token.sh support1" N=1000 MINUTES="${BENCH_FIRING_MINUTES:-3}" \
        DB="mariadb --no-defaults -h127.0.0.1 -P$DB_PORT -ukiban_backup -p${KIBAN_DB_PASSWORD:-kiban} kiban_backup" \
        bench/backup-firing.sh | tee "$OUT/firing.txt"
    p99=$(awk 'f {print $3; exit} /p99_s/ {f=1}' "$OUT/firing.txt")
    runs=$(awk 'f {print $1; exit} /p99_s/ {f=1}' "$OUT/firing.txt")
    figure "backup scheduler lateness p99, 1,000 policies × ${BENCH_FIRING_MINUTES:-3} min ($runs runs)" "${p99:-n/a} s" \
        "≤ 1 s" "$(verdict "${p99:-99} <= 1")"
fi

# --- 6. SBOM import, xlsx export --------------------------------------------------------------
if ! skip 6; then
    log "6. SBOM import and xlsx export (bench/asset-bench.sh 10000)"
    bench/asset-bench.sh 10000 | tee "$OUT/asset.txt"
    s=$(sed -nE 's/^sbom-import .*seconds=([0-9.]+).*/\1/p' "$OUT/asset.txt")
    x=$(sed -nE 's/^xlsx-export seconds=([0-9.]+).*/\1/p' "$OUT/asset.txt")
    q=$(sed -nE 's/^software-search .*p99_ms=([0-9.]+).*/\1/p' "$OUT/asset.txt")
    figure "SBOM import, 10,000 components" "$s s" "≤ 3 s" "$(verdict "$s <= 3")"
    figure "standard sheet xlsx export (≥ 10,000 software rows)" "$x s" "≤ 5 s" "$(verdict "$x <= 5")"
    figure "software search by name, p99" "$q ms" "≤ 50 ms" "$(verdict "$q <= 50")"
fi

# --- 7. drills at full length -----------------------------------------------------------------
if ! skip 7; then
    secs="${BENCH_DRILL_SECONDS:-300}"
    log "7. the reliability drills, ${secs}s each (scripts/e2e.sh: their own MariaDB, Keycloak and services)"
    if scripts/e2e.sh -Dtest='*Drill' -De2e.drill.seconds="$secs" 2>&1 | tee "$OUT/drills.txt" |
        grep -E 'Tests run|DRILL' ; then :; fi
    result=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "$OUT/drills.txt" | tail -n 1 | sed -E 's/^\[[A-Z]+\] //')
    while IFS= read -r line; do
        figure "drill ${line%%:*}" "${line#*: }" "no loss, no duplicate, no 500" "see the line"
    done < <(sed -nE 's/^DRILL (.*)$/\1/p' "$OUT/drills.txt")
    figure "drills (${secs}s each)" "${result:-no result}" "all pass" \
        "$(grep -q 'BUILD SUCCESS' "$OUT/drills.txt" && echo met || echo '**not met**')"
fi

if [[ "${BENCH_RECORD:-1}" == 1 ]]; then
    {
        echo
        echo "## $(date -u '+%F %H:%M') UTC — bench/run.sh $THREADS $SECONDS_PER_OP"
        echo
        echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
            "$(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -1); MariaDB, Keycloak, the four services" \
            "and the load generator on the same machine."
        echo
        echo "| figure | measured | goal | verdict |"
        echo "|---|---|---|---|"
        cat "$FIGURES"
    } >>bench/RESULTS.md
    log "section appended to bench/RESULTS.md"
fi
