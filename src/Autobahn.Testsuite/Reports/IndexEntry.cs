using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// One case's row in wstest's <c>index.json</c> (<c>ATS fuzzing.py</c> <c>createMasterReportJSON</c>), plus what the
/// cell of <c>index.html</c> shows (<c>createMasterReportHTML</c>).
/// </summary>
/// <param name="Behavior">wstest's behavior, e.g. NON-STRICT.</param>
/// <param name="BehaviorClose">wstest's behaviorClose, e.g. WRONG CODE.</param>
/// <param name="Duration">Milliseconds from handshake completion to TCP close.</param>
/// <param name="RemoteCloseCode">The close code the server sent, or null.</param>
/// <param name="ReportFile">The per-case JSON report's file name.</param>
internal sealed record IndexEntry(Behavior Behavior, Behavior BehaviorClose, int Duration, int? RemoteCloseCode, string ReportFile)
{
    /// <summary>The per-case HTML page's file name.</summary>
    public string HtmlFile { get; init; } = string.Empty;

    /// <summary>Whether the index shows the duration (wstest's <c>reportTime</c>).</summary>
    public bool ReportTime { get; init; }

    /// <summary>Whether the index shows the compression ratios (wstest's <c>reportCompressionRatio</c>).</summary>
    public bool ReportCompressionRatio { get; init; }

    /// <summary>Whether the case reported traffic statistics (wstest's <c>trafficStats</c> is not null).</summary>
    public bool HasTrafficStats { get; init; }

    /// <summary><c>trafficStats["incomingCompressionRatio"]</c>.</summary>
    public double? IncomingCompressionRatio { get; init; }

    /// <summary><c>trafficStats["outgoingCompressionRatio"]</c>.</summary>
    public double? OutgoingCompressionRatio { get; init; }
}
