namespace Autobahn.Xunit.Tests;

/// <summary>
/// The tests that run after all others, one at a time: those that set process-wide environment variables, and those
/// that measure how long a concurrent run takes (on a 2-core machine, other tests running meanwhile would measure them).
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone
{
}
