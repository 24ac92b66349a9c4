using System.Diagnostics;
using System.Text.RegularExpressions;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;
using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Sdk;
using Xunit.Abstractions;

namespace Autobahn.Xunit.Tests.Robustness;

/// <summary>
/// Issue 15, part 1: servers that accept TCP and stop answering. Before, every row waited for its own
/// opening-handshake timeout (5 s × 517 rows: 863 s). Each test plays the full catalog, 517 rows in wstest's order,
/// as xUnit runs a theory's rows (one <see cref="TheoryRun"/> for them all, the real fuzzer, wstest's timers), once
/// one row after another and once <see cref="ConcurrencyPolicy.DefaultMaximum"/> at a time (<see cref="GatedRows"/>, as the framework's method runner).
/// Every row must fail — none may pass by mistake — and once two cases in a row got no answer, every later row fails
/// at once, naming the cause and those two cases. The bound is generous (a loaded 2-core machine): the measured times
/// are printed (<c>--logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class UnansweringServerTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The issue's bound on a full run.</summary>
    private static readonly TimeSpan FullRunBound = TimeSpan.FromSeconds(60);

    private readonly string reports = Path.Combine(Path.GetTempPath(), "autobahn-unanswering-" + Guid.NewGuid().ToString("N"));
    private readonly List<ReportWriter> writers = [];

    public void Dispose()
    {
        // A writer rewrites index.html on a timer up to a second after its last case; flushed, it has nothing left to
        // write, so the directory is not deleted while a write creates a file in it ("Directory not empty").
        foreach (var writer in writers) writer.Flush();
        if (Directory.Exists(reports)) Directory.Delete(reports, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FullRun_SilentServer_EveryRowFailsAndAllButTwoAtOnce(bool concurrent)
    {
        // Accepts TCP, reads, never answers the opening handshake (deadlocked or overloaded).
        await using var server = HostileServer.Start(_ => Task.CompletedTask);

        var rows = await RunAllRowsAsync(server.Url, concurrent);

        AssertGaveUpAfterTwo(rows, server.Url, "did not answer the opening handshake within 5 s", answeredRows: 0, concurrent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FullRun_ServerSilentAfterTheHandshake_EveryRowFailsAndAllButTwoAtOnce(bool concurrent)
    {
        // Completes the opening handshake, then never sends a frame (its WebSocket loop is stuck).
        await using var server = HostileServer.Start(async c => await c.AcceptAsync());

        var rows = await RunAllRowsAsync(server.Url, concurrent);

        AssertGaveUpAfterTwo(rows, server.Url, "answered the opening handshake, then sent nothing", answeredRows: 0, concurrent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FullRun_ServerHangsAfterTwentyCases_TheRestFailAtOnce(bool concurrent)
    {
        // A correct echo server for its first 20 connections (1.1.1–1.2.4 pass), then it hangs: accepts TCP, never answers.
        const int answered = 20;
        await using var server = MutantServer.Start(new MutantOptions { AnswersConnections = answered });

        var rows = await RunAllRowsAsync(server.Url, concurrent);

        AssertGaveUpAfterTwo(rows, server.Url, "did not answer the opening handshake within 5 s", answered, concurrent);
    }

    private void AssertGaveUpAfterTwo(IReadOnlyList<Row> rows, Uri url, string cause, int answeredRows, bool concurrent)
    {
        Assert.Equal(517, rows.Count);
        var elapsed = rows.Max(r => r.FinishedAt);
        var notRetried = new Regex($"^{Regex.Escape(url.ToString())} {Regex.Escape(cause)} in cases (\\S+) and (\\S+); not retried$");
        var firstSkipped = rows.ToList().FindIndex(r => r.Message is { } m && notRetried.IsMatch(m));
        Assert.True(firstSkipped > 0, "no row failed at once:\n" + rows[^1].Message);
        var tried = rows.Take(firstSkipped).ToArray();
        var skipped = rows.Skip(firstSkipped).ToArray();
        var named = notRetried.Match(skipped[0].Message!);
        output.WriteLine(
            $"{(concurrent ? "concurrent" : "one at a time")}: 517 rows in {elapsed.TotalSeconds:0.0} s; {rows.Count(r => r.Passed)} passed, " +
            $"{tried.Count(r => !r.Passed)} failed on their own (the last at {tried[^1].FinishedAt.TotalSeconds:0.0} s), {skipped.Length} not retried");
        output.WriteLine("first not retried (" + skipped[0].Id + "): " + skipped[0].Message);

        // Each connection the server answered gave a passing case; every other row failed, none passed by mistake.
        Assert.Equal(answeredRows, rows.Count(r => r.Passed));
        Assert.All(skipped, r => Assert.Equal(skipped[0].Message, r.Message));

        // The two cases the message names failed on their own; before the run gave up, only they (one at a time) or
        // also the cases already in flight (at most the degree) failed on their own.
        var failedOnTheirOwn = tried.Where(r => !r.Passed).ToArray();
        Assert.Contains(failedOnTheirOwn, r => r.Id == named.Groups[1].Value);
        Assert.Contains(failedOnTheirOwn, r => r.Id == named.Groups[2].Value);
        Assert.All(failedOnTheirOwn, r => Assert.Contains($"Case {r.Id} ", r.Message, StringComparison.Ordinal));
        Assert.InRange(failedOnTheirOwn.Length, 2, concurrent ? ConcurrencyPolicy.DefaultMaximum + 2 : 2);
        if (!concurrent) Assert.Equal(rows.Skip(answeredRows).Take(2).Select(r => r.Id), [named.Groups[1].Value, named.Groups[2].Value]);
        Assert.True(elapsed < FullRunBound, $"517 rows took {elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Every case of the catalog as the rows of one theory run: in wstest's order, one at a time or as the framework runs them concurrently.</summary>
    private async Task<IReadOnlyList<Row>> RunAllRowsAsync(Uri url, bool concurrent)
    {
        var ids = CaseCatalog.All.Select(d => d.Id.Text).ToArray();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a hang is a test failure, not a wait
        var writer = new ReportWriter(reports);
        writers.Add(writer);
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, writer);
        var settings = new RowSettings(() => CaseExpectations.None, timeScale: 1, new TheoryRun());
        var clock = Stopwatch.StartNew();
        return await GatedRows.RunAsync(ids, concurrent ? ConcurrencyPolicy.DefaultMaximum : 1, async id =>
        {
            try
            {
                await runner.RunAsync(id, url, options: null, settings, guard.Token);
                return new Row(id, Passed: true, Message: null, clock.Elapsed);
            }
            catch (AutobahnCaseFailedException e)
            {
                return new Row(id, Passed: false, e.Message, clock.Elapsed);
            }
        });
    }

    private sealed record Row(string Id, bool Passed, string? Message, TimeSpan FinishedAt);
}
