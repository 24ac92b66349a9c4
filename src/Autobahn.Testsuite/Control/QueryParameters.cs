using System.Net;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// A query string read as Python 2's <c>urlparse.parse_qs</c> reads it (autobahn's <c>http_request_params</c>): pairs
/// split on <c>&amp;</c> and <c>;</c>, <c>+</c> is a space, %-escapes decoded, blank values dropped, repeated names kept
/// in order.
/// </summary>
internal static class QueryParameters
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string query)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', ';'))
        {
            var equals = pair.IndexOf('=');
            if (equals < 0) continue; // parse_qs drops "name" without "=" (strict_parsing=False)
            var value = Decode(pair[(equals + 1)..]);
            if (value.Length == 0) continue; // keep_blank_values=False
            var name = Decode(pair[..equals]);
            if (!parameters.TryGetValue(name, out var values)) parameters[name] = values = [];
            values.Add(value);
        }

        return parameters.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static string Decode(string text) => WebUtility.UrlDecode(text);
}
