#!/usr/bin/env bash
# Memory of one instance under load, to size the heap inside the container's limit (README "Kubernetes").
#   JAVA_OPTS="-XX:MaxRAM=512m -XX:MaxRAMPercentage=80" bench/memory.sh [seconds=20]
# -XX:MaxRAM makes the JVM size itself as in a container with that memory limit. Seeds through
# bench/lib.sh, lets 200 pupils join, then drives joins and chat posts at once (16 connections
# each) while 20 files of 20 MB are uploaded one after another, and prints the heap the JVM chose,
# the resident set after each phase and its peak (VmHWM). PostgreSQL runs in its own processes
# and is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
source bench/lib.sh

rss() { awk '/^VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$service/status"; }
peak() { awk '/^VmHWM/ { printf "%d MiB", $2 / 1024 }' "/proc/$service/status"; }
echo "max heap: $("$(dirname "$(command -v "$java")")/jcmd" "$service" VM.flags 2>/dev/null \
  | tr ' ' '\n' | awk -F= '/^-XX:MaxHeapSize=/ { printf "%d MiB", $2 / 1048576 }')"
echo "RSS after start and seeding: $(rss)"

join_pupils
export TOKENS_FILE="$work/tokens"
echo "pupils joined: $(wc -l < "$work/tokens"); RSS $(rss)"

head -c 20000000 /dev/urandom > "$work/upload.bin"
read -r upload_room upload_token < "$work/tokens"
uploads() {
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base/api/v1/rooms/$upload_room/files" \
      -H "Authorization: Bearer $upload_token" -F "file=@$work/upload.bin;type=application/octet-stream"
  done | sort | uniq -c | awk '{ printf "%s× %s ", $1, $2 }'
}
echo "== joins and chat posts for ${seconds}s, 20 uploads of 20 MB meanwhile $(load)"
DELAY_MS=0 wrk_line -t1 -c16 -d"${seconds}s" -s bench/join.lua $base > "$work/joins" &
joins=$!
wrk_line -t1 -c16 -d"${seconds}s" -s bench/chat.lua $base > "$work/chats" &
chats=$!
echo "uploads: $(uploads)"
wait $joins $chats
echo "joins: $(cat "$work/joins")"
echo "chat:  $(cat "$work/chats")"
echo "RSS after the load: $(rss); peak RSS: $(peak)"
