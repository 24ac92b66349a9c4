using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Protocol;
using Autobahn.Testsuite.Tests.Fuzzing.Simulation;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// The core as wstest's fuzzingserver (fuzzingserver-and-cli.md §A.5), fed by hand on a clock that only moves when
/// the test says so: unmasked sends, masked frames required, the fuzzer drops TCP after the closing handshake, no
/// serverConnectionDropTimeout, no FAILED BY CLIENT.
/// </summary>
public sealed class CaseCoreServerRoleTests
{
    private const string ClientKey = "dGhlIHNhbXBsZSBub25jZQ=="; // RFC 6455 §1.3
    private static readonly byte[] ClientMask = [0x37, 0xfa, 0x21, 0x3d];

    [Fact]
    public void Handshake_ClientRequest_Answers101WithTheAcceptValue()
    {
        var harness = Open("1.1.1", out var handshake);

        Assert.StartsWith("HTTP/1.1 101 Switching Protocols\r\n", handshake);
        Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", handshake);
        Assert.Equal(SessionState.Open, harness.Core.State);
    }

    [Fact]
    public void Send_CaseFrame_IsUnmasked()
    {
        var harness = Open("1.1.2", out _);

        // 1.1.2: a text frame of 125 octets; a server MUST NOT mask (RFC 6455 §5.1).
        var frame = harness.TakeSent();
        Assert.Equal([0x81, 0x7d], frame[..2]);
        Assert.Equal(2 + 125, frame.Length);
    }

    [Fact]
    public void Receive_UnmaskedClientFrame_FailsWithProtocolError()
    {
        var harness = Open("1.1.1", out _);
        harness.TakeSent();

        harness.Receive(FrameWriter.Encode(Opcodes.Text, [], fin: true, rsv: 0, maskKey: []));

        var expected = FrameWriter.Encode(Opcodes.Close, ClosePayload.Build(CloseCodes.ProtocolError, "unmasked client-to-server frame"u8), true, 0, []);
        Assert.Equal(expected, harness.TakeSent());
        var closing = harness.Core.Transcript().Closing;
        Assert.True(closing.FailedByMe);
        Assert.Equal(CloseCodes.ProtocolError, closing.LocalCloseCode);
    }

    [Fact]
    public void CloseReply_AfterTheFuzzersClose_DropsTcpAtOnceWithoutServerDropTimer()
    {
        var harness = Open("1.1.1", out _);
        harness.TakeSent();
        harness.Receive(ClientFrame(Opcodes.Text, []));

        // The echo completes 1.1.1's expected events: the fuzzer closes with 1000, unmasked.
        Assert.Equal(FrameWriter.Encode(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, []), true, 0, []), harness.TakeSent());
        var armedBeforeReply = harness.Armed.Count;

        harness.Receive(ClientFrame(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, [])));

        Assert.True(harness.Core.IsClosed);
        Assert.Equal(new CloseTransport(Abort: true), harness.Closed);
        Assert.Equal(armedBeforeReply, harness.Armed.Count); // no serverConnectionDropTimeout
        var transcript = harness.Core.Transcript();
        Assert.True(transcript.IsServer);
        Assert.True(transcript.Closing is { ClosedByMe: true, DroppedByMe: true, WasClean: true, WasServerConnectionDropTimeout: false });
        var verdict = CaseJudge.Judge(CaseCatalog.Get(CaseId.Parse("1.1.1")), transcript);
        Assert.Equal((Behavior.Ok, Behavior.Ok), (verdict.Behavior, verdict.BehaviorClose)); // not FAILED BY CLIENT
    }

    [Fact]
    public void ClientClosesFirst_FuzzerRepliesAndDropsTcpGracefully()
    {
        var harness = Open("1.1.1", out _);
        harness.TakeSent();

        harness.Receive(ClientFrame(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, [])));

        Assert.Equal(FrameWriter.Encode(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, []), true, 0, []), harness.TakeSent());
        Assert.Equal(new CloseTransport(Abort: false), harness.Closed);
        Assert.True(harness.Core.Transcript().Closing is { ClosedByMe: false, DroppedByMe: true, WasClean: true, RemoteCloseCode: 1000 });
    }

    [Fact]
    public void ClientNeverAnswersTheClose_KillAfterInClosingDropsTcpAndItIsUnclean()
    {
        // 1.1.1 arms killAfter(1) on open; the fuzzer's close (armed later, at the same instant) waits 1 s for its reply.
        // Both fall due together; killAfter was armed first, so it fires first and, in CLOSING, drops TCP.
        var harness = Open("1.1.1", out _);
        harness.Receive(ClientFrame(Opcodes.Text, []));

        harness.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(harness.Core.IsClosed);
        harness.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new CloseTransport(Abort: false), harness.Closed);
        var transcript = harness.Core.Transcript();
        Assert.True(transcript.Closing is { WasClean: false, FailedByMe: true, DroppedByMe: true, WasCloseHandshakeTimeout: false });
        Assert.Equal("KLE", transcript.WireLog[^1].Kind);
        var verdict = CaseJudge.Judge(CaseCatalog.Get(CaseId.Parse("1.1.1")), transcript);
        Assert.Equal(Behavior.Unclean, verdict.BehaviorClose);
    }

    [Fact]
    public void ClientNeverAnswersTheClose_TimeoutArmedBeforeKillAfter_CloseHandshakeTimeoutMakesItUnclean()
    {
        // 7.1.2 sends its close on open, before it arms killAfter(1): both fall due at 1 s, and the timer armed
        // first (closeHandshakeTimeout) fires first, as in Twisted's reactor.
        var harness = Open("7.1.2", out _);

        harness.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new CloseTransport(Abort: true), harness.Closed);
        Assert.True(harness.Core.Transcript().Closing is { WasClean: false, WasCloseHandshakeTimeout: true });
    }

    [Fact]
    public void Ping_FromTheClient_IsAnsweredWithAnUnmaskedPong()
    {
        var harness = Open("1.1.1", out _);
        harness.TakeSent();

        harness.Receive(ClientFrame(Opcodes.Ping, "hi"u8.ToArray()));

        Assert.Equal(FrameWriter.Encode(Opcodes.Pong, "hi"u8, true, 0, []), harness.TakeSent());
    }

    private static byte[] ClientFrame(int opcode, byte[] payload) => FrameWriter.Encode(opcode, payload, fin: true, rsv: 0, ClientMask);

    private static CoreHarness Open(string caseId, out string handshake)
    {
        var core = new CaseCore(
            CaseCatalog.Get(CaseId.Parse(caseId)),
            FuzzerRole.Server,
            new Uri("ws://127.0.0.1:9001/"),
            FuzzingOptions.Default,
            () => throw new InvalidOperationException("a server does not mask"),
            handshakeKey: "");
        var harness = new CoreHarness(core);
        Assert.Empty(harness.Sent);
        harness.Receive(
            "GET /runCase?case=1&agent=test HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {ClientKey}\r\nSec-WebSocket-Version: 13\r\n\r\n");
        var sent = harness.Sent.ToArray();
        var end = sent.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        handshake = Encoding.ASCII.GetString(sent, 0, end);
        harness.Sent.RemoveRange(0, end);
        return harness;
    }
}
