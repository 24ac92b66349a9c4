using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// xUnit's class runner, except that the rows of an Autobahn theory run concurrently: the theory's method runs in
/// xUnit's parallel mode "all", on a scheduler of its own, and each row waits for a slot of its theory's gate
/// (<see cref="AutobahnTestCase.Gate"/>), so at most the theory's degree (<see cref="ConcurrencyPolicy.Resolve"/>)
/// run at once, started in wstest's order. Each run of a theory is one <see cref="TheoryRun"/>. Rows
/// that must run alone (section 9) opt out of parallelization: xUnit runs them after the others, one at a time.
/// Every other method runs exactly as xUnit runs it.
/// </summary>
/// <remarks>
/// A scheduler of its own because xUnit's is the assembly's: its thread limit would count every row (and a row waiting
/// for a slot while its collection holds one could wait forever), and a row that runs alone would wait for every other
/// collection of the assembly instead of the theory's other rows.
/// </remarks>
internal sealed class AutobahnTestClassRunner : XunitTestClassRunner
{
    private AutobahnTestClassRunner()
    {
    }

    /// <summary>The runner.</summary>
    public static new AutobahnTestClassRunner Instance { get; } = new();

    /// <inheritdoc />
    protected override async ValueTask<RunSummary> RunTestMethod(XunitTestClassRunnerContext ctxt, IXunitTestMethod? testMethod, IReadOnlyCollection<IXunitTestCase> testCases)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        ArgumentNullException.ThrowIfNull(testCases);
        var theory = testMethod?.FactAttributes.OfType<AutobahnTheoryAttribute>().FirstOrDefault();
        // Not the theory's rows when its discovery failed: then its one test fails with the reason.
        var rows = testCases.OfType<AutobahnTestCase>().ToArray();
        if (testMethod is null || theory is null || rows.Length == 0) return await base.RunTestMethod(ctxt, testMethod, testCases);

        // One run of the theory: its rows share what they learn about their targets, and only they.
        var run = new TheoryRun();
        foreach (var row in rows) row.TheoryRun = run;

        int degree;
        try
        {
            degree = ConcurrencyPolicy.ResolveForThisProcess(theory.Concurrency);
        }
        catch (ArgumentException e)
        {
            // A bad AUTOBAHN_CONCURRENCY: every row fails with the reason, as in the v2 adapter.
            return XunitRunnerHelper.FailTestCases(ctxt.MessageBus, ctxt.CancellationTokenSource, testCases, e, sendTestMethodMessages: true);
        }

        if (degree == 1 || rows.Length < 2) return await base.RunTestMethod(ctxt, testMethod, testCases);

        using var gate = new SemaphoreSlim(degree);
        foreach (var row in rows) row.Gate = gate;
        try
        {
            await using var scheduler = ExecutionScheduler.CreateUnlimited();
            return await XunitTestMethodRunner.Instance.Run(
                testMethod,
                testCases,
                ctxt.ExplicitOption,
                ctxt.MessageBus,
                ctxt.Aggregator.Clone(),
                ctxt.CancellationTokenSource,
                ParallelMode.All,
                scheduler,
                ctxt.ConstructorArguments ?? throw new InvalidOperationException("The test class's constructor arguments were not set."),
                ctxt.ClassFixtureMappings);
        }
        finally
        {
            foreach (var row in rows) row.Gate = null;
        }
    }
}
