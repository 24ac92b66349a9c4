using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary><see cref="ClientDeflateOffer.Parse"/> against autobahn's <c>PerMessageDeflateOffer.parse</c> (compress_deflate.py:76-158).</summary>
public sealed class ClientDeflateOfferTests
{
    [Theory]
    [InlineData("permessage-deflate", true, false, false, 0)]
    [InlineData("permessage-deflate; client_max_window_bits", true, true, false, 0)]
    [InlineData("permessage-deflate; client_max_window_bits=10", true, true, false, 0)]
    [InlineData("permessage-deflate; client_no_context_takeover", true, false, false, 0)]
    [InlineData("permessage-deflate; server_no_context_takeover; server_max_window_bits=8", true, false, true, 8)]
    [InlineData("permessage-deflate; server_max_window_bits=\"15\"", true, false, false, 15)]
    public void Parse_WellFormedOffer_AsAutobahn(string header, bool acceptNoContextTakeover, bool acceptMaxWindowBits, bool requestNoContextTakeover, int requestMaxWindowBits)
    {
        // acceptNoContextTakeover is always true: autobahn's default (the FIXME at compress_deflate.py:88-89).
        var offer = ClientDeflateOffer.Parse(ExtensionHeader.Parse(header)[0].Parameters, out var failure);

        Assert.Null(failure);
        Assert.Equal(new ClientDeflateOffer(acceptNoContextTakeover, acceptMaxWindowBits, requestNoContextTakeover, requestMaxWindowBits), offer);
    }

    [Fact]
    public void Choose_NoOffers_Declines()
    {
        foreach (var accept in Enum.GetValues<DeflateAccept>()) Assert.Null(DeflateAcceptFunctions.Choose(accept, []));
    }

    [Fact]
    public void Choose_Accept7WithClientMaxWindowBitsOnlyInTheSecondOffer_TakesTheSecondAsAccept5()
    {
        ClientDeflateOffer[] offers = [new(true, false, true, 0), new(true, true, false, 11)];

        var agreement = DeflateAcceptFunctions.Choose(DeflateAccept.Accept7, offers);

        Assert.Equal("permessage-deflate; server_max_window_bits=11; client_no_context_takeover; client_max_window_bits=9", agreement!.ToExtensionString());
    }
}
