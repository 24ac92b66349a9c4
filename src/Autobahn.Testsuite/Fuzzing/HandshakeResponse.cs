using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Parses and checks the server's handshake response as autobahn's client does
/// (<c>websocket/protocol.py</c> <c>processHandshake</c>, <c>parseHttpHeader</c> as <see cref="HttpHead"/>): lower-cased header names,
/// repeated headers joined with ", ", and the same failure texts.
/// </summary>
internal sealed class HandshakeResponse
{
    private const string DeflateDenied = "WebSocket permessage-compress extension response from server denied by client";

    private HandshakeResponse(string statusLine, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, int> counts)
    {
        StatusLine = statusLine;
        Headers = headers;
        Counts = counts;
    }

    public string StatusLine { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public IReadOnlyDictionary<string, int> Counts { get; }

    public static HandshakeResponse Parse(ReadOnlySpan<byte> head)
    {
        var parsed = HttpHead.Parse(head);
        return new HandshakeResponse(parsed.FirstLine, parsed.Headers, parsed.Counts);
    }

    /// <summary>
    /// Returns autobahn's failure reason, or null when the response accepts the upgrade. <paramref name="deflate"/> is
    /// the permessage-deflate response the server chose, if any; <paramref name="acceptsDeflate"/> is whether the case
    /// offered it. No subprotocol was offered.
    /// </summary>
    public string? Validate(string key, bool acceptsDeflate, out PerMessageDeflateResponse? deflate) =>
        Validate(key, acceptsDeflate, protocols: null, out deflate);

    /// <summary>
    /// As <see cref="Validate(string, bool, out PerMessageDeflateResponse?)"/>, with the subprotocols the request offered
    /// (<paramref name="protocols"/>, null for none): the server may select one of them, compared exactly.
    /// </summary>
    public string? Validate(string key, bool acceptsDeflate, IReadOnlyList<string>? protocols, out PerMessageDeflateResponse? deflate)
    {
        deflate = null;
        var statusParts = StatusLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (statusParts.Length < 2) return $"Bad HTTP response status line '{StatusLine}'";
        if (statusParts[0] != "HTTP/1.1") return $"Unsupported HTTP version ('{statusParts[0]}')";
        if (!int.TryParse(statusParts[1], out var status)) return $"Bad HTTP status code ('{statusParts[1]}')";
        if (status != 101)
        {
            var reason = statusParts.Length > 2 ? " - " + string.Concat(statusParts.Skip(2)) : "";
            return $"WebSocket connection upgrade failed ({status}{reason})";
        }

        if (!Headers.TryGetValue("upgrade", out var upgrade)) return "HTTP Upgrade header missing";
        if (!upgrade.Trim().Equals("websocket", StringComparison.OrdinalIgnoreCase))
        {
            return $"HTTP Upgrade header different from 'websocket' (case-insensitive) : {upgrade}";
        }

        if (!Headers.TryGetValue("connection", out var connection)) return "HTTP Connection header missing";
        if (!connection.Split(',').Any(c => c.Trim().Equals("upgrade", StringComparison.OrdinalIgnoreCase)))
        {
            return $"HTTP Connection header does not include 'upgrade' value (case-insensitive) : {connection}";
        }

        if (!Headers.TryGetValue("sec-websocket-accept", out var accept)) return "HTTP Sec-WebSocket-Accept header missing in opening handshake reply";
        if (Counts["sec-websocket-accept"] > 1) return "HTTP Sec-WebSocket-Accept header appears more than once in opening handshake reply";
        var expected = HandshakeRequest.ExpectedAccept(key);
        if (accept.Trim() != expected) return $"HTTP Sec-WebSocket-Accept bogus value : expected {expected} / got {accept.Trim()}";

        if (Headers.TryGetValue("sec-websocket-extensions", out var extensions))
        {
            if (Counts["sec-websocket-extensions"] > 1) return "HTTP Sec-WebSocket-Extensions header appears more than once in opening handshake reply";
            foreach (var (name, parameters) in ExtensionHeader.Parse(extensions))
            {
                switch (name)
                {
                    case PerMessageDeflateOffer.ExtensionName:
                        if (deflate is not null) return "multiple occurrence of a permessage-compress extension";
                        deflate = PerMessageDeflateResponse.Parse(parameters, out var failure);
                        if (deflate is null) return failure;

                        // Only the 12.x/13.x cases accept a response (case12_x_x.py init); every other case keeps the
                        // factory's perMessageCompressionAccept, which accepts nothing.
                        if (!acceptsDeflate) return DeflateDenied;
                        break;
                    case "permessage-bzip2":
                        // Registered in autobahn when Python has bz2, but no wstest case accepts it.
                        return DeflateDenied;
                    default:
                        return $"server wants to use extension '{name}' we did not request, haven't implemented or did not enable";
                }
            }
        }

        if (Headers.TryGetValue("sec-websocket-protocol", out var protocol))
        {
            if (Counts["sec-websocket-protocol"] > 1) return "HTTP Sec-WebSocket-Protocol header appears more than once in opening handshake reply";
            // processHandshake: an empty answer selects nothing; any other must be one of the offered protocols, else
            // the handshake fails with the offered list as Python 2 prints it (the spec's strings are unicode after
            // json.loads: [u'chat', u'superchat']). A selected protocol changes nothing else in a case.
            var selected = protocol.Trim();
            if (selected.Length > 0 && !(protocols?.Contains(selected, StringComparer.Ordinal) ?? false))
            {
                return $"subprotocol selected by server ({selected}) not in subprotocol list requested by client ({PythonRepr.UnicodeList(protocols ?? [])})";
            }
        }

        return null;
    }
}
