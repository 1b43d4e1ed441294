# Shared by bench/join.sh, bench/chat.sh and bench/memory.sh: starts the packaged service on an embedded
# PostgreSQL and seeds a tenant, a policy, 2,000 pupils with consent and 40 rooms of 50.
#   JAR=path/quarkus-run.jar   another build (default: this checkout's, built if missing)
#   JAVA=path/bin/java         another JDK (default: java on PATH)
#   JAVA_OPTS="…"              JVM options, e.g. -Droomgate.token.native-crypto=false
#   PROFILE=/tmp/x.jfr         JFR profiles of the measured runs: /tmp/x-join.jfr, /tmp/x-floor.jfr, …
#   PROFILE_SETTINGS=file.jfc  JFR settings for them (default: the JDK's "profile", one sample per 10 ms)
#   BACKEND=jitsi-hs256        the tenant on Jitsi with HS256 tokens (a backend credential signed with the
#                              tenant's secret in every join response; Jitsi is never called, so no server
#                              is needed); default NATIVE
# Every figure is printed with the load average, because the machine may be shared.

jar=${JAR:-target/quarkus-app/quarkus-run.jar}
java=${JAVA:-java}
# Word splitting of JAVA_OPTS is wanted: it holds several options.
read -r -a java_opts <<< "${JAVA_OPTS:-}"
# The jar starts as the README says: with the class-data archive the build wrote beside it, if any.
[ ! -f "$(dirname "$jar")/app-cds.jsa" ] || java_opts=("-XX:SharedArchiveFile=$(dirname "$jar")/app-cds.jsa" "${java_opts[@]}")
base=http://localhost:18088

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need pgbench postgresql-client
need psql postgresql-client
[ -n "${JAR:-}" ] || [ -f "$jar" ] || ./mvnw -B -q package -DskipTests
load() { echo "(load average $(cut -d' ' -f1-3 /proc/loadavg))"; }
# wrk's summary, from the script's done(); never fails the pipeline, so pipefail cannot end the run silently.
wrk_line() { local out; out=$(wrk "$@") || true; printf '%s\n' "$out" | grep '^requests/s' || echo "requests/s 0 (wrk failed: $out)"; }
# CPU seconds the service has used so far, and per request over a wrk run: on a shared machine
# the rate follows the load, while the CPU a request costs stays about the same.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$service/stat"; }
# CPU milliseconds of the embedded PostgreSQL's processes alive now: the postmaster and its
# children, of which the pool's connections live through a whole run.
pg_cpu_ms() {
  local main
  main=$(head -1 "$work/postgres/postmaster.pid")
  for p in $main $(pgrep -P "$main"); do cat "/proc/$p/stat" 2>/dev/null || true; done \
    | awk -v hz="$(getconf CLK_TCK)" '{ s += $14 + $15 } END { printf "%d", s * 1000 / hz }'
}
# Runs wrk like wrk_line and appends the CPU milliseconds per request of the service and of
# PostgreSQL: together with wrk's own they bound the rate two cores can serve.
measured() {
  local before pg_before line after pg_after
  before=$(cpu_ms)
  pg_before=$(pg_cpu_ms)
  if [ -n "${PROFILE:-}" ]; then
    local script
    script=$(basename "$(printf '%s\n' "$@" | grep '\.lua$')" .lua)
    "$(dirname "$(command -v "$java")")/jcmd" "$service" JFR.start name="$script" settings=${PROFILE_SETTINGS:-profile} \
      duration="${seconds}s" filename="${PROFILE%.jfr}-$script.jfr" >/dev/null
  fi
  line=$(wrk_line "$@")
  after=$(cpu_ms)
  pg_after=$(pg_cpu_ms)
  printf '%s  service CPU/request %s ms  PostgreSQL CPU/request %s ms\n' "$line" \
    "$(per_request "$line" $((after - before)))" "$(per_request "$line" $((pg_after - pg_before)))"
}
# Milliseconds of CPU per request: $2 ms over a wrk run whose summary line is $1.
per_request() {
  awk -v l="$1" -v d="$2" -v t="$seconds" 'BEGIN { split(l, f, " "); printf "%.3f", (f[2] > 0 ? d / (f[2] * t) : 0) }'
}
# The "tps = N" of a pgbench run, read from a file so that no early-exiting grep breaks the pipe.
pgbench_tps() { pgbench "$@" > "$work/pgbench.out" 2>&1 || { cat "$work/pgbench.out" >&2; echo 0; return; }
  awk '/^tps = / { print $3; exit }' "$work/pgbench.out"; }

# Another benchmark still running would answer in this one's place and spoil both.
if curl -s -o /dev/null http://localhost:18088/ || curl -s -o /dev/null http://localhost:18087/; then
  echo "port 18088 or 18087 is in use: is another benchmark running?" >&2
  exit 1
