using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// wstest's per-case page, <c>&lt;agent&gt;_case_&lt;id&gt;.html</c> (<c>ATS fuzzing.py</c>
/// <c>createAgentCaseReportHTML</c>, lines 789-1036): the verdict banner, Case Description, Case Expectation, Case
/// Outcome (Expected/Observed), Case Closing Behavior, Opening Handshake, the Closing Behavior table, Wire
/// Statistics by chop size and by opcode, and the Wire Log. Unlike wstest's page it loads nothing (no logo images
/// from the internet), escapes every value, and links back to <c>index.html</c>.
/// </summary>
internal static class CaseReportHtml
{
    // The descriptions of the Closing Behavior table, as wstest shows them (fuzzing.py cbv).
    private static readonly (string Key, string Description)[] ClosingRows =
    [
        ("isServer", "True, iff I (the fuzzer) am a server, and the peer is a client."),
        ("closedByMe", "True, iff I have initiated closing handshake (that is, did send close first)."),
        ("failedByMe", "True, iff I have failed the WS connection (i.e. due to protocol error). Failing can be either by initiating closing handshake or brutal drop TCP."),
        ("droppedByMe", "True, iff I dropped the TCP connection."),
        ("wasClean", "True, iff full WebSocket closing handshake was performed (close frame sent and received) _and_ the server dropped the TCP (which is its responsibility)."),
        ("wasNotCleanReason", "When wasClean == False, the reason what happened."),
        ("wasServerConnectionDropTimeout", "When we are a client, and we expected the server to drop the TCP, but that didn't happen in time, this gets True."),
        ("wasOpenHandshakeTimeout", "When performing the opening handshake, but the peer did not finish in time, this gets True."),
        ("wasCloseHandshakeTimeout", "When we initiated a closing handshake, but the peer did not respond in time, this gets True."),
        ("localCloseCode", "The close code I sent in close frame (if any)."),
        ("localCloseReason", "The close reason I sent in close frame (if any)."),
        ("remoteCloseCode", "The close code the peer sent me in close frame (if any)."),
        ("remoteCloseReason", "The close reason the peer sent me in close frame (if any)."),
    ];

    /// <summary>The page of <paramref name="result"/>, reported under <paramref name="agent"/>.</summary>
    public static string Render(CaseResult result, string agent)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(agent);
        var t = result.Transcript;
        var b = new StringBuilder(16 * 1024);
        Html.Head(b, $"{agent} - Case {result.Id.Text}", ReportStyles.Common + ReportStyles.Detail);
        b.Append("   <body>\n");
        b.Append("      <a id=\"top\"></a>\n");
        b.Append("      <a class=\"up\" href=\"index.html\">Index</a>\n");
        b.Append("      <p class=\"report_title\">Autobahn WebSocket Testsuite Report</p>\n");

        // Case summary (fuzzing.py: "Pass", "Non-Strict", "Informational", everything else "Fail").
        var (style, text) = result.Verdict.Behavior switch
        {
            Behavior.Ok => ("case_ok", "Pass"),
            Behavior.NonStrict => ("case_non_strict", "Non-Strict"),
            Behavior.Informational => ("case_info", "Informational"),
            _ => ("case_failed", "Fail"),
        };
        b.Append("      <p id=\"case_summary\" class=\"case ").Append(style).Append("\">").Append(Html.Escape(agent))
            .Append(" - <span style=\"font-size: 1.3em;\"><b>Case ").Append(Html.Escape(result.Id.Text)).Append("</b></span> : ")
            .Append(text).Append(" - <span style=\"font-size: 0.9em;\"><b>")
            .Append(t.DurationMilliseconds.ToString(CultureInfo.InvariantCulture)).Append("</b> ms @ ")
            .Append(CaseReportJson.FormatStarted(t.Started)).Append("</span></p>\n");

