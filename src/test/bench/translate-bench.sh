#!/usr/bin/env bash
# Translation throughput and memory-hit latency: articles translated through the gateway with Apertium APy next to
# the same articles sent straight to the same APy server, in one run; then a full memory-hit re-translation.
# APy direct is measured with 1, 2 and [threads] clients (APy slows down past two requests at once) and the best is
# the baseline, measured again after the gateway. The gateway is first warmed up in rounds of 250 untimed articles
# until its JIT compiler takes under 2 ms of CPU per article (at most WARMUP, 4000, articles), and again after APy
# direct (at most 4 rounds), as a JMH warm-up would; then RETRANSLATIONS (200) memory-hit runs. CPU per article of
# the gateway, its JIT compiler, its busiest threads and the APy processes comes from /proc.
# The gateway runs with the parallel collector, as k8s/base/deployment.yaml runs it; SERVER_JAVA_OPTS replaces that
# (SERVER_JAVA_OPTS= for the JVM's default G1). APY_CPUS and GATEWAY_CPUS (taskset lists, e.g. 0 and 1) give APy and
# the gateway (with this client) cores of their own, as separate pods would have; by default all share every core.
# Needs apertium-apy and apertium-eng-spa (Debian).
# Usage: [WARMUP=n] [RETRANSLATIONS=n] [SERVER_JAVA_OPTS=...] src/test/bench/translate-bench.sh [articles] [threads]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ARTICLES=${1:-300}
THREADS=${2:-4}
PORT=18080
APY_PORT=18082
WORK=$(mktemp -d)
[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
./mvnw -B -q test-compile
APY_ON=(); GATEWAY_ON=()
[ -n "${APY_CPUS:-}" ] && APY_ON=(taskset -c "$APY_CPUS")
[ -n "${GATEWAY_CPUS:-}" ] && GATEWAY_ON=(taskset -c "$GATEWAY_CPUS")
"${APY_ON[@]}" apertium-apy -p $APY_PORT /usr/share/apertium/modes > "$WORK/apy.log" 2>&1 &
APY=$!
LINGOWIRE_ADMIN_PASSWORD=bench-secret QUARKUS_HTTP_PORT=$PORT LINGOWIRE_DATA_DIR="$WORK/data" \
  LINGOWIRE_TRANSLATION_PROVIDERS=apertium-apy LINGOWIRE_PROVIDERS_APERTIUM_APY_URL="http://127.0.0.1:$APY_PORT" \
  LINGOWIRE_JOBS_THREADS=$THREADS QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  "${GATEWAY_ON[@]}" java -Xmx1g ${SERVER_JAVA_OPTS--XX:+UseParallelGC} -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
SERVER=$!
# APy does not always exit on SIGTERM (once it hung while restarting a pipeline): its whole tree goes after 5 s
# (every step may fail harmlessly: under set -e a failing step would end the clean-up and turn a finished run into
# exit code 1)
cleanup() {
  kill $SERVER $APY 2>/dev/null || true; sleep 5
  pkill -9 -P $APY 2>/dev/null || true; kill -9 $SERVER $APY 2>/dev/null || true
  wait $SERVER $APY 2>/dev/null || true; rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && curl -sf "http://127.0.0.1:$APY_PORT/listPairs" >/dev/null && break
  sleep 1
done
TOKEN=$(curl -sf -u admin:bench-secret -X POST "http://127.0.0.1:$PORT/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
"${GATEWAY_ON[@]}" java -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.lingowire.bench.TranslateLoad \
  --url "http://127.0.0.1:$PORT" --token "$TOKEN" --apy "http://127.0.0.1:$APY_PORT" \
  --articles "$ARTICLES" --threads "$THREADS" --retranslations "${RETRANSLATIONS:-200}" --warmup "${WARMUP:-4000}" \
  --server-pid "$SERVER" --apy-pid "$APY"
