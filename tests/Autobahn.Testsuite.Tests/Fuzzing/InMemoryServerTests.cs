using System.Net.WebSockets;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Fuzzing;

public class InMemoryServerTests
{
    private static readonly Behavior[] Passing = [Behavior.Ok, Behavior.NonStrict, Behavior.Informational];

    [Fact]
    public async Task RunCase_InMemoryEchoHandler_PassesPing()
    {
        var result = await Fuzzer.RunCaseAsync("2.2", EchoAsync);

        Assert.Equal(Behavior.Ok, result.Behavior);
        Assert.Equal(Behavior.Ok, result.BehaviorClose);
        Assert.Equal("InMemory", result.Agent);
        Assert.Equal([CaseEvent.Pong("Hello, world!"u8.ToArray())], result.Transcript.Received);
    }

    [Fact]
    public async Task RunCase_HandlerThatReturnsAtOnce_IsADroppedConnection()
    {
        var result = await Fuzzer.RunCaseAsync("1.1.1", (_, _) => Task.CompletedTask);

        // The server went away without any close: the fuzzer did not close first as 1.1.1 expects (wrong endpoint).
        Assert.Equal(Behavior.Failed, result.Behavior);
        Assert.Equal(Behavior.Failed, result.BehaviorClose);
        Assert.False(result.Transcript.Closing.ClosedByMe);
        Assert.Equal("peer dropped the TCP connection without previous WebSocket closing handshake", result.Transcript.Closing.WasNotCleanReason);
    }

    /// <summary>
    /// With permessage-deflate accepted, the managed WebSocket's compressed echoes of every 12.x/13.x offer pass the
    /// type/length/SHA-1 check for 1000 messages; the short sizes (x.1–x.4) keep the test quick.
    /// </summary>
    [Theory]
    [InlineData("12.1.1")]
    [InlineData("12.2.2")]
    [InlineData("12.3.3")]
    [InlineData("12.4.4")]
    [InlineData("12.5.1")]
    [InlineData("13.1.2")]
    [InlineData("13.2.1")]
    [InlineData("13.3.4")]
    [InlineData("13.4.1")]
    [InlineData("13.5.2")]
    [InlineData("13.6.3")]
    [InlineData("13.7.1")]
    public async Task RunCase_CompressionAccepted_EchoesAllThousandMessages(string caseId)
    {
        var result = await Fuzzer.RunCaseAsync(caseId, EchoAsync, FuzzingOptions.Default with { InMemoryPermessageDeflate = true });

        Assert.True(result.Behavior == Behavior.Ok, $"{result.Behavior.ToWstestString()}: {result.Verdict.Result}");
        Assert.Equal(Behavior.Ok, result.BehaviorClose);
        Assert.Contains("Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover; client_max_window_bits", result.Transcript.HttpRequest, StringComparison.Ordinal);
        var stats = Assert.IsType<Autobahn.Testsuite.Fuzzing.TrafficStats>(result.Transcript.TrafficStats);
        Assert.Equal(1000, stats.OutgoingWebSocketMessages);
        Assert.Equal(1000, stats.IncomingWebSocketMessages);
        Assert.Equal(stats.OutgoingOctetsAppLevel, stats.IncomingOctetsAppLevel);
        // Compressed sizes differ from the application sizes both ways (small binary windows may grow).
        Assert.NotEqual(stats.OutgoingOctetsAppLevel, stats.OutgoingOctetsWebSocketLevel);
        Assert.NotEqual(stats.IncomingOctetsAppLevel, stats.IncomingOctetsWebSocketLevel);
    }

    [Fact]
    public async Task RunCase_CompressionDeclined_IsUnimplementedAndClosesAtOnce()
    {
        var result = await Fuzzer.RunCaseAsync("12.2.18", EchoAsync);

        Assert.Equal(Behavior.Unimplemented, result.Behavior);
        Assert.Equal(Behavior.Ok, result.BehaviorClose);
        Assert.Equal(1000, result.Transcript.Closing.LocalCloseCode);
        Assert.Null(result.Transcript.TrafficStats);
        Assert.True(result.Transcript.DurationMilliseconds < 1000, $"{result.Transcript.DurationMilliseconds} ms");
    }

    /// <summary>
    /// .NET's own server WebSocket (the one Kestrel uses) behind an echo loop passes every case of sections 1–7, 9 and 10
    /// over the in-memory transport. Cases run concurrently: each has its own in-memory connection.
    /// </summary>
    [Fact]
    public async Task RunCase_ManagedWebSocketEcho_PassesSectionsOneToTen_AndDeclinesCompression()
    {
        using var slots = new SemaphoreSlim(8);
        var results = await Task.WhenAll(CaseCatalog.All.Select(async d =>
        {
            await slots.WaitAsync();
            try
            {
                return await Fuzzer.RunCaseAsync(d.Id.Text, EchoAsync);
            }
            finally
            {
                slots.Release();
            }
        }));

        // The in-memory server answers the handshake without extensions, so 12.x/13.x are UNIMPLEMENTED (closed at once).
        var failures = results
            .Where(r => r.Id.Section is 12 or 13
                ? r.Behavior != Behavior.Unimplemented || r.BehaviorClose != Behavior.Ok
                : !Passing.Contains(r.Behavior) || r.BehaviorClose is not (Behavior.Ok or Behavior.Informational))
            .Select(r => $"{r.Id}: {r.Behavior.ToWstestString()} / {r.BehaviorClose.ToWstestString()} ({r.Verdict.Result}; {r.Verdict.ResultClose})");
        Assert.Empty(failures);
        Assert.Equal(517, results.Length);
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, cancellationToken);
                        return;
                    }

                    count += result.Count;
                }
                while (!result.EndOfMessage);
                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            // The managed WebSocket has already sent its close (1002/1007) for the protocol error.
        }
    }
}
