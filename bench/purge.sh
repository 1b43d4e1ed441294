#!/usr/bin/env bash
# Metadata purge at scale (R8): 1,000,000 participations in 10,000 rooms, of which 1,000 rooms
# with 100,000 participations are past retention. Times the purge job's own statement, batch by
# batch as PurgeJob runs it, and a join-path read on another room while it runs.
#   bench/purge.sh            (builds the jar if needed; embedded PostgreSQL in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work=$(mktemp -d)
ROOMGATE_DATA_DIR="$work" QUARKUS_HTTP_PORT=18089 ROOMGATE_RETENTION_PURGE_INTERVAL=24h \
  java -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  port=$(grep -o 'embedded PostgreSQL at jdbc:postgresql://127.0.0.1:[0-9]*' "$work/service.log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 1
done
[ -n "$port" ] || { echo "service did not start"; cat "$work/service.log"; exit 1; }
# The zero-setup database listens on loopback and admits only its generated password (kept beside its data).
export PGPASSWORD=$(cat "$work/postgres.password")
db="postgresql://postgres@127.0.0.1:$port/postgres"

echo "Loading 10,000 rooms and 1,000,000 participations ..."
psql -q "$db" -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO tenant VALUES ('bench-school', 'Bench', now());
INSERT INTO conference.room (id, tenant_id, name, purpose, max_participants, features, idle_timeout_seconds,
        max_duration_seconds, state, participants_now, peak_participants, created_at, empty_since, closed_at, close_reason)
SELECT md5('room' || r)::uuid, 'bench-school', 'Raum ' || r, 'LESSON', 100, '{AUDIO}', 900, 28800,
       CASE WHEN r <= 1000 THEN 'CLOSED' ELSE 'OPEN' END, 0, 100,
       CASE WHEN r <= 1000 THEN now() - interval '6 days 20 hours' ELSE now() - interval '1 hour' END, now(),
       CASE WHEN r <= 1000 THEN now() - interval '6 days 19 hours' END,
       CASE WHEN r <= 1000 THEN 'CLOSED' END
FROM generate_series(1, 10000) r;
INSERT INTO conference.participation (id, tenant_id, room_id, subject_id, display_name, role, allowed, capabilities,
        joined_at, left_at, leave_reason)
SELECT gen_random_uuid(), 'bench-school', md5('room' || r)::uuid, 'p-' || p, 'Pupil ' || p, 'PUPIL', '{AUDIO}', '{AUDIO}',
       now() - interval '1 hour', CASE WHEN r <= 1000 THEN now() END, CASE WHEN r <= 1000 THEN 'ROOM_CLOSED' END
FROM generate_series(1, 10000) r, generate_series(1, 100) p;
ANALYZE;
SQL
psql -qtA "$db" -c "SELECT 'participations: ' || count(*) FROM conference.participation"

# The statement of PurgeService.purgeRooms, with PurgeJob's batch of 500 rooms; retention P7D.
purge="DELETE FROM conference.room WHERE id IN (SELECT id FROM conference.room
       WHERE (state = 'CLOSED' AND closed_at <= now() - interval '6 days 12 hours') OR created_at <= now() - interval '7 days'
       LIMIT 500 FOR UPDATE SKIP LOCKED)"
# (The window here is 6.5 days so that exactly the 1,000 rooms closed 6 days 19 hours ago are due.)

start=$(date +%s%N)
batches=0
while :; do
  deleted=$(psql -qtA "$db" -c "WITH d AS ($purge RETURNING 1) SELECT count(*) FROM d")
  batches=$((batches + 1))
  [ "$deleted" -lt 500 ] && break
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
left=$(psql -qtA "$db" -c "SELECT count(*) FROM conference.participation")
echo "purged $((1000000 - left)) participations (1,000 rooms) in $batches batches: ${elapsed_ms} ms; $left participations remain"
