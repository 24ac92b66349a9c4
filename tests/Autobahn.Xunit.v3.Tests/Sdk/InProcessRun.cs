using System.Collections.Concurrent;
using Autobahn.Xunit.Sdk;
using Xunit.Runner.Common;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// Discovers and runs test classes of this assembly in process, through the adapter's <see cref="AutobahnTestFramework"/>,
/// as a runner would. The classes are internal (xUnit runs exported classes only), so the real run never sees them.
/// </summary>
internal static class InProcessRun
{
    /// <summary>The test cases of <paramref name="types"/>, in discovery order.</summary>
    public static async Task<IReadOnlyList<ITestCase>> DiscoverAsync(params Type[] types)
    {
        await using var framework = new XunitTestFramework();
        var discoverer = framework.GetDiscoverer(typeof(InProcessRun).Assembly);
        var testCases = new List<ITestCase>();
        await discoverer.Find(
            testCase =>
            {
                testCases.Add(testCase);
                return new ValueTask<bool>(true);
            },
            TestFrameworkOptions.ForDiscovery(new TestAssemblyConfiguration()),
            types,
            TestContext.Current.CancellationToken);
        return testCases;
    }

    /// <summary>
    /// Discovers <paramref name="types"/> and runs them with the adapter's test framework; the outcome of each test, by
    /// <c>"Method: display name"</c>.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, Outcome>> RunAsync(params Type[] types) => RunAsync(new AutobahnTestFramework(), types);

    /// <summary>The same with <paramref name="framework"/>, e.g. xUnit's own (a project that names another framework).</summary>
    public static async Task<IReadOnlyDictionary<string, Outcome>> RunAsync(TestFramework framework, params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(framework);
        await using var owned = framework;
        var testCases = (await DiscoverAsync(types)).OfType<IXunitTestCase>().ToArray();
        var executor = framework.GetExecutor(typeof(InProcessRun).Assembly);
        var sink = new CollectingSink(testCases.ToDictionary(t => t.UniqueID, t => t.TestMethodName));
        await executor.RunTestCases(testCases, sink, TestFrameworkOptions.ForExecution(new TestAssemblyConfiguration()), TestContext.Current.CancellationToken);
        return sink.Outcomes();
    }

    /// <summary>How a test ended: <c>Passed</c>, <c>Failed</c>, <c>Skipped</c> or <c>NotRun</c>, with the failure message or skip reason.</summary>
    internal sealed record Outcome(string Result, string Message, DateTimeOffset Started, DateTimeOffset Finished);

    private sealed class CollectingSink(IReadOnlyDictionary<string, string> methodOfTestCase) : IMessageSink
    {
        private readonly ConcurrentDictionary<string, string> names = new();
        private readonly ConcurrentDictionary<string, DateTimeOffset> started = new();
        private readonly ConcurrentDictionary<string, Outcome> outcomes = new();

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestStarting starting:
                    names[starting.TestUniqueID] = methodOfTestCase.GetValueOrDefault(starting.TestCaseUniqueID, "?") + ": " + starting.TestDisplayName;
                    started[starting.TestUniqueID] = DateTimeOffset.UtcNow;
                    break;
                case ITestPassed passed:
                    Record(passed.TestUniqueID, "Passed", string.Empty);
                    break;
                case ITestFailed failed:
                    Record(failed.TestUniqueID, "Failed", string.Join("\n", failed.Messages));
                    break;
                case ITestSkipped skipped:
                    Record(skipped.TestUniqueID, "Skipped", skipped.Reason);
                    break;
                case ITestNotRun notRun:
                    Record(notRun.TestUniqueID, "NotRun", string.Empty);
                    break;
                case IErrorMessage error:
                    outcomes["error: " + error.Messages.FirstOrDefault()] = new Outcome("Error", string.Join("\n", error.Messages), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
                    break;
            }

            return true;
        }

        public IReadOnlyDictionary<string, Outcome> Outcomes() => outcomes.ToDictionary(p => p.Key, p => p.Value);

        private void Record(string testId, string result, string message) =>
            outcomes[names.GetValueOrDefault(testId, testId)] = new Outcome(result, message, started.GetValueOrDefault(testId), DateTimeOffset.UtcNow);
    }
}
