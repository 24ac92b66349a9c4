using System.Text;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// An HTTP/1.1 request head (RFC 9112 §2–5) as node's HTTP parser hands it to ws: the method, and the headers with
/// lower-case names, a repeated header's values joined with ", ".
/// </summary>
internal sealed class PeerUpgradeRequest
{
    private readonly Dictionary<string, string> headers;

    private PeerUpgradeRequest(string method, Dictionary<string, string> headers)
    {
        Method = method;
        this.headers = headers;
    }

    public string Method { get; }

    public string? this[string name] => headers.GetValueOrDefault(name);

    /// <summary>Parses a head without its terminating empty line; null when the request line is malformed.</summary>
    public static PeerUpgradeRequest? Parse(ReadOnlySpan<byte> head)
    {
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) return null;

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return null;
            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        return new PeerUpgradeRequest(requestLine[0], headers);
    }
}
