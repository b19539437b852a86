#!/usr/bin/env bash
# backup-service bench (issue 5): N policies firing every minute on ONE instance.
#
#   lateness = started_at − expected_fire_time of every SCHEDULE run in the measured minutes (p50, p99;
#   goal p99 ≤ 1 s), and database load over the same minutes (Questions, Com_select/insert/update,
#   InnoDB row-lock waits, from SHOW GLOBAL STATUS deltas).
#
# Needs a running backup-service (./kiban up, or the jar alone with KIBAN_DB_*), a support-vendor or
# jpo-admin token, and mysql access to its database:
#   BASE=http://127.0.0.1:8083 TOKEN=$(./kiban token support1) \
#   DB="mysql -h127.0.0.1 -ukiban_backup -pkiban kiban_backup" N=1000 MINUTES=5 bench/backup-firing.sh
# Every policy uses the exec driver with /bin/true (start the service with
# KIBAN_BACKUP_EXEC_ALLOWED_PROGRAMS=/bin/true), so the figure is the scheduler and ledger, not a
# backup tool. The policies are paused at the end (they stay in the ledger, named bench-…).
# Figures go to bench/RESULTS.md by hand. TOKEN_CMD (e.g. "scripts/token.sh support1"), when given, fetches a fresh
# token for the final pause, since the first one has expired by then.
set -euo pipefail
: "${BASE:=http://127.0.0.1:8083}" "${TOKEN:?bearer token (support-vendor or jpo-admin)}" "${DB:?mysql command line}"
: "${N:=1000}" "${MINUTES:=5}" "${P:=8}"
run=$(date +%s)
auth=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")

# one target per policy, so that no run is SKIPPED_OVERLAP
mk() {
  t=$(curl -sf "${auth[@]}" -d "{\"array\":\"K8S_ARRAY\",\"arrayHardwareId\":\"HW-BENCH\",\"environment\":\"STAGING\",
    \"kind\":\"NAMESPACE\",\"name\":\"bench-$run-$1\"}" "$BASE/targets" | sed -E 's/.*"id":([0-9]+).*/\1/')
  curl -sf -o /dev/null "${auth[@]}" -d "{\"name\":\"bench-$run-$1\",\"cron\":\"0 * * * * ?\",\"level\":\"SNAPSHOT\",
    \"retention\":{\"keepLast\":1000},\"holdDuringMaintenance\":false,\"targetIds\":[$t],\"driver\":\"exec\",
    \"driverSettings\":{\"command\":[\"/bin/true\"]}}" "$BASE/policies"
}
export -f mk; export BASE TOKEN run
seq "$N" | xargs -P "$P" -I{} bash -c "$(declare -p auth); mk {}"
echo "$N policies created"

status() { $DB -N -e "show global status where Variable_name in ('Questions','Com_select','Com_insert','Com_update','Innodb_row_lock_waits','Innodb_row_lock_time')"; }
# start measuring at the next whole minute + 5 s, stop after MINUTES minutes
sleep $(( 65 - $(date +%s) % 60 ))
from=$(date -u +'%Y-%m-%d %H:%M:00'); before=$(status)
sleep $(( MINUTES * 60 ))
to=$(date -u +'%Y-%m-%d %H:%M:00'); after=$(status)

$DB -e "
with l as (
  select timestampdiff(microsecond, r.expected_fire_time, r.started_at) / 1e6 as s
  from backup_run r join backup_policy p on p.id = r.policy_id
  where p.name like 'bench-$run-%' and r.trigger_kind = 'SCHEDULE' and r.started_at is not null
    and r.expected_fire_time >= '$from' and r.expected_fire_time < '$to')
select count(*) as runs,
  (select distinct percentile_cont(0.5) within group (order by s) over () from l) as p50_s,
  (select distinct percentile_cont(0.99) within group (order by s) over () from l) as p99_s,
  max(s) as max_s from l;
select state, count(*) from backup_run r join backup_policy p on p.id = r.policy_id
  where p.name like 'bench-$run-%' and r.expected_fire_time >= '$from' and r.expected_fire_time < '$to'
  group by state;"
echo "expected runs: $(( N * MINUTES ))"
echo "database status deltas over $MINUTES min:"
paste <(echo "$before") <(echo "$after") | awk '{printf "  %-24s %12d  (%.1f/s)\n", $1, $4 - $2, ($4 - $2) / ('"$MINUTES"' * 60)}'

# pause the bench policies (with a fresh token: the first has expired by now)
if [[ -n "${TOKEN_CMD:-}" ]]; then TOKEN=$($TOKEN_CMD); fi
paused=0
for id in $($DB -N -e "select id from backup_policy where name like 'bench-$run-%'"); do
  if curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "$BASE/policies/$id/pause"; then
    paused=$((paused + 1))
  fi
done
echo "bench policies paused: $paused of $N"
