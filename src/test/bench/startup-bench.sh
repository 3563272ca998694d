#!/usr/bin/env bash
# Start-up and footprint of the packaged jar, with the JVM options k8s/ gives it.
#
#   src/test/bench/startup-bench.sh [runs] [ingests]          (defaults: 5 starts, 1000 ingests)
#
# Start: from the process's start to /q/health/ready answering 200 (the language-detection models loaded: "ready"
# means "can detect"), on a warm disk, after the first start has run the migrations; the median of [runs] starts.
# Footprint: the resident set (VmRSS) of the process after [ingests] stories in the languages of the test fixtures,
# each ingested as a new article, then after a full GC has had its chance (the JVM keeps what it has grown).
# The JVM sees the pod's memory limit through -XX:MaxRAM (MEMORY_LIMIT, default the base Deployment's 1g), as a
# container would through its cgroup; JAVA_OPTS defaults to the k8s ConfigMap's options.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-5}
INGESTS=${2:-1000}
PORT=${PORT:-18090}
MEMORY_LIMIT=${MEMORY_LIMIT:-1g}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseParallelGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"}
DATA=$(mktemp -d)
! curl -s -o /dev/null "http://127.0.0.1:$PORT/" || { echo "port $PORT is in use: set PORT" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

# starts the gateway; sets SERVER (its pid) and MS (milliseconds from the process start to ready)
start() {
  local t0 t1
  t0=$(date +%s%N)
  LINGOWIRE_ADMIN_PASSWORD=bench-secret QUARKUS_HTTP_PORT=$PORT LINGOWIRE_DATA_DIR="$DATA" \
    java -XX:MaxRAM="$MEMORY_LIMIT" $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$DATA/server.log" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  MS=$(( (t1 - t0) / 1000000 ))
}

stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status"; }

echo "JVM: -XX:MaxRAM=$MEMORY_LIMIT $JAVA_OPTS"
start; stop
echo "first start (migrations): $MS ms"
times=()
for _ in $(seq 1 "$RUNS"); do
  start
  times+=("$MS")
  stop
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "start to ready, $RUNS starts: $sorted ms; median $median ms"

start
echo "idle after start: $(rss_mb) MB resident"
files=(src/test/resources/fixtures/languages/*.txt)
for i in $(seq 1 "$INGESTS"); do
  f=${files[$(( i % ${#files[@]} ))]}
  { cat "$f"; printf '\n\nReference %s-%s.\n' "$i" "$RANDOM$RANDOM"; } |
    curl -s -o /dev/null -w '%{http_code}\n' -u admin:bench-secret -H 'Content-Type: text/plain; charset=utf-8' \
      --data-binary @- "http://127.0.0.1:$PORT/api/v1/articles"
done | sort | uniq -c | sed 's/^/  HTTP status of ingests: /'

echo "after $INGESTS ingests: $(rss_mb) MB resident"
jcmd "$SERVER" GC.run > /dev/null 2>&1 || true
sleep 2
echo "after $INGESTS ingests and a full GC: $(rss_mb) MB resident"
