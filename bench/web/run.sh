#!/usr/bin/env bash
# Web server under load (issue #11; wrk from Debian): POST /api/validate latency with 16
# connections for 30 s, 10 renders at once, and the server's RSS before and after 10,000
# requests. Release build; prints one line per figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/shenbao}
PORT=${PORT:-18080}
DURATION=${DURATION:-30s}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }
[ -x "$BIN" ] || swift build -c release --product shenbao
work=$(mktemp -d)
"$BIN" serve --port "$PORT" > "$work/serve.out" 2> /dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
base="http://127.0.0.1:$PORT"

# The body wrk posts: the sample application.
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
local f = io.open("templates/samples/application.yaml", "rb"); wrk.body = f:read("*a"); f:close()
wrk.headers["Content-Type"] = "application/yaml"
LUA
curl -sf -X POST --data-binary @templates/samples/application.yaml "$base/api/validate" > /dev/null
echo "RSS after start and one request: $(rss)"

echo "POST /api/validate, 16 connections, $DURATION:"
wrk -t2 -c16 -d"$DURATION" --latency -s "$work/post.lua" "$base/api/validate" | grep -E "Latency|50%|99%|Requests/sec"

# Ten renders at once, started together from one client process and each timed there (ten curl
# processes spent their own start-up on the server's two cores), five rounds.
curl -sf -X POST --data-binary @templates/samples/application.yaml "$base/api/render/application" -o /dev/null
for round in 1 2 3 4 5; do
  echo "10 renders at once, seconds each (round $round): $(python3 bench/web/concurrent.py "$base/api/render/application" templates/samples/application.yaml 10)"
done

# Memory over 10,000 requests, 16 at a time, each counted (wrk runs for a time, not a count).
before=$(rss)
seq 10000 | xargs -P 16 -I{} curl -sf -o /dev/null -X POST --data-binary @templates/samples/application.yaml "$base/api/validate"
echo "RSS before 10,000 requests: $before; after: $(rss)"
