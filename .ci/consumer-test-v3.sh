#!/usr/bin/env bash
# What a user of the xUnit v3 adapter does, with the packages built from this checkout:
#   dotnet pack -> a local folder feed; a fresh xUnit v3 test project in a temporary folder, its csproj written by hand
#   (the .NET SDK has no xUnit v3 template) as the package README says: xunit.v3.mtp-off, xunit.runner.visualstudio
#   and Microsoft.NET.Test.Sdk, OutputType Exe; the README's `dotnet add package` line; the README's example class
#   (between its markers, so README and test cannot drift); `dotnet test`.
# Checks the packages (ids, version, dependencies, readme, docs, symbols, the build file that names the test
# framework), then four test runs of the fresh project, as .ci/consumer-test.sh does for the v2 package:
#   1. a developer's first run: the in-memory rows pass, the snapshot rows fail and write .received.txt;
#   2. AUTOBAHN_ACCEPT_SNAPSHOTS=1: everything passes and .verified.txt files appear;
#   3. CI=true: everything passes against the accepted files; then 4. a tampered .verified.txt fails and stays as it was;
# and the test executable's own -list.
# Usage: .ci/consumer-test-v3.sh         (needs dotnet, python3 and nuget.org; leaves nothing behind)
set -euo pipefail

started=$EPOCHREALTIME
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/autobahn-consumer-v3.XXXXXX")
trap 'rm -rf "$work"' EXIT

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== consumer-test-v3 [%5.1f s]: %s\n' "$(awk "BEGIN { print $EPOCHREALTIME - $started }")" "$*"; }
fail() { printf 'consumer-test-v3: FAILED: %s\n' "$*" >&2; exit 1; }

# The one version, from Directory.Build.props; the test stack's versions, from Directory.Packages.props (a user
# writes them in the csproj).
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
central() { sed -n "s:.*<PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*:\1:p" "$repo/Directory.Packages.props" | head -n 1; }
xunit_v3=$(central xunit.v3.mtp-off)
test_sdk=$(central Microsoft.NET.Test.Sdk)
# The v3 projects of this repository name xunit.runner.visualstudio 4.x with VersionOverride (v2's is 3.x).
runner=$(sed -n 's:.*Include="xunit.runner.visualstudio" VersionOverride="\([^"]*\)".*:\1:p' "$repo/samples/Autobahn.Samples.V3Tests/Autobahn.Samples.V3Tests.csproj")
[ -n "$xunit_v3" ] && [ -n "$test_sdk" ] && [ -n "$runner" ] || fail "versions: xunit.v3.mtp-off '$xunit_v3', Microsoft.NET.Test.Sdk '$test_sdk', xunit.runner.visualstudio '$runner'"
readme="$repo/src/Autobahn.Xunit.v3/README.md"

# ---------------------------------------------------------------------------------------------------------------
say "dotnet pack $version into a local feed"
feed="$work/feed"
for project in Autobahn.Testsuite Autobahn.Xunit.v3; do
  dotnet pack "$repo/src/$project/$project.csproj" -c Release -o "$feed" -nologo -v q -clp:NoSummary
done

python3 - "$feed" "$version" "$readme" <<'PY'
import re, sys, zipfile, pathlib
import xml.etree.ElementTree as ET

feed, version, readme_path = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
errors = []
def check(ok, message):
    if not ok: errors.append(message)

readme = pathlib.Path(readme_path).read_text(encoding="utf-8")
example = re.search(r"<!-- example:consumer-test-v3:begin -->\n.*?<!-- example:consumer-test-v3:end -->", readme, re.S)
check(example is not None, "the v3 README has no example between <!-- example:consumer-test-v3:begin/end --> markers")
check("dotnet add package Autobahn.Xunit.v3\n" in readme, "the v3 README does not say `dotnet add package Autobahn.Xunit.v3`")

