# shellcheck shell=bash
# Shared helpers for the Kiban dev/test scripts. Source it, do not run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Defines:
#   KIBAN_SCRIPTS  absolute path of scripts/
#   KIBAN_REPO     absolute path of the repository root
#   KIBAN_HOME     state directory (default <repo>/.kiban), exported
#   KIBAN_JAVA_OPTS_DEFAULT  the JVM options of every Kiban JVM (issue #16 §3), unless KIBAN_JAVA_OPTS says otherwise
#   KIBAN_SERVICES the suite's services, the one list (#19); KIBAN_DEPLOYED their workloads and the console;
#                  KIBAN_PORTS their local ports by name, KIBAN_CONSOLE_PORT the console's
# and the functions log, warn, die, need_cmd, wait_for_port, port_open,
# proc_running, pid_read, pid_alive, pid_write, pid_stop, audit_key, java_major, kiban_use_jdk, kiban_java_opts,
# kiban_service_vars, kiban_service_urls, service_jar_start, console_jar_start.

if [[ -n "${_KIBAN_LIB_LOADED:-}" ]]; then
    return 0
fi
_KIBAN_LIB_LOADED=1

KIBAN_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
KIBAN_REPO="$(cd "$KIBAN_SCRIPTS/.." && pwd -P)"
KIBAN_HOME="${KIBAN_HOME:-$KIBAN_REPO/.kiban}"
export KIBAN_HOME

# The suite's services, defined once (#19): each has a module <name>-service, a database kiban_<name> and a
# Kubernetes workload <name>-service; the console (no database) is deployed beside them.
KIBAN_SERVICES=(asset maintenance backup lifecycle)
KIBAN_DEPLOYED=("${KIBAN_SERVICES[@]/%/-service}" console)
# Their ports in the local suite (./kiban up, bench/): 8081, 8082, … in the order above (the e2e suite keeps the
# order from its own base, scripts/e2e.sh), the console on the next one (8085).
declare -gA KIBAN_PORTS=()
for _kiban_i in "${!KIBAN_SERVICES[@]}"; do
    KIBAN_PORTS[${KIBAN_SERVICES[_kiban_i]}]=$((8081 + _kiban_i))
