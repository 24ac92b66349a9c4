using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// Python 2's <c>str()</c> of the cleaned <c>expected</c> dict and <c>received</c> list, as wstest's case page shows
/// them under "Expected:" and "Observed:" (<c>ATS fuzzing.py</c> <c>createAgentCaseReportHTML</c>, cut by
/// <c>limitString</c> to <see cref="MaxLength"/> characters), e.g. <c>{'OK': [('pong', u'Hello, world!')]}</c>.
/// </summary>
internal static class PythonRepr
{
    /// <summary>wstest's <c>FuzzingFactory.MAX_CASE_PICKLE_LEN</c>.</summary>
    public const int MaxLength = 1000;

    private const string Ellipsis = " ...";
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// The expected dict. Python 2 iterates a small dict in hash-slot order: "NON-STRICT" hashes to slot 3 and
    /// "OK" to slot 4 of the 8-slot table, which is also their ordinal order.
    /// </summary>
    public static string Expected(IEnumerable<CaseOutcome> outcomes)
    {
        var parts = outcomes
            .Select(o => (Key: o.Behavior.ToWstestString(), o.Events))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"'{o.Key}': {List(o.Events)}");
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>A list of events, e.g. <c>[('message', u'Hello', False)]</c>.</summary>
    public static string List(IEnumerable<CaseEvent> events) => "[" + string.Join(", ", events.Select(Event)) + "]";

    /// <summary><c>limitString</c>: longer than 1000 characters becomes the first 996 and " ...".</summary>
    public static string Limit(string text) =>
        text.Length > MaxLength - Ellipsis.Length ? text[..(MaxLength - Ellipsis.Length)] + Ellipsis : text;

    private static string Event(CaseEvent e) => e.Kind switch
    {
        CaseEventKind.Message => $"('message', {Payload(e.Payload.Span)}, {(e.IsBinary ? "True" : "False")})",
        CaseEventKind.Pong => $"('pong', {Payload(e.Payload.Span)})",
        _ => $"('timeout', {Unicode(Encoding.ASCII.GetString(e.Payload.Span), prefix: false)})",
    };

    /// <summary>
    /// <c>asciiLogData</c>'s value: a <c>unicode</c> when the (cut) payload decodes as UTF-8, shown as <c>u'…'</c>;
    /// otherwise the <c>str</c> <c>'0x…'</c>.
    /// </summary>
    private static string Payload(ReadOnlySpan<byte> data)
    {
        const int max = 64;
        var cut = data.Length > max - Ellipsis.Length;
        try
        {
            var text = StrictUtf8.GetString(cut ? data[..Math.Min(max, data.Length)] : data);
            return Unicode(cut ? text + Ellipsis : text, prefix: true);
        }
        catch (DecoderFallbackException)
        {
            return Unicode(Display.Payload(data), prefix: false);
        }
    }

    /// <summary>Python 2's <c>str()</c> of a list of <c>unicode</c> strings, e.g. <c>[u'chat', u'superchat']</c>.</summary>
    public static string UnicodeList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => Unicode(i, prefix: true))) + "]";

    /// <summary>Python 2.7 <c>repr()</c> of a string (a wide build: code points above U+FFFF as <c>\U</c>).</summary>
    private static string Unicode(string text, bool prefix)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 3);
        if (prefix) builder.Append('u');
        builder.Append(quote);
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v == quote || v == '\\') builder.Append('\\').Append((char)v);
            else if (v == '\t') builder.Append("\\t");
            else if (v == '\n') builder.Append("\\n");
            else if (v == '\r') builder.Append("\\r");
            else if (v is < 0x20 or (>= 0x7f and < 0x100)) builder.Append("\\x").Append(v.ToString("x2", CultureInfo.InvariantCulture));
            else if (v >= 0x10000) builder.Append("\\U").Append(v.ToString("x8", CultureInfo.InvariantCulture));
            else if (v >= 0x100) builder.Append("\\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append((char)v);
        }

        return builder.Append(quote).ToString();
    }
}