fi
work=$(mktemp -d)
ops=bench-ops-key-$RANDOM$RANDOM
echo "$("$java" -version 2>&1 | head -1); jar $jar; options: ${java_opts[*]:-none}"
started=$(date +%s%N)
ROOMGATE_DATA_DIR="$work" QUARKUS_HTTP_PORT=18088 ROOMGATE_BOOTSTRAP_OPS_KEY=$ops \
  "$java" "${java_opts[@]}" -jar "$jar" > "$work/service.log" 2>&1 &
service=$!
# On exit: stop the service, and show what it logged at WARN or ERROR (ids and counts only, R4):
# a non-2xx count above is explained there (a 503 when the pool waited too long, say).
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; grep -E " (WARN|ERROR) " "$work/service.log" | cut -d" " -f3- | sort | uniq -c | sort -rn | head -5 || true; [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT
until curl -sf $base/q/health/ready >/dev/null; do
  kill -0 $service 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.1
done
echo "start to ready: $(( ($(date +%s%N) - started) / 1000000 )) ms (including the embedded PostgreSQL) $(load)"
grep -o 'Join tokens signed by .*' "$work/service.log" || true
port=$(grep -o 'embedded PostgreSQL at jdbc:postgresql://127.0.0.1:[0-9]*' "$work/service.log" | grep -o '[0-9]*$')
# The zero-setup database listens on loopback and admits only its generated password (kept beside its data).
export PGPASSWORD=$(cat "$work/postgres.password")
db="postgresql://postgres@127.0.0.1:$port/postgres"

post() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
post POST /api/v1/tenants "$ops" '{"id":"bench-school","name":"Bench"}' >/dev/null
key=$(post POST /api/v1/tenants/bench-school/api-keys "$ops" '{"role":"platform"}' | sed 's/.*"key":"\([^"]*\)".*/\1/')
case ${BACKEND:-native} in
  native) ;;
  jitsi-hs256) post PUT /api/v1/tenants/bench-school/backend "$ops" '{"kind":"JITSI","url":"https://meet.example",
      "appId":"roomgate","audience":"jitsi","algorithm":"HS256","appSecret":"bench-app-secret-0123456789abcdef0123"}' >/dev/null ;;
  *) echo "BACKEND is native or jitsi-hs256" >&2; exit 1 ;;
esac
echo "backend: ${BACKEND:-native}"
post PUT /api/v1/policy "$key" '{"version":"2020-11-19","title":"Nutzungsordnung","reconsentRequired":true}' >/dev/null
# 2,000 consents as the API stores them (one INSERT instead of 2,000 calls).
psql -q "$db" -v ON_ERROR_STOP=1 -c "INSERT INTO consent (id, tenant_id, subject_id, kind, policy_version,
    granted_by_name, granted_by_relation, scopes, purposes, recorded_at)
  SELECT gen_random_uuid(), 'bench-school', 'p-' || i, 'GRANT', '2020-11-19', 'Guardian', 'GUARDIAN',
    '{VIDEO,AUDIO,CHAT,SCREEN_SHARE,WHITEBOARD,FILES,POLLS,STATUS}', '{LESSON}', now()
  FROM generate_series(0, 1999) i"
for _ in $(seq 1 40); do
  post POST /api/v1/rooms "$key" '{"name":"Bench","purpose":"LESSON","maxParticipants":50}' >/dev/null
done
# Statistics as autovacuum keeps them on a database in use: without them PostgreSQL may find a
# room by scanning the tenant's rooms instead of by its key, for the service and the ceiling alike.
psql -q "$db" -c "ANALYZE"
psql -qtA "$db" -c "SELECT id FROM conference.room ORDER BY id" > "$work/rooms"
export ROOMS_FILE="$work/rooms" PLATFORM_KEY="$key"
# 200 pupils join, 5 in each of the 40 rooms; their tokens go to $work/tokens as "room token" lines.
join_one() {
  local room=$1 pupil=$2 token
  token=$(curl -sS -f -X POST "$base/api/v1/rooms/$room/join" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' -d "{\"subjectId\":\"p-$pupil\",\"displayName\":\"Pupil $pupil\",\"role\":\"PUPIL\"}" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  # One short write per line, so that the parallel joins never interleave within a line.
  [ -n "$token" ] && printf '%s %s\n' "$room" "$token"
}
join_pupils() {
  export -f join_one
  export base key
  awk '{ for (k = 0; k < 5; k++) print $1, (NR - 1) + 40 * k }' "$work/rooms" \
    | xargs -P 4 -n 2 bash -c 'join_one "$0" "$1"' > "$work/tokens" || true
}
