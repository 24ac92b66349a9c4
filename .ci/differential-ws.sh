#!/usr/bin/env bash
# Differential test and benchmark: our verdicts against wstest 0.8.2's published verdicts for node ws 8.18.3
# (permessage-deflate on), all 517 cases. Autobahn.Wstest starts ../shared/servers/ws/run.sh on a free loopback port,
# compares behavior/behaviorClose with wstest-results/ws.tsv, prints wall time, its own CPU time and the server's CPU
# time per section, and stops the server it started (by PID). Exit code 1 on any disagreement.
# Usage: .ci/differential-ws.sh [shared-dir] [extra Autobahn.Wstest arguments...]   (default: ../shared)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$repo/../shared}
shift || true
if [ ! -x "$shared/servers/ws/run.sh" ]; then
  echo "differential-ws: $shared/servers/ws/run.sh not found; skipping (needs the shared folder)" >&2
  exit 0
fi
export AUTOBAHN_SERVERS_WORK=${AUTOBAHN_SERVERS_WORK:-$(mktemp -d)}
dotnet run --project "$repo/src/Autobahn.Wstest" -c Release -- \
  --server "$shared/servers/ws/run.sh" --compare "$shared/autobahn/wstest-results/ws.tsv" "$@"
