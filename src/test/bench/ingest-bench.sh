#!/usr/bin/env bash
# Ingest throughput: the gateway's full ingest path next to bare Apache Tika on the same corpus, in one run.
# Usage: src/test/bench/ingest-bench.sh [seconds] [threads]     (defaults: 30 s, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_MEASURED=${1:-30}
THREADS=${2:-2}
PORT=18080
DATA=$(mktemp -d)
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
LINGOWIRE_ADMIN_PASSWORD=bench-secret LINGOWIRE_WEBHOOKS_SECRET_KEY=$(head -c 32 /dev/urandom | base64) QUARKUS_HTTP_PORT=$PORT LINGOWIRE_DATA_DIR="$DATA" \
  QUARKUS_LOG_CONSOLE_LEVEL=WARN java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
TOKEN=$(curl -sf -u admin:bench-secret -X POST "http://localhost:$PORT/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
java -Xmx2g -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.lingowire.bench.IngestLoad \
  --url "http://localhost:$PORT" --token "$TOKEN" --corpus "${CORPUS:-src/test/resources/fixtures}" \
  --seconds "$SECONDS_MEASURED" --threads "$THREADS" --warmup "${WARMUP:-15}" --server-pid "$SERVER"
