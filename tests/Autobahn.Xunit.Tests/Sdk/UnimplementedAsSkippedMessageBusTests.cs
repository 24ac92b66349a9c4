using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class UnimplementedAsSkippedMessageBusTests
{
    [Fact]
    public void QueueMessage_FailedByUnimplementedCaseException_ForwardsSkippedWithTheReason()
    {
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var test = Test();

        bus.QueueMessage(new TestFailed(test, 1m, null, new UnimplementedCaseException("UNIMPLEMENTED: declined", inRow: true)));

        var skipped = Assert.IsType<TestSkipped>(Assert.Single(inner.Messages));
        Assert.Equal("UNIMPLEMENTED: declined", skipped.Reason);
        Assert.Same(test, skipped.Test);
        Assert.Equal(1, bus.SkippedCount);
    }

    [Fact]
    public void QueueMessage_TestCaseFinishedAfterASkip_CountsTheSkipNotAFailure()
    {
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var test = Test();
        bus.QueueMessage(new TestFailed(test, 1m, null, new UnimplementedCaseException("UNIMPLEMENTED: declined", inRow: true)));

        bus.QueueMessage(new TestCaseFinished(test.TestCase, 1m, testsRun: 1, testsFailed: 1, testsSkipped: 0));

        var finished = Assert.IsType<TestCaseFinished>(inner.Messages[1]);
        Assert.Equal((1, 0, 1), (finished.TestsRun, finished.TestsFailed, finished.TestsSkipped));
    }

    [Fact]
    public void QueueMessage_TestCaseFinishedWithoutASkip_ForwardsUnchanged()
    {
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var finished = new TestCaseFinished(Test().TestCase, 1m, testsRun: 1, testsFailed: 1, testsSkipped: 0);

        bus.QueueMessage(finished);

        Assert.Same(finished, Assert.Single(inner.Messages));
    }

    [Fact]
    public void QueueMessage_OtherFailure_ForwardsUnchanged()
    {
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var failed = new TestFailed(Test(), 1m, null, new AutobahnCaseFailedException("Case 2.2 FAILED", result: null));

        bus.QueueMessage(failed);

        Assert.Same(failed, Assert.Single(inner.Messages));
        Assert.Equal(0, bus.SkippedCount);
    }

    [Fact]
    public void QueueMessage_UnimplementedOutsideTheRow_IsAFailure()
    {
        // The row's test passed a case id string of its own: the call ran outside the row, and its message says it fails.
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var failed = new TestFailed(Test(), 1m, null, new UnimplementedCaseException("UNIMPLEMENTED: declined", inRow: false));

        bus.QueueMessage(failed);

        Assert.Same(failed, Assert.Single(inner.Messages));
        Assert.Equal(0, bus.SkippedCount);
    }

    [Fact]
    public void QueueMessage_UnimplementedWrappedInAnotherException_IsAFailure()
    {
        // Only the test's own exception decides: a test that caught it and threw something else failed.
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var failed = new TestFailed(Test(), 1m, null, new InvalidOperationException("wrapped", new UnimplementedCaseException("UNIMPLEMENTED: declined", inRow: true)));

        bus.QueueMessage(failed);

        Assert.Same(failed, Assert.Single(inner.Messages));
    }

    [Fact]
    public void QueueMessage_PassedAndOtherMessages_ForwardsUnchanged()
    {
        var inner = new RecordingBus();
        using var bus = new UnimplementedAsSkippedMessageBus(inner);
        var passed = new TestPassed(Test(), 1m, null);

        bus.QueueMessage(passed);

        Assert.Same(passed, Assert.Single(inner.Messages));
        Assert.Equal(0, bus.SkippedCount);
    }

    private static ITest Test()
    {
        var testCase = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings))[0];
        return new XunitTest(testCase, testCase.DisplayName);
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
