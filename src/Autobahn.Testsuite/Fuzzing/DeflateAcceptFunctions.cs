using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The accept functions of <c>case12_x_x.py</c> v0.8.2 (<c>accept_deflate</c> :216-219, <c>accept1</c>..<c>accept7</c>
/// :266-331): each returns the first offer that qualifies, as a <c>PerMessageDeflateOfferAccept</c>, or null (declined,
/// so the case reports UNIMPLEMENTED).
/// </summary>
internal static class DeflateAcceptFunctions
{
    /// <summary>
    /// The agreement for <paramref name="offers"/> (in the client's order), or null. The result's client_* fields are what
    /// the fuzzer requests (<c>requestNoContextTakeover</c>, <c>requestMaxWindowBits</c>); its server_* fields echo the
    /// chosen offer's requests (<c>getExtensionString</c>, compress_deflate.py:309-324).
    /// </summary>
    public static PerMessageDeflateResponse? Choose(DeflateAccept accept, IReadOnlyList<ClientDeflateOffer> offers) => accept switch
    {
        DeflateAccept.DeclineAll => null,
        DeflateAccept.AcceptDeflate or DeflateAccept.Accept1 => First(offers, _ => true, false, 0),
        DeflateAccept.Accept2 => First(offers, o => o.AcceptNoContextTakeover, true, 0),
        DeflateAccept.Accept3 => First(offers, o => o.AcceptMaxWindowBits, false, 9),
        DeflateAccept.Accept4 => First(offers, o => o.AcceptMaxWindowBits, false, 15),
        DeflateAccept.Accept5 => First(offers, o => o.AcceptNoContextTakeover && o.AcceptMaxWindowBits, true, 9),
        DeflateAccept.Accept6 => First(offers, o => o.AcceptNoContextTakeover && o.AcceptMaxWindowBits, true, 15),
        DeflateAccept.Accept7 => Choose(DeflateAccept.Accept5, offers) ?? Choose(DeflateAccept.Accept2, offers) ?? Choose(DeflateAccept.Accept1, offers),
        _ => throw new ArgumentOutOfRangeException(nameof(accept), accept, null),
    };

    private static PerMessageDeflateResponse? First(IReadOnlyList<ClientDeflateOffer> offers, Func<ClientDeflateOffer, bool> qualifies, bool requestNoContextTakeover, int requestMaxWindowBits) =>
        offers.FirstOrDefault(qualifies) is { } offer
            ? new PerMessageDeflateResponse(requestMaxWindowBits, requestNoContextTakeover, offer.RequestMaxWindowBits, offer.RequestNoContextTakeover)
            : null;
}
