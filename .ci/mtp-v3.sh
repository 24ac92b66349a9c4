#!/usr/bin/env bash
# The v3 adapter under Microsoft.Testing.Platform: an xUnit v3 test project on `xunit.v3` with
# UseMicrosoftTestingPlatformRunner, run with `dotnet run` (no VSTest). It compiles the v3 sample's
# InProcessKestrelConformance class unchanged and checks, through MTP's own options:
#   --list-tests lists the 517 rows by name; --filter-trait AutobahnSection=2 runs exactly 2.1 ... 2.11, all passing;
#   --filter-trait AutobahnSection=12 skips 12.1.1 ... as UNIMPLEMENTED (xUnit v3's skip, through MTP).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/autobahn-mtp.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "mtp-v3: FAILED: $*" >&2; exit 1; }
ok() { echo "mtp-v3: ok: $*"; }

version=$(sed -n 's:.*<PackageVersion Include="xunit.v3.mtp-off" Version="\([^"]*\)".*:\1:p' "$repo/Directory.Packages.props")
[ -n "$version" ] || fail "no xunit.v3.mtp-off version in Directory.Packages.props"
cp "$repo/nuget.config" "$repo/global.json" "$work/"
cat > "$work/Mtp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <OutputType>Exe</OutputType>
    <IsTestProject>true</IsTestProject>
    <UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
    <PackageReference Include="xunit.v3" Version="$version" />
    <ProjectReference Include="$repo/src/Autobahn.Xunit.v3/Autobahn.Xunit.v3.csproj" />
    <ProjectReference Include="$repo/samples/Autobahn.Samples.EchoServer/Autobahn.Samples.EchoServer.csproj" />
    <Compile Include="$repo/samples/Autobahn.Samples.V3Tests/InProcessKestrelConformance.cs" />
    <Compile Include="$repo/samples/Autobahn.Samples.V3Tests/EchoServerFixture.cs" />
    <Using Include="Xunit" />
  </ItemGroup>
  <!-- What a PackageReference to Autobahn.Xunit.v3 imports by itself. -->
  <Import Project="$repo/src/Autobahn.Xunit.v3/buildTransitive/Autobahn.Xunit.v3.props" />
</Project>
XML
cd "$work"
dotnet build -nologo -v q -clp:NoSummary > build.log 2>&1 || { cat build.log; fail "the MTP project does not build"; }

rows=$(dotnet run --no-build -- --list-tests --no-ansi 2>&1 | grep -E '^ +[0-9]+(\.[0-9]+)+ · ' | sed 's/^ *//')
count=$(grep -c . <<< "$rows" || true)
[ "$count" -eq 517 ] || fail "--list-tests listed $count rows, expected 517"
grep -qxF '2.2 · Send ping with small text payload.' <<< "$rows" || fail "no row named '2.2 · Send ping with small text payload.'"
ok "--list-tests: 517 rows, named '<id> · <description>'"

out=$(dotnet run --no-build -- --filter-trait "AutobahnSection=2" --output detailed --no-ansi 2>&1) || fail "section 2 did not pass: $out"
grep -qE '^ +total: 11$' <<< "$out" && grep -qE '^ +succeeded: 11$' <<< "$out" || fail "--filter-trait AutobahnSection=2 did not run and pass 11 rows: $out"
ok "--filter-trait AutobahnSection=2: 11 rows run, 11 passed"

out=$(dotnet run --no-build -- --filter-trait "AutobahnCase=12.1.1" --output detailed --no-ansi 2>&1) || fail "12.1.1 failed: $out"
grep -qE '^ +skipped: 1$' <<< "$out" && grep -qF 'UNIMPLEMENTED' <<< "$out" || fail "12.1.1 was not skipped as UNIMPLEMENTED: $out"
ok "--filter-trait AutobahnCase=12.1.1: skipped as UNIMPLEMENTED"
