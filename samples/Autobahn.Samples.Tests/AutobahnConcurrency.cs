// Opts this test assembly in to concurrent Autobahn rows: when a theory's first row runs, the cases of the rows that
// follow start too (up to twice the processor count at once, at most 8); every row still runs, awaits its own case and
// reports in order. Switch it off with AUTOBAHN_CONCURRENCY=1 or [AutobahnTheory(Concurrency = 1)].
// Without this line everything works the same, one case after another.
[assembly: TestFramework("Autobahn.Xunit.Sdk.AutobahnTestFramework", "Autobahn.Xunit")]
