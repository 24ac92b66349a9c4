using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class AutobahnTestCaseTests
{
    [Fact]
    public async Task RunAsync_CaseIsUnimplemented_ReportsSkippedWithTheReasonAndCountsASkip()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.AsksToBeSkipped)));
        var bus = new RecordingBus();

        var summary = await testCase.RunAsync(new NullSink(), bus, [], new ExceptionAggregator(), new CancellationTokenSource());

        Assert.Equal(1, summary.Total);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(0, summary.Failed);
        Assert.StartsWith("UNIMPLEMENTED: ", Assert.Single(bus.Messages.OfType<ITestSkipped>()).Reason, StringComparison.Ordinal);
        Assert.Empty(bus.Messages.OfType<ITestFailed>());
        Assert.Empty(bus.Messages.OfType<ITestPassed>());
    }

    [Fact]
    public async Task RunAsync_TheRowsArgument_IsRestoredAndForgottenAfterTheRow()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.AsksToBeSkipped)));
        var declared = testCase.TestMethodArguments[0];

        await testCase.RunAsync(new NullSink(), new RecordingBus(), [], new ExceptionAggregator(), new CancellationTokenSource());

        // The discovered argument is the one serialized and shown; the row's own instance lived only while it ran.
        Assert.Same(declared, testCase.TestMethodArguments[0]);
        Assert.Null(Autobahn.Xunit.Sdk.XunitRows.Find((string)declared));
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
