namespace Autobahn.Testsuite;

/// <summary>
/// How a <see cref="FuzzingServer"/> runs: wstest's fuzzingserver spec (<c>cases</c>, <c>exclude-cases</c>,
/// <c>exclude-agent-cases</c>, <c>outdir</c>, <c>options</c>) plus the port. The server listens on 127.0.0.1 only.
/// </summary>
public sealed record FuzzingServerOptions
{
    /// <summary>wstest's defaults: every case, a free port, no reports.</summary>
    public static FuzzingServerOptions Default { get; } = new();

    /// <summary>The TCP port on 127.0.0.1; 0 (the default) lets the system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Case patterns to serve (the spec's <c>cases</c>, see <see cref="Cases.CaseSelection.Resolve"/>); all by default.</summary>
    public IReadOnlyList<string> Cases { get; init; } = ["*"];

    /// <summary>Case patterns to leave out (<c>exclude-cases</c>); <c>/getCaseCount</c> and <c>case=N</c> count without them.</summary>
    public IReadOnlyList<string> ExcludeCases { get; init; } = [];

    /// <summary>
    /// The timers of each case (wstest's server <c>options</c>); <see cref="FuzzingOptions.Agent"/> is not used, the agent
    /// comes from the request. <see cref="FuzzingOptions.ExcludeAfterHandshake"/> is wstest's <c>exclude-agent-cases</c>:
    /// such a case's connection is upgraded and closed at once, and nothing is recorded.
    /// </summary>
    public FuzzingOptions Fuzzing { get; init; } = FuzzingOptions.Default;

    /// <summary>Where <c>/updateReports</c> writes (the spec's <c>outdir</c>, wstest's default <c>./reports/clients/</c>); null writes nothing.</summary>
    public string? ReportsDirectory { get; init; }

    /// <summary>
    /// When set, every request's <c>Host</c> header must carry this port, as wstest checks against its URL's port
    /// (<c>AB proto:2829-2862</c>). Off by default: behind Docker port mapping the check only rejects working clients.
    /// </summary>
    public int? RequiredHostPort { get; init; }

    /// <summary>
    /// When set, the server speaks TLS with this certificate (it needs its private key) and its URL is
    /// <c>wss://127.0.0.1:port</c>, as wstest's fuzzingserver does with the spec's <c>key</c> and <c>cert</c>.
    /// <see cref="LoopbackCertificate.Create"/> makes one for a test run; hand its public part to your client to trust.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>The clock of the cases' timers; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
