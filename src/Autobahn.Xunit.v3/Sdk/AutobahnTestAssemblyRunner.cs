using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

/// <summary>xUnit's assembly runner, whose collections run through <see cref="AutobahnTestCollectionRunner"/>.</summary>
internal sealed class AutobahnTestAssemblyRunner : XunitTestAssemblyRunner
{
    private AutobahnTestAssemblyRunner()
    {
    }

    /// <summary>The runner.</summary>
    public static new AutobahnTestAssemblyRunner Instance { get; } = new();

    /// <summary>As <c>XunitTestAssemblyRunnerContext.RunTestCollection</c>, with the collection runner swapped.</summary>
    protected override ValueTask<RunSummary> RunTestCollection(XunitTestAssemblyRunnerContext ctxt, IXunitTestCollection testCollection, IReadOnlyCollection<IXunitTestCase> testCases)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        return AutobahnTestCollectionRunner.Instance.Run(testCollection, testCases, ctxt.ExplicitOption, ctxt.MessageBus, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource, ctxt.ParallelMode, ctxt.Scheduler, ctxt.AssemblyFixtureMappings);
    }
}
