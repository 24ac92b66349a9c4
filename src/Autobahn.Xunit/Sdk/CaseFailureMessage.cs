using System.Globalization;
using System.Text;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The message of a failing row, laid out like wstest's per-case report: case, expectation, verdict, expected and
/// observed events, the closing-behaviour table and the tail of the wire log.
/// </summary>
internal static class CaseFailureMessage
{
    /// <summary>How many wire log rows a message shows, from the end.</summary>
    public const int WireLogTail = 20;

    /// <summary>The suffix of the message of a row that was not tried because an earlier connect failed.</summary>
    public const string NotRetriedSuffix = " (an earlier case already could not connect; not retried)";

    /// <summary>The failure message of <paramref name="result"/>.</summary>
    public static string Format(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = new StringBuilder();
        var transcript = result.Transcript;
        if (transcript.ConnectionFailure is { } failure) builder.Append(failure).Append('\n');

        builder.Append("Case ").Append(result.Id.Text).Append(CaseDisplay.Separator).Append(CaseDisplay.PlainText(result.Text.Description)).Append('\n');
        builder.Append("Expectation: ").Append(CaseDisplay.PlainText(result.Text.Expectation)).Append('\n');
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

    /// <summary>The message of a row that failed fast because connecting to the same server failed moments ago.</summary>
    public static string NotRetried(string connectFailure) => connectFailure + NotRetriedSuffix;

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
}
