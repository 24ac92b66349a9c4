using System.Diagnostics;
using Autobahn.Samples.EchoServer;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Tests.Sdk;
using Autobahn.Xunit.Tests.Subjects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Autobahn.Xunit.Tests.Concurrency;

/// <summary>
/// Concurrent rows must not change a verdict: sections 1–7 and 10 against the sample echo app (Kestrel, in this
/// process), run as rows of a theory through the adapter's test framework, once one at a time and once four at a time;
/// every verdict equal (the racy cases of section 4 OK or NON-STRICT either way, as in the v2 adapter's test).
/// </summary>
public sealed class SampleServerConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WebApplication? app;

    public async ValueTask InitializeAsync()
    {
        app = EchoApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        KestrelTarget.Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentRows_GiveTheSameVerdictsAsSequentialRows()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("AUTOBAHN_CONCURRENCY") is not null, "AUTOBAHN_CONCURRENCY is set: it overrides the subjects' degrees");

        var clock = Stopwatch.StartNew();
        var sequential = await InProcessRun.RunAsync(typeof(KestrelSequentialSubject));
        var sequentialTime = clock.Elapsed;
        clock.Restart();
        var concurrent = await InProcessRun.RunAsync(typeof(KestrelConcurrentSubject));
        var concurrentTime = clock.Elapsed;
        output.WriteLine($"247 rows: sequential {sequentialTime.TotalSeconds:F1} s, concurrent (4 at a time) {concurrentTime.TotalSeconds:F1} s");

        Assert.Equal(247, sequential.Count);
        Assert.Equal(247, concurrent.Count);
        Assert.All(sequential.Values, o => Assert.Equal("Passed", o.Result));
        var differentOutcomes = sequential.Keys.Where(k => concurrent[k].Result != sequential[k].Result).ToArray();
        Assert.Empty(differentOutcomes);

        var ids = KestrelTarget.Verdicts.Keys.Where(k => k.Subject == nameof(KestrelSequentialSubject)).Select(k => k.CaseId).ToArray();
        Assert.Equal(247, ids.Length);
        var differences = ids
            .Where(id => !SameVerdict(id, KestrelTarget.Verdicts[(nameof(KestrelSequentialSubject), id)], KestrelTarget.Verdicts.GetValueOrDefault((nameof(KestrelConcurrentSubject), id))))
            .Select(id => $"{id}: sequential {KestrelTarget.Verdicts[(nameof(KestrelSequentialSubject), id)]}, concurrent {KestrelTarget.Verdicts.GetValueOrDefault((nameof(KestrelConcurrentSubject), id))}")
            .ToArray();
        Assert.True(differences.Length == 0, string.Join("\n", differences));

        // The rows did overlap, at most four at a time; one at a time they did not.
        Assert.InRange(MaxOverlap(concurrent.Values), 2, 4);
        Assert.Equal(1, MaxOverlap(sequential.Values));
    }

    [Fact]
    public async Task SectionNineRows_RunAlone_AfterTheOthers()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("AUTOBAHN_CONCURRENCY") is not null, "AUTOBAHN_CONCURRENCY is set: it overrides the subject's degree");

        var outcomes = await InProcessRun.RunAsync(typeof(KestrelSectionNineSubject));

        Assert.Equal(8 + 2 + 11, outcomes.Count);
        Assert.All(outcomes.Values, o => Assert.Equal("Passed", o.Result));
        var alone = outcomes.Where(o => o.Key.Contains(": 9.", StringComparison.Ordinal)).Select(o => o.Value).ToArray();
        var others = outcomes.Where(o => !o.Key.Contains(": 9.", StringComparison.Ordinal)).Select(o => o.Value).ToArray();
        Assert.Equal(2, alone.Length);
        foreach (var row in alone)
        {
            Assert.All(outcomes.Values.Where(o => o != row), o => Assert.True(o.Finished <= row.Started || o.Started >= row.Finished, "a row ran beside a section 9 row"));
        }

        Assert.True(MaxOverlap(others) > 1, "the other rows did not overlap");
    }

    /// <summary>The racy cases (<see cref="CaseInfo.IsRacy"/>, wstest issue #102) are OK or NON-STRICT whichever way they run.</summary>
    private static bool SameVerdict(string id, (Behavior Behavior, Behavior Close) a, (Behavior Behavior, Behavior Close) b) =>
        a.Close == b.Close
        && (a.Behavior == b.Behavior || (CaseInfo.Get(CaseId.Parse(id)).IsRacy && a.Behavior is Behavior.Ok or Behavior.NonStrict && b.Behavior is Behavior.Ok or Behavior.NonStrict));

    /// <summary>The most rows that were running at one moment.</summary>
    private static int MaxOverlap(IEnumerable<InProcessRun.Outcome> outcomes)
    {
        var edges = outcomes.SelectMany(o => new[] { (At: o.Started, Step: 1), (At: o.Finished, Step: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Step); // an end before a start at the same instant
        int running = 0, most = 0;
        foreach (var edge in edges)
        {
            running += edge.Step;
            most = Math.Max(most, running);
        }

        return most;
    }
}
