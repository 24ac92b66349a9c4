using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// wstest's opening handshake as a client (autobahn <c>startHandshake</c> and <c>processHandshake</c>): the request,
/// byte for byte, with the case's permessage-deflate offers and the run's <c>Origin</c> and subprotocols, and autobahn's
/// checks of the response.
/// </summary>
internal sealed class ClientOpeningHandshake(
    Uri url, string key, IReadOnlyList<string>? deflateOffers, string? origin = null, IReadOnlyList<string>? protocols = null) : OpeningHandshake
{
    public override byte[] Start()
    {
        HttpRequest = HandshakeRequest.Build(url, key, deflateOffers, origin, protocols);
        return Encoding.UTF8.GetBytes(HttpRequest);
    }

    public override HandshakeOutcome Receive(ReadOnlySpan<byte> buffered)
    {
        var end = HeadEnd(buffered, "response", out var tooLong);
        if (end < 0) return tooLong is null ? HandshakeOutcome.Incomplete : new HandshakeOutcome(0, tooLong);

        var head = buffered[..end];
        HttpResponse = Encoding.UTF8.GetString(head);
        var response = HandshakeResponse.Parse(head);
        var failure = response.Validate(key, deflateOffers is { Count: > 0 }, protocols, out var accepted);
        if (failure is not null) return new HandshakeOutcome(end, failure);
        ServerHeader = response.Headers.GetValueOrDefault("server");
        return new HandshakeOutcome(end, Deflate: accepted);
    }
}
