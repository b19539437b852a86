#!/usr/bin/env bash
# Runs the database dump CronJobs of k8s/base/mariadb/dump.yaml for real (issue #15, item 8): a
# throw-away MariaDB 10.11 gets the suite's and Keycloak's databases with marker rows, the users and
# grants of k8s/base/mariadb/init/02-users.sh, then the exact shell script of each CronJob runs
# (paths moved to a temporary directory) and the checks assert:
#   - each dump is age-encrypted (no plain text on disk), its checksum matches, and it decrypts only
#     with its own identity: the services' dump holds the four kiban_* databases and not Keycloak's,
#     the Keycloak dump holds only keycloak;
#   - the dump users can read only their own databases and can change nothing;
#   - a job without an age recipient refuses to dump.
#
#   scripts/dump-check.sh      # exit 0 when every check passed
#
# Needs mariadbd/mariadb/mariadb-dump (scripts/mariadb.sh installs them), age and age-keygen
# (Debian package `age`), python3 with PyYAML. Environment:
#   KIBAN_DUMP_CHECK_DB_PORT   port of the throw-away MariaDB (default 3391)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/lib.sh"

PORT="${KIBAN_DUMP_CHECK_DB_PORT:-3391}"
WORK="$KIBAN_HOME/dump-check"
DUMP_YAML="$KIBAN_REPO/k8s/base/mariadb/dump.yaml"
USERS_SH="$KIBAN_REPO/k8s/base/mariadb/init/02-users.sh"
for tool in age age-keygen python3; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "dump-check: $tool is NOT installed: the dumps were NOT checked (apt-get install age)" >&2
        exit 3
    }
done

db() { KIBAN_HOME="$WORK" KIBAN_DB_PORT="$PORT" "$KIBAN_SCRIPTS/mariadb.sh" "$@"; }
db stop >/dev/null 2>&1 || true
rm -rf "$WORK"
mkdir -p "$WORK"
trap 'db stop >/dev/null 2>&1 || true' EXIT
db reset >/dev/null
db start >/dev/null

