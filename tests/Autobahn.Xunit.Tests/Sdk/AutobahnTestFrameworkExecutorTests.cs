using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class AutobahnTestFrameworkExecutorTests
{
    [Fact]
    public void Plan_RowsOfOneTheory_ShareOnePlanInRunOrder()
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings)).Reverse().ToArray();

        AutobahnTestFrameworkExecutor.Plan(rows, environmentValue: null, debuggerAttached: false, processorCount: 2);

        var plan = Assert.Single(rows.Cast<AutobahnTestCase>().Select(r => r.Plan).Distinct());
        Assert.NotNull(plan);
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9"], plan.CaseIds);
        Assert.Equal(4, plan.Degree);
    }

    [Fact]
    public void Plan_OnlyTheSelectedRows_AsAfterAFilter()
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings)).Where(r => ((AutobahnTestCase)r).CaseId is "2.3" or "2.7").ToArray();

        AutobahnTestFrameworkExecutor.Plan(rows, null, false, 2);

        Assert.Equal(["2.3", "2.7"], ((AutobahnTestCase)rows[0]).Plan?.CaseIds);
    }

    [Fact]
    public void Plan_TheoriesAreSeparate()
    {
        var pings = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings));
        var two = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.TwoSections));

        AutobahnTestFrameworkExecutor.Plan([.. pings, .. two], null, false, 2);

        Assert.Equal(["1.1.1", "6.4.1"], ((AutobahnTestCase)two[0]).Plan?.CaseIds);
        Assert.Equal(9, ((AutobahnTestCase)pings[0]).Plan?.CaseIds.Count);
    }

    [Theory]
    [InlineData("1", false)]
    [InlineData(null, true)]
    public void Plan_SwitchedOffOrDebugging_NoPlan(string? environment, bool debugger)
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings));

        AutobahnTestFrameworkExecutor.Plan(rows, environment, debugger, 2);

        Assert.All(rows.Cast<AutobahnTestCase>(), r => Assert.Null(r.Plan));
    }

    [Fact]
    public void Plan_SkippedRows_AreLeftOut()
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.NeedsEnvironment));

        AutobahnTestFrameworkExecutor.Plan(rows, null, false, 2);

        Assert.All(rows.Cast<AutobahnTestCase>(), r => Assert.Null(r.Plan));
    }

    [Fact]
    public void Plan_BadEnvironmentValue_EveryRowGetsTheError()
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings));

        AutobahnTestFrameworkExecutor.Plan(rows, "lots", false, 2);

        Assert.All(rows.Cast<AutobahnTestCase>(), r => Assert.StartsWith("AUTOBAHN_CONCURRENCY='lots'", r.PlanError));
    }

    [Fact]
    public void Plan_AttributeDegree_IsUsed()
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.ThreeAtOnce));

        AutobahnTestFrameworkExecutor.Plan(rows, null, false, 2);

        Assert.Equal(3, ((AutobahnTestCase)rows[0]).Plan?.Degree);
    }

    [Fact]
    public async Task PlannedRows_FirstRowStartsTheOthersAndTheyTakeTheirResults()
    {
        var rows = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.RunsAhead));
        AutobahnTestFrameworkExecutor.Plan(rows, null, false, 2);
        DiscoveryFixtures.AheadStarted.Clear();

        var first = await RunAsync(rows[0]);
        await WaitUntil(() => DiscoveryFixtures.AheadStarted.Count == 3);
        Assert.Equal(["2.1", "2.2", "2.3"], DiscoveryFixtures.AheadStarted);

        var rest = new[] { await RunAsync(rows[1]), await RunAsync(rows[2]) };

        Assert.All(rest.Prepend(first), s => Assert.True(s is { Total: 1, Failed: 0, Skipped: 0 }));
        Assert.Equal(3, DiscoveryFixtures.AheadStarted.Count); // the later rows ran nothing themselves
    }

    private static Task<RunSummary> RunAsync(IXunitTestCase row) =>
        row.RunAsync(new NullSink(), new NullBus(), [], new ExceptionAggregator(), new CancellationTokenSource());

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(5, timeout.Token);
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    private sealed class NullBus : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message) => true;

        public void Dispose()
        {
        }
    }
}
