using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// Writes a <see cref="JsonNode"/> tree byte for byte as wstest does: Python 2.7's
/// <c>json.dumps(obj, sort_keys=True, indent=3, separators=(',', ': '))</c> with <c>ensure_ascii</c>
/// (<c>ATS fuzzing.py</c> <c>createReports</c>). <see cref="System.Text.Json.Utf8JsonWriter"/> cannot be used
/// for this: it escapes HTML-sensitive characters such as <c>&lt;</c> and <c>'</c> and writes upper-case hex,
/// where Python escapes only <c>"</c>, <c>\</c>, control characters and non-ASCII, in lower-case hex.
/// </summary>
internal static class PythonJson
{
    private const string Indent = "   ";

    // Objects whose keys were Python ints: json.dumps(sort_keys=True) sorts those numerically, then writes them as strings.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonObject, object> IntKeyedObjects = new();

    /// <summary>The JSON text of <paramref name="node"/>, with no trailing newline (wstest writes none).</summary>
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        return builder.ToString();
    }

    /// <summary>A string literal as Python's <c>encode_basestring_ascii</c> writes it, quotes included.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        WriteString(builder, text);
        return builder.ToString();
    }

    /// <summary>A float as Python 2.7's <c>repr</c> writes it (shortest round trip; exponent below 1e-4 and from 1e16).</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is (since .NET Core 3.0). Split it into digits and a decimal exponent.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative) r = r[1..];
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.');
        var integerDigits = dot >= 0 ? dot : r.Length;
        var digits = r.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        var leadingZeros = r.Replace(".", string.Empty, StringComparison.Ordinal).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        // The value is 0.d1d2d3... * 10^decpt.
        var decpt = integerDigits + exponent - leadingZeros;
        string body;
        if (decpt is > 16 or < -3)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var exp = decpt - 1;
            body = mantissa + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decpt <= 0)
        {
            body = "0." + new string('0', -decpt) + digits;
        }
        else if (decpt >= digits.Length)
        {
            body = digits + new string('0', decpt - digits.Length) + ".0";
        }
        else
        {
            body = digits[..decpt] + "." + digits[decpt..];
        }

        return negative ? "-" + body : body;
    }

    /// <summary>
    /// An object with integer keys, such as wstest's <c>rxOctetStats</c> (<c>{readSize: count}</c>): Python sorts
    /// its keys as numbers (4 before 166) and writes them as strings.
    /// </summary>
    public static JsonObject IntKeyed(IEnumerable<KeyValuePair<int, int>> entries)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in entries.OrderBy(e => e.Key))
        {
            obj[key.ToString(CultureInfo.InvariantCulture)] = value;
        }

        IntKeyedObjects.AddOrUpdate(obj, true);
        return obj;
    }

    private static void Write(StringBuilder builder, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj, depth);
                break;
            case JsonArray array:
                WriteArray(builder, array, depth);
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
            default:
                throw new NotSupportedException($"Unexpected JSON node {node.GetType()}.");
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int depth)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        var properties = obj.ToList();
        if (IntKeyedObjects.TryGetValue(obj, out _))
        {
            properties.Sort((a, b) => long.Parse(a.Key, CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Key, CultureInfo.InvariantCulture)));
        }
        else
        {
            properties.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        builder.Append('{');
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0) builder.Append(',');
            NewLine(builder, depth + 1);
            WriteString(builder, properties[i].Key);
            builder.Append(": ");
            Write(builder, properties[i].Value, depth + 1);
        }

        NewLine(builder, depth);
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int depth)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0) builder.Append(',');
            NewLine(builder, depth + 1);
            Write(builder, array[i], depth + 1);
        }

        NewLine(builder, depth);
        builder.Append(']');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.Number:
                if (value.TryGetValue<double>(out var d)) builder.Append(FormatFloat(d));
                else if (value.TryGetValue<float>(out var f)) builder.Append(FormatFloat(f));
                else builder.Append(value.ToJsonString()); // integers (and numbers parsed from text) as written
                break;
            default:
                throw new NotSupportedException($"Unexpected JSON value kind {value.GetValueKind()}.");
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        // Python's py_encode_basestring_ascii: ESCAPE_ASCII = r'([\\"]|[^\ -~])'.
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c is >= ' ' and <= '~') builder.Append(c);
                    else builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); // UTF-16 units: non-BMP becomes a surrogate pair, as in Python
                    break;
            }
        }

        builder.Append('"');
    }

    private static void NewLine(StringBuilder builder, int depth)
    {
        builder.Append('\n');
        for (var i = 0; i < depth; i++) builder.Append(Indent);
    }
}
