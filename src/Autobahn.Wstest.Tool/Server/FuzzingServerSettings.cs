using System.Text.Json.Nodes;
using Autobahn.Testsuite.Cases;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Server;

/// <summary>
/// A validated fuzzingserver run (<c>wstest -m fuzzingserver</c>): what <see cref="IFuzzingServer"/> needs to listen,
/// serve wstest's control protocol (<c>getCaseCount</c>, <c>runCase</c>, <c>updateReports</c>, …) and write the reports.
/// </summary>
internal sealed record FuzzingServerSettings
{
    /// <summary>The spec's <c>"url"</c>; only its port (and scheme) matter: wstest listens on all interfaces and checks the Host header's port.</summary>
    public required Uri Url { get; init; }

    /// <summary>The port to listen on and to expect in the Host header.</summary>
    public int Port => Url.Port;

    /// <summary>The cases, in wstest's order; <c>/runCase?case=N</c> is 1-based into this list.</summary>
    public required IReadOnlyList<CaseId> Cases { get; init; }

    /// <summary><c>"exclude-agent-cases"</c>, checked in <c>runCase</c> after the handshake with the query's <c>agent</c>.</summary>
    public required AgentCaseExclusions Exclusions { get; init; }

    /// <summary>The report directory (default <c>./reports/clients/</c>).</summary>
    public required string Outdir { get; init; }

    /// <summary>The spec's <c>"options"</c> (autobahn's server protocol options, keys already checked), or null.</summary>
    public JsonObject? Options { get; init; }

    /// <summary>The spec's <c>"protocols"</c>: set by wstest but never selected (no Sec-WebSocket-Protocol is answered).</summary>
    public IReadOnlyList<string> Protocols { get; init; } = [];

    /// <summary>The PEM private key for <c>wss://</c> (<c>-k</c>, else the spec's <c>"key"</c>), a full path, or null.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The PEM certificate for <c>wss://</c> (<c>-c</c>, else the spec's <c>"cert"</c>), a full path, or null.</summary>
    public string? CertFile { get; init; }

    /// <summary><c>-u/--webport</c>: the embedded web server's port; 0 = none.</summary>
    public int WebPort { get; init; }

    /// <summary><c>-d</c>: debug output.</summary>
    public bool Debug { get; init; }

    /// <summary>Whether the listener is TLS (<c>wss://</c>).</summary>
    public bool IsSecure => Url.Scheme == "wss";
}