DB_DIR="$WORK/mariadb-$PORT"
SOCKET="$DB_DIR/mariadbd.sock"
if ((${#SOCKET} > 100)); then
    SOCKET="/tmp/kiban-mariadb-$PORT-$(printf '%s' "$DB_DIR" | cksum | cut -d' ' -f1).sock"
fi
root() { mariadb --no-defaults --socket="$SOCKET" --user=root --batch --skip-column-names "$@"; }

failures=0
check() { # <ok?> <what> [why]
    if [[ "$1" == 0 ]]; then
        echo "ok   SEC_DUMP $2"
    else
        echo "FAIL SEC_DUMP $2${3:+: $3}"
        failures=$((failures + 1))
    fi
}
run() { "$@" >/dev/null 2>&1 && echo 0 || echo 1; }
fails() { "$@" >/dev/null 2>&1 && echo 1 || echo 0; }

# databases with marker rows, a view, a trigger and an event (what the dump must carry)
# the suite's databases: kiban_<name> for each service of KIBAN_SERVICES (scripts/lib.sh)
DATABASES=("${KIBAN_SERVICES[@]/#/kiban_}")
for db_name in "${DATABASES[@]}" keycloak; do
    root -e "CREATE TABLE IF NOT EXISTS \`$db_name\`.marker (id INT PRIMARY KEY, v VARCHAR(64));
             INSERT INTO \`$db_name\`.marker VALUES (1, 'marker-$db_name-8f3a');"
done
root -e "CREATE VIEW kiban_asset.marker_view AS SELECT v FROM kiban_asset.marker;
         CREATE TRIGGER kiban_asset.marker_guard BEFORE DELETE ON kiban_asset.marker FOR EACH ROW SET @x = 1;
         CREATE EVENT kiban_backup.marker_event ON SCHEDULE EVERY 1 DAY DISABLE DO SELECT 1;"

# users and grants exactly as the MariaDB pod's init step makes them (twice: it must be idempotent)
pw() { openssl rand -hex 16; }
# each service's runtime and owner passwords (KIBAN_ASSET_DB_PASSWORD, KIBAN_ASSET_DB_OWNER_PASSWORD, …), Keycloak's
# and the two dump users'
for var in $(kiban_service_vars KIBAN_ _DB_PASSWORD) $(kiban_service_vars KIBAN_ _DB_OWNER_PASSWORD) \
    KEYCLOAK_DB_PASSWORD KIBAN_DUMP_DB_PASSWORD KEYCLOAK_DUMP_DB_PASSWORD; do
    export "$var=$(pw)"
done
for _ in 1 2; do
    SOCKET="$SOCKET" bash -c 'docker_process_sql() { mariadb --no-defaults --socket="$SOCKET" --user=root; }
        set -eu; . "$1"' _ "$USERS_SH"
done

as() { # <user> <password> <sql>
    mariadb --no-defaults --protocol=tcp --host=127.0.0.1 --port="$PORT" --user="$1" --password="$2" \
        --batch --skip-column-names -e "$3"
}
D="$KIBAN_DUMP_DB_PASSWORD" K="$KEYCLOAK_DUMP_DB_PASSWORD"
# #15 item 7: the service's runtime user holds nothing database-wide (Flyway, running as the owner, grants it
# table by table: commons LeastPrivilegeTest); the owner holds the schema
check "$(fails as kiban_asset "$KIBAN_ASSET_DB_PASSWORD" 'CREATE TABLE kiban_asset.x (i INT)')" "kiban_asset (runtime) cannot create tables"
check "$(fails as kiban_asset "$KIBAN_ASSET_DB_PASSWORD" "UPDATE kiban_asset.marker SET v = 'x'")" "kiban_asset (runtime) has no database-wide write"
check "$(run as kiban_asset_owner "$KIBAN_ASSET_DB_OWNER_PASSWORD" 'CREATE TABLE kiban_asset.owner_probe (i INT)')" "kiban_asset_owner (Flyway) creates tables"
check "$(fails as kiban_asset_owner "$KIBAN_ASSET_DB_OWNER_PASSWORD" 'SELECT v FROM kiban_lifecycle.marker')" "kiban_asset_owner holds only its own database"
check "$(run as kiban_dump "$D" 'SELECT v FROM kiban_lifecycle.marker')" "kiban_dump reads the suite's databases"
check "$(fails as kiban_dump "$D" 'SELECT v FROM keycloak.marker')" "kiban_dump cannot read Keycloak's database"
check "$(fails as kiban_dump "$D" 'SELECT user FROM mysql.user')" "kiban_dump cannot read mysql.user"
check "$(fails as kiban_dump "$D" "INSERT INTO kiban_asset.marker VALUES (2, 'x')")" "kiban_dump cannot insert"
check "$(fails as kiban_dump "$D" "UPDATE kiban_asset.marker SET v = 'x'")" "kiban_dump cannot update"
check "$(fails as kiban_dump "$D" 'DELETE FROM kiban_asset.marker')" "kiban_dump cannot delete"
check "$(fails as kiban_dump "$D" 'DROP TABLE kiban_asset.marker')" "kiban_dump cannot drop"
check "$(fails as kiban_dump "$D" 'CREATE TABLE kiban_asset.x (i INT)')" "kiban_dump cannot create"
check "$(run as keycloak_dump "$K" 'SELECT v FROM keycloak.marker')" "keycloak_dump reads Keycloak's database"
check "$(fails as keycloak_dump "$K" 'SELECT v FROM kiban_asset.marker')" "keycloak_dump cannot read the suite's databases"
check "$(fails as keycloak_dump "$K" "UPDATE keycloak.marker SET v = 'x'")" "keycloak_dump cannot update"
grants="$(root -e "SHOW GRANTS FOR 'kiban_dump'@'%'" | grep -v '^GRANT USAGE' | sed -E 's/ TO .*//' | sort)"
want="$(printf 'GRANT SELECT, SHOW VIEW, EVENT, TRIGGER ON `%s`.*\n' "${DATABASES[@]}" | sort)"
check "$([[ "$grants" == "$want" ]] && echo 0 || echo 1)" "kiban_dump holds exactly SELECT, SHOW VIEW, TRIGGER, EVENT on the four kiban_* databases" "$grants"

# the CronJobs' own scripts and environment, paths moved below $WORK
python3 - "$DUMP_YAML" "$WORK" <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] == "CronJob"]
for cj in docs:
    c = cj["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    name = cj["metadata"]["name"]
    env = {e["name"]: e.get("value") for e in c["env"] if "value" in e}
    script = c["command"][2]
    with open(f"{sys.argv[2]}/{name}.sh", "w") as f:
        for k, v in env.items():
            if k != "MARIADB_HOST":
                f.write(f"export {k}='{v}'\n")
        f.write(script)
PY

age-keygen -o "$WORK/kiban.key" 2>/dev/null
age-keygen -o "$WORK/keycloak.key" 2>/dev/null
run_job() { # <cronjob> <dump dir> <recipients file> <password>
    mkdir -p "$2" "$WORK/tmp-$1"
    sed -e "s#/dumps#$2#g" -e "s#/keys/recipients.txt#$3#g" -e "s#/tmp/dump.cnf#$WORK/tmp-$1/dump.cnf#g" \
        "$WORK/$1.sh" >"$WORK/$1.run.sh"
    MARIADB_HOST=127.0.0.1 MYSQL_TCP_PORT="$PORT" KIBAN_DUMP_PASSWORD="$4" \
        bash -ec "$(cat "$WORK/$1.run.sh")" >"$WORK/$1.log" 2>&1
}
age-keygen -y "$WORK/kiban.key" >"$WORK/kiban.recipients"
age-keygen -y "$WORK/keycloak.key" >"$WORK/keycloak.recipients"

check "$(run run_job mariadb-dump "$WORK/dumps/kiban" "$WORK/kiban.recipients" "$D")" "the services' dump job runs" "$(tail -3 "$WORK/mariadb-dump.log" 2>/dev/null)"
check "$(run run_job keycloak-dump "$WORK/dumps/keycloak" "$WORK/keycloak.recipients" "$K")" "the Keycloak dump job runs" "$(tail -3 "$WORK/keycloak-dump.log" 2>/dev/null)"

kiban_file="$(ls "$WORK"/dumps/kiban/kiban-*.sql.gz.age 2>/dev/null | head -1)"
kc_file="$(ls "$WORK"/dumps/keycloak/keycloak-*.sql.gz.age 2>/dev/null | head -1)"
check "$([[ -s "$kiban_file" && -s "$kc_file" ]] && echo 0 || echo 1)" "each job wrote one .sql.gz.age file"
plain="$(find "$WORK/dumps" -type f ! -name '*.age' ! -name '*.age.sha256' | wc -l)"
check "$([[ "$plain" == 0 ]] && echo 0 || echo 1)" "no unencrypted file on the dump volume" "$plain"
if [[ -s "$kiban_file" && -s "$kc_file" ]]; then
    check "$([[ "$(head -c 21 "$kiban_file")" == "age-encryption.org/v1" ]] && echo 0 || echo 1)" "the services' dump is an age file"
    check "$(fails grep -q 'marker-kiban' "$kiban_file")" "the services' dump holds no readable data"
    check "$(run bash -c "cd '$WORK/dumps/kiban' && sha256sum -c --quiet '$(basename "$kiban_file").sha256'")" "the services' dump matches its checksum"
    sql="$(age -d -i "$WORK/kiban.key" "$kiban_file" | gunzip)"
    for db_name in "${DATABASES[@]}"; do
        check "$([[ "$sql" == *"marker-$db_name-8f3a"* ]] && echo 0 || echo 1)" "the services' dump holds $db_name"
    done
    check "$([[ "$sql" == *"marker_guard"* && "$sql" == *"marker_view"* && "$sql" == *"marker_event"* ]] && echo 0 || echo 1)" "the services' dump holds views, triggers and events"
    check "$([[ "$sql" != *"marker-keycloak"* && "$sql" != *'USE `keycloak`'* ]] && echo 0 || echo 1)" "the services' dump holds nothing of Keycloak's schema"
    check "$(fails age -d -i "$WORK/kiban.key" "$kc_file")" "the services' key cannot open the Keycloak dump"
    check "$(fails age -d -i "$WORK/keycloak.key" "$kiban_file")" "the Keycloak key cannot open the services' dump"
    ksql="$(age -d -i "$WORK/keycloak.key" "$kc_file" | gunzip)"
    check "$([[ "$ksql" == *"marker-keycloak-8f3a"* && "$ksql" != *"marker-kiban"* ]] && echo 0 || echo 1)" "the Keycloak dump holds keycloak only"
fi

# no recipient, no dump
: >"$WORK/empty.recipients"
check "$(fails run_job mariadb-dump "$WORK/dumps/refused" "$WORK/empty.recipients" "$D")" "a job without an age recipient fails"
check "$([[ -z "$(ls -A "$WORK/dumps/refused" 2>/dev/null)" ]] && echo 0 || echo 1)" "... and writes nothing"

echo "dump-check: $failures failure(s)"
exit "$((failures > 100 ? 100 : failures))"
