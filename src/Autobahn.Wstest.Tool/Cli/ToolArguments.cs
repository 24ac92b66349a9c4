using Autobahn.Testsuite.Cases;

namespace Autobahn.Wstest.Tool.Cli;

/// <summary>The parsed command line of <c>wstest</c>: wstest's own options, then this tool's additions.</summary>
internal sealed record ToolArguments
{
    /// <summary><c>-m/--mode</c>: one of wstest's modes.</summary>
    public required string Mode { get; init; }

    /// <summary><c>-s/--spec</c>: the spec file; null for the implicit <c>./&lt;mode&gt;.json</c>.</summary>
    public string? Spec { get; init; }

    /// <summary><c>-w/--wsuri</c>: the server URL used when the spec lists no servers (fuzzingclient).</summary>
    public string? WsUri { get; init; }

    /// <summary><c>-u/--webport</c>: the embedded web server's port (fuzzingserver); 0 disables it.</summary>
    public int WebPort { get; init; } = 8080;

    /// <summary><c>-d/--debug</c>: a line per case, and the full text of every failing case.</summary>
    public bool Debug { get; init; }

    /// <summary><c>-k/--key</c>: the TLS private key (fuzzingserver); overrides the spec's <c>key</c>.</summary>
    public string? Key { get; init; }

    /// <summary><c>-c/--cert</c>: the TLS certificate (fuzzingserver); overrides the spec's <c>cert</c>.</summary>
    public string? Cert { get; init; }

    /// <summary>wstest options of other modes that were given (<c>-i</c>, <c>-o</c>, <c>-t</c>): warned about, not used.</summary>
    public IReadOnlyList<string> UnusedOptions { get; init; } = [];

    /// <summary><c>--parallel</c>: how many cases run side by side (section 9 always alone); 1 = wstest's one at a time.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary><c>--fail-on</c>: verdicts that fail the run besides the default failures.</summary>
    public IReadOnlySet<Behavior> FailOn { get; init; } = new HashSet<Behavior>();

    /// <summary><c>--exit-zero</c>: exit 0 whatever the verdicts, as wstest does.</summary>
    public bool ExitZero { get; init; }

    /// <summary><c>--junit</c>: where to write a JUnit XML file; null for none.</summary>
    public string? JUnit { get; init; }

    /// <summary><c>--data-folder</c>: wstest's original section 12 data files, for byte-identical traffic.</summary>
    public string? DataFolder { get; init; }
}
