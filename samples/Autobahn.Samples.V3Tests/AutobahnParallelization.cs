// Lets xUnit v3 run the rows of a test method in parallel (its parallel mode "all"); the Autobahn rows of a theory then
// run up to twice the processor count at once (at most 8), and section 9 runs alone. The aggressive algorithm counts
// only threads that are busy, so rows waiting on the network do not hold xUnit's thread slots. Switch Autobahn's
// concurrency off with AUTOBAHN_CONCURRENCY=1 or [AutobahnTheory(Concurrency = 1)]; without this line every row runs
// one after another.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.All, Algorithm = Xunit.Sdk.ParallelAlgorithm.Aggressive)]
