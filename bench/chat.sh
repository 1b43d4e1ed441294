#!/usr/bin/env bash
# Participant requests against the database's ceiling: chat posts per second.
#   bench/chat.sh [seconds=15] [connections=16]
# Seeds through bench/lib.sh, lets 200 pupils join (5 in each of the 40 rooms), drives
# POST …/chat with their join tokens, then runs the post's statements with pgbench at the
# same concurrency. Last line: service / ceiling = N %.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
source bench/lib.sh

join_pupils
echo "pupils joined: $(wc -l < "$work/tokens")"
export TOKENS_FILE="$work/tokens"

echo "warm-up ..."
wrk -t2 -c"$connections" -d10s -s bench/chat.lua $base >/dev/null || true
echo "== chat posts, $connections connections, ${seconds}s $(load)"
service_line=$(measured -t2 -c"$connections" -d"${seconds}s" -s bench/chat.lua $base)
echo "$service_line"

echo "== pgbench, the post's statements, $connections clients, ${seconds}s $(load)"
scripts=()
index=0
psql -qtA -F' ' "$db" -c "SELECT DISTINCT ON (room_id) room_id, id, subject_id FROM conference.participation
  WHERE left_at IS NULL ORDER BY room_id, id" > "$work/participations"
while read -r room participation subject; do
  sed -e "s/ROOM_ID/$room/g" -e "s/PARTICIPATION_ID/$participation/g" -e "s/SUBJECT_ID/$subject/g" \
    bench/chat-ceiling.sql > "$work/ceiling-$index.sql"
  scripts+=(-f "$work/ceiling-$index.sql")
  index=$((index + 1))
done < "$work/participations"
ceiling=$(pgbench_tps -n -M prepared -c "$connections" -j 2 -T "$seconds" "${scripts[@]}" "$db")
echo "pgbench tps $ceiling"
service_rps=$(echo "$service_line" | awk '{print $2}')
echo "service / ceiling = $(awk -v s="$service_rps" -v c="$ceiling" 'BEGIN { printf "%.0f %%", (c > 0 ? 100 * s / c : 0) }')"