        // Description, expectation, outcome, closing behaviour.
        b.Append("      <p class=\"case_text_block case_desc\"><b>Case Description</b><br/><br/>").Append(Html.CaseText(result.Text.Description)).Append("</p>\n");
        b.Append("      <p class=\"case_text_block case_expect\"><b>Case Expectation</b><br/><br/>").Append(Html.CaseText(result.Text.Expectation)).Append("</p>\n");
        var expected = t.ConnectionWasOpen ? PythonRepr.Expected(result.Expected) : "{}";
        b.Append("      <p class=\"case_text_block case_outcome\">\n");
        b.Append("         <b>Case Outcome</b><br/><br/>").Append(Html.Escape(result.Verdict.Result)).Append("<br/><br/>\n");
        b.Append("         <i>Expected:</i><br/><span class=\"case_pickle\" id=\"case_expected\">").Append(Html.Escape(PythonRepr.Limit(expected))).Append("</span><br/><br/>\n");
        b.Append("         <i>Observed:</i><br/><span class=\"case_pickle\" id=\"case_observed\">").Append(Html.Escape(PythonRepr.Limit(PythonRepr.List(t.Received)))).Append("</span>\n");
        b.Append("      </p>\n");
        b.Append("      <p class=\"case_text_block case_closing_beh\"><b>Case Closing Behavior</b><br/><br/>")
            .Append(Html.Escape(result.Verdict.ResultClose)).Append(" (").Append(Html.Escape(result.Verdict.BehaviorClose.ToWstestString())).Append(")</p>\n");
        if (t.ConnectionFailure is { } failure)
        {
            // Not in wstest (it records nothing for a failed connect); says why there was no WebSocket connection.
            b.Append("      <p class=\"case_text_block case_failure\"><b>Connection</b><br/><br/>").Append(Html.Escape(failure)).Append("</p>\n");
        }

        b.Append("      <br/><hr/>\n");

        // Opening handshake.
        b.Append("      <h2>Opening Handshake</h2>\n");
        b.Append("      <pre class=\"http_dump\" id=\"http_request\">").Append(Html.Escape(HttpDump(t.HttpRequest))).Append("</pre>\n");
        b.Append("      <pre class=\"http_dump\" id=\"http_response\">").Append(Html.Escape(HttpDump(t.HttpResponse))).Append("</pre>\n");
        b.Append("      <br/><hr/>\n");

        ClosingTable(b, t.Closing);
        WireStatistics(b, t);
        WireLog(b, result);

