# The four `dotnet test` runs of a fresh consumer project and their checks, shared by .ci/consumer-test.sh (xUnit v2)
# and .ci/consumer-test-v3.sh (xUnit v3). Sourced from the consumer project's folder, after the example has been built;
# uses the caller's $work, $started, say and fail. Runs: a developer's first run, accepting snapshots, a build server's
# run against the accepted files, and a tampered snapshot on a build server.

# Every build-server variable the package looks at, so that runs 1 and 2 behave like a developer's machine.
local_env=(env -u CI -u TF_BUILD -u GITHUB_ACTIONS -u GITLAB_CI -u JENKINS_URL -u TEAMCITY_VERSION -u BUILD_ID
  -u BUILDKITE -u APPVEYOR -u TRAVIS -u CIRCLECI -u BITBUCKET_BUILD_NUMBER -u CODEBUILD_BUILD_ID -u DRONE
  -u AUTOBAHN_ACCEPT_SNAPSHOTS -u AUTOBAHN_REPORTS_DIR -u AUTOBAHN_AGENT DiffEngine_Disabled=true)

run_tests() { # name, env..., -- dotnet test args
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  set +e
  "${envs[@]}" dotnet test --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$work/results" "$@" \
    > "$work/$name.log" 2>&1
  local code=$?
  set -e
  # Not dotnet test's own summary line: .ci/run adds those up, and runs 1 and 4 fail on purpose.
  echo "  dotnet test exited with $code"
  return $code
}

# Checks a run's trx (and the snapshot files and index.json) against what the README says.
check_run() { # name, expectation
  python3 - "$work/results/$1.trx" "$2" "$PWD" <<'PY'
import json, pathlib, re, sys
import xml.etree.ElementTree as ET

trx, expectation, project = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(trx).getroot()
results = {r.get("testName"): (r.get("outcome"), r.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns))
           for r in root.iterfind(".//t:UnitTestResult", ns)}
errors = []
def check(ok, message):
    if not ok: errors.append(message)

in_memory = [n for n in results if n.startswith(("1.", "7.1."))]
loopback = [n for n in results if n.startswith("2.")]
check(all(re.match(r"^\d+(\.\d+)+ · \S", n) for n in results), "a row is not named '<case> · <description>'")
if expectation != "tampered-on-ci":  # the whole class ran
    check(len(results) == 33, f"{len(results)} rows, expected 33 (16 of 1.*, 6 of 7.1.*, 11 of 2.*)")
    check(len(in_memory) == 22 and len(loopback) == 11, f"rows: {len(in_memory)} in memory, {len(loopback)} over loopback")
    check("1.1.1 · Send text message with payload 0." in results, "no row named '1.1.1 · Send text message with payload 0.'")
    check("2.2 · Send ping with small text payload." in results, "no row named '2.2 · Send ping with small text payload.'")

received = sorted(p.name for p in project.glob("*.received.txt"))
verified = sorted(p.name for p in project.glob("*.verified.txt"))
snapshot_names = sorted(f"EchoServerConformance.OverLoopback_caseId=2.{i}.{{}}.txt" for i in range(1, 12))

if expectation == "first-run":
    check(all(results[n][0] == "Passed" for n in in_memory), "an in-memory row did not pass")
    check(all(results[n][0] == "Failed" for n in loopback), "a snapshot row did not fail on the first run")
    message = results.get("2.2 · Send ping with small text payload.", ("", ""))[1]
    check("no accepted snapshot yet" in message and "AUTOBAHN_ACCEPT_SNAPSHOTS=1" in message,
          f"the first run's snapshot message does not say what to do: {message[:300]!r}")
    check(received == sorted(s.format("received") for s in snapshot_names), f"received files: {received}")
    check(verified == [], f"verified files after a first run: {verified}")