done
unset _kiban_i
KIBAN_CONSOLE_PORT=$((8081 + ${#KIBAN_SERVICES[@]}))

# Debian keeps mariadbd, mariadb-install-db etc. in sbin.
case ":$PATH:" in
    *:/usr/sbin:*) ;;
    *) PATH="$PATH:/usr/sbin:/sbin" ;;
esac
export PATH

_kiban_tag="$(basename "$0" .sh)"

# log MSG...   -- progress message on stderr (stdout stays clean for data)
log() {
    printf '[%s] %s\n' "$_kiban_tag" "$*" >&2
}

warn() {
    printf '[%s] WARNING: %s\n' "$_kiban_tag" "$*" >&2
}

# die MSG...   -- print and exit 1
die() {
    printf '[%s] ERROR: %s\n' "$_kiban_tag" "$*" >&2
    exit 1
}

# need_cmd NAME  -- die unless NAME is on PATH
need_cmd() {
    command -v "$1" >/dev/null 2>&1 || die "required command not found: $1"
}

# port_open HOST PORT  -- 0 if something accepts TCP connections there
port_open() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# wait_for_port HOST PORT [TIMEOUT_SECONDS=60]
wait_for_port() {
    local host="$1" port="$2" timeout="${3:-60}" waited=0
    while ! port_open "$host" "$port"; do
        if ((waited >= timeout * 10)); then
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    return 0
}

# proc_running PID  -- 0 if PID is a live process (zombies count as dead)
proc_running() {
    local state=""
    kill -0 "$1" 2>/dev/null || return 1
    if [[ -r "/proc/$1/stat" ]]; then
        state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$1/stat" 2>/dev/null || true)"
    fi
    [[ "$state" != "Z" ]]
}

# pid_read FILE  -- print the pid stored in FILE (nothing if absent/garbage)
pid_read() {
    local file="$1" pid=""
    if [[ -r "$file" ]]; then
        read -r pid <"$file" || true
    fi
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
        printf '%s\n' "$pid"
    fi
}

# pid_alive FILE [CMDLINE_SUBSTRING]
# 0 if FILE names a live process (whose command line contains the substring,
# if one is given -- protects against a recycled pid).
pid_alive() {
    local file="$1" want="${2:-}" pid cmdline
    pid="$(pid_read "$file")"
    [[ -n "$pid" ]] || return 1
    proc_running "$pid" || return 1
    if [[ -n "$want" ]]; then
        cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
        [[ "$cmdline" == *"$want"* ]] || return 1
    fi
    return 0
}

# pid_write FILE PID
pid_write() {
    mkdir -p "$(dirname "$1")"
    printf '%s\n' "$2" >"$1"
}

# pid_stop FILE [GRACE_SECONDS=20] [CMDLINE_SUBSTRING]
# Stops only the process named in FILE (and, if it leads its own process
# group, that group -- i.e. the children it started). TERM first, KILL after
# the grace period. Removes FILE. Returns 0 if nothing is left running.
pid_stop() {
    local file="$1" grace="${2:-20}" want="${3:-}" pid pgid target waited=0
    if ! pid_alive "$file" "$want"; then
        rm -f "$file"
        return 0
    fi
    pid="$(pid_read "$file")"
    pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
    if [[ "$pgid" == "$pid" ]]; then
        target="-$pid" # our own session/process group (started with setsid)
    else
        target="$pid"
    fi
    kill -TERM -- "$target" 2>/dev/null || true
    while proc_running "$pid"; do
        if ((waited >= grace * 10)); then
            warn "pid $pid did not stop after ${grace}s; sending KILL"
            kill -KILL -- "$target" 2>/dev/null || true
            sleep 0.5
            break
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    if proc_running "$pid"; then
        return 1
    fi
    rm -f "$file"
    return 0
}

# The JVM of a service on a two-core machine (issue #16 §3, measured in bench/RESULTS.md "#16 §3 steps"):
# a heap that starts at 48 MB and may grow to 256 MB as before (large SBOM imports and xlsx exports), the serial
# collector (no GC threads, the smallest native footprint; pauses on such a heap are a few ms), metaspace capped
# above what a service uses, 512 KB thread stacks, a 64 MB code cache. The same options are in k8s/base/config/kiban-config.env (JAVA_OPTS_APPEND, GC_CONTAINER_OPTIONS).
KIBAN_JAVA_OPTS_DEFAULT="-Xms48m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -Xss512k \
-XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError"

# kiban_java_opts  -- the JVM options of the services and the console: KIBAN_JAVA_OPTS when set, else the default
kiban_java_opts() {
    printf '%s\n' "${KIBAN_JAVA_OPTS:-$KIBAN_JAVA_OPTS_DEFAULT}"
}

# java_major [JAVA]  -- the feature version of JAVA (default: java on PATH), e.g. 17 or 25
java_major() {
    "${1:-java}" -version 2>&1 | sed -nE '1s/^[^"]*"(1\.)?([0-9]+).*$/\2/p'
}

# kiban_use_jdk  -- the JDK ./kiban up (and bench/run.sh) builds and runs the suite on. By default (KIBAN_JDK=auto) a
# JDK >= 24 from KIBAN_JAVA_HOME or /usr/lib/jvm (temurin-25 first, the production images' runtime) goes first on PATH
# and in JAVA_HOME (for ./mvnw), and ./kiban up builds the aot-jar and trains an AOT cache (JEP 483/514) with it;
# without such a JDK, or with KIBAN_JDK=path, the java on PATH (Java 17: the plain fast-jar). Issue #16 §3; measured
# in bench/RESULTS.md ("#16 §3 steps", and the fresh-clone run of 2026-12-06). ./kiban test is not affected: the
# tests build and run on the java on PATH.
kiban_use_jdk() {
    local d
    [[ "${KIBAN_JDK:-auto}" == auto ]] || return 0
    for d in ${KIBAN_JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[4-9]-jdk* \
        /usr/lib/jvm/java-2[4-9]-openjdk*; do
        [[ -x "$d/bin/java" && -x "$d/bin/javac" ]] || continue
        if (($(java_major "$d/bin/java") >= 24)); then
            export JAVA_HOME="$d"
            PATH="$d/bin:$PATH"
            export PATH
            return 0
        fi
    done
    return 0
}

# aot_flags QUARKUS_APP_DIR  -- the AOT cache options for a jar in QUARKUS_APP_DIR: with KIBAN_AOT_TRAIN=1 and a
# JDK >= 25, record one at exit (-XX:AOTCacheOutput, JEP 514); with a JDK >= 24 and an app.aot newer than the jar,
# use it (-XX:AOTCache; the JVM falls back to a plain start with a warning if it does not match); else nothing.
aot_flags() {
    local app="$1"
    # java -version only when there is something to decide: it costs a start of its own
    if [[ "${KIBAN_AOT_TRAIN:-}" == 1 ]]; then
        if (($(java_major java) >= 25)); then printf '%s\n' "-XX:AOTCacheOutput=$app/app.aot"; fi
    elif [[ -f "$app/app.aot" && "$app/app.aot" -nt "$app/quarkus-run.jar" ]]; then
        if (($(java_major java) >= 24)); then printf '%s\n' "-XX:AOTCache=$app/app.aot"; fi
    fi
    return 0
}

# audit_key  -- print the local suite's audit HMAC key, generating $KIBAN_HOME/audit-hmac.key once
audit_key() {
    local file="$KIBAN_HOME/audit-hmac.key"
    if [[ ! -s "$file" ]]; then
        mkdir -p "$KIBAN_HOME"
        (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$file")
    fi
    cat "$file"
}

# kiban_service_vars PREFIX SUFFIX  -- one variable name per service, upper case: kiban_service_vars KIBAN_ _URL
# prints KIBAN_ASSET_URL, KIBAN_MAINTENANCE_URL, … (one a line, in the order of KIBAN_SERVICES)
kiban_service_vars() {
    local svc
    for svc in "${KIBAN_SERVICES[@]}"; do
        printf '%s%s%s\n' "$1" "${svc^^}" "$2"
    done
}

# kiban_service_urls  -- KIBAN_<SERVICE>_URL=http://127.0.0.1:<its port> for every service (the local suite), one
# a line: what a service or the console is given to reach the others
kiban_service_urls() {
    local svc
    for svc in "${KIBAN_SERVICES[@]}"; do
        printf 'KIBAN_%s_URL=http://127.0.0.1:%s\n' "${svc^^}" "${KIBAN_PORTS[$svc]}"
    done
}

# service_jar_start SVC PORT LOGFILE [NAME=VALUE ...]
# Starts SVC-service's packaged jar in the background ($! is its pid, in its own session) with the
# environment of the local suite: MariaDB on KIBAN_DB_PORT, Keycloak on KIBAN_KEYCLOAK_PORT, the other
# services on their KIBAN_PORTS, state under KIBAN_HOME. NAME=VALUE pairs are added last and win (a second
# instance gives its own KIBAN_AUDIT_CHECKPOINT_DIR and KIBAN_UPLOADS_DIR, a raised limit, …).
service_jar_start() {
    local svc="$1" port="$2" logfile="$3" kc="${KIBAN_KEYCLOAK_PORT:-8180}"
    shift 3
    env KIBAN_DB_PORT="${KIBAN_DB_PORT:-3306}" \
        KIBAN_DB_PASSWORD="${KIBAN_DB_PASSWORD:-kiban}" \
        KIBAN_OIDC_URL="http://127.0.0.1:$kc/realms/kiban" \
        KIBAN_KEYCLOAK_URL="http://127.0.0.1:$kc" \
        KIBAN_OIDC_CLIENT_SECRET="${svc}-secret" \
        KIBAN_AUDIT_HMAC_KEY="$(audit_key)" \
        KIBAN_AUDIT_CHECKPOINT_DIR="$KIBAN_HOME/audit-checkpoints" \
        KIBAN_EVIDENCE_DIR="$KIBAN_HOME/evidence" \
        KIBAN_DOCUMENTS_DIR="$KIBAN_HOME/documents" \
        KIBAN_BACKUP_EVIDENCE_DIR="$KIBAN_HOME/backup-evidence" \
        $(kiban_service_urls) \
        KIBAN_BACKUP_EXEC_ALLOWED_PROGRAMS="${KIBAN_BACKUP_EXEC_ALLOWED_PROGRAMS:-/bin/true}" \
        QUARKUS_HTTP_PORT="$port" \
        "$@" \
        setsid nohup java $(kiban_java_opts) $(aot_flags "$KIBAN_REPO/$svc-service/target/quarkus-app") \
        -jar "$KIBAN_REPO/$svc-service/target/quarkus-app/quarkus-run.jar" \
        >"$logfile" 2>&1 </dev/null &
}

# console_jar_start PORT LOGFILE [NAME=VALUE ...]
# Starts the console's packaged jar (console/target/quarkus-app, issue #17) in the background ($! is its
# pid, in its own session), like service_jar_start: Keycloak on KIBAN_KEYCLOAK_PORT with the dev realm's
# confidential client kiban-console (secret console-secret), the services on their KIBAN_PORTS. The console
# has no database and no audit trail. NAME=VALUE pairs are added last and win.
console_jar_start() {
    local port="$1" logfile="$2" kc="${KIBAN_KEYCLOAK_PORT:-8180}"
    shift 2
    env KIBAN_OIDC_URL="http://127.0.0.1:$kc/realms/kiban" \
        KIBAN_OIDC_CLIENT_ID=kiban-console \
        KIBAN_OIDC_CLIENT_SECRET=console-secret \
        $(kiban_service_urls) \
        QUARKUS_HTTP_PORT="$port" \
        "$@" \
        setsid nohup java $(kiban_java_opts) $(aot_flags "$KIBAN_REPO/console/target/quarkus-app") \
        -jar "$KIBAN_REPO/console/target/quarkus-app/quarkus-run.jar" \
        >"$logfile" 2>&1 </dev/null &
}
