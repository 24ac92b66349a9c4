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
