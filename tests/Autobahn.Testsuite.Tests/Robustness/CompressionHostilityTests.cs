using System.IO.Compression;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Protocol;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Servers that accept permessage-deflate (RFC 7692) and then send what no inflater should trust. Case 12.1.1: the
/// fuzzer sends its first compressed message and the server answers with the hostile frame. autobahn would raise from
/// zlib inside <c>dataReceived</c> (Twisted then drops TCP, so the fuzzer never closes: wrong endpoint, FAILED);
/// here the fuzzer drops the connection itself and says why.
/// </summary>
public class CompressionHostilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static HostileServer AcceptDeflateThenSend(byte[] frame) => HostileServer.Start(async c =>
    {
        var key = await c.ReadRequestAsync();
        if (key is null) return;
        var response = Encoding.ASCII.GetString(HostileConnection.UpgradeResponse(key))
            .Replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n\r\n", StringComparison.Ordinal);
        await c.WriteAsync(Encoding.ASCII.GetBytes(response));
        if (await c.ReadFrameAsync() is null) return;
        await c.WriteAsync(frame);
    });

    [Fact]
    public async Task InvalidDeflateData_FuzzerDropsTheConnectionAndSaysWhy()
    {
        await using var server = AcceptDeflateThenSend(HostileConnection.Frame(Opcodes.Text, [0xff, 0xff, 0xff, 0xff, 0xff], rsv: 4));

        var (result, elapsed) = await Hostile.RunAsync("12.1.1", server.Url, FuzzingOptions.Default, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, "Case did not finish within 60 seconds.", Hostile.WrongEndpoint);
        Assert.StartsWith("the server sent invalid permessage-deflate data", result.Transcript.Closing.WasNotCleanReason, StringComparison.Ordinal);
        Assert.True(result.Transcript.Closing is { FailedByMe: true, DroppedByMe: true, ClosedByMe: false });
        Hostile.AssertWithin(elapsed, Bound, result);
    }

    [Fact]
    public async Task DecompressionBomb_StopsAtTheMessageLimit()
    {
        // 8 MiB of zeros deflate to about 8 KiB; the limit is lowered to 1 MiB so the test stays small.
        var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(new byte[8 * 1024 * 1024]);
            deflate.Flush();
        }

        var payload = compressed.ToArray()[..^4]; // RFC 7692 §7.2.1: the sync-flush tail is removed
        await using var server = AcceptDeflateThenSend(HostileConnection.Frame(Opcodes.Binary, payload, rsv: 4));

        var options = FuzzingOptions.Default with { MaxFramePayloadLength = 1024 * 1024 };
        var (result, elapsed) = await Hostile.RunAsync("12.1.1", server.Url, options, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed);
        Assert.Equal("a compressed message from the server inflates beyond the fuzzer's limit of 1048576 octets", result.Transcript.Closing.WasNotCleanReason);
        Assert.True(payload.Length < 64 * 1024, $"the bomb is {payload.Length} octets on the wire");
        Hostile.AssertWithin(elapsed, Bound, result);
    }

    [Fact]
    public async Task CompressedControlFrame_IsAProtocolViolation()
    {
        // RFC 7692 §6.1: RSV1 on a control frame. autobahn: protocolViolation("received compressed control frame [...]").
        await using var server = AcceptDeflateThenSend(HostileConnection.Frame(Opcodes.Ping, [0x01], rsv: 4));

        var (result, elapsed) = await Hostile.RunAsync("12.1.1", server.Url, FuzzingOptions.Default, output);

        Assert.Equal(Behavior.Failed, result.Behavior);
        Assert.Equal(1002, result.Transcript.Closing.LocalCloseCode);
        Assert.Equal(FrameRules.CompressedControlFrame, result.Transcript.Closing.LocalCloseReason);
        Hostile.AssertWithin(elapsed, Bound, result);
    }
}
