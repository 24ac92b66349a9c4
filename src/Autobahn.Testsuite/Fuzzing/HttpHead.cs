using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// autobahn's <c>parseHttpHeader</c> (<c>websocket/protocol.py</c>:375-411), used for both the request (server role)
/// and the response (client role): the head decoded as UTF-8 and split with Python's <c>splitlines</c>, the first line
/// stripped, header names lower-cased, values stripped, a repeated header's values joined with ", " and counted, lines
/// without a ':' after the first character skipped.
/// </summary>
internal sealed class HttpHead
{
    // Python's str.splitlines line boundaries (unicode): \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
    private static readonly string[] LineBreaks = ["\r\n", "\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"];

    private HttpHead(string firstLine, Dictionary<string, string> headers, Dictionary<string, int> counts)
    {
        FirstLine = firstLine;
        Headers = headers;
        Counts = counts;
    }

    /// <summary>The request or status line, stripped.</summary>
    public string FirstLine { get; }

    /// <summary>Header values by lower-cased name; repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>How often each lower-cased header name occurred.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Parses a head (request or status line and headers, with or without the empty line).</summary>
    public static HttpHead Parse(ReadOnlySpan<byte> head) => Parse(Encoding.UTF8.GetString(head));

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static HttpHead Parse(string head)
    {
        var lines = head.Split(LineBreaks, StringSplitOptions.None);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (headers.TryGetValue(key, out var existing))
            {
                headers[key] = existing + ", " + value;
                counts[key]++;
            }
            else
            {
                headers[key] = value;
                counts[key] = 1;
            }
        }

        return new HttpHead(lines[0].Trim(), headers, counts);
    }

    /// <summary>How often the lower-cased header <paramref name="name"/> occurred (0 when absent).</summary>
    public int Count(string name) => Counts.GetValueOrDefault(name);
}
