using Autobahn.Samples.EchoServer;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Autobahn.Xunit.Tests.Concurrency;

/// <summary>
/// Running cases ahead must not change a verdict: sections 1–7 and 10 against the sample echo app (Kestrel, in this
/// process), once one after another and once through a <see cref="RowPlan"/> as rows take them, compared case by case.
/// </summary>
public sealed class SampleServerConcurrencyTests : IAsyncLifetime
{
    private WebApplication? app;
    private Uri url = null!;

    public async Task InitializeAsync()
    {
        app = EchoApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentRows_GiveTheSameVerdictsAsSequentialRows()
    {
        var ids = CaseSelection.Resolve(["*"], ["9.*", "12.*", "13.*"]).Select(id => id.Text).ToArray();
        Assert.Equal(247, ids.Length);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var options = FuzzingOptions.Default;

        var sequential = new Dictionary<string, CaseResult>();
        foreach (var id in ids) sequential[id] = await Fuzzer.RunCaseAsync(id, url, options, guard.Token);

        var plan = new RowPlan(ids, degree: ConcurrencyPolicy.DefaultMaximum);
        var concurrent = new Dictionary<string, CaseResult>();
        foreach (var id in ids)
        {
            var taken = plan.Take(id, url, options, (next, token) => Fuzzer.RunCaseAsync(next, url, options, token), guard.Token);
            Assert.NotNull(taken); // every row's case ran ahead: one stretch, no section 9
            concurrent[id] = await taken;
        }

        var differences = ids
            .Where(id => !SameVerdict(id, sequential[id], concurrent[id]))
            .Select(id => $"{id}: sequential {Verdict(sequential[id])}, concurrent {Verdict(concurrent[id])}")
            .ToArray();
        Assert.True(differences.Length == 0, string.Join("\n", differences));
        Assert.All(ids, id => Assert.Equal(id, concurrent[id].Id.Text)); // each row got its own case's result
    }

    /// <summary>The racy cases (<see cref="CaseInfo.IsRacy"/>, wstest issue #102) are OK or NON-STRICT whichever way they run.</summary>
    private static bool SameVerdict(string id, CaseResult a, CaseResult b) =>
        a.BehaviorClose == b.BehaviorClose
        && (a.Behavior == b.Behavior || (CaseInfo.Get(CaseId.Parse(id)).IsRacy && a.Behavior is Behavior.Ok or Behavior.NonStrict && b.Behavior is Behavior.Ok or Behavior.NonStrict));

    private static string Verdict(CaseResult result) => $"{result.Behavior.ToWstestString()}/{result.BehaviorClose.ToWstestString()}";
}
