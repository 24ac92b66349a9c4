using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary><see cref="AutobahnExpectAttribute"/> read from a real theory: discovery validates it, a row applies it.</summary>
public class ExpectationDiscoveryTests
{
    [Theory]
    [InlineData(nameof(DiscoveryFixtures.ConflictingExpectations), "Case 2.2 has conflicting expectations")]
    [InlineData(nameof(DiscoveryFixtures.ExpectationMatchesNothing), "'99.*' ")]
    [InlineData(nameof(DiscoveryFixtures.ExpectationWithoutReason), "say why")]
    [InlineData(nameof(DiscoveryFixtures.NegativeConcurrency), "Concurrency = -1: use 0 (default), 1 (one case at a time) or more.")]
    [InlineData(nameof(DiscoveryFixtures.ZeroTimeScale), "TimeScale = 0: use a positive number")]
    public void Discover_InvalidExpectationOrSetting_OneExecutionErrorTestCaseWithTheReason(string method, string reason)
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(method));

        var error = Assert.IsType<ExecutionErrorTestCase>(testCase);
        Assert.Contains(reason, error.ErrorMessage);
        Assert.Contains("DiscoveryFixtures." + method, error.ErrorMessage);
    }

    [Fact]
    public async Task RunAsync_ExpectationHolds_RowPasses()
    {
        var messages = await RunSingleRowAsync(nameof(DiscoveryFixtures.ExpectsNonStrictGetsNonStrict));

        Assert.Single(messages.OfType<ITestPassed>());
        Assert.Empty(messages.OfType<ITestFailed>());
    }

    [Fact]
    public async Task RunAsync_ExpectationNoLongerHolds_RowFailsSayingSo()
    {
        var messages = await RunSingleRowAsync(nameof(DiscoveryFixtures.ExpectsNonStrictGetsOk));

        var failed = Assert.Single(messages.OfType<ITestFailed>());
        Assert.StartsWith(
            "Expectation no longer holds: case 2.2 is expected NON-STRICT (\"we are lenient\", [AutobahnExpect(\"2.*\", Behavior.NonStrict, \"we are lenient\")]) but is now OK",
            failed.Messages[0]);
    }

    private static async Task<IReadOnlyList<IMessageSinkMessage>> RunSingleRowAsync(string method)
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(method));
        var bus = new RecordingBus();
        await testCase.RunAsync(new NullSink(), bus, [], new ExceptionAggregator(), new CancellationTokenSource());
        return bus.Messages;
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
