using System.Collections.Concurrent;
using System.Diagnostics;
using Autobahn.Samples.EchoServer;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Autobahn.Xunit.Tests.Concurrency;

/// <summary>
/// Concurrent rows must not change a verdict: sections 1–7 and 10 against the sample echo app (Kestrel, in this
/// process) as the rows of two theories run through the real framework (<see cref="FrameworkRun"/>), one with
/// <c>Concurrency = 1</c> and one with the default maximum, compared case by case and outcome by outcome. The two
/// durations are printed (<c>--logger "console;verbosity=detailed"</c>).
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class SampleServerConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WebApplication? app;

    public async Task InitializeAsync()
    {
        app = EchoApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        SampleServerRows.Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentRows_GiveTheSameVerdictsAsSequentialRows()
    {
        var timeout = TimeSpan.FromMinutes(5);
        var clock = Stopwatch.StartNew();
        var sequential = await FrameworkRun.RunAsync(typeof(SampleServerRows), nameof(SampleServerRows.OneAtATime), timeout);
        var sequentialTime = clock.Elapsed;
        clock.Restart();
        var concurrent = await FrameworkRun.RunAsync(typeof(SampleServerRows), nameof(SampleServerRows.Concurrently), timeout);
        var concurrentTime = clock.Elapsed;
        output.WriteLine(
            $"{sequential.Tests.Count} rows: one at a time {sequentialTime.TotalSeconds:0.0} s, concurrently (degree {ConcurrencyPolicy.DefaultMaximum}, at most {SampleServerRows.Timeline.MostAtOnce} at once) {concurrentTime.TotalSeconds:0.0} s");
        output.WriteLine("verdicts: " + string.Join(", ", SampleServerRows.Concurrent.Values.GroupBy(Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));

        var ids = CaseSelection.Resolve(["*"], ["9.*", "12.*", "13.*"]).Select(id => id.Text).ToArray();
        Assert.Equal(247, ids.Length);
        Assert.Equal(ids.Order(StringComparer.Ordinal), sequential.Tests.Select(t => t.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Order(StringComparer.Ordinal), concurrent.Tests.Select(t => t.CaseId).Order(StringComparer.Ordinal));
        Assert.InRange(SampleServerRows.Timeline.MostAtOnce, 2, ConcurrencyPolicy.DefaultMaximum); // it did run concurrently

        var differences = ids
            .Where(id => !SameVerdict(id, SampleServerRows.Sequential[id], SampleServerRows.Concurrent[id]) || sequential.Row(id).Outcome != concurrent.Row(id).Outcome)
            .Select(id => $"{id}: sequential {Verdict(SampleServerRows.Sequential[id])} {sequential.Row(id).Outcome}, concurrent {Verdict(SampleServerRows.Concurrent[id])} {concurrent.Row(id).Outcome}")
            .ToArray();
        Assert.True(differences.Length == 0, string.Join("\n", differences));
        Assert.All(ids, id => Assert.Equal(id, SampleServerRows.Concurrent[id].Id.Text)); // each row got its own case's result
        Assert.Equal(sequential.Summary.TestsFailed, concurrent.Summary.TestsFailed);
    }

    /// <summary>The racy cases (<see cref="CaseInfo.IsRacy"/>, wstest issue #102) are OK or NON-STRICT whichever way they run.</summary>
    private static bool SameVerdict(string id, CaseResult a, CaseResult b) =>
        a.BehaviorClose == b.BehaviorClose
        && (a.Behavior == b.Behavior || (CaseInfo.Get(CaseId.Parse(id)).IsRacy && a.Behavior is Behavior.Ok or Behavior.NonStrict && b.Behavior is Behavior.Ok or Behavior.NonStrict));

    private static string Verdict(CaseResult result) => $"{result.Behavior.ToWstestString()}/{result.BehaviorClose.ToWstestString()}";
}

// Internal on purpose: xUnit runs only public classes, so these theories run only through FrameworkRun.
#pragma warning disable xUnit1000 // Test classes must be public
internal sealed class SampleServerRows
{
    public static Uri Url { get; set; } = null!;

    public static ConcurrentDictionary<string, CaseResult> Sequential { get; } = new(StringComparer.Ordinal);

    public static ConcurrentDictionary<string, CaseResult> Concurrent { get; } = new(StringComparer.Ordinal);

    public static RowTimeline Timeline { get; } = new();

    [AutobahnTheory(Concurrency = 1)]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    public Task OneAtATime(string caseId) => RunAsync(caseId, Sequential);

    [AutobahnTheory(Concurrency = ConcurrencyPolicy.DefaultMaximum)]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    public Task Concurrently(string caseId) => Timeline.RunAsync(caseId, () => RunAsync(caseId, Concurrent));

    /// <summary>Runs the row as a user's test does, keeping its result (also of a failing verdict) for the comparison.</summary>
    private static async Task RunAsync(string caseId, ConcurrentDictionary<string, CaseResult> results)
    {
        try
        {
            results[caseId] = await AutobahnRunner.RunAsync(caseId, Url);
        }
        catch (AutobahnCaseFailedException e) when (e.Result is not null)
        {
            results[caseId] = e.Result;
            throw;
        }
    }
}
#pragma warning restore xUnit1000
