using System.Diagnostics;
using Autobahn.Samples.EchoServer;
using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// The rows of a theory through the real framework (<see cref="FrameworkRun"/>): concurrent up to the degree, each timed
/// and reported on its own, section 9 alone, a bad <c>AUTOBAHN_CONCURRENCY</c> failing every row. The durations are
/// printed (<c>--logger "console;verbosity=detailed"</c>); their bounds are generous (a loaded 2-core machine).
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class AutobahnTestMethodRunnerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SixteenSlowRows_RunConcurrently_FasterThanOneAtATime()
    {
        MethodRunnerFixtures.Sixteen.Clear();
        var clock = Stopwatch.StartNew();
        var concurrent = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.SixteenSlowRows), Timeout);
        var concurrentTime = clock.Elapsed;
        var mostAtOnce = MethodRunnerFixtures.Sixteen.MostAtOnce;

        // The same rows through xUnit's own framework (a project that opted out): one at a time.
        MethodRunnerFixtures.Sixteen.Clear();
        clock.Restart();
        var sequential = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.SixteenSlowRows), Timeout, withAutobahnFramework: false);
        var sequentialTime = clock.Elapsed;
        output.WriteLine($"16 rows of {MethodRunnerFixtures.CaseDelay.TotalMilliseconds:0} ms each: concurrent (degree 8) {concurrentTime.TotalSeconds:0.00} s, at most {mostAtOnce} at once; one at a time {sequentialTime.TotalSeconds:0.00} s, at most {MethodRunnerFixtures.Sixteen.MostAtOnce} at once");

        Assert.Equal(16, concurrent.Tests.Count);
        Assert.All(concurrent.Tests.Concat(sequential.Tests), t => Assert.True(t.Outcome == "Passed", $"{t.CaseId}: {t.Outcome} {t.Message}"));
        Assert.InRange(mostAtOnce, 2, 8);
        Assert.Equal(1, MethodRunnerFixtures.Sixteen.MostAtOnce);

        // One at a time takes at least 16 delays; eight at a time needs two, so half is a wide margin.
        Assert.True(sequentialTime >= 16 * MethodRunnerFixtures.CaseDelay, $"one at a time took {sequentialTime}");
        Assert.True(concurrentTime < sequentialTime / 2, $"concurrent {concurrentTime}, one at a time {sequentialTime}");
    }

    [Fact]
    public async Task ConcurrentRows_EachReportsItsOwnDurationAndResult()
    {
        var run = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.OneSlowFailingRow), Timeout);
        foreach (var test in run.Tests.OrderBy(t => t.CaseId, StringComparer.Ordinal)) output.WriteLine($"{test.CaseId}: {test.Outcome} in {test.ExecutionTime:0.000} s");

        Assert.Equal(16, run.Tests.Count);
        Assert.Equal((16, 1, 0), (run.Summary.TestsRun, run.Summary.TestsFailed, run.Summary.TestsSkipped));
        var slow = run.Row(MethodRunnerFixtures.SlowCase);
        Assert.Equal("Failed", slow.Outcome);
        Assert.Contains($"Case {MethodRunnerFixtures.SlowCase} ", slow.Message, StringComparison.Ordinal); // its own case's verdict
        Assert.True(slow.ExecutionTime >= (decimal)MethodRunnerFixtures.SlowRowDelay.TotalSeconds * 0.9m, $"the slow row reported {slow.ExecutionTime} s");

        // The rows that ran beside it: passed, and timed without its delay (each takes CaseDelay and a case).
        var others = run.Tests.Where(t => t.CaseId != MethodRunnerFixtures.SlowCase).ToArray();
        Assert.All(others, t => Assert.True(t.Outcome == "Passed", $"{t.CaseId}: {t.Outcome} {t.Message}"));
        Assert.All(others, t => Assert.True(t.ExecutionTime < (decimal)MethodRunnerFixtures.SlowRowDelay.TotalSeconds / 2, $"{t.CaseId} reported {t.ExecutionTime} s"));
        Assert.NotEmpty(MethodRunnerFixtures.SlowRowNeighbours.OverlappedBy(MethodRunnerFixtures.SlowCase)); // they did run beside it
    }

    [Fact]
    public async Task Section9Rows_RunAlone_TheOthersConcurrently()
    {
        MethodRunnerFixtures.WithSection9.Clear();

        var run = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.RowsAroundSection9), Timeout);

        Assert.All(run.Tests, t => Assert.True(t.Outcome == "Passed", $"{t.CaseId}: {t.Outcome} {t.Message}"));
        Assert.Equal(11, run.Tests.Count);
        var timeline = MethodRunnerFixtures.WithSection9;
        Assert.Empty(timeline.OverlappedBy("9.1.1"));
        Assert.Empty(timeline.OverlappedBy("9.2.1"));
        Assert.NotEmpty(timeline.OverlappedBy("1.1.1")); // the rows before section 9 did run concurrently

        // wstest's order: every row before section 9 ended before it started, 10.1.1 started after it ended.
        var rows = timeline.Rows.ToDictionary(r => r.CaseId);
        Assert.All(rows.Values.Where(r => r.CaseId.StartsWith("1.", StringComparison.Ordinal)), r => Assert.True(r.End <= rows["9.1.1"].Start, r.CaseId));
        Assert.True(rows["10.1.1"].Start >= rows["9.2.1"].End);
    }

    [Fact]
    public async Task TheoryRun_ARefusedServer_FailsTheLaterRowsAtOnce_AndTheNextRunTriesAgain()
    {
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            // A port that refuses: bound a moment ago and closed.
            listener.Start();
            MethodRunnerFixtures.RefusingServer = new Uri($"ws://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/");
            listener.Stop();
        }

        var first = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.AgainstARefusingServer), Timeout);
        var second = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.AgainstARefusingServer), Timeout);

        foreach (var run in new[] { first, second })
        {
            Assert.All(run.Tests, t => Assert.Equal("Failed", t.Outcome));
            Assert.DoesNotContain(CaseFailureMessage.NotRetriedSuffix, run.Row("1.1.1").Message, StringComparison.Ordinal);
            Assert.Contains("Could not connect", run.Row("1.1.1").Message, StringComparison.Ordinal);
            Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, run.Row("1.1.2").Message, StringComparison.Ordinal);
            Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, run.Row("1.1.3").Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BadConcurrencyVariable_FailsEveryRowWithTheReason()
    {
        var saved = Environment.GetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable, "lots");
        FrameworkRunResult run;
        try
        {
            run = await FrameworkRun.RunAsync(typeof(MethodRunnerFixtures), nameof(MethodRunnerFixtures.TwoQuickRows), Timeout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable, saved);
        }

        Assert.Equal(2, run.Tests.Count);
        Assert.All(run.Tests, t =>
        {
            Assert.Equal("Failed", t.Outcome);
            Assert.StartsWith("AUTOBAHN_CONCURRENCY='lots' is not a positive integer", t.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, MethodRunnerFixtures.TwoQuickRowsRan); // the rows failed before running their case
    }
}