expected = {
    "Autobahn.Xunit.v3": {f"Autobahn.Testsuite [{version}]", "xunit.v3.extensibility.core", "xunit.v3.assert", "DiffEngine"},
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
    check(not any(n.startswith("lib/") and n.split("/")[-1].startswith("Autobahn.") and package_id + "." not in n for n in names),
          f"{package_id}: ships another Autobahn assembly")
    if package_id == "Autobahn.Xunit.v3":
        check("buildTransitive/Autobahn.Xunit.v3.props" in names, f"{package_id}: buildTransitive/Autobahn.Xunit.v3.props missing")
        check(example is not None and example.group(0) in package_readme, f"{package_id}: the package README lacks the example")

    groups = nuspec.findall("n:metadata/n:dependencies/n:group", ns)
    print(f"{package_id} {version}: {nupkg.stat().st_size} bytes (.snupkg {snupkg.stat().st_size} bytes), files: "
          + ", ".join(sorted(n for n in names if n.startswith(("lib/", "buildTransitive/")) or n == "README.md")))
    check([g.get("targetFramework") for g in groups] == ["net10.0"], f"{package_id}: dependency groups {[g.get('targetFramework') for g in groups]}")
    for group in groups:
        deps = [(d.get("id"), d.get("version")) for d in group.findall("n:dependency", ns)]
        print(f"  dependencies ({group.get('targetFramework')}): " + (", ".join(f"{i} {v}" for i, v in deps) or "none"))
        got = {f"{i} {v}" if i == "Autobahn.Testsuite" else i for i, v in deps}
        check(got == wanted, f"{package_id}: dependencies {sorted(got)}, expected exactly {sorted(wanted)}")
        for i, _ in deps:
            check(not re.match(r"(Microsoft\.AspNetCore|Microsoft\.NET\.Test\.Sdk|xunit\.runner|xunit$|xunit\.v3$|xunit\.v3\.mtp|xunit\.extensibility|xunit\.core$|xunit\.assert$)", i),
                  f"{package_id}: a consumer does not need {i}")

if errors:
    print("\n".join("package check: " + e for e in errors), file=sys.stderr)
    sys.exit(1)
print("package checks: ok")
PY

# ---------------------------------------------------------------------------------------------------------------
say "a fresh xUnit v3 project: a hand-written csproj, the README's dotnet add package line, the README's example"
fallbacks=""
for folder in "${NUGET_PACKAGES:-$HOME/.nuget/packages}" /opt/nuget/packages; do
  [ -d "$folder" ] || continue
  rm -rf "$folder/autobahn.xunit.v3/$version" "$folder/autobahn.testsuite/$version" 2>/dev/null || true
  fallbacks+="    <add key=\"$folder\" value=\"$folder\" />"$'\n'
done
cat > "$work/nuget.config" <<NUGET
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
NUGET
unset NUGET_PACKAGES

mkdir -p "$work/Consumer"
cd "$work/Consumer"
# As a user writes it: an xUnit v3 test project is a program; for a plain `dotnet test` (VSTest) xunit.v3 4.x comes as
# the mtp-off flavour beside xunit.runner.visualstudio and Microsoft.NET.Test.Sdk.
cat > Consumer.csproj <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$test_sdk" />
    <PackageReference Include="xunit.v3.mtp-off" Version="$xunit_v3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="$runner" />
  </ItemGroup>
  <ItemGroup>
    <Using Include="Xunit" />
  </ItemGroup>
</Project>
CSPROJ

add_package=$(grep -m 1 -o 'dotnet add package Autobahn.Xunit.v3$' "$readme")
echo "$add_package --version $version"
$add_package --version "$version" >/dev/null || fail "$add_package --version $version"

cp "$repo/samples/Autobahn.Samples.HttpListener/HttpListenerEchoServer.cs" .
sed -n '/<!-- example:consumer-test-v3:begin -->/,/<!-- example:consumer-test-v3:end -->/p' "$readme" \
  | sed '1d;$d' | sed '/^```/d' > EchoServerConformance.cs
[ -s EchoServerConformance.cs ] || fail "no example between the README's markers"
dotnet build -nologo -v q -clp:NoSummary -warnaserror >/dev/null || { dotnet build -nologo -v q -warnaserror; fail "the example does not build"; }
# The package's build file names its test framework (concurrent rows) for the assembly.
grep -rqF 'typeof(Autobahn.Xunit.Sdk.AutobahnTestFramework)' obj/Debug/net10.0/*.AssemblyInfo.cs \
  || fail "the package's buildTransitive props did not name AutobahnTestFramework"
# The test executable lists the rows itself.
listed=$(./bin/Debug/net10.0/Consumer -list tests -nocolor | grep -c ' · ' || true)
[ "$listed" -eq 33 ] || fail "the test executable's -list shows $listed rows, expected 33"
echo "  the test executable's -list: $listed rows"

# The four test runs and their checks (the same for both packages).
. "$repo/.ci/consumer-runs.sh"
