using System.Buffers;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

public class ScriptedEchoPeerTests
{
    // RFC 6455 §1.3's sample nonce and the accept value the RFC derives from it.
    private const string SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";
    private const string SampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private static readonly byte[] MaskKey = [0x37, 0xfa, 0x21, 0x3d];

    [Fact]
    public void Receive_Rfc6455SampleKey_AnswersSwitchingProtocolsWithItsAcceptKey()
    {
        var reaction = new ScriptedEchoPeer().Receive(Request());

        Assert.Equal(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {SampleAccept}\r\n\r\n",
            Encoding.ASCII.GetString(reaction.Send));
        Assert.False(reaction.CloseTransport);
    }

    [Fact]
    public void Receive_RequestInPieces_AnswersOnceTheHeadIsComplete()
    {
        var peer = new ScriptedEchoPeer();
        var request = Request();

        Assert.Empty(peer.Receive(request.AsSpan(0, 20)).Send);
        Assert.StartsWith("HTTP/1.1 101 ", Encoding.ASCII.GetString(peer.Receive(request.AsSpan(20)).Send), StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_RequestWithoutKey_RefusesWith400AndClosesTransport()
    {
        var peer = new ScriptedEchoPeer();

        var reaction = peer.Receive("GET / HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n"u8);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", Encoding.ASCII.GetString(reaction.Send), StringComparison.Ordinal);
        Assert.True(reaction.CloseTransport);
        Assert.True(peer.TransportClosed);
    }

    /// <summary>13.7's three offers: ws takes the first as it is and drops the value-less client_max_window_bits.</summary>
    [Fact]
    public void Receive_SeveralDeflateOffers_AcceptsTheFirstAsWsDoes()
    {
        var offers = "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=9, "
            + "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover, "
            + "permessage-deflate; client_no_context_takeover; client_max_window_bits";

        var reaction = new ScriptedEchoPeer().Receive(Request(offers));

        Assert.Contains(
            "\r\nSec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover; server_no_context_takeover; server_max_window_bits=9\r\n",
            Encoding.ASCII.GetString(reaction.Send),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_DeflateOfferWhenDeclining_AnswersWithoutExtension()
    {
        var reaction = new ScriptedEchoPeer(acceptPermessageDeflate: false).Receive(Request("permessage-deflate; client_max_window_bits"));

        Assert.DoesNotContain("Sec-WebSocket-Extensions", Encoding.ASCII.GetString(reaction.Send), StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_MaskedPing_AnswersUnmaskedPongWithThePayload()
    {
        var peer = OpenPeer();

        var reaction = peer.Receive(ClientFrame(0x89, "Hello"u8));

        Assert.Equal(Convert.FromHexString("8A0548656C6C6F"), reaction.Send);
        Assert.False(reaction.CloseTransport);
    }

    [Fact]
    public void Receive_Pong_IsIgnored()
    {
        Assert.Empty(OpenPeer().Receive(ClientFrame(0x8A, "x"u8)).Send);
    }

    [Fact]
    public void Receive_TextInFragmentsWithPingBetween_AnswersPongThenEchoesTheWholeMessage()
    {
        var peer = OpenPeer();

        var reaction = peer.Receive([.. ClientFrame(0x01, "frag"u8), .. ClientFrame(0x89, "p"u8), .. ClientFrame(0x80, "ment"u8)]);

        Assert.Equal(Convert.FromHexString("8A0170" + "8108667261676D656E74"), reaction.Send);
    }

    [Fact]
    public void Receive_FrameOneOctetAtATime_EchoesAsIfWhole()
    {
        var peer = OpenPeer();
        var frame = ClientFrame(0x82, new byte[300]);
        var echoed = new List<byte>();

        foreach (var octet in frame) echoed.AddRange(peer.Receive([octet]).Send);

        Assert.Equal([0x82, 0x7E, 0x01, 0x2C, .. new byte[300]], echoed);
    }

    [Fact]
    public void Receive_UnmaskedFrame_ClosesWith1002AndTransport()
    {
        var peer = OpenPeer();

        var reaction = peer.Receive(Convert.FromHexString("810548656C6C6F"));

        Assert.Equal(Convert.FromHexString("880203EA"), reaction.Send);
        Assert.True(reaction.CloseTransport);
    }

    [Theory]
    [InlineData(0x91)]  // RSV1 without permessage-deflate
    [InlineData(0xA1)]  // RSV2
    [InlineData(0x83)]  // reserved data opcode
    [InlineData(0x8B)]  // reserved control opcode
    [InlineData(0x80)]  // continuation with no message under way
    [InlineData(0x09)]  // fragmented ping
    public void Receive_ProtocolViolation_ClosesWith1002AndTransport(byte firstOctet)
    {
        var reaction = OpenPeer().Receive(ClientFrame(firstOctet, "x"u8));

        Assert.Equal(Convert.FromHexString("880203EA"), reaction.Send);
        Assert.True(reaction.CloseTransport);
    }

    /// <summary>ws checks text when the message is complete, not fail-fast, so wstest rates 6.4.1–6.4.4 NON-STRICT.</summary>
    [Fact]
    public void Receive_InvalidUtf8InFirstFragment_FailsWith1007OnlyAtTheLastFragment()
    {
        var peer = OpenPeer();

        var first = peer.Receive(ClientFrame(0x01, Convert.FromHexString("CEBAE1BDB9CF83CEBCCEB5F4908080")));
        var last = peer.Receive(ClientFrame(0x80, "edited"u8));

        Assert.Empty(first.Send);
        Assert.False(first.CloseTransport);
        Assert.Equal(Convert.FromHexString("880203EF"), last.Send);
        Assert.True(last.CloseTransport);
    }

    [Fact]
    public void Receive_CloseWithReason_EchoesCodeAndReasonThenClosesTransport()
    {
        var peer = OpenPeer();

        var reaction = peer.Receive(ClientFrame(0x88, [0x0B, 0xB8, .. "bye"u8]));

        Assert.Equal(Convert.FromHexString("88050BB8627965"), reaction.Send);
        Assert.True(reaction.CloseTransport);
        Assert.True(peer.TransportClosed);
    }

    [Fact]
    public void Receive_EmptyClose_AnswersEmptyClose()
    {
        Assert.Equal(Convert.FromHexString("8800"), OpenPeer().Receive(ClientFrame(0x88, [])).Send);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1005)]
    [InlineData(1015)]
    [InlineData(2999)]
    [InlineData(5000)]
    public void Receive_CloseWithInvalidCode_ClosesWith1002AndTransport(int code)
    {
        var reaction = OpenPeer().Receive(ClientFrame(0x88, [(byte)(code >> 8), (byte)code]));

        Assert.Equal(Convert.FromHexString("880203EA"), reaction.Send);
        Assert.True(reaction.CloseTransport);
    }

    [Fact]
    public void Receive_CloseWithInvalidUtf8Reason_ClosesWith1007()
    {
        var reaction = OpenPeer().Receive(ClientFrame(0x88, Convert.FromHexString("03E8EDA080")));

        Assert.Equal(Convert.FromHexString("880203EF"), reaction.Send);
    }

    [Fact]
    public void Receive_FramesAfterClose_AreIgnored()
    {
        var peer = OpenPeer();

        var reaction = peer.Receive([.. ClientFrame(0x88, [0x03, 0xE8]), .. ClientFrame(0x89, "late"u8)]);
        var later = peer.Receive(ClientFrame(0x81, "later"u8));

        Assert.Equal(Convert.FromHexString("880203E8"), reaction.Send);
        Assert.Same(PeerReaction.None, later);
    }

    [Fact]
    public void Receive_CompressedText_EchoesItCompressedWithRsv1()
    {
        var peer = OpenPeer("permessage-deflate; client_no_context_takeover; client_max_window_bits");
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Hello, world! ", 50)));
        var compressed = new DeflateEncoder().CompressMessage(text, contextTakeover: false);

        var reaction = peer.Receive(ClientFrame(0xC1, compressed));

        Assert.Equal(0xC1, reaction.Send[0]);
        Assert.Equal(text, Inflate(reaction.Send.AsSpan(2, reaction.Send[1]).ToArray()));
    }

    /// <summary>With server_no_context_takeover, ws sends messages under its 1024-octet threshold uncompressed.</summary>
    [Fact]
    public void Receive_ShortMessageWithServerNoContextTakeover_EchoesItUncompressed()
    {
        var peer = OpenPeer("permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover");
        var compressed = new DeflateEncoder().CompressMessage("short"u8, contextTakeover: false);

        var reaction = peer.Receive(ClientFrame(0xC1, compressed));

        Assert.Equal([0x81, 0x05, .. "short"u8], reaction.Send);
    }

    [Fact]
    public void EndOfStream_OpenConnection_ClosesTransportWithoutCloseFrame()
    {
        var peer = OpenPeer();

        var reaction = peer.EndOfStream();

        Assert.Empty(reaction.Send);
        Assert.True(reaction.CloseTransport);
        Assert.True(peer.TransportClosed);
    }

    /// <summary>
    /// A few cases through the engine over <see cref="ScriptedPeerStream"/>, with wstest's verdicts for node ws 8.18.3
    /// (shared/autobahn/wstest-results/ws.tsv): quick ones, one per kind of ending.
    /// </summary>
    [Theory]
    [InlineData("1.1.1", "OK", "OK")]
    [InlineData("2.2", "OK", "OK")]
    [InlineData("3.2", "OK", "OK")]
    [InlineData("5.15", "OK", "OK")]
    [InlineData("6.4.1", "NON-STRICT", "OK")]
    [InlineData("6.20.3", "OK", "OK")]
    [InlineData("7.3.1", "OK", "OK")]
    [InlineData("7.5.1", "OK", "OK")]
    [InlineData("7.9.3", "OK", "OK")]
    [InlineData("7.13.1", "INFORMATIONAL", "INFORMATIONAL")]
    [InlineData("9.1.1", "OK", "OK")]
    [InlineData("12.1.1", "OK", "OK")]
    [InlineData("13.7.2", "OK", "OK")]
    public async Task RunCase_ThroughScriptedPeer_GivesWstestVerdictForWs(string caseId, string behavior, string behaviorClose)
    {
        var result = await RunThroughPeerAsync(caseId);

        Assert.Equal((behavior, behaviorClose), (result.Behavior.ToWstestString(), result.BehaviorClose.ToWstestString()));
    }

    internal static Task<CaseResult> RunThroughPeerAsync(string caseId, FuzzingOptions? options = null, CancellationToken cancellationToken = default) =>
        Fuzzer.RunCaseAsync(
            caseId,
            new Uri("ws://127.0.0.1:9001/"),
            _ => Task.FromResult<Stream>(new ScriptedPeerStream(new ScriptedEchoPeer())),
            options ?? FuzzingOptions.Default with { Agent = "ScriptedEchoPeer" },
            cancellationToken);

    private static byte[] Request(string? extensions = null) => Encoding.ASCII.GetBytes(
        "GET / HTTP/1.1\r\nUser-Agent: AutobahnTestSuite/0.8.2-0.10.9\r\nHost: 127.0.0.1:9001\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n"
        + $"Pragma: no-cache\r\nCache-Control: no-cache\r\nSec-WebSocket-Key: {SampleKey}\r\n"
        + (extensions is null ? "" : $"Sec-WebSocket-Extensions: {extensions}\r\n")
        + "Sec-WebSocket-Version: 13\r\n\r\n");

    private static ScriptedEchoPeer OpenPeer(string? extensions = null)
    {
        var peer = new ScriptedEchoPeer();
        Assert.StartsWith("HTTP/1.1 101 ", Encoding.ASCII.GetString(peer.Receive(Request(extensions)).Send), StringComparison.Ordinal);
        return peer;
    }

    /// <summary>A masked client frame (RFC 6455 §5.3) with the given first octet and a short or 16-bit length.</summary>
    private static byte[] ClientFrame(byte firstOctet, ReadOnlySpan<byte> payload)
    {
        byte[] length = payload.Length <= 125 ? [(byte)(0x80 | payload.Length)] : [0xFE, (byte)(payload.Length >> 8), (byte)payload.Length];
        var masked = payload.ToArray();
        for (var i = 0; i < masked.Length; i++) masked[i] ^= MaskKey[i % 4];
        return [firstOctet, .. length, .. MaskKey, .. masked];
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var decoder = new DeflateDecoder();
        var output = new ArrayBufferWriter<byte>();
        decoder.StartMessage(resetContext: true);
        decoder.Decompress(compressed, output.Write);
        decoder.EndMessage(output.Write);
        return output.WrittenSpan.ToArray();
    }
}
