#!/usr/bin/env bash
# Issue 15, part 1, as a user meets it: `dotnet test` of the samples' AnyServerConformance (all 517 rows) against a
# server that accepts TCP and never answers (deadlocked or overloaded), once one row at a time and once with the
# rows running concurrently (the package's test framework). Every row must fail, none pass; after the first two,
# each must fail at once with
# "<url> did not answer the opening handshake within 5 s in cases 1.1.1 and 1.1.2; not retried" (concurrent rows may
# name two others). Prints each run's duration; before issue 15 such a run took 863 s.
# Usage: .ci/unanswering-server.sh            (needs dotnet and python3; builds the samples first)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/autobahn-unanswering.XXXXXX")
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
fail() { printf 'unanswering-server: FAILED: %s\n' "$*" >&2; exit 1; }

# The silent server: a free loopback port, written to a file once it listens.
python3 - "$work/port" <<'PY' &
import socket, sys, threading
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1024)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
def drain(c):
    try:
        while c.recv(65536):
            pass
    except OSError:
        pass
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=drain, args=(c,), daemon=True).start()
PY
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the silent server did not start"
url="ws://127.0.0.1:$(cat "$work/port")/"

dotnet build "$repo/samples/Autobahn.Samples.Tests" -nologo -v q -clp:NoSummary >/dev/null

for concurrency in 1 ""; do
  log="$work/run${concurrency:-ahead}.txt"
  started=$EPOCHREALTIME
  AUTOBAHN_CONCURRENCY=$concurrency AUTOBAHN_SERVER_URL=$url AUTOBAHN_REPORTS_DIR="$work/reports" \
    dotnet test "$repo/samples/Autobahn.Samples.Tests" --no-build --filter "FullyQualifiedName~AnyServerConformance" >"$log" 2>&1 || true
  seconds=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $started }")
  summary=$(grep -E '(Passed|Failed)! +- +Failed:' "$log" || true)
  not_retried=$(grep -cE "^ +Autobahn.Xunit.AutobahnCaseFailedException : ${url//./\\.} did not answer the opening handshake within 5 s in cases [0-9.]+ and [0-9.]+; not retried$" "$log" || true)
  mode="concurrently"; [ -n "$concurrency" ] && mode="one at a time"
  printf 'unanswering-server: %s: %s (%s s wall, %s rows not retried)\n' "$mode" "$summary" "$seconds" "$not_retried"
  [[ $summary == *"Failed:   517, Passed:     0, Skipped:     0, Total:   517"* ]] || fail "expected 517 failed rows: $summary"
  [ "$not_retried" -ge 505 ] || fail "only $not_retried rows failed at once"
done