// Internal on purpose: xUnit runs only public classes, so these theories run only through FrameworkRun.
#pragma warning disable xUnit1000 // Test classes must be public
internal sealed class MethodRunnerFixtures
{
    /// <summary>How long the server of <see cref="SixteenSlowRows"/> and its like waits before it echoes.</summary>
    public static readonly TimeSpan CaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the slow row of <see cref="OneSlowFailingRow"/> takes before its case.</summary>
    public static readonly TimeSpan SlowRowDelay = TimeSpan.FromSeconds(6);

    /// <summary>The slow, failing row of <see cref="OneSlowFailingRow"/>.</summary>
    public const string SlowCase = "1.1.5";

    private static int twoQuickRowsRan;

    public static RowTimeline Sixteen { get; } = new();

    public static RowTimeline SlowRowNeighbours { get; } = new();

    public static RowTimeline WithSection9 { get; } = new();

    public static Uri RefusingServer { get; set; } = null!;

    public static int TwoQuickRowsRan => twoQuickRowsRan;

    [AutobahnTheory(Concurrency = 8)]
    [AutobahnCases("1.1.*", "1.2.*")]
    public Task SixteenSlowRows(string caseId) =>
        Sixteen.RunAsync(caseId, () => AutobahnRunner.RunAsync(caseId, InMemoryEcho.After(CaseDelay)));

    [AutobahnTheory(Concurrency = 8)]
    [AutobahnCases("1.1.*", "1.2.*")]
    public Task OneSlowFailingRow(string caseId) =>
        SlowRowNeighbours.RunAsync(caseId, async () =>
        {
            if (caseId != SlowCase)
            {
                await AutobahnRunner.RunAsync(caseId, InMemoryEcho.After(CaseDelay));
                return;
            }

            // Slow on its own, then its case fails: the server returns without echoing.
            await Task.Delay(SlowRowDelay);
            await AutobahnRunner.RunAsync(caseId, (_, _) => Task.CompletedTask);
        });

    [AutobahnTheory(Concurrency = 4)]
    [AutobahnCases("1.1.*", "9.1.1", "9.2.1", "10.1.1")]
    public Task RowsAroundSection9(string caseId) =>
        WithSection9.RunAsync(caseId, () => AutobahnRunner.RunAsync(caseId, InMemoryEcho.After(TimeSpan.FromMilliseconds(200))));

    [AutobahnTheory(Concurrency = 1)]
    [AutobahnCases("1.1.1", "1.1.2", "1.1.3")]
    public Task AgainstARefusingServer(string caseId) => AutobahnRunner.RunAsync(caseId, RefusingServer);

    [AutobahnTheory]
    [AutobahnCases("1.1.1", "1.1.2")]
    public Task TwoQuickRows(string caseId)
    {
        Interlocked.Increment(ref twoQuickRowsRan);
        return AutobahnRunner.RunAsync(caseId, EchoApp.EchoAsync);
    }
}
#pragma warning restore xUnit1000
