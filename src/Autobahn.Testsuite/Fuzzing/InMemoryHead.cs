using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>The HTTP head the in-memory peers (<see cref="InMemoryServer"/>, <see cref="InMemoryClient"/>) read before handing the stream to a WebSocket.</summary>
internal static class InMemoryHead
{
    private const int MaxLength = 16 * 1024;

    /// <summary>
    /// Reads a head up to its empty line, byte by byte so nothing after it is consumed before the WebSocket reads it;
    /// returns its headers by lower-cased name, with the first line's second word (the status code of a response) as
    /// <c>":status"</c>; null when the stream ended first.
    /// </summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < MaxLength)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0) return null;
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n') break;
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var firstLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [":status"] = firstLine.Length > 1 ? firstLine[1] : "" };
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }
}
