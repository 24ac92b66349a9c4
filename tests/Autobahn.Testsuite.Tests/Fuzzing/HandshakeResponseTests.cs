using System.Text;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Fuzzing;

public class HandshakeResponseTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    private static string? Validate(string? extensions, bool acceptsDeflate, out PerMessageDeflateResponse? deflate)
    {
        var head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(Key)}\r\n"
            + (extensions is null ? "" : $"Sec-WebSocket-Extensions: {extensions}\r\n")
            + "\r\n";
        return HandshakeResponse.Parse(Encoding.ASCII.GetBytes(head)).Validate(Key, acceptsDeflate, out deflate);
    }

    [Fact]
    public void NoExtension_OfferedOrNot_IsAcceptedWithoutCompression()
    {
        Assert.Null(Validate(null, acceptsDeflate: true, out var deflate));
        Assert.Null(deflate);
    }

    [Fact]
    public void Deflate_WhenOffered_IsNegotiated()
    {
        Assert.Null(Validate("permessage-deflate; client_no_context_takeover; server_max_window_bits=9", acceptsDeflate: true, out var deflate));
        Assert.Equal(new PerMessageDeflateResponse(0, true, 9, false), deflate);
    }

    [Fact]
    public void Deflate_WhenNotOffered_IsDeniedByTheClient()
    {
        // Sections 1–10 keep autobahn's default perMessageCompressionAccept, which accepts nothing.
        Assert.Equal("WebSocket permessage-compress extension response from server denied by client", Validate("permessage-deflate", acceptsDeflate: false, out _));
    }

    [Theory]
    [InlineData("permessage-deflate, permessage-deflate", "multiple occurrence of a permessage-compress extension")]
    [InlineData("permessage-deflate; mystery=1", "illegal extension parameter 'mystery' for extension 'permessage-deflate'")]
    [InlineData("x-webkit-deflate-frame", "server wants to use extension 'x-webkit-deflate-frame' we did not request, haven't implemented or did not enable")]
    public void UnacceptableExtensions_FailTheHandshakeWithAutobahnsText(string extensions, string expected)
    {
        Assert.Equal(expected, Validate(extensions, acceptsDeflate: true, out _));
    }

    private static string? ValidateProtocol(IReadOnlyList<string>? offered, params string[] answers)
    {
        var head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(Key)}\r\n"
            + string.Concat(answers.Select(a => $"Sec-WebSocket-Protocol: {a}\r\n"))
            + "\r\n";
        return HandshakeResponse.Parse(Encoding.UTF8.GetBytes(head)).Validate(Key, acceptsDeflate: false, offered, out _);
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("superchat")]
    [InlineData("  chat ")]
    [InlineData("")]
    public void Subprotocol_OfferedOrEmpty_IsAccepted(string answer)
    {
        // processHandshake: sp = header.strip(); "" selects nothing; otherwise sp must be in self.factory.protocols.
        Assert.Null(ValidateProtocol(["chat", "superchat"], answer));
    }

    [Fact]
    public void Subprotocol_NoneOfferedAndNoneSelected_IsAccepted()
    {
        Assert.Null(ValidateProtocol(null));
        Assert.Null(ValidateProtocol(["chat"]));
    }

    [Theory]
    [InlineData("Chat", "[u'chat', u'superchat']")]
    [InlineData("chat, superchat", "[u'chat', u'superchat']")]
    [InlineData("mqtt", "[u'chat', u'superchat']")]
    public void Subprotocol_NotOffered_FailsWithTheOfferAsPython2PrintsIt(string answer, string offered)
    {
        // A Python "in" on the list: exact and case-sensitive; the list is str() of the spec's unicode strings.
        Assert.Equal(
            $"subprotocol selected by server ({answer}) not in subprotocol list requested by client ({offered})",
            ValidateProtocol(["chat", "superchat"], answer));
    }

    [Fact]
    public void Subprotocol_SelectedWhenNoneOffered_FailsWithAnEmptyList()
    {
        Assert.Equal("subprotocol selected by server (chat) not in subprotocol list requested by client ([])", ValidateProtocol(null, "chat"));
        Assert.Equal("subprotocol selected by server (chat) not in subprotocol list requested by client ([])", ValidateProtocol([], "chat"));
    }

    [Fact]
    public void Subprotocol_OfferWithQuotesAndNonAscii_IsShownAsPython2Repr()
    {
        Assert.Equal(
            "subprotocol selected by server (x) not in subprotocol list requested by client ([u\"it's\", u'caf\\xe9', u'\\u20ac'])",
            ValidateProtocol(["it's", "café", "€"], "x"));
    }

    [Fact]
    public void Subprotocol_HeaderTwice_FailsEvenWhenOffered()
    {
        Assert.Equal(
            "HTTP Sec-WebSocket-Protocol header appears more than once in opening handshake reply",
            ValidateProtocol(["chat"], "chat", "chat"));
    }
}
