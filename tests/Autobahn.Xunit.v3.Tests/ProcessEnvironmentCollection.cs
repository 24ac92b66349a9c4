namespace Autobahn.Xunit.Tests;

/// <summary>
/// Tests that change this process's environment (e.g. <c>AUTOBAHN_CONCURRENCY</c>), which every test of the assembly
/// reads: xUnit runs a collection that disables parallelization after all the others, alone, so none of them sees the
/// change. Each such test restores what it changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
