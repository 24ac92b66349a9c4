using System.Diagnostics;
using System.Net.WebSockets;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Protocol;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Cancelling a case (a stopped <c>dotnet test</c>, a test timeout) ends it at once: the call throws
/// <see cref="OperationCanceledException"/>, the socket is closed (the server sees FIN or RST), and nothing of the
/// session keeps running. After many cases, cancelled or not, the server has no open connection left.
/// </summary>
public class CancellationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Prompt = TimeSpan.FromMilliseconds(500);

    public static TheoryData<string> Stages => ["handshake", "silent", "ping flood"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task CancelRunningCase_ThrowsPromptlyAndClosesTheSocket(string stage)
    {
        var flood = Repeat(HostileConnection.Frame(Opcodes.Ping, new byte[125]), 512);
        await using var server = HostileServer.Start(async c =>
        {
            if (stage == "handshake")
            {
                await c.ReadRequestAsync();
                return;
            }

            if (!await c.AcceptAsync()) return;
            while (stage == "ping flood" && !c.Stopping.IsCancellationRequested) await c.WriteAsync(flood);
        });

        // wstest's timers: killAfter(1) and the 5 s opening handshake timeout are far away when the cancellation comes.
        using var cancellation = new CancellationTokenSource(CancelAfter);
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fuzzer.RunCaseAsync("1.1.1", server.Url, FuzzingOptions.Default, cancellation.Token));
        var late = stopwatch.Elapsed - CancelAfter;
        output.WriteLine($"{stage}: returned {late.TotalMilliseconds:0} ms after the cancellation");

        Assert.True(late < Prompt, $"returned {late.TotalMilliseconds:0} ms after the cancellation");
        Assert.True(await server.WaitUntilNoneOpenAsync(Prompt), "the server still has an open connection");
        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task CancelledBeforeConnecting_ThrowsInsteadOfReportingAConnectFailure()
    {
        // A cancelled case is not a server that cannot be reached: the xUnit adapter remembers connect failures and
        // fails the following rows for the same URL at once (ConnectFailureMemory).
        await using var server = HostileServer.Start(async c => await c.AcceptAsync());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fuzzer.RunCaseAsync("1.1.1", server.Url, FuzzingOptions.Default, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fuzzer.RunCaseAsync("1.1.1", (_, _) => Task.CompletedTask, FuzzingOptions.Default, cancellation.Token));
    }

    [Fact]
    public async Task ManyCasesSomeCancelled_NoConnectionLeftOpen()
    {
        // A correct 1.1.1 server that is slow by a seeded random delay before each answer; every other case is cancelled
        // at a random moment (during the handshake, while waiting for the echo or in the closing handshake).
        const int Cases = 12;
        var random = new Random(20251125);
        var delays = Enumerable.Range(0, Cases * 3).Select(_ => TimeSpan.FromMilliseconds(random.Next(0, 80))).ToArray();
        var next = -1;
        await using var server = HostileServer.Start(async c =>
        {
            var n = Interlocked.Increment(ref next);
            var key = await c.ReadRequestAsync();
            if (key is null) return;
            await Task.Delay(delays[3 * n], c.Stopping);
            await c.WriteAsync(HostileConnection.UpgradeResponse(key));
            if (await c.ReadFrameAsync(Opcodes.Text) is null) return;
            await Task.Delay(delays[(3 * n) + 1], c.Stopping);
            await c.WriteAsync(HostileConnection.Frame(Opcodes.Text, []));
            if (await c.ReadFrameAsync(Opcodes.Close) is null) return;
            await Task.Delay(delays[(3 * n) + 2], c.Stopping);
            await c.WriteAsync(HostileConnection.Frame(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, [])));
            c.ShutdownSend();
        });

        var cancelled = 0;
        for (var i = 0; i < Cases; i++)
        {
            using var cancellation = new CancellationTokenSource();
            if (i % 2 == 1) cancellation.CancelAfter(random.Next(1, 150));
            try
            {
                var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url, FuzzingOptions.Default, cancellation.Token);
                Hostile.AssertVerdict(result, Behavior.Ok, Behavior.Ok);
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }
        }

        output.WriteLine($"{Cases} cases, {cancelled} cancelled");
        Assert.InRange(cancelled, 1, Cases / 2);
        Assert.Equal(Cases, server.AcceptedConnections);
        Assert.True(await server.WaitUntilNoneOpenAsync(Prompt), $"{server.OpenConnections} connections still open");
        Assert.All(server.Connections, c => Assert.True(c.ClientGone, "the server did not see the fuzzer close"));
    }

    [Fact]
    public async Task InMemoryHandlersCancelled_NoHandlerLeftRunning()
    {
        // The in-memory target has no socket to count: the handler counts itself. A handler that echoes until the
        // connection goes; half of the cases are cancelled while it waits for the echo of a slow server (delay).
        var running = 0;
        var started = 0;
        async Task Echo(WebSocket socket, CancellationToken token)
        {
            Interlocked.Increment(ref started);
            Interlocked.Increment(ref running);
            try
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        return;
                    }

                    await Task.Delay(100, CancellationToken.None);
                    await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
                }
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        var cancelled = 0;
        for (var i = 0; i < 6; i++)
        {
            using var cancellation = new CancellationTokenSource();
            if (i % 2 == 0) cancellation.CancelAfter(50);
            try
            {
                await Fuzzer.RunCaseAsync("1.1.1", Echo, FuzzingOptions.Default, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }
        }

        Assert.Equal(3, cancelled);
        Assert.InRange(started, 3, 6); // a case cancelled before the handshake never starts its handler
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref running) > 0 && deadline.Elapsed < Prompt) await Task.Delay(10);
        Assert.Equal(0, Volatile.Read(ref running));
    }

    private static byte[] Repeat(byte[] frame, int count)
    {
        var all = new byte[frame.Length * count];
        for (var i = 0; i < count; i++) frame.CopyTo(all, i * frame.Length);
        return all;
    }
}
