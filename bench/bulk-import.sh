#!/usr/bin/env bash
# Issue #18: a 10,000-row standard-sheet import (hardware with one medium per row as xlsx and as hardware.csv,
# software as xlsx), measured in asset-service's test JVM against the private test MariaDB:
# wall time of each POST, JDBC statements prepared (Hibernate statistics), entities inserted, peak heap above the
# baseline while importing and the heap retained after a GC. Prints the BULK-BENCH lines; nothing is asserted.
#
#   bench/bulk-import.sh [rows=10000] [db-port=3406]
#
# The lifecycle phase is cached for 10 s as in production (the test profile caches nothing); the file is generated
# by the harness (bulk/BulkVolumeBench). BENCH_FILES=xlsx,csv,software,audit picks the figures ("audit": commons'
# AuditTrail.append alone, 2 × rows appends rolled back); BENCH_EXTRA passes more -D options, e.g.
# BENCH_HEAP gives the test JVM's heap options, e.g. BENCH_HEAP='-Xmx300m -XX:+UseSerialGC' (the services run with
# -Xmx256m; the test JVM holds ~170 MiB of Quarkus' test harness besides). BENCH_EXTRA=-Dkiban.bench.histogram=2500 for the live set (full-GC class histograms every 2.5 s: slows the import). Needs the commons jar in ~/.m2 (./mvnw -o -pl commons install).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS="${1:-10000}"
PORT="${2:-${KIBAN_TEST_DB_PORT:-3406}}"
LOG="$(mktemp -t bulk-bench.XXXXXX.log)"
./mvnw -B -ntp -o -pl asset-service test -Dkiban.test.db.port="$PORT" -Dtest=BulkVolumeBench \
    -Dsurefire.failIfNoSpecifiedTests=false -Dkiban.bench=true -Dkiban.bench.rows="$ROWS" \
    -Dkiban.bench.files="${BENCH_FILES:-xlsx,csv,software,audit}" \
    "-Dkiban.test.jvm-args=${BENCH_HEAP:-}" -Dquarkus.http.test-timeout=600s '-D%test.kiban.asset.lifecycle.phase-ttl=10s' '-D%test.kiban.imports.bulk.max-rows=100000' ${BENCH_EXTRA:-} >"$LOG" 2>&1 || {
    grep -E "BULK-BENCH|Tests run|detail" "$LOG" | cut -c1-400; echo "bench failed; log: $LOG" >&2; exit 1; }
{ grep -h 'BULK-BENCH' "$LOG" asset-service/target/surefire-reports/*BulkVolumeBench*-output.txt 2>/dev/null || true; } | sort -u
echo "log: $LOG"
