using System.Text;
using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The opening handshake as a server (autobahn-python v0.10.9 <c>websocket/protocol.py</c> <c>processHandshake</c>
/// 2770-3112 and <c>succeedHandshake</c> 3114-3321 with <c>isServer=True</c>): the request checked by
/// <see cref="UpgradeRequest.Parse"/>, the client's permessage-deflate offers parsed and given to the case's accept
/// function (<see cref="DeflateAccept"/>), then wstest's 101 — or the HTTP refusal, after which the connection is closed.
/// </summary>
/// <param name="accept">The case's <c>SERVER_ACCEPT</c> (<see cref="Cases.CaseDefinition.ServerAccept"/>).</param>
/// <param name="requiredHostPort">autobahn's <c>externalPort</c> rule for <c>Host</c>; null accepts any port.</param>
internal sealed class ServerOpeningHandshake(DeflateAccept accept, int? requiredHostPort = null) : OpeningHandshake
{
    /// <summary>wstest's <c>X-Powered-By</c> value: "AutobahnPython/&lt;autobahn version&gt;" (protocol.py:3191).</summary>
    public const string PoweredBy = "AutobahnPython/0.10.9";

    public override byte[]? Start() => null;

    public override HandshakeOutcome Receive(ReadOnlySpan<byte> buffered)
    {
        var end = HeadEnd(buffered, "request", out var tooLong);
        if (end < 0) return tooLong is null ? HandshakeOutcome.Incomplete : new HandshakeOutcome(0, tooLong);

        HttpRequest = Encoding.UTF8.GetString(buffered[..end]);
        var parsed = UpgradeRequest.Parse(HttpRequest, requiredHostPort);
        if (parsed.Refusal is { } refusal) return Refused(end, refusal);
        var answer = Answer(parsed.Request!, accept);
        if (answer.Refusal is { } offerRefusal) return Refused(end, offerRefusal);
        HttpResponse = answer.ResponseText!;
        return new HandshakeOutcome(end, Reply: answer.Response, Deflate: answer.Deflate);
    }

    /// <summary>
    /// <c>succeedHandshake</c> for a valid request: every <c>permessage-deflate</c> offer parsed in the client's order
    /// (a malformed one refuses with 400 whatever the case, because parsing precedes the accept decision, :3152-3165;
    /// other extensions are ignored), <paramref name="accept"/> applied, then the 101 with wstest's headers in autobahn's
    /// order (:3186-3270): <c>Server</c>, <c>X-Powered-By</c>, <c>Upgrade: WebSocket</c>, <c>Connection: Upgrade</c>,
    /// <c>Sec-WebSocket-Accept</c>, and <c>Sec-WebSocket-Extensions</c> when an offer was accepted. The fuzzer's
    /// <c>onConnect</c> selects no subprotocol, so there is never a <c>Sec-WebSocket-Protocol</c>.
    /// </summary>
    public static ServerHandshakeAnswer Answer(UpgradeRequest request, DeflateAccept accept)
    {
        var offers = new List<ClientDeflateOffer>();
        if (request.ExtensionsHeader is { } header)
        {
            foreach (var (name, parameters) in ExtensionHeader.Parse(header))
            {
                if (name != PerMessageDeflateOffer.ExtensionName) continue;
                var offer = ClientDeflateOffer.Parse(parameters, out var failure);
                if (offer is null) return new ServerHandshakeAnswer(null, null, null, UpgradeRequest.Bad(failure!));
                offers.Add(offer);
            }
        }

        var deflate = offers.Count > 0 ? DeflateAcceptFunctions.Choose(accept, offers) : null;
        var response = new StringBuilder();
        response.Append("HTTP/1.1 101 Switching Protocols\r\n");
        response.Append("Server: ").Append(HandshakeRequest.UserAgent).Append("\r\n");
        response.Append("X-Powered-By: ").Append(PoweredBy).Append("\r\n");
        response.Append("Upgrade: WebSocket\r\n");
        response.Append("Connection: Upgrade\r\n");
        response.Append("Sec-WebSocket-Accept: ").Append(HandshakeRequest.ExpectedAccept(request.Key)).Append("\r\n");
        if (deflate is not null) response.Append("Sec-WebSocket-Extensions: ").Append(deflate.ToExtensionString()).Append("\r\n");
        response.Append("\r\n");
        var text = response.ToString();
        return new ServerHandshakeAnswer(Encoding.UTF8.GetBytes(text), text, deflate, null);
    }

    private static HandshakeOutcome Refused(int end, HttpRefusal refusal) => new(
        end,
        refusal.IsFailure ? refusal.Reason : "the client's request had no Upgrade header; the fuzzer served its status page",
        refusal.ToResponseBytes(),
        Unclean: refusal.IsFailure);
}
