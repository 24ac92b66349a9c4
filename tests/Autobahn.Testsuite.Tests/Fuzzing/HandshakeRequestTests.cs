using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// The request wstest sends (autobahn-python <c>startHandshake</c>): the fixed lines, then <c>Sec-WebSocket-Key</c>,
/// <c>Origin</c>, <c>Sec-WebSocket-Protocol</c>, <c>Sec-WebSocket-Extensions</c>, <c>Sec-WebSocket-Version</c>.
/// </summary>
public class HandshakeRequestTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";
    private static readonly Uri Url = new("ws://127.0.0.1:9001/");

    private const string Head =
        "GET / HTTP/1.1\r\nUser-Agent: AutobahnTestSuite/0.8.2-0.10.9\r\nHost: 127.0.0.1:9001\r\nUpgrade: WebSocket\r\n"
        + "Connection: Upgrade\r\nPragma: no-cache\r\nCache-Control: no-cache\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    [Fact]
    public void Build_NoOriginNoProtocols_IsWstestsDefaultRequest()
    {
        Assert.Equal(Head + "Sec-WebSocket-Version: 13\r\n\r\n", HandshakeRequest.Build(Url, Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Build_NullOrEmptyOriginAndProtocols_SendsNeitherHeader(string? origin)
    {
        // startHandshake: "if self.factory.origin" and "if len(self.factory.protocols) > 0".
        Assert.Equal(HandshakeRequest.Build(Url, Key), HandshakeRequest.Build(Url, Key, null, origin, []));
        Assert.Equal(HandshakeRequest.Build(Url, Key), HandshakeRequest.Build(Url, Key, null, origin, null));
    }

    [Fact]
    public void Build_Origin_FollowsTheKey()
    {
        Assert.Equal(
            Head + "Origin: http://example.test\r\nSec-WebSocket-Version: 13\r\n\r\n",
            HandshakeRequest.Build(Url, Key, origin: "http://example.test"));
    }

    [Fact]
    public void Build_Protocols_AreOneHeaderJoinedWithACommaAndNoSpace()
    {
        Assert.Equal(
            Head + "Sec-WebSocket-Protocol: chat,superchat\r\nSec-WebSocket-Version: 13\r\n\r\n",
            HandshakeRequest.Build(Url, Key, protocols: ["chat", "superchat"]));
    }

    [Fact]
    public void Build_OriginProtocolsAndDeflateOffers_InAutobahnsOrder()
    {
        Assert.Equal(
            Head
            + "Origin: http://example.test\r\n"
            + "Sec-WebSocket-Protocol: wamp.2.json,chat\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, permessage-deflate\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n",
            HandshakeRequest.Build(Url, Key, ["permessage-deflate; client_max_window_bits", "permessage-deflate"], "http://example.test", ["wamp.2.json", "chat"]));
    }
}
