using System.Collections.Concurrent;
using System.Diagnostics;
using Autobahn.Xunit.Sdk;
using Xunit.Runner.Common;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// Runs the rows of a subject class in process through the adapter's <see cref="AutobahnTestFramework"/>, as
/// <see cref="InProcessRun"/> does, and keeps what xUnit reports for each row by case id: its result, its message and
/// the execution time it reported. That reported time is what a runner shows for the row, so it is what must not
/// include the time of the rows that ran beside it.
/// </summary>
internal static class RowReportRun
{
    /// <summary>Discovers <paramref name="subject"/>'s rows and runs them; the reports and how long the run took.</summary>
    public static async Task<RowReports> RunAsync(Type subject)
    {
        var testCases = (await InProcessRun.DiscoverAsync(subject)).OfType<IXunitTestCase>().ToArray();
        var caseIds = testCases.OfType<AutobahnTestCase>().ToDictionary(t => t.UniqueID, t => t.CaseId);
        await using var framework = new AutobahnTestFramework();
        var executor = framework.GetExecutor(typeof(RowReportRun).Assembly);
        var sink = new ReportingSink(caseIds);

        // Timed around the run alone: discovery is not the rows' time.
        var clock = Stopwatch.StartNew();
        await executor.RunTestCases(testCases, sink, TestFrameworkOptions.ForExecution(new TestAssemblyConfiguration()), TestContext.Current.CancellationToken);
        return new RowReports(sink.Reports(), clock.Elapsed);
    }

    private sealed class ReportingSink(IReadOnlyDictionary<string, string> caseIdOfTestCase) : IMessageSink
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> started = new();
        private readonly ConcurrentDictionary<string, RowReport> reports = new();

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestStarting starting:
                    started[starting.TestCaseUniqueID] = DateTimeOffset.UtcNow;
                    break;
                case ITestPassed passed:
                    Record(passed, "Passed", string.Empty);
                    break;
                case ITestFailed failed:
                    Record(failed, "Failed", string.Join("\n", failed.Messages));
                    break;
                case ITestSkipped skipped:
                    Record(skipped, "Skipped", skipped.Reason);
                    break;
                case ITestNotRun notRun:
                    Record(notRun, "NotRun", string.Empty);
                    break;
            }

            return true;
        }

        public IReadOnlyDictionary<string, RowReport> Reports() => reports.ToDictionary(p => p.Key, p => p.Value);

        private void Record(ITestResultMessage result, string outcome, string message)
        {
            // A test case that is not a row (a discovery error) is reported under its unique id.
            var caseId = caseIdOfTestCase.GetValueOrDefault(result.TestCaseUniqueID, result.TestCaseUniqueID);
            reports[caseId] = new RowReport(caseId, outcome, message, TimeSpan.FromSeconds((double)result.ExecutionTime), started.GetValueOrDefault(result.TestCaseUniqueID), DateTimeOffset.UtcNow);
        }
    }
}

/// <summary>
/// What xUnit reported for one row: <c>Passed</c>, <c>Failed</c>, <c>Skipped</c> or <c>NotRun</c>, the failure message
/// or skip reason, the execution time the row reported, and when its start and end messages arrived.
/// </summary>
internal sealed record RowReport(string CaseId, string Result, string Message, TimeSpan Duration, DateTimeOffset Started, DateTimeOffset Finished)
{
    /// <summary>Whether this row and <paramref name="other"/> were running at one moment.</summary>
    public bool Overlaps(RowReport other) => Started < other.Finished && other.Started < Finished;
}

/// <summary>The reports of one run's rows, by case id, and the run's wall time.</summary>
internal sealed record RowReports(IReadOnlyDictionary<string, RowReport> Rows, TimeSpan WallTime);
