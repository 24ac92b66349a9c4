#!/usr/bin/env bash
# Discovery of the xUnit v3 adapter as a user sees it, through both ways of running an xUnit v3 test project:
#   - dotnet test (VSTest → xunit.runner.visualstudio → our discoverer): --list-tests, --filter by trait and case;
#   - the test project's own executable (xUnit v3's in-process runner): -list, -trait, -class, -method.
# The rows of a theory, their display names, that a trait selects exactly one section, that skipped rows say why, and
# that UNIMPLEMENTED is xUnit v3's own skip. Fast: one (incremental) build, then --no-build; only a few rows run.
set -euo pipefail
cd "$(dirname "$0")/.."

project=samples/Autobahn.Samples.V3Tests
exe=$project/bin/Debug/net10.0/Autobahn.Samples.V3Tests
theory=InProcessKestrelConformance
class=Autobahn.Samples.V3Tests.$theory
# All of wstest's cases: sections 1-7, 9, 10, 12 and 13.
implemented=517

fail() { echo "discovery-v3: FAILED: $*" >&2; exit 1; }
ok() { echo "discovery-v3: ok: $*"; }

# The names `dotnet test --list-tests` prints, one per line, without its header and indentation.
list() {
  dotnet test "$project" --no-build --list-tests --filter "$1" \
    | sed -n '/^The following Tests are available:/,$p' | tail -n +2 | sed 's/^    //'
}

# The names the executable's -list prints (no colours: not a terminal), one per line.
exe_list() {
  "$exe" -list tests -nocolor "$@" | grep ' · ' || true
}

dotnet build "$project" -v q -nologo > /dev/null

# 1. One row per implemented case, each once, named "<id> · <description>", through dotnet test and the executable.
rows=$(list "FullyQualifiedName~$theory")
count=$(grep -c . <<< "$rows" || true)
[ "$count" -eq "$implemented" ] || fail "dotnet test lists $count rows of $theory, expected $implemented"
dups=$(sort <<< "$rows" | uniq -d)
[ -z "$dups" ] || fail "rows listed twice: $dups"
misnamed=$(grep -v -E '^[0-9]+(\.[0-9]+)+ · .+' <<< "$rows" || true)
[ -z "$misnamed" ] || fail "rows not named '<id> · <description>': $misnamed"
grep -qxF '2.2 · Send ping with small text payload.' <<< "$rows" || fail "no row named '2.2 · Send ping with small text payload.'"
grep -qxF '9.1.1 · Send text message message with payload of length 64 * 2**10 (64k).' <<< "$rows" || fail "no row for 9.1.1"
exe_rows=$(exe_list -class "$class")
[ "$(sort <<< "$exe_rows")" = "$(sort <<< "$rows")" ] || fail "the executable's -list differs from dotnet test --list-tests"
ok "$theory: $count rows, named '<id> · <description>', the same through dotnet test and the executable"

# 2. The section trait selects exactly section 2 (2.1 ... 2.11), nothing else.
expected=$(seq 1 11 | sed 's/^/2./')
section=$(list "AutobahnSection=2&FullyQualifiedName~$theory" | cut -d' ' -f1 | sort -V)
[ "$section" = "$expected" ] || fail "--filter AutobahnSection=2 selected: $(tr '\n' ' ' <<< "$section")"
exe_section=$(exe_list -class "$class" -trait "AutobahnSection=2" | sed 's/^ *//' | cut -d' ' -f1 | sort -V)
[ "$exe_section" = "$expected" ] || fail "-trait AutobahnSection=2 selected: $(tr '\n' ' ' <<< "$exe_section")"
ok "--filter AutobahnSection=2 and -trait AutobahnSection=2 select exactly 2.1 ... 2.11"