elif expectation == "all-pass":
    check(all(o == "Passed" for o, _ in results.values()),
          "rows did not pass: " + "; ".join(f"{n}: {o} {m[:200]}" for n, (o, m) in results.items() if o != "Passed"))
    check(received == [], f"received files left: {received}")
    check(verified == sorted(s.format("verified") for s in snapshot_names), f"verified files: {verified}")
    text = (project / "EchoServerConformance.OverLoopback_caseId=2.2.verified.txt").read_text(encoding="utf-8")
    check("2.2" in text and "OK" in text and "\r" not in text, f"2.2's snapshot: {text[:300]!r}")
    index = json.loads((project / "bin/Debug/net10.0/autobahn-reports/index.json").read_text(encoding="utf-8"))
    in_memory_agent = index.get("InMemory", {})
    check(len(in_memory_agent) == 22, f"index.json: {len(in_memory_agent)} cases under the agent InMemory, expected 22")
    check(in_memory_agent.get("7.1.6", {}).get("behavior") == "INFORMATIONAL", f"index.json 7.1.6: {in_memory_agent.get('7.1.6')}")
    check(in_memory_agent.get("1.1.1", {}).get("behavior") == "OK", f"index.json 1.1.1: {in_memory_agent.get('1.1.1')}")
    over_loopback = [a for a in index if a != "InMemory"]
    check(len(over_loopback) == 1 and len(index[over_loopback[0]]) == 11, f"index.json agents: { {a: len(c) for a, c in index.items()} }")
elif expectation == "tampered-on-ci":
    outcome, message = results.get("2.1 · Send ping without payload.", ("missing", ""))
    check(len(results) == 1 and outcome == "Failed", f"the tampered snapshot's row: {outcome}")
    check("differs from the accepted snapshot" in message and "never accepted" in message
          and "-a line the server never wrote" in message,
          f"the CI mismatch message: {message[:400]!r}")
    check("EchoServerConformance.OverLoopback_caseId=2.1.received.txt" in received, f"received files: {received}")
else:
    check(False, f"unknown expectation {expectation}")

print(f"  {expectation}: {sum(o == 'Passed' for o, _ in results.values())} passed, "
      f"{sum(o == 'Failed' for o, _ in results.values())} failed; received files {len(received)}, verified files {len(verified)}")
if errors:
    print("\n".join("run check: " + e for e in errors), file=sys.stderr)
    sys.exit(1)
PY
}

say "run 1: a developer's first run (no accepted snapshots yet)"
if run_tests first-run "${local_env[@]}" --; then fail "the first run passed without accepted snapshots"; fi
check_run first-run first-run || { cat "$work/first-run.log"; fail "run 1"; }

say "run 2: AUTOBAHN_ACCEPT_SNAPSHOTS=1"
run_tests accept "${local_env[@]}" AUTOBAHN_ACCEPT_SNAPSHOTS=1 -- || { cat "$work/accept.log"; fail "run 2 failed"; }
check_run accept all-pass || { cat "$work/accept.log"; fail "run 2"; }

say "run 3: on a build server (CI=true) against the accepted snapshots"
run_tests ci env -u AUTOBAHN_ACCEPT_SNAPSHOTS CI=true DiffEngine_Disabled=true -- || { cat "$work/ci.log"; fail "run 3 failed"; }
check_run ci all-pass || { cat "$work/ci.log"; fail "run 3"; }

say "run 4: a changed snapshot on a build server fails and is not accepted"
tampered=EchoServerConformance.OverLoopback_caseId=2.1.verified.txt
printf 'a line the server never wrote\n' >> "$tampered"
before=$(sha256sum "$tampered")
if run_tests tampered env CI=true AUTOBAHN_ACCEPT_SNAPSHOTS=1 DiffEngine_Disabled=true -- --filter "AutobahnCase=2.1"; then
  fail "a changed snapshot passed on a build server"
fi
check_run tampered tampered-on-ci || { cat "$work/tampered.log"; fail "run 4"; }
[ "$(sha256sum "$tampered")" = "$before" ] || fail "a build server accepted a snapshot"

elapsed=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $started }")
say "passed in ${elapsed} s wall time"
