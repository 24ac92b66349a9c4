using System.Text.Json.Nodes;
using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Server;

/// <summary>
/// A fuzzingserver spec (<c>fuzzingserver.json</c>) read with wstest's meaning (<c>ATS fuzzing.py</c>
/// <c>FuzzingServerFactory</c>, <c>startServer</c>): <c>url</c> (required, <c>ws://</c> or <c>wss://</c>, no query),
/// <c>cases</c>, <c>exclude-cases</c>, <c>exclude-agent-cases</c>, <c>outdir</c> (default <c>./reports/clients/</c>),
/// <c>options</c> (autobahn's server protocol options; an unknown key is an error, as wstest's TypeError),
/// <c>protocols</c>, and <c>key</c>/<c>cert</c> for <c>wss://</c> (<c>-k</c>/<c>-c</c> override them; wstest's are dead).
/// <c>webport</c> in the spec is ignored, as by wstest (<c>-u</c> counts).
/// </summary>
internal static class FuzzingServerSpec
{
    /// <summary>wstest's default report directory of fuzzingserver mode.</summary>
    public const string DefaultOutdir = "./reports/clients/";

    /// <summary>autobahn-python 0.10.9's server protocol options (<c>WebSocketServerFactory.setProtocolOptions</c>).</summary>
    public static readonly string[] ServerOptions =
    [
        "versions", "allowHixie76", "webStatus", "utf8validateIncoming", "maskServerFrames", "requireMaskedClientFrames", "applyMask",
        "maxFramePayloadSize", "maxMessagePayloadSize", "autoFragmentSize", "failByDrop", "echoCloseCodeReason", "openHandshakeTimeout",
        "closeHandshakeTimeout", "tcpNoDelay", "perMessageCompressionAccept", "autoPingInterval", "autoPingTimeout", "autoPingSize",
        "serveFlashSocketPolicy", "flashSocketPolicy", "allowedOrigins", "maxConnections",
    ];

    /// <summary>Reads and checks <paramref name="spec"/> with the command line's <paramref name="arguments"/>.</summary>
    /// <exception cref="UsageException">The spec is not valid.</exception>
    public static FuzzingServerSettings Read(JsonObject spec, ToolArguments arguments)
    {
        var urlText = SpecReader.String(spec, "url") ?? throw new UsageException("spec: \"url\" is required (e.g. \"url\": \"ws://127.0.0.1:9001\")");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != "ws" && url.Scheme != "wss"))
        {
            throw new UsageException($"spec: \"url\" \"{urlText}\" is not a ws:// or wss:// URL");
        }

        // autobahn parseWsUrl / setSessionParameters (server): "query parameters specified for server WebSocket URL".
        if (!string.IsNullOrEmpty(url.Query)) throw new UsageException($"spec: \"url\" \"{urlText}\": query parameters specified for server WebSocket URL");

        var cases = CasePatterns.Resolve(SpecReader.RequiredStrings(spec, "cases"), SpecReader.Strings(spec, "exclude-cases"));
        var options = SpecReader.Object(spec, "options");
        foreach (var (name, _) in options ?? [])
        {
            if (!ServerOptions.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException($"spec: unknown option \"{name}\" in \"options\" (wstest fails with a TypeError; the server's options are {string.Join(", ", ServerOptions)})");
            }
        }

        var key = arguments.Key ?? SpecReader.String(spec, "key");
        var cert = arguments.Cert ?? SpecReader.String(spec, "cert");
        if (url.Scheme == "wss" && (key is null || cert is null))
        {
            throw new UsageException("spec: a wss:// \"url\" needs \"key\" and \"cert\" (PEM files; or -k/-c): Secure WebSocket listen requested, but no SSL context factory given");
        }

        return new FuzzingServerSettings
        {
            Url = url,
            Cases = cases,
            Exclusions = AgentCaseExclusions.Parse(SpecReader.Object(spec, "exclude-agent-cases")),
            Outdir = SpecReader.String(spec, "outdir") ?? DefaultOutdir,
            Options = options,
            Protocols = SpecReader.Strings(spec, "protocols"),
            KeyFile = ExistingFile(key, "key"),
            CertFile = ExistingFile(cert, "cert"),
            WebPort = arguments.WebPort,
            Debug = arguments.Debug,
        };
    }

    private static string? ExistingFile(string? path, string name)
    {
        if (path is null) return null;
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new UsageException($"spec: \"{name}\" file '{full}' not found");
    }
}
