using System.Text.Json.Nodes;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>
/// A fuzzingclient spec (<c>fuzzingclient.json</c>) read with wstest's meaning (<c>ATS fuzzing.py</c>
/// <c>FuzzingClientFactory</c>, <c>caseset.py</c>, <c>wstest.py</c>): <c>cases</c> (required), <c>exclude-cases</c>,
/// <c>exclude-agent-cases</c>, <c>outdir</c> (default <c>./reports/servers/</c>), <c>options</c>, and <c>servers</c>
/// with <c>url</c>, <c>agent</c>, <c>origin</c>, <c>protocols</c>, <c>options</c>, <c>hostname</c>; other keys are
/// ignored, as wstest ignores them.
/// </summary>
internal sealed record FuzzingClientSpec
{
    /// <summary>wstest's default report directory (<c>spec.get("outdir", "./reports/servers/")</c>).</summary>
    public const string DefaultOutdir = "./reports/servers/";

    /// <summary>The cases to run, in wstest's order.</summary>
    public required IReadOnlyList<CaseId> Cases { get; init; }

    /// <summary>The servers, in the spec's order.</summary>
    public required IReadOnlyList<ServerEntry> Servers { get; init; }

    /// <summary>The report directory.</summary>
    public required string Outdir { get; init; }

    /// <summary>The <c>exclude-agent-cases</c> rules, checked after each case's opening handshake.</summary>
    public required AgentCaseExclusions Exclusions { get; init; }

    /// <summary>What the spec asks for that this tool does not honour, one sentence each.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>
    /// Reads <paramref name="spec"/>. <paramref name="wsUri"/> (<c>-w</c>) becomes the one server when the spec has no
    /// or an empty <c>servers</c> (<c>wstest.py</c> <c>startService</c>); <paramref name="baseOptions"/> carries the
    /// run's own settings (data folder).
    /// </summary>
    /// <exception cref="UsageException">A required key is missing, a key has the wrong type, a pattern is bad, or a URL is not usable.</exception>
    public static FuzzingClientSpec Read(JsonObject spec, string? wsUri, FuzzingOptions baseOptions)
    {
        var cases = CasePatterns.Resolve(SpecReader.RequiredStrings(spec, "cases"), SpecReader.Strings(spec, "exclude-cases"));
        var exclusions = AgentCaseExclusions.Parse(SpecReader.Object(spec, "exclude-agent-cases"));
        var globalOptions = SpecReader.Object(spec, "options");
        var warnings = new List<string>();

        var serverNodes = spec["servers"] switch
        {
            null => [],
            JsonArray array => array,
            _ => throw SpecReader.WrongType("servers", string.Empty, "a list of objects"),
        };
        if (serverNodes.Count == 0)
        {
            serverNodes = wsUri is null
                ? throw new UsageException("spec: \"servers\" lists no server, and no -w/--wsuri was given")
                : new JsonArray(new JsonObject { ["url"] = wsUri });
        }

        var servers = new List<ServerEntry>();
        for (var i = 0; i < serverNodes.Count; i++)
        {
            var where = $"servers[{i}]";
            var server = serverNodes[i] as JsonObject ?? throw SpecReader.WrongType(where, string.Empty, "an object ({\"url\": ...})");
            servers.Add(ReadServer(server, where, globalOptions, baseOptions, exclusions, warnings));
        }

        return new FuzzingClientSpec
        {
            Cases = cases,
            Servers = servers,
            Outdir = SpecReader.String(spec, "outdir") ?? DefaultOutdir,
            Exclusions = exclusions,
            Warnings = warnings,
        };
    }

    private static ServerEntry ReadServer(
        JsonObject server, string where, JsonObject? globalOptions, FuzzingOptions baseOptions, AgentCaseExclusions exclusions, List<string> warnings)
    {
        var urlText = SpecReader.String(server, "url", where + ".") ?? throw new UsageException($"spec: {where}.\"url\" is required");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != "ws" && url.Scheme != "wss") || string.IsNullOrEmpty(url.Host))
        {
            throw new UsageException($"spec: {where}.\"url\" \"{urlText}\" is not a ws:// URL");
        }

        var agent = SpecReader.String(server, "agent", where + ".");

        // fuzzing.py nextServer: setSessionParameters(origin=server.get("origin", None), protocols=server.get("protocols", []));
        // the engine sends them as autobahn's startHandshake does and checks the server's subprotocol answer against them.
        var origin = SpecReader.String(server, "origin", where + ".");
        var protocols = SpecReader.Strings(server, "protocols", where + ".");

        var hostname = SpecReader.String(server, "hostname", where + ".");
        if (hostname is not null && url.Scheme != "wss") warnings.Add($"{where}.\"hostname\" \"{hostname}\" is not used (it only matters for wss://)");

        var options = ClientProtocolOptions.Apply(baseOptions, globalOptions, SpecReader.Object(server, "options", where + "."), $"\"options\" / {where}.\"options\"", warnings);

        // wstest 0.8.2 connects to wss:// without any certificate check and without SNI; 25.10.1's "hostname" turns on
        // SNI and verification against the platform's trust store (fuzzingserver-and-cli.md §E.1).
        if (url.Scheme == "wss") options = options with { Tls = hostname is null ? TlsOptions.Default with { AcceptAnyCertificate = true } : TlsOptions.Default with { HostName = hostname } };
        Func<string, CaseId, bool>? exclude = exclusions.IsEmpty ? null : (reportedAgent, id) => exclusions.Excludes(reportedAgent, id.Text);
        return new ServerEntry
        {
            Url = url,
            Agent = agent,
            Options = options with { Agent = agent, ExcludeAfterHandshake = exclude, Origin = origin, Protocols = protocols.Count > 0 ? protocols : null },
        };
    }
}
