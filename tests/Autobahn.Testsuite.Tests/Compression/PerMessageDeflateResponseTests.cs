using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Compression;

public class PerMessageDeflateResponseTests
{
    private static PerMessageDeflateResponse? Parse(string header, out string? failure)
    {
        var (name, parameters) = Assert.Single(ExtensionHeader.Parse(header));
        Assert.Equal("permessage-deflate", name);
        return PerMessageDeflateResponse.Parse(parameters, out failure);
    }

    [Fact]
    public void Parse_NoParameters_UsesWindow15BothWays()
    {
        var response = Parse("permessage-deflate", out var failure);
        Assert.Null(failure);
        Assert.Equal(new PerMessageDeflateResponse(0, false, 0, false), response);
        Assert.Equal(15, response!.CompressWindowBits);
    }

    [Fact]
    public void Parse_AllParameters_AsNodeWsAnswers()
    {
        var response = Parse("permessage-deflate; client_no_context_takeover; client_max_window_bits=9; server_no_context_takeover; server_max_window_bits=10", out var failure);
        Assert.Null(failure);
        Assert.Equal(new PerMessageDeflateResponse(9, true, 10, true), response);
        Assert.Equal(9, response!.CompressWindowBits);
    }

    [Fact]
    public void Parse_QuotedValue_HasItsQuotesRemoved()
    {
        Assert.Equal(12, Parse("permessage-deflate; client_max_window_bits=\"12\"", out _)!.ClientMaxWindowBits);
    }

    // Texts of compress_deflate.py PerMessageDeflateResponse.parse.
    [Theory]
    [InlineData("permessage-deflate; foo", "illegal extension parameter 'foo' for extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_max_window_bits=9; client_max_window_bits=10", "multiple occurrence of extension parameter 'client_max_window_bits' for extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_max_window_bits=7", "illegal extension parameter value '7' for parameter 'client_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; server_max_window_bits=16", "illegal extension parameter value '16' for parameter 'server_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; server_max_window_bits=x", "illegal extension parameter value 'x' for parameter 'server_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; client_max_window_bits", "illegal extension parameter value '1' for parameter 'client_max_window_bits' of extension 'permessage-deflate'")]
    [InlineData("permessage-deflate; server_no_context_takeover=1", "illegal extension parameter value '1' for parameter 'server_no_context_takeover' of extension 'permessage-deflate'")]
    public void Parse_UnacceptableResponse_FailsWithAutobahnsText(string header, string expected)
    {
        Assert.Null(Parse(header, out var failure));
        Assert.Equal(expected, failure);
    }

    [Theory]
    [InlineData(false, 0, "permessage-deflate; client_no_context_takeover; client_max_window_bits")]
    [InlineData(true, 0, "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover")]
    [InlineData(false, 9, "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9")]
    [InlineData(true, 15, "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=15")]
    public void Offer_ExtensionString_IsGetExtensionStrings(bool serverNoContextTakeover, int serverMaxWindowBits, string expected)
    {
        Assert.Equal(expected, new PerMessageDeflateOffer(serverNoContextTakeover, serverMaxWindowBits).ToExtensionString());
    }
}
