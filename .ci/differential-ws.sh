#!/usr/bin/env bash
# Differential test: our verdicts against wstest 0.8.2's published verdicts for node ws 8.18.3.
# Starts ../shared/servers/ws/run.sh on a free loopback port, runs every implemented case with the
# Autobahn.Wstest command, compares behavior/behaviorClose with wstest-results/ws.tsv, stops the server
# it started (by PID). Exit code 1 on any disagreement.
# Usage: .ci/differential-ws.sh [shared-dir]   (default: ../shared next to the repository)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$repo/../shared}
if [ ! -x "$shared/servers/ws/run.sh" ]; then
  echo "differential-ws: $shared/servers/ws/run.sh not found; skipping (needs the shared folder)" >&2
  exit 0
fi
export AUTOBAHN_SERVERS_WORK=${AUTOBAHN_SERVERS_WORK:-$(mktemp -d)}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$shared/servers/ws/run.sh" "$port" > "$AUTOBAHN_SERVERS_WORK/ws.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$AUTOBAHN_SERVERS_WORK/ws.log" >&2; exit 1; fi
  sleep 0.5
done
cat "$AUTOBAHN_SERVERS_WORK/ws.log"
dotnet run --project "$repo/src/Autobahn.Wstest" -c Release -- \
  --url "ws://127.0.0.1:$port/" --compare "$shared/autobahn/wstest-results/ws.tsv"
