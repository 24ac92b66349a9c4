using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>Without the Autobahn framework, a theory's rows share one run per process; other theories have their own.</summary>
public class TheoryRunsTests
{
    [Fact]
    public void For_TheSameTheory_IsOneRun_AnotherTheoryAnother()
    {
        var pings = TheoryRuns.For(DiscoveryHelper.TestMethod(nameof(DiscoveryFixtures.Pings)));
        var again = TheoryRuns.For(DiscoveryHelper.TestMethod(nameof(DiscoveryFixtures.Pings)));
        var other = TheoryRuns.For(DiscoveryHelper.TestMethod(nameof(DiscoveryFixtures.TwoSections)));

        Assert.Same(pings, again);
        Assert.NotSame(pings, other);
        Assert.NotSame(TheoryRun.OutsideRows, pings);
    }

    [Fact]
    public void TheoryRun_MemoriesAreItsOwn()
    {
        var server = new Uri("ws://127.0.0.1:9001/");
        TheoryRun one = new(new ManualClock()), other = new(new ManualClock());

        one.ConnectFailures.Remember(server, "refused");

        Assert.True(one.ConnectFailures.TryGetRecent(server, out _));
        Assert.False(other.ConnectFailures.TryGetRecent(server, out _));
    }
}
