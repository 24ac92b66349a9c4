using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Sdk;
using Autobahn.Xunit.Tests.Subjects;

namespace Autobahn.Xunit.Tests.Concurrency;

/// <summary>
/// Rows that run concurrently through the adapter's test framework are each timed and judged on their own, and together
/// take less time than one at a time. The reported durations are printed (<c>--logger "console;verbosity=detailed"</c>);
/// the bounds are generous, for a loaded 2-core machine.
/// </summary>
public sealed class RowTimingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ConcurrentRows_EachReportsItsOwnDurationAndResult()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable) is not null, "AUTOBAHN_CONCURRENCY is set: it overrides the subject's degree");

        var run = await RowReportRun.RunAsync(typeof(OneSlowFailingRowSubject));
        Print(run);

        Assert.Equal(16, run.Rows.Count);
        var slow = run.Rows[OneSlowFailingRowSubject.SlowCase];
        Assert.Equal("Failed", slow.Result);
        Assert.Contains($"Case {OneSlowFailingRowSubject.SlowCase} ", slow.Message, StringComparison.Ordinal); // its own case's verdict
        Assert.True(slow.Duration >= OneSlowFailingRowSubject.SlowRowDelay * 0.9, $"the slow row reported {slow.Duration}");

        // The rows that ran beside it passed, each timed without the slow row's delay (a slow echo and a case).
        var others = run.Rows.Values.Where(r => r != slow).ToArray();
        Assert.All(others, r => Assert.True(r.Result == "Passed", $"{r.CaseId}: {r.Result} {r.Message}"));
        Assert.All(others, r => Assert.True(r.Duration < OneSlowFailingRowSubject.SlowRowDelay / 2, $"{r.CaseId} reported {r.Duration}"));

        // They did run beside it: one at a time, each would have waited for the slow row instead.
        Assert.True(others.Any(slow.Overlaps), "no row ran beside the slow row");
    }

    [Fact]
    public async Task SixteenSlowRows_EightAtATime_TakeLessThanHalfOfOneAtATime()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable) is not null, "AUTOBAHN_CONCURRENCY is set: it overrides the subject's degree");

        var run = await RowReportRun.RunAsync(typeof(SixteenSlowRowsSubject));
        Print(run);

        Assert.Equal(16, run.Rows.Count);
        Assert.All(run.Rows.Values, r => Assert.True(r.Result == "Passed", $"{r.CaseId}: {r.Result} {r.Message}"));
        var mostAtOnce = MostAtOnce(run.Rows.Values);
        output.WriteLine($"at most {mostAtOnce} rows at once");
        Assert.InRange(mostAtOnce, 2, 8);

        // One at a time takes the sum of the rows' own durations, and at least sixteen echo delays; eight at a time
        // needs about two, so half of either is a wide margin.
        var sequentialSum = run.Rows.Values.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        Assert.True(run.WallTime < sequentialSum / 2, $"eight at a time took {run.WallTime}, the rows' own durations sum to {sequentialSum}");
        Assert.True(run.WallTime < 16 * SixteenSlowRowsSubject.CaseDelay / 2, $"eight at a time took {run.WallTime}");
    }

    /// <summary>The most rows that were running at one moment, by when their start and end messages arrived.</summary>
    private static int MostAtOnce(IEnumerable<RowReport> rows)
    {
        var edges = rows.SelectMany(r => new[] { (At: r.Started, Step: 1), (At: r.Finished, Step: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Step); // an end before a start at the same instant
        int running = 0, most = 0;
        foreach (var edge in edges)
        {
            running += edge.Step;
            most = Math.Max(most, running);
        }

        return most;
    }

    private void Print(RowReports run)
    {
        var sum = run.Rows.Values.Aggregate(TimeSpan.Zero, (total, r) => total + r.Duration);
        output.WriteLine($"wall time {run.WallTime.TotalSeconds:0.000} s; the rows' own durations sum to {sum.TotalSeconds:0.000} s");
        foreach (var row in run.Rows.Values.OrderBy(r => r.Started)) output.WriteLine($"{row.CaseId}: {row.Result} in {row.Duration.TotalSeconds:0.000} s");
    }
}
