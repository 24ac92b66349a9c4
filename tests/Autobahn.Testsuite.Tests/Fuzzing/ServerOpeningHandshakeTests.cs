using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Tests.Compression;
using Autobahn.Testsuite.Tests.Fuzzing.Simulation;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// The server's side of the opening handshake: <see cref="ServerOpeningHandshake.Answer"/> (autobahn's
/// <c>succeedHandshake</c>, the accept functions of <c>case12_x_x.py</c>) and the refusals through the core.
/// </summary>
public sealed class ServerOpeningHandshakeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";
    private const string CommonOffer = "permessage-deflate; client_max_window_bits";

    [Fact]
    public void Answer_NoOffer_Is101WithWstestsHeadersInAutobahnsOrder()
    {
        var answer = ServerOpeningHandshake.Answer(Request(null), DeflateAccept.AcceptDeflate);

        const string expected = "HTTP/1.1 101 Switching Protocols\r\nServer: AutobahnTestSuite/0.8.2-0.10.9\r\nX-Powered-By: AutobahnPython/0.10.9\r\n"
            + "Upgrade: WebSocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
        Assert.True(answer.Accepted);
        Assert.Equal(expected, answer.ResponseText);
        Assert.Equal(Encoding.ASCII.GetBytes(expected), answer.Response);
        Assert.Null(answer.Deflate);
    }

    [Fact]
    public void Answer_SubprotocolsOffered_NeverSelectsOne()
    {
        var request = Request(null) with { Protocols = ["chat"] };

        Assert.DoesNotContain("Sec-WebSocket-Protocol", ServerOpeningHandshake.Answer(request, DeflateAccept.DeclineAll).ResponseText, StringComparison.Ordinal);
    }

    /// <summary>fuzzingserver-and-cli.md §A.6's table: the common offer and the response each accept function gives (as in gws's reports).</summary>
    [Theory]
    [InlineData(nameof(DeflateAccept.DeclineAll), CommonOffer, null)]
    [InlineData(nameof(DeflateAccept.AcceptDeflate), CommonOffer, "permessage-deflate")]
    [InlineData(nameof(DeflateAccept.Accept1), CommonOffer, "permessage-deflate")]
    [InlineData(nameof(DeflateAccept.Accept2), CommonOffer, "permessage-deflate; client_no_context_takeover")]
    [InlineData(nameof(DeflateAccept.Accept3), CommonOffer, "permessage-deflate; client_max_window_bits=9")]
    [InlineData(nameof(DeflateAccept.Accept4), CommonOffer, "permessage-deflate; client_max_window_bits=15")]
    [InlineData(nameof(DeflateAccept.Accept5), CommonOffer, "permessage-deflate; client_no_context_takeover; client_max_window_bits=9")]
    [InlineData(nameof(DeflateAccept.Accept6), CommonOffer, "permessage-deflate; client_no_context_takeover; client_max_window_bits=15")]
    [InlineData(nameof(DeflateAccept.Accept7), CommonOffer, "permessage-deflate; client_no_context_takeover; client_max_window_bits=9")]
    [InlineData(nameof(DeflateAccept.AcceptDeflate), "permessage-deflate", "permessage-deflate")]
    [InlineData(nameof(DeflateAccept.Accept2), "permessage-deflate", "permessage-deflate; client_no_context_takeover")]
    [InlineData(nameof(DeflateAccept.Accept3), "permessage-deflate", null)]
    [InlineData(nameof(DeflateAccept.Accept4), "permessage-deflate", null)]
    [InlineData(nameof(DeflateAccept.Accept5), "permessage-deflate", null)]
    [InlineData(nameof(DeflateAccept.Accept6), "permessage-deflate", null)]
    [InlineData(nameof(DeflateAccept.Accept7), "permessage-deflate", "permessage-deflate; client_no_context_takeover")]
    [InlineData(nameof(DeflateAccept.Accept1), "permessage-deflate; server_no_context_takeover; server_max_window_bits=10; client_no_context_takeover",
        "permessage-deflate; server_no_context_takeover; server_max_window_bits=10")]
    [InlineData(nameof(DeflateAccept.Accept5), "permessage-deflate; server_max_window_bits=12; client_max_window_bits=10",
        "permessage-deflate; server_max_window_bits=12; client_no_context_takeover; client_max_window_bits=9")]
    [InlineData(nameof(DeflateAccept.Accept3), "permessage-deflate; server_no_context_takeover, permessage-deflate; client_max_window_bits",
        "permessage-deflate; client_max_window_bits=9")]
    [InlineData(nameof(DeflateAccept.Accept1), "x-webkit-deflate-frame, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; server_no_context_takeover")]
    [InlineData(nameof(DeflateAccept.Accept1), "x-webkit-deflate-frame; max_window_bits=99", null)]
    public void Answer_Offer_ResponseIsTheAcceptFunctions(string accept, string offer, string? extension)
    {
        var answer = ServerOpeningHandshake.Answer(Request(offer), Enum.Parse<DeflateAccept>(accept));

        Assert.True(answer.Accepted);
        Assert.Equal(extension, answer.Deflate?.ToExtensionString());
        if (extension is null) Assert.DoesNotContain("Sec-WebSocket-Extensions", answer.ResponseText, StringComparison.Ordinal);
        else Assert.EndsWith($"\r\nSec-WebSocket-Extensions: {extension}\r\n\r\n", answer.ResponseText, StringComparison.Ordinal);
    }

    /// <summary>A malformed permessage-deflate offer is a 400 in every case, decline-all included: parsing precedes the accept decision.</summary>
    [Theory]
    [InlineData("permessage-deflate; foo", "illegal extension parameter 'foo' for extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_max_window_bits; client_max_window_bits", "multiple occurrence of extension parameter 'client_max_window_bits' for extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_no_context_takeover=1", "illegal extension parameter value '1' for parameter 'client_no_context_takeover' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; server_no_context_takeover=true", "illegal extension parameter value 'true' for parameter 'server_no_context_takeover' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_max_window_bits=7", "illegal extension parameter value '7' for parameter 'client_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_max_window_bits=x", "illegal extension parameter value 'x' for parameter 'client_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; server_max_window_bits", "illegal extension parameter value '1' for parameter 'server_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; server_max_window_bits=16", "illegal extension parameter value '16' for parameter 'server_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate, permessage-deflate; bogus", "illegal extension parameter 'bogus' for extension 'permessage-deflate'")]
    public void Answer_MalformedOffer_Refuses400WhateverTheAccept(string offer, string reason)
    {
        foreach (var accept in Enum.GetValues<DeflateAccept>())
        {
            var answer = ServerOpeningHandshake.Answer(Request(offer), accept);

            Assert.False(answer.Accepted);
            Assert.Null(answer.Response);
            Assert.Equal(Encoding.UTF8.GetBytes($"HTTP/1.1 400 {reason}\r\n\r\n"), answer.Refusal!.ToResponseBytes());
        }
    }

    [Fact]
    public void Answer_ClientRequestsServerWindow8_CompressesWithWindow8()
    {
        var deflate = ServerOpeningHandshake.Answer(Request("permessage-deflate; server_max_window_bits=8; client_max_window_bits"), DeflateAccept.Accept3).Deflate!;

        Assert.Equal("permessage-deflate; server_max_window_bits=8; client_max_window_bits=9", deflate.ToExtensionString());
        Assert.Equal(8, deflate.SendWindowBits(isServer: true));
        Assert.False(deflate.SendsWithoutContextTakeover(isServer: true));
        Assert.False(deflate.ReceivesWithoutContextTakeover(isServer: true));
    }

    [Fact]
    public void Core_MalformedOfferInCase1_1_1_SendsThe400ThenClosesGracefully()
    {
        var harness = new CoreHarness(ServerCore("1.1.1"));

        harness.Receive(RequestHead("permessage-deflate; client_max_window_bits=16"));

        var reason = "illegal extension parameter value '16' for parameter 'client_max_window_bits' of extension 'permessage-deflate'";
        Assert.Equal(Encoding.UTF8.GetBytes($"HTTP/1.1 400 {reason}\r\n\r\n"), harness.TakeSent());
        Assert.Equal(new CloseTransport(Abort: false), harness.Closed);
        var transcript = harness.Core.Transcript();
        Assert.False(transcript.ConnectionWasOpen);
        Assert.Equal(reason, transcript.Closing.WasNotCleanReason);
        Assert.Equal("?", transcript.HttpResponse);
        Assert.StartsWith("GET /runCase", transcript.HttpRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Core_RequestWithoutUpgrade_ServesTheStatusPageWithoutAnUncleanReason()
    {
        var harness = new CoreHarness(ServerCore("1.1.1"));

        harness.Receive("GET / HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", Encoding.UTF8.GetString(harness.TakeSent()), StringComparison.Ordinal);
        Assert.Equal(new CloseTransport(Abort: false), harness.Closed);
        Assert.Null(harness.Core.Transcript().Closing.WasNotCleanReason);
    }

    [Fact]
    public void Core_HostPortRuleSet_RefusesAMappedPort()
    {
        var harness = new CoreHarness(ServerCore("1.1.1", requiredHostPort: 9001));

        harness.Receive(RequestHead(null).Replace("127.0.0.1:9001", "localhost:32768", StringComparison.Ordinal));

        Assert.Equal(
            "HTTP/1.1 400 port 32768 in HTTP Host header 'localhost:32768' does not match server listening port 9001\r\n\r\n",
            Encoding.UTF8.GetString(harness.TakeSent()));
    }

    /// <summary>
    /// A client asking for server_max_window_bits=8 gets messages whose back-references stay within 255 octets (RFC 7692
    /// §7.1.2.1); wstest itself would hand -8 to zlib, which zlib ≥ 1.2.9 rejects (fuzzingserver-and-cli.md §A.6 hazard).
    /// </summary>
    [Theory]
    [InlineData("permessage-deflate; server_max_window_bits=8; client_max_window_bits", 255)]
    [InlineData("permessage-deflate; client_max_window_bits", 4095)]
    public void Core_Case12_1_5_CompressesWithTheClientsServerMaxWindowBits(string offer, int maxDistance)
    {
        var harness = new CoreHarness(ServerCore("12.1.5"));

        harness.Receive(RequestHead(offer));
        var sent = harness.TakeSent();
        var frameStart = sent.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        var frame = sent.AsSpan(frameStart);

        Assert.Equal(0xC1, frame[0]); // FIN, RSV1 (compressed), text: the first of 12.1.5's 4096-octet messages
        Assert.Equal(126, frame[1]); // unmasked, 16-bit length
        var payload = frame[4..((frame[2] << 8 | frame[3]) + 4)].ToArray();
        var inspection = DeflateInspector.InspectMessages(payload);
        Assert.Equal(4096, inspection.Output.Length);
        Assert.InRange(inspection.MaxDistance, 1, maxDistance);
        if (maxDistance > 255) Assert.True(inspection.MaxDistance > 255, "the default window must reach past 255 octets, or the window-8 case proves nothing");
    }

    /// <summary>case12_x_x.py: SERVER_ACCEPT is accept_deflate for 12.x and DEFLATE_PARAMS' accept1..accept7 for 13.1–13.7.</summary>
    [Fact]
    public void Catalog_ServerAccept_IsTheCasesAcceptFunction()
    {
        foreach (var definition in CaseCatalog.All)
        {
            var expected = definition.Id.Section switch
            {
                12 => DeflateAccept.AcceptDeflate,
                13 => DeflateAccept.Accept1 + (int.Parse(definition.Id.Text.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) - 1),
                _ => DeflateAccept.DeclineAll,
            };
            Assert.True(expected == definition.ServerAccept, $"{definition.Id.Text}: {definition.ServerAccept}, expected {expected}");
        }
    }

    private static CaseCore ServerCore(string caseId, int? requiredHostPort = null) => new(
        CaseCatalog.Get(CaseId.Parse(caseId)),
        FuzzerRole.Server,
        new Uri("ws://127.0.0.1:9001/"),
        FuzzingOptions.Default,
        () => throw new InvalidOperationException("a server does not mask"),
        handshakeKey: "",
        requiredHostPort);

    private static string RequestHead(string? offer) =>
        "GET /runCase?case=1&agent=test HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + $"Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n"
        + (offer is null ? "" : $"Sec-WebSocket-Extensions: {offer}\r\n")
        + "\r\n";

    private static UpgradeRequest Request(string? offer) => UpgradeRequest.Parse(RequestHead(offer), requiredHostPort: null).Request!;
}
