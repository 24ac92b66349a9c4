#!/usr/bin/env bash
# Discovery as a user sees it, through the real runner (dotnet test → VSTest → xunit.runner.visualstudio → our
# discoverer): the rows of a theory, their display names, that a trait filter selects exactly one section, and that
# skipped rows say why. xUnit v2 silently collapses a theory into one test when discovery throws; this catches it.
# Fast: one (incremental) build, then --no-build; only skipped rows run.
set -euo pipefail
cd "$(dirname "$0")/.."

project=samples/Autobahn.Samples.Tests
theory=InProcessKestrelConformance
# All of wstest's cases: sections 1-7, 9, 10, 12 and 13.
implemented=517

fail() { echo "discovery: FAILED: $*" >&2; exit 1; }
ok() { echo "discovery: ok: $*"; }

# The names `dotnet test --list-tests` prints, one per line, without its header and indentation.
list() {
  dotnet test "$project" --no-build --list-tests --filter "$1" \
    | sed -n '/^The following Tests are available:/,$p' | tail -n +2 | sed 's/^    //'
}

dotnet build "$project" -v q -nologo > /dev/null

# 1. One row per implemented case, each once, named "<id> · <description>".
rows=$(list "FullyQualifiedName~$theory")
count=$(grep -c . <<< "$rows" || true)
[ "$count" -eq "$implemented" ] || fail "$theory lists $count rows, expected $implemented"
dups=$(sort <<< "$rows" | uniq -d)
[ -z "$dups" ] || fail "rows listed twice: $dups"
misnamed=$(grep -v -E '^[0-9]+(\.[0-9]+)+ · .+' <<< "$rows" || true)
[ -z "$misnamed" ] || fail "rows not named '<id> · <description>': $misnamed"
grep -qxF '2.2 · Send ping with small text payload.' <<< "$rows" || fail "no row named '2.2 · Send ping with small text payload.'"
grep -qxF '9.1.1 · Send text message message with payload of length 64 * 2**10 (64k).' <<< "$rows" || fail "no row for 9.1.1"
ok "$theory: $count rows, named '<id> · <description>'"

# 2. The section trait selects exactly section 2 (2.1 ... 2.11), nothing else.
section=$(list "AutobahnSection=2&FullyQualifiedName~$theory" | cut -d' ' -f1 | sort -V)
expected=$(seq 1 11 | sed 's/^/2./')
[ "$section" = "$expected" ] || fail "AutobahnSection=2 selected: $(tr '\n' ' ' <<< "$section")"
ok "--filter AutobahnSection=2 selects exactly 2.1 ... 2.11"

# 3. The category and case traits.
category=$(list "AutobahnCategory=Pings/Pongs&FullyQualifiedName~$theory" | cut -d' ' -f1 | sort -V)
[ "$category" = "$expected" ] || fail "AutobahnCategory=Pings/Pongs selected: $(tr '\n' ' ' <<< "$category")"
single=$(list "AutobahnCase=6.4.3&FullyQualifiedName~$theory")
# Descriptions longer than 100 characters are cut at a word and end with "…".
[ "$single" = "6.4.3 · Same as Case 6.4.1, but we send message not in 3 frames, but in 3 chops of the same message frame.…" ] \
  || fail "AutobahnCase=6.4.3 selected: $single"
ok "--filter AutobahnCategory=Pings/Pongs and AutobahnCase=6.4.3"

# 4. Skipped rows say why: AnyServerConformance without AUTOBAHN_SERVER_URL.
out=$(env -u AUTOBAHN_SERVER_URL dotnet test "$project" --no-build --logger "console;verbosity=normal" \
  --filter "FullyQualifiedName~AnyServerConformance&AutobahnSection=2" 2>&1 || true)
skips=$(grep -c -E '^\[xUnit\.net [0-9:.]+\] +2\.[0-9]+ · .* \[SKIP\]$' <<< "$out" || true)
reasons=$(grep -c -F 'Set AUTOBAHN_SERVER_URL=ws://127.0.0.1:9001/ to run the suite against your server' <<< "$out" || true)
[ "$skips" -eq 11 ] || fail "expected 11 skipped section-2 rows, saw $skips:
$out"
[ "$reasons" -eq 11 ] || fail "expected 11 skip reasons, saw $reasons"
grep -qE '^Total tests: 11$' <<< "$out" && grep -qE '^ +Skipped: 11$' <<< "$out" || fail "summary does not say 11 skipped of 11:
$out"
ok "skipped rows show their reason"

# 5. The README's "First five minutes" code blocks are the sample files they name, verbatim.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '
  /^## First five minutes/ { inside = 1 }
  /^## Try it/             { inside = 0 }
  inside && match($0, /`[A-Za-z]+\.cs`:$/) { file = substr($0, RSTART + 1, RLENGTH - 3); next }
  inside && file != "" && /^```csharp$/ { capture = 1; next }
  capture && /^```$/ { capture = 0; file = ""; next }
  capture { print > (dir "/" file) }
' README.md
checked=0
for block in "$tmp"/*.cs; do
  [ -e "$block" ] || fail "no code blocks found in README's First five minutes"
  name=$(basename "$block")
  diff -u "samples/Autobahn.Samples.Tests/$name" "$block" > /dev/null || fail "README's $name differs from samples/Autobahn.Samples.Tests/$name"
  checked=$((checked + 1))
done
ok "README's First five minutes: $checked code blocks identical to their sample files"
