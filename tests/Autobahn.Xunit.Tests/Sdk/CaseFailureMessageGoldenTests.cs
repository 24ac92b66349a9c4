using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Tests.Servers;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// Issue 15, part 3: the failure message of real runs, compared with golden files in <c>Sdk/Golden</c>. The mask
/// keys, the handshake key and the URL in the Host header are fixed (the TCP connection still goes to the server's
/// real port), and every peer answers one thing at a time, so the wire log is the same in every run.
/// A mismatch writes <c>name.received.txt</c> beside the golden file; <c>AUTOBAHN_ACCEPT_GOLDEN=1</c> (never on CI)
/// rewrites them.
/// </summary>
public class CaseFailureMessageGoldenTests
{
    /// <summary>What the message names as the case's report; a real row names the file its <see cref="ReportWriter"/> wrote.</summary>
    private const string ReportFile = "/tmp/autobahn-reports/testserver_case_{0}.html";

    private static readonly Uri HostUrl = new("ws://127.0.0.1:9001/");

    [Fact]
    public async Task Format_OkUncleanAgainstServerThatNeverDropsTcp_MatchesGolden()
    {
        await using var server = MutantServer.Start(new MutantOptions { NeverClosesTcp = true });

        var result = await RunAsync("2.2", token => TcpConnectAsync(server.Url, token));

        Assert.Equal((Behavior.Ok, Behavior.Unclean), (result.Behavior, result.BehaviorClose));
        AssertGolden("unclean_2_2.txt", result);
    }

    [Fact]
    public async Task Format_FailedWithLongWireLog_ShowsTheTailAndMatchesGolden()
    {
        // 6.2.3: a 28-octet message sent as 28 one-octet fragments; the server echoes it in one frame whose length is
        // in the 64-bit form (RFC 6455 §5.2: the minimal form MUST be used), so the fuzzer fails the connection (1002).
        await using var server = MutantServer.Start(new MutantOptions { DataFrameLengthOctets = 8 });

        var result = await RunAsync("6.2.3", token => TcpConnectAsync(server.Url, token));

        Assert.Equal((Behavior.Failed, Behavior.WrongCode), (result.Behavior, result.BehaviorClose));
        Assert.True(result.Transcript.WireLog.Count > CaseFailureMessage.WireLogTail);
        AssertGolden("failed_6_2_3.txt", result);
    }

    [Fact]
    public async Task Format_CompressionCaseAgainstCorruptingEcho_MatchesGolden()
    {
        // 12.1.1: 1000 compressed 16-octet messages, each after the echo of the previous one; the handler echoes the
        // tenth with its last octet changed. The wire log is off after the handshake (wstest's createWirelog = False).
        var result = await RunAsync(
            "12.1.1",
            token => Task.FromResult(InMemoryServer.Start(CorruptTenthEchoAsync, acceptDeflate: true, token)));

        Assert.Equal(Behavior.Failed, result.Behavior);
        AssertGolden("failed_12_1_1.txt", result);
    }

    private static Task<CaseResult> RunAsync(string caseId, Func<CancellationToken, Task<Stream>> connect) =>
        Fuzzer.RunCaseAsync(
            caseId,
            HostUrl,
            connect,
            FuzzingOptions.Default,
            CancellationToken.None,
            newMaskKey: () => [0xaa, 0xeb, 0x04, 0x71],
            handshakeKey: "dGhlIHNhbXBsZSBub25jZQ==");

    private static Task<Stream> TcpConnectAsync(Uri url, CancellationToken token) => TcpConnector.ConnectAsync(url, token);

    private static async Task CorruptTenthEchoAsync(WebSocket socket, CancellationToken token)
    {
        var buffer = new byte[64 * 1024];
        for (var message = 1; ; message++)
        {
            var received = await socket.ReceiveAsync(buffer, token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, token);
                return;
            }

            if (message == 10) buffer[received.Count - 1] ^= 0x01;
            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, token);
        }
    }

    private static void AssertGolden(string fileName, CaseResult result, [CallerFilePath] string sourceFile = "")
    {
        var actual = CaseFailureMessage.Format(result, string.Format(System.Globalization.CultureInfo.InvariantCulture, ReportFile, result.Id.FileSafe)) + "\n";
        var directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden");
        var path = Path.Combine(directory, fileName);
        var received = Path.ChangeExtension(path, ".received.txt");
        if (Environment.GetEnvironmentVariable("AUTOBAHN_ACCEPT_GOLDEN") is "1" or "true" && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with AUTOBAHN_ACCEPT_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual) File.WriteAllText(received, actual, new UTF8Encoding(false));
        else if (File.Exists(received)) File.Delete(received);
        Assert.Equal(expected, actual);
    }
}