        b.Append("   </body>\n</html>\n");
        return b.ToString();
    }

    /// <summary>Python's <c>%s</c> of a value: <c>True</c>, <c>False</c>, <c>None</c>, numbers, text as it is.</summary>
    private static string Py(object? value) => value switch
    {
        null => "None",
        bool v => v ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "None",
    };

    /// <summary>wstest shows <c>httpRequest.strip()</c>; line ends become <c>\n</c> here.</summary>
    private static string HttpDump(string text) => text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    private static void ClosingTable(StringBuilder b, ClosingBehavior c)
    {
        object?[] values =
        [
            false, c.ClosedByMe, c.FailedByMe, c.DroppedByMe, c.WasClean, c.WasNotCleanReason, c.WasServerConnectionDropTimeout,
            c.WasOpenHandshakeTimeout, c.WasCloseHandshakeTimeout, c.LocalCloseCode, c.LocalCloseReason, c.RemoteCloseCode, c.RemoteCloseReason,
        ];
        b.Append("      <h2>Closing Behavior</h2>\n");
        b.Append("      <table id=\"closing_behavior\">\n");
        b.Append("         <tr class=\"stats_header\"><td>Key</td><td class=\"left\">Value</td><td class=\"left\">Description</td></tr>\n");
        for (var i = 0; i < ClosingRows.Length; i++)
        {
            b.Append("         <tr class=\"stats_row\"><td>").Append(ClosingRows[i].Key).Append("</td><td class=\"left\">")
                .Append(Html.Escape(Py(values[i]))).Append("</td><td class=\"left\">").Append(Html.Escape(ClosingRows[i].Description)).Append("</td></tr>\n");
        }

        b.Append("      </table>\n");
        b.Append("      <br/><hr/>\n");
    }

    private static void WireStatistics(StringBuilder b, CaseTranscript t)
    {
        b.Append("      <h2>Wire Statistics</h2>\n");
        foreach (var (direction, stats) in new[] { ("Received", t.RxOctetStats), ("Transmitted", t.TxOctetStats) })
        {
            b.Append("      <h3>Octets ").Append(direction).Append(" by Chop Size</h3>\n");
            b.Append("      <table class=\"octet_stats\">\n");
            b.Append("         <tr class=\"stats_header\"><td>Chop Size</td><td>Count</td><td>Octets</td></tr>\n");
            long count = 0, octets = 0;
            foreach (var (size, n) in stats.OrderBy(s => s.Key))
            {
                b.Append(CultureInfo.InvariantCulture, $"         <tr class=\"stats_row\"><td>{size}</td><td>{n}</td><td>{(long)size * n}</td></tr>\n");
                count += n;
                octets += (long)size * n;
            }

            b.Append(CultureInfo.InvariantCulture, $"         <tr class=\"stats_total\"><td>Total</td><td>{count}</td><td>{octets}</td></tr>\n");
            b.Append("      </table>\n");
        }

        foreach (var (direction, stats) in new[] { ("Received", t.RxFrameStats), ("Transmitted", t.TxFrameStats) })
        {
            b.Append("      <h3>Frames ").Append(direction).Append(" by Opcode</h3>\n");
            b.Append("      <table class=\"frame_stats\">\n");
            b.Append("         <tr class=\"stats_header\"><td>Opcode</td><td>Count</td></tr>\n");
            long count = 0;
            foreach (var (opcode, n) in stats.OrderBy(s => s.Key))
            {
                b.Append(CultureInfo.InvariantCulture, $"         <tr class=\"stats_row\"><td>{opcode}</td><td>{n}</td></tr>\n");
                count += n;
            }

            b.Append(CultureInfo.InvariantCulture, $"         <tr class=\"stats_total\"><td>Total</td><td>{count}</td></tr>\n");
            b.Append("      </table>\n");
        }

        b.Append("      <br/><hr/>\n");
    }

    private static void WireLog(StringBuilder b, CaseResult result)
    {
        b.Append("      <h2>Wire Log</h2>\n");
        if (!CaseReportJson.CreateWirelog(result))
        {
            b.Append("      <p class=\"wirelog_disabled\"><i>Wire log after handshake disabled!</i></p>\n");
        }

        b.Append("      <div id=\"wirelog\">\n");
        var wireLog = result.Transcript.WireLog;
        for (var i = 0; i < wireLog.Count; i++)
        {
            var css = WireLogClass(wireLog[i]);
            foreach (var line in WireLogFormat.ReportLines(wireLog[i], i)) Pre(b, css, line);
        }

        var dropped = result.Transcript.Closing.DroppedByMe;
        Pre(b, dropped ? "wirelog_tcp_closed_by_me" : "wirelog_tcp_closed_by_peer", WireLogFormat.TcpDropLine(dropped, wireLog.Count));
        b.Append("      </div>\n");
        b.Append("      <br/><hr/>\n");
    }

    /// <summary>The CSS class wstest gives a wire-log row's lines (a sync or chopped write stands out).</summary>
    private static string WireLogClass(WireLogEntry row) => row switch
    {
        OctetsLogEntry { Received: true } => "wirelog_rx_octets",
        OctetsLogEntry { Sync: true } => "wirelog_tx_octets_sync",
        OctetsLogEntry => "wirelog_tx_octets",
        ReceivedFrameLogEntry => "wirelog_rx_frame",
        SentFrameLogEntry { Sync: true } or SentFrameLogEntry { ChopSize: not null } => "wirelog_tx_frame_sync",
        SentFrameLogEntry => "wirelog_tx_frame",
        CaseTimerLogEntry { Timer: not CaseTimer.ContinueLater } => "wirelog_kill_after",
        _ => "wirelog_delay",
    };

    private static void Pre(StringBuilder b, string css, string text) =>
        b.Append("         <pre class=\"").Append(css).Append("\">").Append(Html.Escape(text)).Append("</pre>\n");
}
