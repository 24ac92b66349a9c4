using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Runs the selected rows of one Autobahn theory: all of them in one <see cref="TheoryRun"/>, at most
/// <see cref="ConcurrencyPolicy.Resolve"/> at a time (the pattern of Meziantou.Xunit.ParallelTestFramework), in
/// wstest's order of starting; a case that must run alone (section 9, <see cref="ConcurrencyPolicy.MayRunConcurrently"/>)
/// waits for the rows before it to end and holds back the rows after it. Each row runs, times and reports itself.
/// </summary>
internal sealed class AutobahnTestMethodRunner(
    ITestMethod testMethod,
    IReflectionTypeInfo @class,
    IReflectionMethodInfo method,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageBus messageBus,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource,
    object[] constructorArguments)
    : XunitTestMethodRunner(testMethod, @class, method, testCases, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource, constructorArguments)
{
    /// <inheritdoc />
    protected override async Task<RunSummary> RunTestCasesAsync()
    {
        var run = new TheoryRun();
        foreach (var row in TestCases.OfType<AutobahnTestCase>()) row.TheoryRun = run;

        int degree;
        try
        {
            degree = ConcurrencyPolicy.ResolveForThisProcess(AutobahnTestCase.TheoryAttributeOf(TestMethod)?.Concurrency ?? 0);
        }
        catch (ArgumentException e)
        {
            // Fails every row with the reason (xUnit fails the tests of a method whose aggregator holds an exception).
            Aggregator.Add(e);
            degree = 1;
        }

        return degree == 1 ? await base.RunTestCasesAsync() : await RunConcurrentlyAsync(degree);
    }

    private async Task<RunSummary> RunConcurrentlyAsync(int degree)
    {
        var summary = new RunSummary();
        using var gate = new SemaphoreSlim(degree);
        var running = new List<Task<RunSummary>>();
        foreach (var testCase in TestCases)
        {
            if (CancellationTokenSource.IsCancellationRequested) break;

            var alone = testCase is AutobahnTestCase row && !ConcurrencyPolicy.MayRunConcurrently(row.CaseId);
            if (alone)
            {
                AddAll(summary, await Task.WhenAll(running));
                running.Clear();
                summary.Aggregate(await RunTestCaseAsync(testCase));
                continue;
            }

            await gate.WaitAsync();
            running.Add(RunReleasingAsync(testCase));
        }

        AddAll(summary, await Task.WhenAll(running));
        return summary;

        async Task<RunSummary> RunReleasingAsync(IXunitTestCase testCase)
        {
            try
            {
                // Off this loop's flow, so that the next row starts while this one awaits its server.
                await Task.Yield();
                return await RunTestCaseAsync(testCase);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private static void AddAll(RunSummary summary, IEnumerable<RunSummary> summaries)
    {
        foreach (var one in summaries) summary.Aggregate(one);
    }
}
