using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

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
