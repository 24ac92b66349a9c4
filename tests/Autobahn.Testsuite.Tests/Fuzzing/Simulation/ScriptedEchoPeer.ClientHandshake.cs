using System.Buffers;
using System.Text;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// The peer as ws's client: its side of the opening handshake (<c>lib/websocket.js</c> <c>initAsClient</c>, the
/// <c>upgrade</c> handler, and <c>permessage-deflate.js</c> <c>acceptAsClient</c>).
/// </summary>
internal sealed partial class ScriptedEchoPeer
{
    // RFC 6455 §1.3's sample nonce; ws draws 16 random octets.
    private const string ClientKey = "dGhlIHNhbXBsZSBub25jZQ==";

    private readonly string? resource;
    private readonly string? clientOffer;
    private uint masks;

    /// <summary>What the peer sends once TCP is up: a client's upgrade request; nothing for a server.</summary>
    public PeerReaction Start()
    {
        if (!isClient) return PeerReaction.None;

        // initAsClient: ws's own headers, the extension offer, then node's http adds Host.
        var request = $"GET {resource} HTTP/1.1\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {ClientKey}\r\n"
            + "Connection: Upgrade\r\nUpgrade: websocket\r\n"
            + (clientOffer is null ? "" : $"Sec-WebSocket-Extensions: {clientOffer}\r\n")
            + "Host: 127.0.0.1:9001\r\n\r\n";
        output.Write(Encoding.ASCII.GetBytes(request));
        return TakeReaction();
    }

    /// <summary>
    /// The server's answer. Anything but a well-formed 101 for this key and offer makes ws abort the handshake
    /// (<c>abortHandshake</c>: the socket is destroyed, no close frame).
    /// </summary>
    private void ReadResponse()
    {
        var end = input.Span.IndexOf(EndOfHead);
        if (end < 0) return;
        var lines = Encoding.Latin1.GetString(input.Span[..end]).Split("\r\n");
        input.Consume(end + EndOfHead.Length);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var extensions = headers.GetValueOrDefault("sec-websocket-extensions");
        if (!lines[0].StartsWith("HTTP/1.1 101 ", StringComparison.Ordinal)
            || !string.Equals(headers.GetValueOrDefault("upgrade"), "websocket", StringComparison.OrdinalIgnoreCase)
            || headers.GetValueOrDefault("sec-websocket-accept") != AcceptKey(ClientKey)
            || headers.ContainsKey("sec-websocket-protocol")
            || (extensions is not null && !TryAcceptResponse(extensions)))
        {
            Close();
            return;
        }

        phase = PeerPhase.Open;
        if (input.Length > 0)
        {
            while (phase == PeerPhase.Open && TryReadFrame())
            {
            }
        }
    }

    // An extension answer is only acceptable for an offer ws made, and must be one well-formed permessage-deflate.
    private bool TryAcceptResponse(string header)
    {
        if (!acceptPermessageDeflate || header.Contains(',', StringComparison.Ordinal)) return false;
        if (!DeflateAgreement.TryAccept(header, out deflate, out _) || deflate is null) return false;
        StartDeflate();
        return true;
    }
}
