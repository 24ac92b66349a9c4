using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite;

/// <summary>
/// A case's result as plain text, laid out like wstest's per-case report: case, expectation, verdict, expected and
/// observed events, the closing-behaviour table and the tail of the wire log. The failure message of an xUnit row and
/// of the <c>wstest</c> tool's JUnit file.
/// </summary>
public static partial class CaseFailureText
{
    /// <summary>How many wire log rows the text shows, from the end.</summary>
    public const int WireLogTail = 20;

    /// <summary>The separator between a case's id and its description: <c>2.2 · Send ping with small text payload.</c></summary>
    public const string Separator = " · ";

    /// <summary>The closing-behaviour keys in the order of the case page's table (<c>ATS fuzzing.py</c>, Closing Behavior).</summary>
    private static readonly string[] ClosingKeys =
    [
        "closedByMe", "failedByMe", "droppedByMe", "wasClean", "wasNotCleanReason", "wasServerConnectionDropTimeout",
        "wasOpenHandshakeTimeout", "wasCloseHandshakeTimeout", "localCloseCode", "localCloseReason", "remoteCloseCode", "remoteCloseReason",
    ];

    /// <summary>
    /// The text of <paramref name="result"/>: the closing behaviour one key per line as on the case page, the tail of the
    /// wire log in the wording of wstest's HTML report, and the path of the case's HTML report when there is one.
    /// </summary>
    /// <param name="result">The case.</param>
    /// <param name="reportFile">The full path of the case's HTML report, or null when it was not written (a failed connect).</param>
    public static string Format(CaseResult result, string? reportFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = new StringBuilder();
        var transcript = result.Transcript;
        if (transcript.ConnectionFailure is { } failure) builder.Append(failure).Append('\n');

        builder.Append("Case ").Append(result.Id.Text).Append(Separator).Append(PlainText(result.Text.Description)).Append('\n');
        builder.Append("Expectation: ").Append(PlainText(result.Text.Expectation)).Append('\n');
        builder.Append("Verdict: behavior ").Append(result.Verdict.Behavior.ToWstestString()).Append(Parenthesized(result.Verdict.Result))
            .Append(", close ").Append(result.Verdict.BehaviorClose.ToWstestString()).Append(Parenthesized(result.Verdict.ResultClose)).Append('\n');

        if (transcript.ConnectionFailure is null)
        {
            for (var i = 0; i < result.Expected.Count; i++)
            {
                builder.Append(i == 0 ? "Expected: " : "          ")
                    .Append(result.Expected[i].Behavior.ToWstestString()).Append(" = ").Append(Events(result.Expected[i].Events)).Append('\n');
            }

            builder.Append("Observed: ").Append(Events(transcript.Received)).Append('\n');
            var expectedClose = result.ExpectedClose;
            builder.Append("Expected close: closedByMe=").Append(Py(expectedClose.ClosedByMe))
                .Append(", closeCode=[").AppendJoin(", ", expectedClose.CloseCodes).Append(']')
                .Append(", requireClean=").Append(Py(expectedClose.RequireClean)).Append('\n');
            builder.Append("Closing behaviour:\n");
            var width = ClosingKeys.Max(k => k.Length) + 2;
            var values = ClosingValues(transcript.Closing);
            for (var i = 0; i < ClosingKeys.Length; i++) builder.Append("  ").Append(ClosingKeys[i].PadRight(width)).Append(values[i]).Append('\n');
        }

        AppendWireLog(builder, transcript.WireLog, transcript.Closing.DroppedByMe);
        if (reportFile is not null) builder.Append("Report: ").Append(reportFile).Append('\n');
        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// wstest's descriptions are HTML fragments (<c>&lt;br&gt;</c>, <c>&lt;b&gt;</c>): tags become spaces, entities are
    /// decoded and runs of white space collapse to one space.
    /// </summary>
    public static string PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = WebUtility.HtmlDecode(Tag().Replace(html, " "));
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>The closing-behaviour values in the order of <see cref="ClosingKeys"/>, as Python's <c>%s</c> shows them (True/False/None).</summary>
    private static string[] ClosingValues(ClosingBehavior closing) =>
    [
        Py(closing.ClosedByMe), Py(closing.FailedByMe), Py(closing.DroppedByMe), Py(closing.WasClean), Py(closing.WasNotCleanReason),
        Py(closing.WasServerConnectionDropTimeout), Py(closing.WasOpenHandshakeTimeout), Py(closing.WasCloseHandshakeTimeout),
        Py(closing.LocalCloseCode), Py(closing.LocalCloseReason), Py(closing.RemoteCloseCode), Py(closing.RemoteCloseReason),
    ];

    /// <summary>The last <see cref="WireLogTail"/> rows, numbered from 0 as on the case page, and its closing "TCP DROPPED BY …" line.</summary>
    private static void AppendWireLog(StringBuilder builder, IReadOnlyList<WireLogEntry> wireLog, bool droppedByMe)
    {
        if (wireLog.Count == 0) return;
        var first = Math.Max(0, wireLog.Count - WireLogTail);
        builder.Append(first == 0 ? $"Wire log ({wireLog.Count} rows):" : $"Wire log (last {WireLogTail} of {wireLog.Count} rows):").Append('\n');
        for (var i = first; i < wireLog.Count; i++)
        {
            foreach (var line in WireLogFormat.ReportLines(wireLog[i], i)) builder.Append("  ").Append(line).Append('\n');
        }

        builder.Append("  ").Append(WireLogFormat.TcpDropLine(droppedByMe, wireLog.Count)).Append('\n');
    }

    private static string Events(IReadOnlyList<CaseEvent> events) => "[" + string.Join(", ", events) + "]";

    private static string Parenthesized(string text) => string.IsNullOrEmpty(text) ? string.Empty : " (" + text + ")";

    private static string Py(bool value) => value ? "True" : "False";

    private static string Py(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";

    private static string Py(string? value) => value ?? "None";

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
