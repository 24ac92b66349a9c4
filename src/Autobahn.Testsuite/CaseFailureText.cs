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

    /// <summary>The text of <paramref name="result"/>.</summary>
    public static string Format(CaseResult result)
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
            builder.Append("Closing behaviour: ").Append(Closing(transcript.Closing)).Append('\n');
        }

        AppendWireLog(builder, transcript.WireLog);
        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>The closing-behaviour fields as wstest's report table shows them (Python's True/False/None).</summary>
    public static string Closing(ClosingBehavior closing)
    {
        ArgumentNullException.ThrowIfNull(closing);
        return string.Join(", ",
            "closedByMe=" + Py(closing.ClosedByMe),
            "failedByMe=" + Py(closing.FailedByMe),
            "droppedByMe=" + Py(closing.DroppedByMe),
            "wasClean=" + Py(closing.WasClean),
            "wasNotCleanReason=" + Py(closing.WasNotCleanReason),
            "wasServerConnectionDropTimeout=" + Py(closing.WasServerConnectionDropTimeout),
            "wasOpenHandshakeTimeout=" + Py(closing.WasOpenHandshakeTimeout),
            "wasCloseHandshakeTimeout=" + Py(closing.WasCloseHandshakeTimeout),
            "localCloseCode=" + Py(closing.LocalCloseCode),
            "localCloseReason=" + Py(closing.LocalCloseReason),
            "remoteCloseCode=" + Py(closing.RemoteCloseCode),
            "remoteCloseReason=" + Py(closing.RemoteCloseReason));
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

    private static void AppendWireLog(StringBuilder builder, IReadOnlyList<WireLogEntry> wireLog)
    {
        if (wireLog.Count == 0) return;
        var first = Math.Max(0, wireLog.Count - WireLogTail);
        builder.Append(first == 0 ? $"Wire log ({wireLog.Count} rows):" : $"Wire log (last {WireLogTail} of {wireLog.Count} rows):").Append('\n');
        for (var i = first; i < wireLog.Count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {i + 1:000} {wireLog[i].AtMilliseconds,9:0.0} ms  ").Append(WireLogFormat.Row(wireLog[i])).Append('\n');
        }
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
