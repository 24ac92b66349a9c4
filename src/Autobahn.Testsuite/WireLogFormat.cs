using System.Collections;
using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite;

/// <summary>
/// wstest's wire log rendered as text: one row in the per-case JSON's layout (<see cref="Row"/>), or in the words of
/// wstest's HTML case report (<see cref="ReportLines"/>, <see cref="TcpDropLine"/>), the one place that wording lives:
/// the HTML report and a front end's failure message both use it.
/// </summary>
public static class WireLogFormat
{
    /// <summary>How wstest wraps octets and payloads in its report (<c>textwrap.wrap(data, 100)</c>).</summary>
    private const int WrapWidth = 100;

    /// <summary>
    /// The row numbered <paramref name="index"/> (from 0, as wstest numbers them) in the words of wstest's HTML case
    /// report (<c>ATS fuzzing.py</c> <c>createAgentCaseReportHTML</c>, the wire log section): the first line, e.g.
    /// <c>002 TX FRAME : OPCODE=9, FIN=True, RSV=0, PAYLOAD-LEN=13, MASK=aaeb0471, PAYLOAD-REPEAT-LEN=None, CHOPSIZE=None, SYNC=False</c>,
    /// then the continuation lines wstest writes under it: a frame's payload, octets past the first 100 characters
    /// (indented by 15 spaces). Octets with no data give no line at all, as in wstest.
    /// </summary>
    /// <param name="entry">The row.</param>
    /// <param name="index">Its position in the case's wire log, from 0.</param>
    public static IReadOnlyList<string> ReportLines(WireLogEntry entry, int index)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var number = index.ToString("000", CultureInfo.InvariantCulture);
        return entry switch
        {
            OctetsLogEntry octets => Wrapped(number, octets.Received ? "RX OCTETS" : "TX OCTETS", null, octets.Hex),
            ReceivedFrameLogEntry rx => Wrapped(
                number,
                "RX FRAME ",
                // Quirk kept from fuzzing.py: logRxFrame hexlifies the mask and the report hexlifies it a second time.
                $"OPCODE={rx.Opcode}, FIN={Py(rx.Fin)}, RSV={rx.Rsv}, PAYLOAD-LEN={rx.Length}, MASKED={Py(rx.Masked)}, " +
                $"MASK={(string.IsNullOrEmpty(rx.MaskKey) ? "None" : Convert.ToHexStringLower(Encoding.ASCII.GetBytes(rx.MaskKey)))}",
                rx.Payload),
            SentFrameLogEntry tx => Wrapped(
                number,
                "TX FRAME ",
                $"OPCODE={tx.Opcode}, FIN={Py(tx.Fin)}, RSV={tx.Rsv}, PAYLOAD-LEN={tx.Length}, MASK={tx.MaskKey ?? "None"}, " +
                $"PAYLOAD-REPEAT-LEN={Py(tx.PayloadLength)}, CHOPSIZE={Py(tx.ChopSize)}, SYNC={Py(tx.Sync)}",
                tx.Payload),
            WirelogSwitchLogEntry wirelog => [$"{number} WIRELOG {(wirelog.Enabled ? "ENABLED" : "DISABLED")}"],
            CaseTimerLogEntry timer => [$"{number} {TimerText(timer)}"],
            _ => [$"{number} {entry.Kind}"],
        };
    }

    /// <summary>
    /// The line wstest's report ends its wire log with, numbered after the last row: <c>011 TCP DROPPED BY ME</c> or
    /// <c>011 TCP DROPPED BY PEER</c> (<c>ATS fuzzing.py</c>, from the case's <c>droppedByMe</c>).
    /// </summary>
    /// <param name="droppedByMe">The case's <see cref="ClosingBehavior.DroppedByMe"/>.</param>
    /// <param name="index">The number of rows in the wire log.</param>
    public static string TcpDropLine(bool droppedByMe, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"{index:000} TCP DROPPED BY {(droppedByMe ? "ME" : "PEER")}");
    }

    /// <summary>
    /// A wire-log row as wstest's per-case JSON writes it, on one line: <c>["RF", [13, "Hello"], 1, true, 0, false, null]</c>
    /// (strings escaped and floats written as Python does, octets as lower-case hex).
    /// </summary>
    public static string Row(WireLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var builder = new StringBuilder();
        builder.Append('[').Append(PythonJson.Quote(entry.Kind));
        foreach (var value in entry.Values)
        {
            builder.Append(", ");
            AppendValue(builder, value);
        }

        return builder.Append(']').ToString();
    }

    /// <summary>
    /// wstest's layout of octets and frames: octets wrapped at 100 characters, the first piece after the prefix and
    /// the rest indented; a frame's fields on the first line and its payload wrapped under it.
    /// </summary>
    private static List<string> Wrapped(string number, string prefix, string? fields, string data)
    {
        var indent = new string(' ', 2 + 4 + prefix.Length);
        var lines = new List<string>();
        var pieces = TextWrap.Wrap(data, WrapWidth);
        if (fields is null)
        {
            for (var i = 0; i < pieces.Count; i++) lines.Add(i == 0 ? $"{number} {prefix}: {pieces[i]}" : indent + pieces[i]);
            return lines;
        }

        lines.Add($"{number} {prefix}: {fields}");
        foreach (var piece in pieces) lines.Add(indent + piece);
        return lines;
    }

    /// <summary>The timer rows, in wstest's words (Python's <c>%f</c> for the delay: six decimals).</summary>
    private static string TimerText(CaseTimerLogEntry timer) => (timer.Timer, timer.Expired) switch
    {
        (CaseTimer.ContinueLater, false) => $"DELAY {Seconds(timer.Seconds)} sec for TAG {timer.Tag ?? "None"}",
        (CaseTimer.ContinueLater, true) => $"DELAY TIMEOUT on TAG {timer.Tag ?? "None"}",
        (CaseTimer.KillAfter, false) => $"FAIL CONNECTION AFTER {Seconds(timer.Seconds)} sec",
        (CaseTimer.KillAfter, true) => "FAILING CONNECTION",
        (CaseTimer.CloseAfter, false) => $"CLOSE CONNECTION AFTER {Seconds(timer.Seconds)} sec",
        _ => "CLOSING CONNECTION",
    };

    private static string Seconds(double seconds) => seconds.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>str()</c> of a bool.</summary>
    private static string Py(bool value) => value ? "True" : "False";

    /// <summary>Python's <c>str()</c> of an optional number.</summary>
    private static string Py(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";

    private static void AppendValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                builder.Append(PythonJson.Quote(s));
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case double d:
                builder.Append(PythonJson.FormatFloat(d));
                break;
            case float f:
                builder.Append(PythonJson.FormatFloat(f));
                break;
            case byte[] bytes:
                builder.Append(PythonJson.Quote(Convert.ToHexStringLower(bytes)));
                break;
            case IEnumerable items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first) builder.Append(", ");
                    first = false;
                    AppendValue(builder, item);
                }

                builder.Append(']');
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(PythonJson.Quote(value.ToString() ?? string.Empty));
                break;
        }
    }
}
