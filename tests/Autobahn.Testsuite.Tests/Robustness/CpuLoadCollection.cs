namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Tests that start <see cref="CpuBurners"/>. xUnit runs a collection that disables parallelization after all others
/// and alone, so the burners load only the test that asked for them, and the scaled timers of the other tests never
/// race against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class CpuLoadCollection
{
    public const string Name = "CPU load";
}
