// Most tests here run real cases against servers in this process, and a few of wstest's verdicts depend on timers
// (6.4.x: 1-2 s): on a 2-core build machine the test classes run one after another so they do not starve each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
