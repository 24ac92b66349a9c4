namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The checks of autobahn's server-side <c>processHandshake</c> (<c>websocket/protocol.py</c> v0.10.9, 2770-3056), one
/// method per header group, each returning the refusal autobahn sends or null. Line numbers are protocol.py's.
/// </summary>
internal static class UpgradeRequestChecks
{
    /// <summary>The protocol versions autobahn's server factory accepts: <c>SUPPORTED_PROTOCOL_VERSIONS</c> (:494), listed descending.</summary>
    internal const string SupportedVersions = "13,8,0";

    private const string Base64Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";

    /// <summary>:2794-2825: <c>GET &lt;uri&gt; HTTP/1.1</c>, and the URI's path and query as <c>urlparse</c> splits them.</summary>
    public static HttpRefusal? RequestLine(string line, out string path, out string query)
    {
        path = query = "";
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3) return UpgradeRequest.Bad($"Bad HTTP request status line '{line}'");
        if (parts[0] != "GET") return new HttpRefusal(405, $"HTTP method '{parts[0]}' not allowed");
        var version = parts[2].Split('/');
        if (version is not ["HTTP", "1.1"]) return new HttpRefusal(505, $"Unsupported HTTP version '{parts[2]}'");
        var fragment = SplitUri(parts[1], out path, out query);
        return fragment.Length > 0 ? UpgradeRequest.Bad($"HTTP requested resource contains a fragment identifier '{fragment}'") : null;
    }

    /// <summary>:2827-2862: one <c>Host</c>; a port that parses; the port rule when <paramref name="requiredPort"/> is set.</summary>
    public static HttpRefusal? Host(HttpHead http, int? requiredPort, bool secure, out string host)
    {
        host = "";
        if (!http.Headers.TryGetValue("host", out var header)) return UpgradeRequest.Bad("HTTP Host header missing in opening handshake request");
        if (http.Count("host") > 1) return UpgradeRequest.Bad("HTTP Host header appears more than once in opening handshake request");
        host = header.Trim();
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !host.EndsWith(']'))
        {
            var portText = host[(colon + 1)..].Trim();
            if (!UpgradeRequest.TryPythonInt(portText, out var port)) return UpgradeRequest.Bad($"invalid port '{portText}' in HTTP Host header '{host}'");
            if (requiredPort is { } required && port != required)
            {
                return UpgradeRequest.Bad($"port {port} in HTTP Host header '{host}' does not match server listening port {required}");
            }

            host = host[..colon];
        }
        else if (requiredPort is { } required && required != (secure ? 443 : 80))
        {
            return UpgradeRequest.Bad($"missing port in HTTP Host header '{host}' and server runs on non-standard port {required} (wss = {(secure ? "True" : "False")})");
        }

        return null;
    }

    /// <summary>:2903-2923: <c>Upgrade</c> lists <c>websocket</c>, <c>Connection</c> lists <c>upgrade</c> (case-insensitive).</summary>
    public static HttpRefusal? UpgradeAndConnection(HttpHead http)
    {
        var upgrade = http.Headers["upgrade"];
        if (!Lists(upgrade, "websocket"))
        {
            return UpgradeRequest.Bad($"HTTP Upgrade headers do not include 'websocket' value (case-insensitive) : {upgrade}");
        }

        if (!http.Headers.TryGetValue("connection", out var connection)) return UpgradeRequest.Bad("HTTP Connection header missing");
        return Lists(connection, "upgrade")
            ? null
            : UpgradeRequest.Bad($"HTTP Connection headers do not include 'upgrade' value (case-insensitive) : {connection}");
    }

    /// <summary>
    /// :2925-2955: <c>Sec-WebSocket-Version</c> present once (its absence means Hixie-76, which is disabled), an integer,
    /// one of 0, 8, 13; otherwise 400 with <c>Sec-WebSocket-Version: 13,8,0</c>.
    /// </summary>
    public static HttpRefusal? Version(HttpHead http, out int version)
    {
        version = 0;
        if (!http.Headers.TryGetValue("sec-websocket-version", out var header)) return UpgradeRequest.Bad("WebSocket connection denied - Hixie76 protocol mode disabled.");
        if (http.Count("sec-websocket-version") > 1) return UpgradeRequest.Bad("HTTP Sec-WebSocket-Version header appears more than once in opening handshake request");
        if (!UpgradeRequest.TryPythonInt(header, out version))
        {
            return UpgradeRequest.Bad($"could not parse HTTP Sec-WebSocket-Version header '{header}' in opening handshake request");
        }

        if (version is 0 or 8 or 13) return null;
        return UpgradeRequest.Bad($"WebSocket version {version} not supported (supported versions: {SupportedVersions})") with
        {
            Headers = [("Sec-WebSocket-Version", SupportedVersions)],
        };
    }

    /// <summary>:2957-2970: the offered subprotocols, without duplicates.</summary>
    public static HttpRefusal? Protocols(HttpHead http, out IReadOnlyList<string> protocols)
    {
        protocols = [];
        if (!http.Headers.TryGetValue("sec-websocket-protocol", out var header)) return null;
        var list = header.Split(',').Select(p => p.Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var protocol in list)
        {
            if (!seen.Add(protocol)) return UpgradeRequest.Bad($"duplicate protocol '{protocol}' specified in HTTP Sec-WebSocket-Protocol header");
        }

        protocols = list;
        return null;
    }

    /// <summary>
    /// :2972-2998: at most one origin header (<c>Sec-WebSocket-Origin</c> for version 8, <c>Origin</c> for 13). Every origin
    /// is allowed (<c>allowedOrigins=["*"]</c>).
    /// </summary>
    public static HttpRefusal? Origin(HttpHead http, int version)
    {
        var name = version is < 13 and not 0 ? "sec-websocket-origin" : "origin";
        return http.Count(name) > 1 ? UpgradeRequest.Bad("HTTP Origin header appears more than once in opening handshake request") : null;
    }

    /// <summary>
    /// :3000-3027: one <c>Sec-WebSocket-Key</c> of 24 characters, "==" at the end, base64 before it. For version 0
    /// (Hixie-76) autobahn's checks of <c>Sec-WebSocket-Key1</c>/<c>Key2</c> presence, then a refusal of our own:
    /// Hixie-76 is not implemented.
    /// </summary>
    public static HttpRefusal? Key(HttpHead http, out string key)
    {
        key = "";
        if (http.Headers.ContainsKey("sec-websocket-version") && UpgradeRequest.TryPythonInt(http.Headers["sec-websocket-version"], out var version) && version == 0)
        {
            foreach (var name in (string[])["Sec-WebSocket-Key1", "Sec-WebSocket-Key2"])
            {
                if (!http.Headers.ContainsKey(name.ToLowerInvariant())) return UpgradeRequest.Bad($"HTTP {name} header missing");
                if (http.Count(name.ToLowerInvariant()) > 1) return UpgradeRequest.Bad($"HTTP {name} header appears more than once in opening handshake request");
            }

            return UpgradeRequest.Bad("Hixie-76 (Sec-WebSocket-Version: 0) is not implemented by this fuzzer");
        }

        if (!http.Headers.TryGetValue("sec-websocket-key", out var header)) return UpgradeRequest.Bad("HTTP Sec-WebSocket-Key header missing");
        if (http.Count("sec-websocket-key") > 1) return UpgradeRequest.Bad("HTTP Sec-WebSocket-Key header appears more than once in opening handshake request");
        key = header.Trim();
        if (key.Length != 24) return UpgradeRequest.Bad($"bad Sec-WebSocket-Key (length must be 24 ASCII chars) '{key}'");
        if (!key.EndsWith("==", StringComparison.Ordinal)) return UpgradeRequest.Bad($"bad Sec-WebSocket-Key (invalid base64 encoding) '{key}'");
        foreach (var c in key[..^2])
        {
            if (!Base64Alphabet.Contains(c)) return UpgradeRequest.Bad($"bad character '{c}' in Sec-WebSocket-Key (invalid base64 encoding) '{key}'");
        }

        return null;
    }

    private static bool Lists(string header, string token) =>
        header.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Python 2's <c>urlparse</c> as far as a request URI needs it: an optional scheme and <c>//netloc</c>, then the
    /// fragment after '#', the query after '?', and (for the schemes that use them) ';' parameters cut off the last
    /// path segment. Returns the fragment.
    /// </summary>
    private static string SplitUri(string uri, out string path, out string query)
    {
        var rest = uri;
        var scheme = "";
        var colon = rest.IndexOf(':');
        if (colon > 0 && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            var after = rest[(colon + 1)..];
            if (after.Length == 0 || !after.All(char.IsAsciiDigit))
            {
                scheme = rest[..colon].ToLowerInvariant();
                rest = after;
            }
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny(['/', '?', '#'], 2);
            rest = end < 0 ? "" : rest[end..];
        }

        var fragment = "";
        var hash = rest.IndexOf('#');
        if (hash >= 0) (rest, fragment) = (rest[..hash], rest[(hash + 1)..]);
        query = "";
        var question = rest.IndexOf('?');
        if (question >= 0) (rest, query) = (rest[..question], rest[(question + 1)..]);
        if (scheme is "" or "http" or "https" && rest.Contains(';'))
        {
            var semicolon = rest.Contains('/') ? rest.IndexOf(';', rest.LastIndexOf('/')) : rest.IndexOf(';');
            if (semicolon >= 0) rest = rest[..semicolon];
        }

        path = rest;
        return fragment;
    }
}
