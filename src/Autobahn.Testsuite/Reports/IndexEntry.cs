namespace Autobahn.Testsuite.Reports;

/// <summary>One case's row in wstest's <c>index.json</c> (<c>ATS fuzzing.py</c> <c>createMasterReportJSON</c>).</summary>
/// <param name="Behavior">wstest's behavior string, e.g. "NON-STRICT".</param>
/// <param name="BehaviorClose">wstest's behaviorClose string, e.g. "WRONG CODE".</param>
/// <param name="Duration">Milliseconds from handshake completion to TCP close.</param>
/// <param name="RemoteCloseCode">The close code the server sent, or null.</param>
/// <param name="ReportFile">The per-case JSON report's file name.</param>
internal sealed record IndexEntry(string Behavior, string BehaviorClose, int Duration, int? RemoteCloseCode, string ReportFile);
