using System.Net.WebSockets;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary><see cref="FuzzingOptions.ExcludeAfterHandshake"/>: wstest's exclude-agent-cases, checked in onOpen.</summary>
public class ExcludeAfterHandshakeTests
{
    [Fact]
    public async Task Excluded_AfterTheHandshake_SendsAnEmptyCloseAndRunsNothing()
    {
        (string Agent, CaseId Id)? asked = null;
        var options = new FuzzingOptions
        {
            Agent = "Mine",
            ExcludeAfterHandshake = (agent, id) =>
            {
                asked = (agent, id);
                return true;
            },
        };

        var result = await Fuzzer.RunCaseAsync("1.1.2", CloseOnCloseAsync, options);

        Assert.Equal(("Mine", CaseId.Parse("1.1.2")), asked);
        Assert.True(result.Transcript.Excluded);
        Assert.True(result.Transcript.ConnectionWasOpen);
        Assert.Empty(result.Transcript.Received);
        Assert.True(result.Transcript.Closing.ClosedByMe);
        Assert.Null(result.Transcript.Closing.LocalCloseCode);
        Assert.Single(result.Transcript.WireLog, row => row.Kind == "TF"); // the close frame, nothing else
    }

    [Fact]
    public async Task NotExcluded_RunsTheCase()
    {
        var options = new FuzzingOptions { ExcludeAfterHandshake = (_, _) => false };
        var result = await Fuzzer.RunCaseAsync("1.1.1", EchoAsync, options);
        Assert.False(result.Transcript.Excluded);
        Assert.Equal(Behavior.Ok, result.Behavior);
    }

    [Fact]
    public async Task Excluded_IsNotRecordedInTheReports()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exclude-" + Guid.NewGuid().ToString("N"));
        try
        {
            var writer = new ReportWriter(directory);
            var result = await Fuzzer.RunCaseAsync("1.1.2", CloseOnCloseAsync, new FuzzingOptions { ExcludeAfterHandshake = (_, _) => true });
            Assert.Null(writer.Record(result));
            Assert.False(File.Exists(writer.IndexPath));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task CloseOnCloseAsync(WebSocket socket, CancellationToken token)
    {
        var buffer = new byte[1 << 16];
        while ((await socket.ReceiveAsync(buffer, token)).MessageType != WebSocketMessageType.Close)
        {
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, token);
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken token)
    {
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