# 3. The category and case traits; the executable's full listing shows the traits.
category=$(list "AutobahnCategory=Pings/Pongs&FullyQualifiedName~$theory" | cut -d' ' -f1 | sort -V)
[ "$category" = "$expected" ] || fail "AutobahnCategory=Pings/Pongs selected: $(tr '\n' ' ' <<< "$category")"
single=$(list "AutobahnCase=6.4.3&FullyQualifiedName~$theory")
# Descriptions longer than 100 characters are cut at a word and end with "…".
[ "$single" = "6.4.3 · Same as Case 6.4.1, but we send message not in 3 frames, but in 3 chops of the same message frame.…" ] \
  || fail "AutobahnCase=6.4.3 selected: $single"
full=$("$exe" -list full -nocolor -class "$class" -trait "AutobahnCase=6.4.3")
for trait in '"AutobahnCase": ["6.4.3"]' '"AutobahnSection": ["6"]' '"AutobahnCategory": ["UTF-8 Handling"]'; do
  grep -qF "$trait" <<< "$full" || fail "-list full does not show $trait:
$full"
done
ok "--filter AutobahnCategory=Pings/Pongs and AutobahnCase=6.4.3; -list full shows the traits"

# 4. Skipped rows say why: AnyServerConformance without AUTOBAHN_SERVER_URL, through dotnet test and the executable.
out=$(env -u AUTOBAHN_SERVER_URL dotnet test "$project" --no-build --logger "console;verbosity=normal" \
  --filter "FullyQualifiedName~AnyServerConformance&AutobahnSection=2" 2>&1 || true)
reasons=$(grep -c -F 'Set AUTOBAHN_SERVER_URL=ws://127.0.0.1:9001/ to run the suite against your server' <<< "$out" || true)
[ "$reasons" -eq 11 ] || fail "expected 11 skip reasons through dotnet test, saw $reasons:
$out"
grep -qE '^ +Skipped: 11$' <<< "$out" && grep -qE '^Total tests: 11$' <<< "$out" || fail "dotnet test does not say 11 skipped of 11:
$out"
out=$(env -u AUTOBAHN_SERVER_URL "$exe" -nocolor -class Autobahn.Samples.V3Tests.AnyServerConformance -trait "AutobahnSection=2" 2>&1 || true)
grep -qE 'Total: 11, Errors: 0, Failed: 0, Skipped: 11' <<< "$out" || fail "the executable does not say 11 skipped of 11:
$out"
ok "skipped rows show their reason (dotnet test and the executable)"

# 5. UNIMPLEMENTED is xUnit v3's own skip, with the reason: the in-memory client offers no permessage-deflate.
out=$("$exe" -nocolor -method "Autobahn.Samples.V3Tests.InMemoryClientConformance.Conforms" -trait "AutobahnCase=12.1.1" -trait "AutobahnCase=1.1.1" 2>&1 || true)
grep -qE 'Total: 2, Errors: 0, Failed: 0, Skipped: 1' <<< "$out" || fail "-method with two cases did not give 1 passed and 1 skipped:
$out"
grep -qF 'UNIMPLEMENTED' <<< "$out" || fail "the UNIMPLEMENTED row's reason is not shown:
$out"
ok "-method runs one theory; UNIMPLEMENTED is a skip with its reason"

# The README's xUnit v3 class is the v3 sample's file, verbatim.
readme_class=$(awk '
  /^## xUnit v3$/ { inside = 1; next }
  /^## / { inside = 0 }
  inside && /^```csharp$/ && !done { capture = 1; next }
  capture && /^```$/ { capture = 0; done = 1; next }
  capture { print }
' README.md)
[ -n "$readme_class" ] || fail "no csharp block in README's xUnit v3 section"
diff -u "$project/InProcessKestrelConformance.cs" <(printf '%s\n' "$readme_class") > /dev/null \
  || fail "README's xUnit v3 class differs from $project/InProcessKestrelConformance.cs"
ok "README's xUnit v3 class is $project/InProcessKestrelConformance.cs"
