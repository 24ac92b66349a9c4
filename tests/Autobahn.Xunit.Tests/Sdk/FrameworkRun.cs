using System.Collections.Concurrent;
using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// Runs test cases in this process the way a runner does with the package's framework: through the public
/// <see cref="AutobahnTestFramework"/>'s executor, so that the rows go through its assembly, collection, class and method
/// runners (<see cref="AutobahnTestMethodRunner"/>), the row's message bus and xUnit's own timing, and reports what a
/// runner would see: one result message per test and the assembly's summary.
/// </summary>
internal static class FrameworkRun
{
    /// <summary>Runs <paramref name="testCases"/> and waits for the assembly to finish (a hang fails the test after <paramref name="timeout"/>).</summary>
    /// <param name="testCases">The tests.</param>
    /// <param name="timeout">How long the run may take.</param>
    /// <param name="withAutobahnFramework">False: xUnit's own framework, as in a project that sets <c>AutobahnXunitTestFramework</c> to false.</param>
    public static async Task<FrameworkRunResult> RunAsync(IEnumerable<ITestCase> testCases, TimeSpan timeout, bool withAutobahnFramework = true)
    {
        using var framework = withAutobahnFramework ? new AutobahnTestFramework(new NullSink()) : new XunitTestFramework(new NullSink());
        using var executor = framework.GetExecutor(typeof(FrameworkRun).Assembly.GetName());
        var sink = new RecordingSink();

        // On the thread pool, without the outer test's synchronization context: xUnit's runners (which do not use
        // ConfigureAwait) would otherwise post every continuation of the inner run to the outer runner's few threads.
        await Task.Run(() => executor.RunTests(testCases, sink, new ExecutionOptions()));
        var finished = await sink.Finished.Task.WaitAsync(timeout);
        return new FrameworkRunResult([.. sink.Results], [.. sink.TestCasesFinished], finished);
    }

    /// <summary>Runs the rows of <paramref name="type"/>'s <paramref name="methodName"/>.</summary>
    public static Task<FrameworkRunResult> RunAsync(Type type, string methodName, TimeSpan timeout, bool withAutobahnFramework = true) =>
        RunAsync(DiscoveryHelper.Discover(type, methodName), timeout, withAutobahnFramework);

    private sealed class RecordingSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public ConcurrentQueue<TestOutcome> Results { get; } = new();

        public ConcurrentQueue<ITestCaseFinished> TestCasesFinished { get; } = new();

        public TaskCompletionSource<ITestAssemblyFinished> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestPassed passed:
                    Results.Enqueue(new TestOutcome(passed.Test, "Passed", passed.ExecutionTime, null, null));
                    break;
                case ITestFailed failed:
                    Results.Enqueue(new TestOutcome(failed.Test, "Failed", failed.ExecutionTime, string.Join("\n", failed.Messages), failed.ExceptionTypes.FirstOrDefault()));
                    break;
                case ITestSkipped skipped:
                    Results.Enqueue(new TestOutcome(skipped.Test, "Skipped", skipped.ExecutionTime, skipped.Reason, null));
                    break;
                case ITestCaseFinished testCaseFinished:
                    TestCasesFinished.Enqueue(testCaseFinished);
                    break;
                case ITestAssemblyFinished finished:
                    Finished.TrySetResult(finished);
                    break;
            }

            return true;
        }
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    /// <summary>xUnit's defaults, except that collections run one after another (the tests here run one method at a time).</summary>
    private sealed class ExecutionOptions : ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> values = new()
        {
            ["xunit.execution.DisableParallelization"] = true,
            ["xunit.execution.MaxParallelThreads"] = -1,
        };

        public TValue GetValue<TValue>(string name) => values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

        public void SetValue<TValue>(string name, TValue value) => values[name] = value;
    }
}

/// <summary>What a runner saw of one test.</summary>
/// <param name="Test">The test.</param>
/// <param name="Outcome">Passed, Failed or Skipped.</param>
/// <param name="ExecutionTime">The time xUnit reported for it, in seconds.</param>
/// <param name="Message">The failure's message or the skip reason.</param>
/// <param name="ExceptionType">The failure's exception type.</param>
internal sealed record TestOutcome(ITest Test, string Outcome, decimal ExecutionTime, string? Message, string? ExceptionType)
{
    /// <summary>The row's case id (its <see cref="RowTraits.CaseTrait"/>), or the test's display name.</summary>
    public string CaseId => Test.TestCase.Traits.TryGetValue(RowTraits.CaseTrait, out var ids) ? ids[0] : Test.DisplayName;
}

/// <summary>The results of one <see cref="FrameworkRun"/>, the summary of each test case and of the run.</summary>
internal sealed record FrameworkRunResult(IReadOnlyList<TestOutcome> Tests, IReadOnlyList<ITestCaseFinished> TestCases, ITestAssemblyFinished Summary)
{
    /// <summary>The result of the row of <paramref name="caseId"/>.</summary>
    public TestOutcome Row(string caseId) => Tests.Single(t => t.CaseId == caseId);
}
