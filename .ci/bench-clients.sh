#!/usr/bin/env bash
# Benchmark of the fuzzingserver (testing WebSocket clients): runs `wstest -m fuzzingserver` (this repo's tool, Release)
# on 127.0.0.1 and one of ../shared/clients' testee loops against it, unchanged, and prints the wall time, the fuzzer's
# CPU time and the client's CPU time, then compares the verdicts with wstest's for the same client.
# Usage: .ci/bench-clients.sh SHARED_DIR [CLIENT=ws] [CASES=quick|1-10|all] [TABLE=CLIENT]
#   quick = sections 1-7, 10 (247 cases); 1-10 = sections 1-7, 9, 10 (301, as wstest's published run); all = the 517. wstest's own times: SHARED_DIR/autobahn/wstest-results/clients/README.md
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:?usage: bench-clients.sh SHARED_DIR [client] [quick|all]}" && pwd)
client=${2:-ws}
which=${3:-quick}
table=${4:-$client}
case "$which" in
  quick) cases='["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"]' ;;
  1-10) cases='["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "9.*", "10.*"]' ;;
  all) cases='["*"]' ;;
  *) echo "CASES must be quick, 1-10 or all" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'kill "$fuzzer" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build src/Autobahn.Wstest.Tool -c Release -nologo -v q -o "$work/tool" > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/fuzzingserver.json" <<JSON
{"url": "ws://127.0.0.1:$port", "outdir": "$work/reports", "cases": $cases}
JSON

/usr/bin/time -f "%e %U %S" -o "$work/fuzzer.time" dotnet "$work/tool/Autobahn.Wstest.Tool.dll" -m fuzzingserver -s "$work/fuzzingserver.json" -u 0 > "$work/fuzzer.log" 2>&1 &
fuzzer=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# The testee loop: getCaseCount, runCase 1..N, updateReports, exactly as the client project runs it against wstest.
# Its first run installs or builds the client (npm install, dotnet build): run once before measuring.
/usr/bin/time -f "%e %U %S" -o "$work/client.time" sh "$shared/clients/$client/run.sh" "ws://127.0.0.1:$port" "$client" > "$work/client.log" 2>&1

# /stopServer: a bare upgrade request is enough; the fuzzer stops without answering.
printf 'GET /stopServer HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n' "$port" \
  > "/dev/tcp/127.0.0.1/$port" || true
wait "$fuzzer" || true

python3 - "$work" "$client" "$shared/autobahn/wstest-results/clients/$table.tsv" <<'PY'
import json, sys
work, client, table = sys.argv[1:4]
fe, fu, fs = map(float, open(f"{work}/fuzzer.time").read().split()[-3:])
ce, cu, cs = map(float, open(f"{work}/client.time").read().split()[-3:])
ours = json.load(open(f"{work}/reports/index.json"))[client]
theirs = {l.split("\t")[0]: l.split("\t")[1:3] for l in open(table).read().splitlines()[1:] if l}
racy = {"3.2", "3.3", "3.4", "4.1.3", "4.1.4", "4.1.5", "4.2.3", "4.2.4", "4.2.5", "5.15"}
def agree(i, r):
    t = theirs[i]
    if [r["behavior"], r["behaviorClose"]] == t: return True
    return i in racy and r["behaviorClose"] == t[1] and {r["behavior"], t[0]} <= {"OK", "NON-STRICT"}
bad = [i for i, r in ours.items() if not agree(i, r)]
print(f"client {client}: {len(ours)} cases, {len(ours) - len(bad)} agree with wstest's {table.split('/')[-1]}" + (f"; differ: {', '.join(bad)}" if bad else ""))
print(f"wall (client loop) {ce:8.1f} s")
print(f"fuzzer CPU         {fu + fs:8.1f} s  (user {fu:.1f}, sys {fs:.1f})")
print(f"client CPU         {cu + cs:8.1f} s  (user {cu:.1f}, sys {cs:.1f})")
PY
