#!/usr/bin/env bash
# maintenance-service bench (issue 4): evidence uploads stream, and ticket filing throughput.
#
#   1. RSS growth of the service process while a 20 MB evidence file is uploaded (target <= 8 MB), and with
#      KIBAN_EVIDENCE_MAX=100M set on the service, a 100 MB file (target <= 16 MB).
#   2. Ticket filing throughput (POST /tickets, N requests, P in parallel) as a ratio of the raw INSERT rate
#      of the same MariaDB (mysql client, one INSERT per statement, autocommit).
#
# Needs a running service (prod or dev mode) and its PID, a vendor token, and an IN_CUSTODY custody item with
# SUBMITTED evidence to attach files to:
#   BASE=http://127.0.0.1:8082 PID=$(pgrep -f maintenance-service) TOKEN=… EVIDENCE_ID=… \
#   HARDWARE_ID=HW-1 DB="mysql -h127.0.0.1 -ukiban_maintenance -pkiban kiban_maintenance" bench/maintenance-upload.sh
# Figures go to bench/RESULTS.md by hand.
set -euo pipefail
: "${BASE:=http://127.0.0.1:8082}" "${PID:?service pid}" "${EVIDENCE_ID:?evidence id}"
# with the suite started by ./kiban up, a vendor-a token comes from the realm
[[ -n "${TOKEN:-}" ]] || TOKEN=$("$(dirname "${BASH_SOURCE[0]}")/../scripts/token.sh" vendor-a1)
: "${HARDWARE_ID:=HW-1}" "${N:=500}" "${P:=8}" "${SIZE_MB:=20}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }

# a PDF-looking file of SIZE_MB (magic bytes first, random filler)
{ printf '%%PDF-1.7\n'; head -c $((SIZE_MB * 1024 * 1024 - 9)) /dev/urandom; } > "$work/big.pdf"

before=$(rss_kb); peak=$before
( while sleep 0.05; do r=$(rss_kb); [ "$r" -gt "$(cat "$work/peak" 2>/dev/null || echo 0)" ] && echo "$r" > "$work/peak"; done ) &
sampler=$!
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -F "file=@$work/big.pdf;type=application/pdf" "$BASE/evidence/$EVIDENCE_ID/files")
kill $sampler 2>/dev/null || true
peak=$(cat "$work/peak" 2>/dev/null || echo "$before")
echo "upload ${SIZE_MB} MB -> HTTP $status; RSS before ${before} kB, peak ${peak} kB, growth $(( (peak - before) / 1024 )) MB"

# ticket filing throughput
body() { printf '{"hardwareId":"%s","severity":"S4","faultClass":"OTHER","description":"bench %s","occurredAt":"%s"}' \
  "$HARDWARE_ID" "$1" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"; }
export -f body; export BASE TOKEN HARDWARE_ID
start=$(date +%s.%N)
seq "$N" | xargs -P "$P" -I{} bash -c 'body {} | curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/json" --data-binary @- "$BASE/tickets"'
api=$(echo "$N / ($(date +%s.%N) - $start)" | bc -l)

if [ -n "${DB:-}" ]; then
  for i in $(seq "$N"); do echo "INSERT INTO bench_raw_insert (v) VALUES ('x$i');"; done > "$work/ins.sql"
  $DB -e "CREATE TABLE IF NOT EXISTS bench_raw_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(255))"
  start=$(date +%s.%N); $DB < "$work/ins.sql"; raw=$(echo "$N / ($(date +%s.%N) - $start)" | bc -l)
  $DB -e "DROP TABLE bench_raw_insert"
  printf 'filing: %.1f tickets/s; raw insert: %.1f rows/s; ratio %.3f\n' "$api" "$raw" "$(echo "$api / $raw" | bc -l)"
else
  printf 'filing: %.1f tickets/s (set DB=… for the raw-insert ratio)\n' "$api"
fi
