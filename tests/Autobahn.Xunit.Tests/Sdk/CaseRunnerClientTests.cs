using System.Diagnostics;
using System.Net.WebSockets;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>Client rows through the runner: the process's loopback fuzzing server, the verdict policy, the fast failures.</summary>
public sealed class CaseRunnerClientTests
{
    private static readonly FuzzingOptions Fast = FuzzingOptions.Default with { TimeScale = 0.1 };

    [Fact]
    public async Task A_conformant_client_passes()
    {
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null);

        var result = await runner.RunClientAsync("1.1.1", EchoAsync, options: null, Row(new TheoryRun()), default);

        Assert.Equal((Behavior.Ok, Behavior.Ok), (result.Behavior, result.BehaviorClose));
    }

    [Fact]
    public async Task A_client_that_hangs_without_connecting_is_waited_on_once_and_later_rows_fail_at_once()
    {
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null);
        var run = new TheoryRun();

        var first = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunClientAsync("1.1.1", HangAsync, Fast, Row(run), default));
        var clock = Stopwatch.StartNew();
        var second = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunClientAsync("1.1.2", HangAsync, Fast, Row(run), default));

        Assert.Contains("did not connect to ws://127.0.0.1:", first.Message, StringComparison.Ordinal);
        Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, second.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.4), $"the second row took {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task All_517_rows_of_a_client_that_never_connects_fail_within_a_minute_none_passing()
    {
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null);
        var run = new TheoryRun();
        var clock = Stopwatch.StartNew();
        var failed = 0;
        foreach (var info in CaseInfo.All)
        {
            // wstest's own timers: the first row waits the 5 s opening-handshake timeout, the others are not retried.
            await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunClientAsync(info.Id.Text, HangAsync, options: null, Row(run), default));
            failed++;
        }

        Assert.Equal(517, failed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"517 rows took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task UNIMPLEMENTED_in_a_row_is_the_skip_exception_and_outside_any_row_a_failure_that_says_why()
    {
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null);

        var inRow = await Assert.ThrowsAsync<UnimplementedCaseException>(() => runner.RunClientAsync("12.1.1", EchoAsync, options: null, Row(new TheoryRun()), default));
        var outside = await Assert.ThrowsAsync<UnimplementedCaseException>(() => runner.RunClientAsync("12.1.1", EchoAsync, options: null, row: null, default));

        Assert.Equal(UnimplementedText.ClientDidNotOffer, inRow.Reason);
        Assert.Equal(inRow.Reason, inRow.Message);
        Assert.Equal(outside.Reason + "\n" + UnimplementedText.OutsideRow, outside.Message);
    }

    private static RowSettings Row(TheoryRun run) => new(() => CaseExpectations.None, timeScale: 1, run);

    private static Task HangAsync(Uri url, CancellationToken token) => Task.Delay(Timeout.Infinite, token);

    private static async Task EchoAsync(Uri url, CancellationToken token)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, token);
        var buffer = new byte[1 << 16];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, token);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, token);
        }
    }
}
