using System.Diagnostics;
using System.Net.WebSockets;
using Autobahn.Testsuite.Cases;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Hostile handlers on the in-memory target (<c>Fuzzer.RunCaseAsync(caseId, handler)</c>), where the "server" runs in
/// the test process: it must not outlive its case. When the fuzzer ends a connection, the handler's writes fail (as a
/// write to a closed TCP connection does) and its cancellation token fires (as ASP.NET Core's RequestAborted does).
/// </summary>
public class InMemoryHostilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task HandlerThrows_PeerDropped()
    {
        static Task Throws(WebSocket socket, CancellationToken token) => throw new InvalidOperationException("handler bug");

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", Throws, Hostile.Fast);
        output.WriteLine($"{result.Behavior}/{result.BehaviorClose} in {stopwatch.ElapsedMilliseconds} ms");

        // The handshake was answered before the handler ran; then the connection closed: case.py "wrong endpoint".
        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.Equal(Hostile.PeerDropped, result.Transcript.Closing.WasNotCleanReason);
        Hostile.AssertWithin(stopwatch.Elapsed, Prompt, result);
    }

    [Fact]
    public async Task HandlerFloodsAndNeverReads_EndsWithTheCase()
    {
        var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Floods(WebSocket socket, CancellationToken token)
        {
            try
            {
                var payload = new byte[65536];
                while (true) await socket.SendAsync(payload, WebSocketMessageType.Binary, true, CancellationToken.None);
            }
            catch (Exception e)
            {
                ended.TrySetResult(e);
                throw;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        // Long timers: the fuzzer's event limit, not killAfter, ends the case.
        var result = await Fuzzer.RunCaseAsync("1.1.1", Floods, new FuzzingOptions { TimeScale = 10 });
        output.WriteLine($"{result.Behavior}/{result.BehaviorClose} in {stopwatch.ElapsedMilliseconds} ms: {result.Transcript.Closing.WasNotCleanReason}");

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.StartsWith("the server sent more than 10000 messages and pongs", result.Transcript.Closing.WasNotCleanReason);
        Hostile.AssertWithin(stopwatch.Elapsed, TimeSpan.FromSeconds(10), result);

        // Before: its writes into the closed connection kept succeeding, so it flooded memory for ever.
        var finished = await Task.WhenAny(ended.Task, Task.Delay(Prompt));
        Assert.True(finished == ended.Task, "the flooding handler was still running after its case ended");
        var error = await ended.Task;
        output.WriteLine($"handler ended with {error?.GetType().Name}: {error?.Message}");
    }

    [Fact]
    public async Task HandlerWaitsOnItsToken_CancelledWhenTheCaseEnds()
    {
        // A handler that neither reads nor writes and only waits for its token (RequestAborted in ASP.NET Core).
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Waits(WebSocket socket, CancellationToken token)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                ended.TrySetResult();
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", Waits, Hostile.Fast);
        output.WriteLine($"{result.Behavior}/{result.BehaviorClose} in {stopwatch.ElapsedMilliseconds} ms: {result.Transcript.Closing.WasNotCleanReason}");

        // killAfter(1) closes, nobody answers, the closing handshake timeout drops: FAILED / UNCLEAN, as over TCP.
        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Unclean, Hostile.EventsDiffer, Hostile.Unclean);
        Hostile.AssertWithin(stopwatch.Elapsed, Prompt + Prompt, result);
        Assert.True(await Task.WhenAny(ended.Task, Task.Delay(Prompt)) == ended.Task, "the handler's token did not fire when its case ended");
    }
}
