#!/usr/bin/env bash
# The request-path bench of issue #16 §1, against the running suite (./kiban up): every figure of the issue's
# goal table side by side with its goal, three repetitions each, median and spread, the CPU every process used
# during each measurement (so a run on a busy machine shows as such); appends a dated section to
# bench/RESULTS.md (BENCH_RECORD=0 to print only).
#
#   ./kiban up && bench/run.sh                                        # the full bench, ≈ 21 minutes
#   BENCH_WARMUP=5 BENCH_MEASURE=5 BENCH_REPS=1 BENCH_RECORD=0 bench/run.sh   # a smoke run, ≈ 3 minutes
#
#   1. bench/Bench.java, one JVM, rows on asset-service as vendor-a1 (a ledger writer), HTTP/1.1 with one
#      keep-alive connection per client thread (a plain socket client, as lean as the JDBC driver; BENCH_CLIENT=jdk
#      for the JDK HttpClient), one JDBC connection per raw thread; every row warmed up at load
#      for BENCH_WARMUP s, then BENCH_REPS windows of BENCH_MEASURE s going round the rows:
#        floor       GET /q/health/live (HTTP floor)
#        token       GET /hardware?environment=BENCH_TOKEN_COST: token check and role check, then 400 before any
#                    database work (no authenticated endpoint answers 200 without the database; see RESULTS.md)
#        get         GET /hardware/{id}               vs raw-select: the service's SELECT by primary key over JDBC,
#                                                     autocommit, the same rows, the same number of connections
#        post        POST /hardware (Idempotency-Key) vs raw-insert: one INSERT, autocommit
#                                                     vs raw-tx: the statements the service issues, one transaction
#        post-half   POST at half of the median POST rate, open loop (latency from the intended start): p99
#      and at the end of each round the RSS of every process of the suite (four services, console, MariaDB,
#      Keycloak) from /proc.
#   2. per service, a second JVM of the packaged jar: start to ready, RSS after the first authenticated request
#      (BENCH_REPS times each)
#   3. bench/table.py: the table (figure, each repetition, median, min–max, goal, met / not met) and the CPU table
#
# Environment: BENCH_THREADS (8), BENCH_WARMUP (30), BENCH_MEASURE (30), BENCH_REPS (3), BENCH_ROWS (Bench.java's
# rows, default all), BENCH_SKIP_START=1 (leave section 2 out), BENCH_RECORD (1), BENCH_ISSUE8=1 to run the
# figures of issue #8 as well (uploads, scheduler lateness, SBOM/xlsx, full-length drills; their BENCH_SKIP
# numbers 4–7 still apply), KIBAN_JAVA_OPTS (as ./kiban up; default KIBAN_JAVA_OPTS_DEFAULT of scripts/lib.sh).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$KIBAN_REPO"
kiban_use_jdk # the second JVMs run on the JDK ./kiban up runs the suite on (with its AOT cache when it has one)
{ # the whole script is read before it runs: editing or checking out this file during a run cannot derail it

(($# == 0)) || die "bench/run.sh takes no arguments any more; set BENCH_THREADS, BENCH_WARMUP, BENCH_MEASURE, BENCH_REPS"
export BENCH_THREADS="${BENCH_THREADS:-8}" BENCH_WARMUP="${BENCH_WARMUP:-30}" BENCH_MEASURE="${BENCH_MEASURE:-30}"
export BENCH_REPS="${BENCH_REPS:-3}"
DB_PORT="${KIBAN_DB_PORT:-3306}"
KC_PORT="${KIBAN_KEYCLOAK_PORT:-8180}"
OUT="$KIBAN_HOME/bench"
LINES="$OUT/lines.txt"
FIGURES="$OUT/figures.txt"
mkdir -p "$OUT"
: >"$LINES"
: >"$FIGURES"
started=$SECONDS

skip() { [[ " ${BENCH_SKIP:-} " == *" $1 "* ]]; }
for svc in "${KIBAN_SERVICES[@]}"; do
    curl -fsS "http://127.0.0.1:${KIBAN_PORTS[$svc]}/q/health/ready" >/dev/null ||
        die "$svc-service is not running; start the suite with ./kiban up"
done
jar=$(find "$HOME/.m2/repository/org/mariadb/jdbc/mariadb-java-client" -name 'mariadb-java-client-*.jar' \
    ! -name '*sources*' | sort -V | tail -n 1)
[[ -n "$jar" ]] || die "MariaDB JDBC driver not in ~/.m2; build the project first"

# the process trees whose CPU and RSS are recorded: each from the PID file its start script wrote
pids=""
for name in "${KIBAN_DEPLOYED[@]}" keycloak "mariadb-$DB_PORT/mariadbd"; do
    pid=$(pid_read "$KIBAN_HOME/$name.pid")
    label=${name%-service}
    label=${label##*/}
    if [[ -n "$pid" ]] && proc_running "$pid"; then
        pids+=" $label=$pid"
    else
        warn "$name is not running (no live pid in $KIBAN_HOME/$name.pid): its CPU and RSS are not recorded"
    fi
done

# --- 1. the request path, side by side ----------------------------------------------------------
log "1. Bench.java: $BENCH_THREADS threads, warm-up ${BENCH_WARMUP}s, ${BENCH_REPS} × ${BENCH_MEASURE}s per row"
BENCH_BASE="http://127.0.0.1:${KIBAN_PORTS[asset]}" BENCH_KC="http://127.0.0.1:$KC_PORT" \
    BENCH_JDBC="jdbc:mariadb://127.0.0.1:$DB_PORT/kiban_asset" BENCH_DB_USER=kiban_asset \
    BENCH_DB_PASSWORD="${KIBAN_DB_PASSWORD:-kiban}" BENCH_PIDS="$pids" BENCH_CLK_TCK="$(getconf CLK_TCK)" \
    java -Xms256m -Xmx256m -cp "$jar" bench/Bench.java | tee -a "$LINES"

# --- 2. start to ready, RSS after the first authenticated request --------------------------------
second_instance() { # svc port dir -> pid
    local svc="$1" port="$2" dir="$3"
    KIBAN_DB_PORT="$DB_PORT" KIBAN_KEYCLOAK_PORT="$KC_PORT" service_jar_start "$svc" "$port" "$dir/start.log" \
        KIBAN_AUDIT_CHECKPOINT_DIR="$dir/checkpoints" KIBAN_UPLOADS_DIR="$dir/uploads"
    echo $!
}
if [[ "${BENCH_SKIP_START:-}" != 1 ]]; then
    for rep in $(seq 1 "$BENCH_REPS"); do
        for svc in "${KIBAN_SERVICES[@]}"; do
            port=$((19000 + ${KIBAN_PORTS[$svc]} - 8080))
            dir="$OUT/$svc-2"
            rm -rf "$dir"
            mkdir -p "$dir"
            log "2. rep $rep/$BENCH_REPS $svc-service: a second JVM on :$port, start to ready, RSS after the first request"
            admin=$(scripts/token.sh jpo-admin1) # a fresh one each time: it lives 5 minutes
            t0=$(date +%s%N)
            pid=$(second_instance "$svc" "$port" "$dir")
            # the port first (cheap, every 10 ms), then readiness (a curl every 20 ms), not to slow the start down
            until port_open 127.0.0.1 "$port" && curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
                proc_running "$pid" || die "second $svc instance died: $(tail -5 "$dir/start.log")"
                port_open 127.0.0.1 "$port" && sleep 0.02 || sleep 0.01
            done
            t1=$(date +%s%N)
            code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" \
                "http://127.0.0.1:$port/audit?size=1")
            [[ "$code" == 200 ]] || warn "first authenticated request to the second $svc-service answered $code"
            sleep 0.2
            rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))
            kill -TERM -- "-$pid" 2>/dev/null || kill "$pid"
            while proc_running "$pid"; do sleep 0.1; done
            echo "RESULT row=start-$svc rep=$rep value=$(((t1 - t0) / 1000000))" | tee -a "$LINES"
            echo "RESULT row=rss-$svc rep=$rep value=$rss_mb" | tee -a "$LINES"
        done
    done
fi

if [[ -n "${BENCH_ISSUE8:-}" ]]; then
    # figure NAME VALUE GOAL VERDICT  -- one line of the issue #8 table
    figure() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$FIGURES"; echo "$1: $2 (goal $3: $4)"; }
    verdict() { python3 -c "print('met' if $1 else '**not met**')"; }
    token() { scripts/token.sh "$1"; }
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

fi

# --- 3. the table --------------------------------------------------------------------------------
elapsed=$((SECONDS - started))
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
table=$(python3 bench/table.py "$LINES")
echo
echo "$table"
[[ -s "$FIGURES" ]] && { echo; echo "Issue #8 figures:"; cat "$FIGURES"; }
if [[ "${BENCH_RECORD:-1}" == 1 ]]; then
    {
        echo
        echo "## $(date -u '+%F %H:%M') UTC — bench/run.sh (threads $BENCH_THREADS, warm-up ${BENCH_WARMUP}s, $BENCH_REPS × ${BENCH_MEASURE}s; ${elapsed}s in all)"
        echo
        echo "Machine: $machine; MariaDB, Keycloak, the four services, the console and the load generator on the same machine."
        echo "Java: $(java -version 2>&1 | head -1); services started with $(kiban_java_opts);" \
            "load generator bench/Bench.java with the ${BENCH_CLIENT:-plain} HTTP/1.1 client, one connection per thread."
        echo
        echo "$table"
        if [[ -s "$FIGURES" ]]; then
            echo
            echo "| figure (issue #8) | measured | goal | verdict |"
            echo "|---|---|---|---|"
            cat "$FIGURES"
        fi
    } >>bench/RESULTS.md
    log "section appended to bench/RESULTS.md"
fi
log "done in ${elapsed}s (lines: $LINES)"
exit 0
}
