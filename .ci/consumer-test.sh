#!/usr/bin/env bash
# What a user does, with the packages built from this checkout:
#   dotnet pack -> a local folder feed; `dotnet new xunit` in a temporary folder; the README's `dotnet add package`
#   line; the README's example class (between its markers, so README and test cannot drift); `dotnet test`.
# Checks the packages (ids, version, dependencies, readme, docs, symbols), then three test runs of the fresh project:
#   1. a developer's first run: the in-memory rows pass, the snapshot rows fail and write .received.txt;
#   2. AUTOBAHN_ACCEPT_SNAPSHOTS=1: everything passes and .verified.txt files appear;
#   3. CI=true: everything passes against the accepted files; then a tampered .verified.txt fails and stays as it was.
# Usage: .ci/consumer-test.sh            (needs dotnet, python3 and nuget.org; leaves nothing behind)
set -euo pipefail

started=$EPOCHREALTIME
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/autobahn-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== consumer-test [%5.1f s]: %s\n' "$(awk "BEGIN { print $EPOCHREALTIME - $started }")" "$*"; }
fail() { printf 'consumer-test: FAILED: %s\n' "$*" >&2; exit 1; }

# The one version, from Directory.Build.props.
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"

# ---------------------------------------------------------------------------------------------------------------
say "dotnet pack $version into a local feed"
feed="$work/feed"
for project in Autobahn.Testsuite Autobahn.Xunit; do
  dotnet pack "$repo/src/$project/$project.csproj" -c Release -o "$feed" -nologo -v q -clp:NoSummary
done

# Package contents and metadata; prints the summary the pack step is judged by (ids, sizes, dependencies per TFM).
python3 - "$feed" "$version" "$repo/README.md" <<'PY'
import re, sys, zipfile, pathlib
import xml.etree.ElementTree as ET

feed, version, readme_path = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
errors = []
def check(ok, message):
    if not ok: errors.append(message)

readme = pathlib.Path(readme_path).read_text(encoding="utf-8")
example = re.search(r"<!-- example:consumer-test:begin -->\n.*?<!-- example:consumer-test:end -->", readme, re.S)
check(example is not None, "README.md has no example between <!-- example:consumer-test:begin/end --> markers")
check(f"dotnet add package Autobahn.Xunit --version {version}\n" in readme,
      f"README.md does not say `dotnet add package Autobahn.Xunit --version {version}` (the version in Directory.Build.props)")

expected = {
    "Autobahn.Xunit": {f"Autobahn.Testsuite [{version}]", "xunit.extensibility.execution", "xunit.assert", "DiffEngine"},
    "Autobahn.Testsuite": set(),
}
for package_id, wanted in expected.items():
    nupkg = feed / f"{package_id}.{version}.nupkg"
    snupkg = feed / f"{package_id}.{version}.snupkg"
    check(nupkg.exists(), f"{nupkg.name} was not packed")
    check(snupkg.exists(), f"{snupkg.name} (symbols) was not packed")
    if not nupkg.exists() or not snupkg.exists():
        continue
    with zipfile.ZipFile(nupkg) as z:
        names = set(z.namelist())
        nuspec = ET.fromstring(z.read(f"{package_id}.nuspec"))
        package_readme = z.read("README.md").decode("utf-8") if "README.md" in names else ""
    with zipfile.ZipFile(snupkg) as z:
        symbols = set(z.namelist())
    ns = {"n": nuspec.tag[1:].split("}")[0]}
    meta = lambda tag: (nuspec.findtext(f"n:metadata/n:{tag}", default="", namespaces=ns) or "").strip()
    for tag in ("id", "version", "authors", "description", "projectUrl", "tags", "readme", "license"):
        check(meta(tag) != "", f"{package_id}: nuspec has no <{tag}>")
    check(meta("id") == package_id and meta("version") == version, f"{package_id}: nuspec id/version {meta('id')} {meta('version')}")
    for suffix in ("dll", "xml"):
        check(f"lib/net10.0/{package_id}.{suffix}" in names, f"{package_id}: lib/net10.0/{package_id}.{suffix} missing")
    check(f"lib/net10.0/{package_id}.pdb" in symbols, f"{package_id}: the .snupkg has no lib/net10.0/{package_id}.pdb")
    check(not any(n.startswith("lib/") and n.split("/")[-1].startswith("Autobahn.") and package_id not in n for n in names),
          f"{package_id}: ships another Autobahn assembly")
    if package_id == "Autobahn.Xunit":
        check("buildTransitive/Autobahn.Xunit.props" in names, "Autobahn.Xunit: buildTransitive/Autobahn.Xunit.props (the test framework attribute) missing")

    groups = nuspec.findall("n:metadata/n:dependencies/n:group", ns)
    print(f"{package_id} {version}: {nupkg.stat().st_size} bytes (.snupkg {snupkg.stat().st_size} bytes), files: "
          + ", ".join(sorted(n for n in names if n.startswith("lib/") or n == "README.md")))
    check([g.get("targetFramework") for g in groups] == ["net10.0"], f"{package_id}: dependency groups {[g.get('targetFramework') for g in groups]}")
    for group in groups:
        deps = [(d.get("id"), d.get("version")) for d in group.findall("n:dependency", ns)]
        print(f"  dependencies ({group.get('targetFramework')}): " + (", ".join(f"{i} {v}" for i, v in deps) or "none"))
        got = {f"{i} {v}" if i == "Autobahn.Testsuite" else i for i, v in deps}
        for i, v in deps:  # the README's package table names the same versions
            if i != "Autobahn.Testsuite":
                check(f"`{i}` {v}" in readme, f"README.md's package table does not say `{i}` {v}")
        check(got == wanted, f"{package_id}: dependencies {sorted(got)}, expected exactly {sorted(wanted)}")
        for i, _ in deps:
            check(not re.match(r"(Microsoft\.AspNetCore|Microsoft\.NET\.Test\.Sdk|xunit\.runner|xunit$|xunit\.v3)", i),
                  f"{package_id}: a consumer does not need {i}")
    if package_id == "Autobahn.Xunit" and example is not None:
        check(example.group(0) in package_readme,
              "the package README (src/Autobahn.Xunit/README.md) does not contain README.md's example verbatim")

