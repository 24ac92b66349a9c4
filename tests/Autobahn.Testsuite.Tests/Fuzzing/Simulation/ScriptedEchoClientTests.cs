using System.Text;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary><see cref="ScriptedEchoPeer.Client"/>: the scripted peer as ws's client, the testee of the fuzzer's server role.</summary>
public sealed class ScriptedEchoClientTests
{
    private const string Accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="; // RFC 6455 §1.3, for the peer's key

    [Fact]
    public void Start_SendsWsClientsUpgradeRequestWithItsOffer()
    {
        var request = Encoding.ASCII.GetString(ScriptedEchoPeer.Client("/runCase?case=3&agent=ws").Start().Send);

        Assert.Equal(
            "GET /runCase?case=3&agent=ws HTTP/1.1\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "Host: 127.0.0.1:9001\r\n\r\n",
            request);
    }

    [Fact]
    public void Start_WithoutOffer_SendsNoExtensionsHeader() =>
        Assert.DoesNotContain("Sec-WebSocket-Extensions", Encoding.ASCII.GetString(ScriptedEchoPeer.Client(deflateOffer: null).Start().Send), StringComparison.Ordinal);

    [Fact]
    public void Receive_UnmaskedTextAfter101_EchoesItMasked()
    {
        var peer = Open();

        var echo = peer.Receive([0x81, 0x02, (byte)'h', (byte)'i']).Send;

        Assert.Equal(0x81, echo[0]);
        Assert.Equal(0x82, echo[1]); // MASK set, length 2 (RFC 6455 §5.1: a client masks every frame)
        var key = echo[2..6];
        Assert.Equal("hi"u8.ToArray(), new[] { (byte)(echo[6] ^ key[0]), (byte)(echo[7] ^ key[1]) });
    }

    [Fact]
    public void Receive_MaskedFrameFromTheServer_FailsWith1002()
    {
        var peer = Open();

        var reaction = peer.Receive([0x81, 0x80, 1, 2, 3, 4]);

        Assert.True(reaction.CloseTransport);
        Assert.Equal(0x88, reaction.Send[0]);
        Assert.Equal(0x82, reaction.Send[1]); // a masked close with a 2-octet code
        Assert.Equal(1002, ((reaction.Send[6] ^ reaction.Send[2]) << 8) | (reaction.Send[7] ^ reaction.Send[3]));
    }

    [Fact]
    public void Receive_HttpError_AbortsWithoutCloseFrame()
    {
        var peer = ScriptedEchoPeer.Client();
        peer.Start();

        var reaction = peer.Receive("HTTP/1.1 400 HTTP Host header missing in opening handshake request\r\n\r\n"u8);

        Assert.Empty(reaction.Send);
        Assert.True(reaction.CloseTransport);
    }

    [Fact]
    public void Receive_ExtensionNotOffered_AbortsTheHandshake()
    {
        var peer = ScriptedEchoPeer.Client(deflateOffer: null);
        peer.Start();

        var reaction = peer.Receive(Encoding.ASCII.GetBytes(Response("Sec-WebSocket-Extensions: permessage-deflate\r\n")));

        Assert.True(reaction.CloseTransport);
    }

    private static ScriptedEchoPeer Open()
    {
        var peer = ScriptedEchoPeer.Client();
        peer.Start();
        var reaction = peer.Receive(Encoding.ASCII.GetBytes(Response("")));
        Assert.False(reaction.CloseTransport);
        return peer;
    }

    private static string Response(string extensions) =>
        "HTTP/1.1 101 Switching Protocols\r\nServer: AutobahnTestSuite/0.8.2-0.10.9\r\nX-Powered-By: AutobahnPython/0.10.9\r\n"
        + $"Upgrade: WebSocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {Accept}\r\n{extensions}\r\n";
}
