using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class AutobahnTestCaseTests
{
    [Fact]
    public async Task RunAsync_RowAsksToBeSkipped_ReportsSkippedWithTheReason()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.AsksToBeSkipped)));
        var bus = new RecordingBus();

        var summary = await testCase.RunAsync(new NullSink(), bus, [], new ExceptionAggregator(), new CancellationTokenSource());

        Assert.Equal(1, summary.Total);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(0, summary.Failed);
        Assert.Equal("UNIMPLEMENTED: 2.1", Assert.Single(bus.Messages.OfType<ITestSkipped>()).Reason);
        Assert.Empty(bus.Messages.OfType<ITestPassed>());
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    private sealed class RecordingBus : IMessageBus
    {
        public List<IMessageSinkMessage> Messages { get; } = [];

        public bool QueueMessage(IMessageSinkMessage message)
        {
            lock (Messages) Messages.Add(message);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
