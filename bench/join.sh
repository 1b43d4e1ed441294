#!/usr/bin/env bash
# Join hot path against the database's own ceiling (issue: join benchmark).
#   bench/join.sh [seconds=20] [connections=16]
# Starts the packaged service on an embedded PostgreSQL, seeds a tenant, a policy, 2,000 pupils
# with consent and 40 rooms of 50, drives POST …/join with wrk at fixed concurrency, then at
# 200 joins/s, then runs the same SQL with pgbench at the same concurrency.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-16}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work=$(mktemp -d)
ops=bench-ops-key-$RANDOM$RANDOM
started=$(date +%s%N)
ROOMGATE_DATA_DIR="$work" QUARKUS_HTTP_PORT=18088 ROOMGATE_BOOTSTRAP_OPS_KEY=$ops \
  java -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
base=http://localhost:18088
until curl -sf $base/q/health/ready >/dev/null; do sleep 0.1; done
echo "start to ready: $(( ($(date +%s%N) - started) / 1000000 )) ms (including the embedded PostgreSQL)"
port=$(grep -o 'embedded PostgreSQL at jdbc:postgresql://localhost:[0-9]*' "$work/service.log" | grep -o '[0-9]*$')
db="postgresql://postgres@localhost:$port/postgres"

# A second instance against the first one's PostgreSQL: start-up and idle memory with an external database.
started=$(date +%s%N)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$port/postgres" QUARKUS_DATASOURCE_USERNAME=postgres \
  ROOMGATE_DATA_DIR="$work/second" QUARKUS_HTTP_PORT=18087 java -jar target/quarkus-app/quarkus-run.jar > "$work/second.log" 2>&1 &
second=$!
until curl -sf http://localhost:18087/q/health/ready >/dev/null; do sleep 0.05; done
echo "start to ready against an external database: $(( ($(date +%s%N) - started) / 1000000 )) ms"
sleep 2
echo "idle RSS of that instance: $(( $(ps -o rss= -p $second) / 1024 )) MB"
kill $second; wait $second 2>/dev/null || true

post() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
post POST /api/v1/tenants "$ops" '{"id":"bench-school","name":"Bench"}' >/dev/null
key=$(post POST /api/v1/tenants/bench-school/api-keys "$ops" '{"role":"platform"}' | sed 's/.*"key":"\([^"]*\)".*/\1/')
post PUT /api/v1/policy "$key" '{"version":"2020-11-19","title":"Nutzungsordnung","reconsentRequired":true}' >/dev/null
# 2,000 consents as the API stores them (one INSERT instead of 2,000 calls).
psql -q "$db" -v ON_ERROR_STOP=1 -c "INSERT INTO consent (id, tenant_id, subject_id, kind, policy_version,
    granted_by_name, granted_by_relation, scopes, purposes, recorded_at)
  SELECT gen_random_uuid(), 'bench-school', 'p-' || i, 'GRANT', '2020-11-19', 'Guardian', 'GUARDIAN',
    '{VIDEO,AUDIO,CHAT,SCREEN_SHARE,WHITEBOARD,FILES,POLLS,STATUS}', '{LESSON}', now()
  FROM generate_series(0, 1999) i"
: > "$work/rooms"
for _ in $(seq 1 40); do
  post POST /api/v1/rooms "$key" '{"name":"Bench","purpose":"LESSON","maxParticipants":50}' \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' >> "$work/rooms"
done
psql -qtA "$db" -c "SELECT id FROM conference.room ORDER BY id" > "$work/rooms"

echo "service RSS idle (seeded, before load): $(( $(ps -o rss= -p "$service") / 1024 )) MB"
export ROOMS_FILE="$work/rooms" PLATFORM_KEY="$key"
echo "warm-up (every pupil joins once) ..."
DELAY_MS=0 wrk -t2 -c"$connections" -d10s -s bench/join.lua $base >/dev/null
rss_kb=$(ps -o rss= -p "$service")
echo "service RSS after warm-up: $((rss_kb / 1024)) MB"

echo "== joins, $connections connections, ${seconds}s"
service_line=$(DELAY_MS=0 wrk -t2 -c"$connections" -d"${seconds}s" -s bench/join.lua $base | tail -1)
echo "$service_line"
echo "== joins at ~200/s (10 connections, each 45 ms apart), ${seconds}s"
DELAY_MS=45 wrk -t2 -c10 -d"${seconds}s" -s bench/join.lua $base | tail -1

echo "== pgbench, same SQL, $connections clients, ${seconds}s"
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
ceiling=$(pgbench -n -M prepared -c "$connections" -j 2 -T "$seconds" -D keyhash="$keyhash" "${scripts[@]}" "$db" \
  | grep -m1 '^tps = ' | grep -o '[0-9.]*' | head -1)
echo "pgbench tps $ceiling"
service_rps=$(echo "$service_line" | awk '{print $2}')
echo "service / ceiling = $(awk -v s="$service_rps" -v c="$ceiling" 'BEGIN { printf "%.0f %%", 100 * s / c }')"
