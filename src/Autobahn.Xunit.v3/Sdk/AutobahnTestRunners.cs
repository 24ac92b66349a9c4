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

/// <summary>xUnit's collection runner, whose classes run through <see cref="AutobahnTestClassRunner"/>.</summary>
internal sealed class AutobahnTestCollectionRunner : XunitTestCollectionRunner
{
    private AutobahnTestCollectionRunner()
    {
    }

    /// <summary>The runner.</summary>
    public static new AutobahnTestCollectionRunner Instance { get; } = new();

    /// <summary>As <c>XunitTestCollectionRunnerContext.RunTestClass</c>, with the class runner swapped.</summary>
    protected override ValueTask<RunSummary> RunTestClass(XunitTestCollectionRunnerContext ctxt, IXunitTestClass? testClass, IReadOnlyCollection<IXunitTestCase> testCases)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        if (testClass is null) return base.RunTestClass(ctxt, testClass, testCases);
        return AutobahnTestClassRunner.Instance.Run(testClass, testCases, ctxt.ExplicitOption, ctxt.MessageBus, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource, ctxt.ParallelMode, ctxt.Scheduler, ctxt.CollectionFixtureMappings);
    }
}
