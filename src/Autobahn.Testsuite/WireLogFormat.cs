using System.Collections;
using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite;

/// <summary>wstest's wire log rendered as text, for a front end that shows it outside the reports (a failure message, a console).</summary>
public static class WireLogFormat
{
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
