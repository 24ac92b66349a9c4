// Runs the rows of each Autobahn theory concurrently (up to twice the processor count at once, at most 8; section 9
// alone, after the others); every other test runs as xUnit runs it. A project with <PackageReference
// Include="Autobahn.Xunit.v3" /> gets this line from the package's build files; this sample references the project,
// so it says it itself. Switch it off with AUTOBAHN_CONCURRENCY=1 or [AutobahnTheory(Concurrency = 1)].
[assembly: TestFramework(typeof(Autobahn.Xunit.Sdk.AutobahnTestFramework))]
