using System.Globalization;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// A client's opening handshake request that autobahn's server accepts (<c>websocket/protocol.py</c> v0.10.9
/// <c>processHandshake</c>, 2770-3112, with the fuzzingserver's options): what <c>onConnect</c> and
/// <c>succeedHandshake</c> need. <see cref="Parse"/> applies the checks in autobahn's order with its status codes and
/// texts (<see cref="UpgradeRequestChecks"/>).
/// </summary>
internal sealed record UpgradeRequest
{
    /// <summary>The request head as received, through the empty line (the report's <c>httpRequest</c>).</summary>
    public required string Head { get; init; }

    /// <summary>The path of the request URI (<c>urlparse</c>'s path, e.g. "/runCase"), not decoded.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query without '?', "" when there is none (parse it like <c>urllib.parse.parse_qs</c>).</summary>
    public required string Query { get; init; }

    /// <summary>The <c>Host</c> header without its port (<c>http_request_host</c>).</summary>
    public required string Host { get; init; }

    /// <summary>The <c>Sec-WebSocket-Key</c> (24 characters of base64 ending in "==").</summary>
    public required string Key { get; init; }

    /// <summary>The <c>Sec-WebSocket-Version</c>: 8 or 13.</summary>
    public required int Version { get; init; }

    /// <summary>The subprotocols offered, in order (no duplicates); the fuzzer never selects one.</summary>
    public required IReadOnlyList<string> Protocols { get; init; }

    /// <summary>The one <c>Sec-WebSocket-Extensions</c> header, or null.</summary>
    public string? ExtensionsHeader { get; init; }

    /// <summary>Every header by lower-cased name, repeated headers joined with ", " (autobahn's <c>http_headers</c>).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>
    /// Checks a request head (through the empty line) as autobahn's server does. <paramref name="requiredHostPort"/>:
    /// autobahn's <c>externalPort</c> (the port of the spec's URL) — when set, <c>Host</c> must name that port (or omit
    /// it when the port is 80, 443 with <paramref name="secure"/>); null accepts any port, because wstest's check only
    /// trips clients behind a port mapping (fuzzingserver-and-cli.md §A.1).
    /// </summary>
    public static UpgradeRequestResult Parse(string head, int? requiredHostPort, bool secure = false)
    {
        var http = HttpHead.Parse(head);
        if (UpgradeRequestChecks.RequestLine(http.FirstLine, out var path, out var query) is { } badLine) return badLine;
        if (UpgradeRequestChecks.Host(http, requiredHostPort, secure, out var host) is { } badHost) return badHost;

        // No Upgrade header: the status page (webStatus=True), before any other WebSocket check (protocol.py:2865-2902).
        if (!http.Headers.ContainsKey("upgrade")) return HttpRefusal.StatusPage();
        if (UpgradeRequestChecks.UpgradeAndConnection(http) is { } badUpgrade) return badUpgrade;
        if (UpgradeRequestChecks.Version(http, out var version) is { } badVersion) return badVersion;
        if (UpgradeRequestChecks.Protocols(http, out var protocols) is { } badProtocols) return badProtocols;
        if (UpgradeRequestChecks.Origin(http, version) is { } badOrigin) return badOrigin;
        if (UpgradeRequestChecks.Key(http, out var key) is { } badKey) return badKey;
        if (http.Count("sec-websocket-extensions") > 1)
        {
            return Bad("HTTP Sec-WebSocket-Extensions header appears more than once in opening handshake request");
        }

        return new UpgradeRequest
        {
            Head = head,
            Path = path,
            Query = query,
            Host = host,
            Key = key,
            Version = version,
            Protocols = protocols,
            ExtensionsHeader = http.Headers.GetValueOrDefault("sec-websocket-extensions"),
            Headers = http.Headers,
        };
    }

    /// <summary>autobahn's <c>failHandshake(reason)</c> with its default code, 400.</summary>
    internal static HttpRefusal Bad(string reason) => new(400, reason);

    /// <summary>Python's <c>int(text)</c> for a decimal string: surrounding whitespace and a sign allowed.</summary>
    internal static bool TryPythonInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
