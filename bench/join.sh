#!/usr/bin/env bash
# Join hot path against the database's own ceiling (issue: join benchmark).
#   bench/join.sh [seconds=15] [connections=16]
# Seeds through bench/lib.sh, drives POST …/join with wrk at fixed concurrency, then at
# ~200 joins/s, then the floor (an API-key request that does only the key lookup), then runs
# the join's SQL with pgbench at the same concurrency. Last line: service / ceiling = N %.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
source bench/lib.sh

# A second instance against the first one's PostgreSQL: start-up and idle memory with an external database.
started=$(date +%s%N)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/postgres" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  ROOMGATE_DATA_DIR="$work/second" QUARKUS_HTTP_PORT=18087 "$java" "${java_opts[@]}" -jar "$jar" > "$work/second.log" 2>&1 &
second=$!
until curl -sf http://localhost:18087/q/health/ready >/dev/null; do sleep 0.05; done
echo "start to ready against an external database: $(( ($(date +%s%N) - started) / 1000000 )) ms $(load)"
sleep 2
echo "idle RSS of that instance: $(( $(ps -o rss= -p $second) / 1024 )) MB"
kill $second; wait $second 2>/dev/null || true

echo "service RSS idle (seeded, before load): $(( $(ps -o rss= -p "$service") / 1024 )) MB"
echo "warm-up (every pupil joins once, then the floor) ..."
DELAY_MS=0 wrk -t2 -c"$connections" -d15s -s bench/join.lua $base >/dev/null || true
wrk -t2 -c"$connections" -d3s -s bench/floor.lua $base >/dev/null || true
echo "service RSS after warm-up: $(( $(ps -o rss= -p "$service") / 1024 )) MB"

echo "== joins, $connections connections, ${seconds}s $(load)"
service_line=$(DELAY_MS=0 measured -t2 -c"$connections" -d"${seconds}s" -s bench/join.lua $base)
echo "$service_line"
echo "== floor: API-key lookup only (403 by role), $connections connections, ${seconds}s $(load)"
measured -t2 -c"$connections" -d"${seconds}s" -s bench/floor.lua $base
echo "== joins at ~200/s (10 connections, each 45 ms apart), ${seconds}s $(load)"
DELAY_MS=45 wrk_line -t2 -c10 -d"${seconds}s" -s bench/join.lua $base

echo "== pgbench, same SQL, $connections clients, ${seconds}s $(load)"
keyhash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
# The join's query, taken from the source so the ceiling always runs what the service runs;
# its parameters are subject, subject, tenant, room.
awk '/static final String QUERY = """/{f=1;next} f && /""";/{sub(/""";.*/, ""); print; f=0} f' src/main/java/org/roomgate/room/AdmissionState.java \
  | sed -e "0,/?/s//'p-' || :pupil/" -e "0,/?/s//'p-' || :pupil/" -e "0,/?/s//'bench-school'/" -e "0,/?/s//'ROOM_ID'/" \
  | tr '\n' ' ' > "$work/admission.sql"
scripts=()
index=0
while read -r room; do
  awk -v query="$(cat "$work/admission.sql")" '{ sub(/^ADMISSION_QUERY/, query) } 1' bench/join-ceiling.sql \
    | sed -e "s/ROOM_ID/$room/g" -e "s/ROOM_INDEX/$index/g" > "$work/ceiling-$index.sql"
  scripts+=(-f "$work/ceiling-$index.sql")
  index=$((index + 1))
done < "$work/rooms"
ceiling=$(pgbench_tps -n -M prepared -c "$connections" -j 2 -T "$seconds" -D keyhash="$keyhash" "${scripts[@]}" "$db")
echo "pgbench tps $ceiling"
service_rps=$(echo "$service_line" | awk '{print $2}')
echo "service / ceiling = $(awk -v s="$service_rps" -v c="$ceiling" 'BEGIN { printf "%.0f %%", (c > 0 ? 100 * s / c : 0) }')"
