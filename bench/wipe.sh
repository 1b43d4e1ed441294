#!/usr/bin/env bash
# Wipe of a full room (R6): 10,000 chat messages, 100 files of 1 MiB, 10,000 strokes; prints the
# time from the close until the receipt shows wipedAt. The wipe job runs every 200 ms here, so
# the figure is the wipe's own work plus at most one interval.
#   bench/wipe.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
ops=bench-ops-key-$RANDOM$RANDOM
ROOMGATE_DATA_DIR="$work" QUARKUS_HTTP_PORT=18086 ROOMGATE_BOOTSTRAP_OPS_KEY=$ops ROOMGATE_WIPE_INTERVAL=200ms \
  java -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf http://localhost:18086/q/health/ready >/dev/null; do sleep 0.1; done
java bench/WipeBench.java http://localhost:18086 "$ops"
