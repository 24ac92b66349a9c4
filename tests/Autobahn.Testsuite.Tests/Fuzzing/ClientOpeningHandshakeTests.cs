using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>The client's opening handshake with an <c>Origin</c> and subprotocols: the bytes sent and the answer checked.</summary>
public class ClientOpeningHandshakeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";
    private static readonly Uri Url = new("ws://127.0.0.1:9001/");

    private static byte[] Response(string? protocol) => Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(Key)}\r\n"
        + (protocol is null ? "" : $"Sec-WebSocket-Protocol: {protocol}\r\n")
        + "\r\n");

    [Fact]
    public void Start_OriginAndProtocols_AreSentAsUtf8AndRecorded()
    {
        // startHandshake: self.http_request_data = request.encode('utf8').
        var handshake = new ClientOpeningHandshake(Url, Key, null, "http://bücher.example", ["chat"]);

        var bytes = handshake.Start();

        Assert.NotNull(bytes);
        var expected = HandshakeRequest.Build(Url, Key, null, "http://bücher.example", ["chat"]);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Contains("\r\nOrigin: http://bücher.example\r\nSec-WebSocket-Protocol: chat\r\nSec-WebSocket-Version: 13\r\n", expected, StringComparison.Ordinal);
        Assert.Equal(expected, handshake.HttpRequest);
    }

    [Fact]
    public void Start_NoOriginNoProtocols_IsTheDefaultRequest()
    {
        var handshake = new ClientOpeningHandshake(Url, Key, null);
        Assert.Equal(Encoding.UTF8.GetBytes(HandshakeRequest.Build(Url, Key)), handshake.Start());
    }

    [Fact]
    public void Receive_ServerSelectsAnOfferedProtocol_Opens()
    {
        var handshake = new ClientOpeningHandshake(Url, Key, null, protocols: ["chat", "superchat"]);
        handshake.Start();
        var response = Response("superchat");

        var outcome = handshake.Receive(response);

        Assert.True(outcome.IsComplete, outcome.Failure);
        Assert.Equal(response.Length, outcome.Consumed);
        Assert.Contains("Sec-WebSocket-Protocol: superchat", handshake.HttpResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_ServerSelectsAProtocolNotOffered_FailsWithAutobahnsText()
    {
        var handshake = new ClientOpeningHandshake(Url, Key, null, protocols: ["chat", "superchat"]);
        handshake.Start();

        var outcome = handshake.Receive(Response("mqtt"));

        Assert.False(outcome.IsComplete);
        Assert.Equal("subprotocol selected by server (mqtt) not in subprotocol list requested by client ([u'chat', u'superchat'])", outcome.Failure);
    }

    [Fact]
    public async Task Case_WithOriginAndProtocols_SendsThemAndRunsAsUsual()
    {
        // The core passes FuzzingOptions.Origin/Protocols to the handshake; the peer (ws's server) selects no subprotocol.
        var options = FuzzingOptions.Default with { Agent = "ScriptedEchoPeer", Origin = "http://example.test", Protocols = ["chat", "superchat"] };

        var result = await Simulation.ScriptedEchoPeerTests.RunThroughPeerAsync("1.1.1", options);

        Assert.Contains(
            "\r\nOrigin: http://example.test\r\nSec-WebSocket-Protocol: chat,superchat\r\nSec-WebSocket-Version: 13\r\n\r\n",
            result.Transcript.HttpRequest,
            StringComparison.Ordinal);
        Assert.Equal(("OK", "OK"), (result.Behavior.ToWstestString(), result.BehaviorClose.ToWstestString()));
    }
}
