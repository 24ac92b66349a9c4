using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class ConnectFailureMemoryTests
{
    private static readonly Uri Server = new("ws://127.0.0.1:1/");

    [Fact]
    public void TryGetRecent_WithinLifetime_ReturnsTheFailure()
    {
        var clock = new ManualClock();
        var memory = new ConnectFailureMemory(clock);
        memory.Remember(Server, "refused");
        clock.Advance(ConnectFailureMemory.Lifetime - TimeSpan.FromSeconds(1));

        Assert.True(memory.TryGetRecent(new Uri("ws://127.0.0.1:1"), out var message));
        Assert.Equal("refused", message);
    }

    [Fact]
    public void TryGetRecent_AfterLifetime_ForgetsTheFailure()
    {
        var clock = new ManualClock();
        var memory = new ConnectFailureMemory(clock);
        memory.Remember(Server, "refused");
        clock.Advance(ConnectFailureMemory.Lifetime);

        Assert.False(memory.TryGetRecent(Server, out _));
    }

    [Fact]
    public void TryGetRecent_OtherUrl_ReturnsNothing()
    {
        var memory = new ConnectFailureMemory(new ManualClock());
        memory.Remember(Server, "refused");

        Assert.False(memory.TryGetRecent(new Uri("ws://127.0.0.1:2/"), out _));
    }

    [Fact]
    public void Forget_RememberedUrl_ReturnsNothing()
    {
        var memory = new ConnectFailureMemory(new ManualClock());
        memory.Remember(Server, "refused");
        memory.Forget(Server);

        Assert.False(memory.TryGetRecent(Server, out _));
    }
}
