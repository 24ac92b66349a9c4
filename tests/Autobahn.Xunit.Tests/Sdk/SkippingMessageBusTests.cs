using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class SkippingMessageBusTests
{
    [Fact]
    public void QueueMessage_PassedWithSkipReason_ForwardsSkipped()
    {
        var inner = new RecordingBus();
        var context = new AutobahnRowContext { SkipReason = "UNIMPLEMENTED: declined" };
        using var bus = new SkippingMessageBus(inner, context);
        var test = Test();

        bus.QueueMessage(new TestPassed(test, 1m, null));

        var skipped = Assert.IsType<TestSkipped>(Assert.Single(inner.Messages));
        Assert.Equal("UNIMPLEMENTED: declined", skipped.Reason);
        Assert.Same(test, skipped.Test);
        Assert.Equal(1, bus.SkippedCount);
    }

    [Fact]
    public void QueueMessage_NoSkipReason_ForwardsUnchanged()
    {
        var inner = new RecordingBus();
        using var bus = new SkippingMessageBus(inner, new AutobahnRowContext());
        var passed = new TestPassed(Test(), 1m, null);

        bus.QueueMessage(passed);

        Assert.Same(passed, Assert.Single(inner.Messages));
        Assert.Equal(0, bus.SkippedCount);
    }

    private static ITest Test()
    {
        var testCase = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings))[0];
        return new XunitTest((IXunitTestCase)testCase, testCase.DisplayName);
    }

    private sealed class RecordingBus : IMessageBus
    {
        public List<IMessageSinkMessage> Messages { get; } = [];

        public bool QueueMessage(IMessageSinkMessage message)
        {
            Messages.Add(message);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