if errors:
    print("\n".join("package check: " + e for e in errors), file=sys.stderr)
    sys.exit(1)
print("package checks: ok")
PY

# ---------------------------------------------------------------------------------------------------------------
say "a fresh project: dotnet new xunit, the README's dotnet add package line, the README's example"
# NuGet: the local feed plus nuget.org; a temporary packages folder, so the fresh pack is what gets restored (the
# usual caches only serve as read-only fallbacks, and a stale copy of this version is removed from them first).
fallbacks=""
for folder in "${NUGET_PACKAGES:-$HOME/.nuget/packages}" /opt/nuget/packages; do
  [ -d "$folder" ] || continue
  rm -rf "$folder/autobahn.xunit/$version" "$folder/autobahn.testsuite/$version" 2>/dev/null || true
  fallbacks+="    <add key=\"$folder\" value=\"$folder\" />"$'\n'
done
cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <fallbackPackageFolders>
$fallbacks  </fallbackPackageFolders>
</configuration>
EOF
unset NUGET_PACKAGES

cd "$work"
dotnet new xunit -n Consumer -o Consumer --no-restore >/dev/null
cd Consumer
# The package is for xUnit v2. The .NET 10 SDK's template is v2 (xunit 2.9.x); should a later template be v3, make it
# v2 as a user of this package would.
if grep -q '"xunit.v3' Consumer.csproj; then
  sed -i -E 's#<PackageReference Include="xunit.v3[^"]*" Version="[^"]*" */>#<PackageReference Include="xunit" Version="2.9.3" />#; s#(Include="xunit.runner.visualstudio" Version=")[^"]*#\13.1.5#' Consumer.csproj
  sed -i -E '/<OutputType>Exe<\/OutputType>/d' Consumer.csproj
fi
grep -q '<PackageReference Include="xunit" Version="2\.' Consumer.csproj || fail "the template's project is not xUnit v2: $(cat Consumer.csproj)"
rm -f UnitTest1.cs

add_package=$(grep -m 1 -o 'dotnet add package Autobahn.Xunit --version [^ `]*' "$repo/README.md")
echo "$add_package"
$add_package >/dev/null || fail "$add_package"

cp "$repo/samples/Autobahn.Samples.HttpListener/HttpListenerEchoServer.cs" .
sed -n '/<!-- example:consumer-test:begin -->/,/<!-- example:consumer-test:end -->/p' "$repo/README.md" \
  | sed '1d;$d' | sed '/^```/d' > EchoServerConformance.cs
[ -s EchoServerConformance.cs ] || fail "no example between the README's markers"
dotnet build -nologo -v q -clp:NoSummary -warnaserror >/dev/null || { dotnet build -nologo -v q -warnaserror; fail "the example does not build"; }
# The package's buildTransitive props name its test framework (concurrent rows) without a line of the user's code.
grep -q -a 'Autobahn.Xunit.Sdk.AutobahnTestFramework' bin/Debug/net10.0/Consumer.dll \
  || fail "the consumer assembly has no [assembly: TestFramework(\"Autobahn.Xunit.Sdk.AutobahnTestFramework\", ...)]"
echo "the package named its test framework for the consumer assembly (buildTransitive props)"

# The four test runs and their checks (the same for both packages).
. "$repo/.ci/consumer-runs.sh"
