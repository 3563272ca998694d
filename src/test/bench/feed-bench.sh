#!/usr/bin/env bash
# Partner feed throughput and latency: a 20-item ninjs page from the gateway (200 path and the If-None-Match 304 path)
# next to nginx serving the same bytes as a static file, with the same load tool (wrk), in one run; then signed
# webhook deliveries per second to a local receiver (nginx answering 204 and logging each POST it got).
# Needs nginx and wrk (Debian: apt-get install -y nginx wrk).
# Usage: src/test/bench/feed-bench.sh [seconds] [connections] [deliveries]   (defaults: 20 s, 64 connections, 1000)
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-20}
CONNECTIONS=${2:-64}
DELIVERIES=${3:-1000}
THREADS=2
PORT=18080
NGINX_PORT=18081
RECEIVER_PORT=18082
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk: apt-get install -y nginx wrk"; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -q package -DskipTests

# one attempt per delivery: while the receiver is down they go dead at once, to be replayed in bulk when it is up
LINGOWIRE_ADMIN_PASSWORD=bench-secret QUARKUS_HTTP_PORT=$PORT LINGOWIRE_DATA_DIR="$WORK/data" \
  LINGOWIRE_SYNDICATION_PUBLIC_URL="$BASE" QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  LINGOWIRE_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 LINGOWIRE_WEBHOOKS_RETRY_SCHEDULE=0s \
  java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done

# a partner entitled to English from one source, with a webhook endpoint on the (not yet started) receiver,
# and stories from that source: 25 for the feed page, the rest to make deliveries
curl -sf -u admin:bench-secret -H 'Content-Type: application/json' \
  -d '{"name":"Bench","languages":["en"],"sources":["bench"],"rateLimit":100000000}' "$BASE/api/v1/partners" \
  > "$WORK/partner.json"
KEY=$(sed 's/.*"apiKey":"\([^"]*\)".*/\1/' "$WORK/partner.json")
first_id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
PARTNER=$(first_id < "$WORK/partner.json")
ENDPOINT=$(curl -sf -u admin:bench-secret -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\"}" "$BASE/api/v1/partners/$PARTNER/webhooks" | first_id)
STORIES=$(( 25 > DELIVERIES ? 25 : DELIVERIES ))
for i in $(seq 1 "$STORIES"); do
  printf 'Story %s: schools reopen\n\ndate 2026-11-20 (MENAFN- Khaama Press) Officials said on Friday that %s schools would reopen next week after repairs costing $1.5 million.\n\nThe ministry said teachers had been paid and that books would arrive by Monday. Story number %s.\n' "$i" "$i" "$i" \
    | curl -sf -u admin:bench-secret -H 'Content-Type: text/plain; charset=utf-8' --data-binary @- \
      "$BASE/api/v1/articles?source=bench" >/dev/null
done
pending() { curl -sf -u admin:bench-secret "$BASE/api/v1/deliveries?endpoint=$ENDPOINT&status=pending&limit=1" | grep -c '"id"' || true; }
URL="$BASE/partner/v1/feed?limit=20"
curl -sf -H "Authorization: Bearer $KEY" -D "$WORK/headers" -o "$WORK/feed.json" "$URL"
ETAG=$(grep -i '^etag:' "$WORK/headers" | cut -d' ' -f2- | tr -d '\r')
ITEMS=$(grep -o '"uri":"urn:lingowire' "$WORK/feed.json" | wc -l)
echo "page: $ITEMS items, $(wc -c < "$WORK/feed.json") bytes, ETag $ETAG"

# every delivery made while the receiver is down, and dead after its one attempt
sleep 3
for _ in $(seq 1 300); do [ "$(pending)" = 0 ] && break; sleep 1; done

mkdir -p "$WORK/www" "$WORK/nginx"
cp "$WORK/feed.json" "$WORK/www/feed.json"
chmod 755 "$WORK"; chmod -R a+rX "$WORK/www"   # nginx workers run as an unprivileged user
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  default_type application/json;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; etag on; }
  server { listen 127.0.0.1:$RECEIVER_PORT; location /hook { access_log $WORK/received.log; return 204; } }
}
CONF
nginx -c "$WORK/nginx.conf"
sleep 1
NGINX_ETAG=$(curl -sfI "http://127.0.0.1:$NGINX_PORT/feed.json" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')

run() { # name, then wrk arguments; prints "name req/s p99"
  local name=$1; shift
  wrk -t$THREADS -c"$CONNECTIONS" -d1s "$@" >/dev/null 2>&1 || true   # warm-up
  wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" > "$WORK/$name.txt" 2>&1
  local rps p99 status
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.txt")
  status=$(grep -c 'Non-2xx' "$WORK/$name.txt" || true)
  printf '%-22s %12s req/s   p99 %10s   %s\n' "$name" "$rps" "$p99" "$( [ "$status" = 0 ] || grep 'Non-2xx' "$WORK/$name.txt")"
  echo "$rps" > "$WORK/$name.rps"
}
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION s each (side by side, same machine)"
run gateway-200 -H "Authorization: Bearer $KEY" "$URL"
run nginx-200 "http://127.0.0.1:$NGINX_PORT/feed.json"
run gateway-304 -H "Authorization: Bearer $KEY" -H "If-None-Match: $ETAG" "$URL"
run nginx-304 -H "If-None-Match: $NGINX_ETAG" "http://127.0.0.1:$NGINX_PORT/feed.json"
ratio() { awk -v a="$(cat "$WORK/$1.rps")" -v b="$(cat "$WORK/$2.rps")" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio gateway/nginx: 200 path $(ratio gateway-200 nginx-200), 304 path $(ratio gateway-304 nginx-304)   (target >= 0.5, p99 <= 50 ms)"

# deliveries: every one went dead while the receiver was down; replay them all at once and time until none is pending
: > "$WORK/received.log"
START=$(date +%s.%N)
REPLAYED=$(curl -sf -u admin:bench-secret -X POST "$BASE/api/v1/deliveries/redeliver?endpoint=$ENDPOINT&status=dead" \
  | sed 's/.*"redelivered":\([0-9]*\).*/\1/')
for _ in $(seq 1 3000); do [ "$(pending)" = 0 ] && break; sleep 0.1; done
END=$(date +%s.%N)
RECEIVED=$(wc -l < "$WORK/received.log")
awk -v n="$RECEIVED" -v r="$REPLAYED" -v s="$START" -v e="$END" 'BEGIN {
  printf "deliveries: %d replayed, %d received by the local receiver in %.2f s: %.0f signed deliveries/s\n", r, n, e - s, n / (e - s) }'
