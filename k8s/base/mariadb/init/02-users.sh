#!/bin/bash
# Creates (or re-keys) the users: Keycloak's, with all privileges on its own database; per service an
# owner (schema, Flyway) and a runtime user without database-wide privileges (see below);
# plus the read-only dump users kiban_dump (the four kiban_* databases) and keycloak_dump (keycloak
# only), one per dump CronJob (k8s/base/mariadb/dump.yaml). Passwords come from the environment of the
# MariaDB container, which takes them from the Secrets (no password is in any committed file):
#   KIBAN_ASSET_DB_PASSWORD ... KIBAN_LIFECYCLE_DB_PASSWORD  <- kiban-<service>-secrets/KIBAN_DB_PASSWORD
#   KIBAN_ASSET_DB_OWNER_PASSWORD ... (the owners)           <- kiban-<service>-secrets/KIBAN_DB_MIGRATION_PASSWORD
#   KEYCLOAK_DB_PASSWORD                                     <- keycloak-secrets/KC_DB_PASSWORD
#   KIBAN_DUMP_DB_PASSWORD                                   <- mariadb-secrets/MARIADB_DUMP_PASSWORD
#   KEYCLOAK_DUMP_DB_PASSWORD                                <- mariadb-secrets/KEYCLOAK_DUMP_PASSWORD
# Run by the entrypoint on an empty datadir (sourced there); idempotent, so after rotating a password:
#   kubectl exec statefulset/mariadb -- bash /docker-entrypoint-initdb.d/02-users.sh
# not `set -eu` when sourced: that would change the entrypoint's own shell options
[[ "${BASH_SOURCE[0]}" != "$0" ]] || set -eu

sql_quote() { printf "'%s'" "${1//\'/\'\'}"; }

kiban_users_sql() {
    local user var db pw owner ownervar
    # Keycloak: all privileges on its own database
    pw="${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD is not set (see docs/deploy.md, Secrets)}"
    echo "CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY $(sql_quote "$pw");"
    echo "ALTER USER 'keycloak'@'%' IDENTIFIED BY $(sql_quote "$pw");"
    echo "GRANT ALL PRIVILEGES ON \`keycloak\`.* TO 'keycloak'@'%';"
    # the services (#15 item 7): the owner kiban_<s>_owner holds the schema and runs Flyway
    # (KIBAN_DB_MIGRATION_USER); the runtime user kiban_<s> gets no database-wide privilege: Flyway
    # grants it table by table after every migration (commons LeastPrivilegeMigrations), with only
    # SELECT/INSERT on audit_entry, so the running service cannot rewrite its own audit trail.
    for svc in asset maintenance backup lifecycle; do
        user="kiban_$svc" db="kiban_$svc" owner="kiban_${svc}_owner"
        var="KIBAN_${svc^^}_DB_PASSWORD" ownervar="KIBAN_${svc^^}_DB_OWNER_PASSWORD"
        pw="${!var:?$var is not set (see docs/deploy.md, Secrets)}"
        echo "CREATE USER IF NOT EXISTS '$owner'@'%' IDENTIFIED BY $(sql_quote "${!ownervar:?$ownervar is not set (see docs/deploy.md, Secrets)}");"
        echo "ALTER USER '$owner'@'%' IDENTIFIED BY $(sql_quote "${!ownervar}");"
        echo "GRANT ALL PRIVILEGES ON \`$db\`.* TO '$owner'@'%' WITH GRANT OPTION;"
        echo "CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $(sql_quote "$pw");"
        echo "ALTER USER '$user'@'%' IDENTIFIED BY $(sql_quote "$pw");"
        # an upgrade from the earlier database-wide grant: take it back. This also drops the table grants
        # Flyway gave; the service grants them again when it next starts (restart it after running this).
        echo "REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$user'@'%';"
    done
    # the dump users: read-only, each on its own databases only (not *.*: no mysql.*, no other schema).
    # SELECT (data), SHOW VIEW (views), TRIGGER (--triggers), EVENT (--events); --single-transaction
    # needs no LOCK TABLES, --no-tablespaces no PROCESS. kiban_dump never sees Keycloak's schema.
    pw="${KIBAN_DUMP_DB_PASSWORD:?KIBAN_DUMP_DB_PASSWORD is not set (see docs/deploy.md, Secrets)}"
    echo "CREATE USER IF NOT EXISTS 'kiban_dump'@'%' IDENTIFIED BY $(sql_quote "$pw");"
    echo "ALTER USER 'kiban_dump'@'%' IDENTIFIED BY $(sql_quote "$pw");"
    # an upgrade from the earlier global grant: take everything back first
    echo "REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kiban_dump'@'%';"
    for db in kiban_asset kiban_maintenance kiban_backup kiban_lifecycle; do
        echo "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON \`$db\`.* TO 'kiban_dump'@'%';"
    done
    pw="${KEYCLOAK_DUMP_DB_PASSWORD:?KEYCLOAK_DUMP_DB_PASSWORD is not set (see docs/deploy.md, Secrets)}"
    echo "CREATE USER IF NOT EXISTS 'keycloak_dump'@'%' IDENTIFIED BY $(sql_quote "$pw");"
    echo "ALTER USER 'keycloak_dump'@'%' IDENTIFIED BY $(sql_quote "$pw");"
    echo "REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'keycloak_dump'@'%';"
    echo "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON \`keycloak\`.* TO 'keycloak_dump'@'%';"
    echo "FLUSH PRIVILEGES;"
}

if declare -F docker_process_sql >/dev/null; then
    # sourced by the image's entrypoint during initialisation (temporary server, socket only)
    kiban_users_sql | docker_process_sql
else
    kiban_users_sql | mariadb --protocol=socket -uroot -p"${MARIADB_ROOT_PASSWORD:?}"
fi
