namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// autobahn's <c>_parseExtensionsHeader</c> (<c>websocket/protocol.py</c>): a <c>Sec-WebSocket-Extensions</c> value
/// split at ',' and ';' and '=' (no quoted-string grammar), names lower-cased, surrounding quotes of a value removed.
/// A parameter without '=' has no value (Python's True).
/// </summary>
internal static class ExtensionHeader
{
    public static IReadOnlyList<(string Name, IReadOnlyList<(string Name, string? Value)> Parameters)> Parse(string header)
    {
        var extensions = new List<(string, IReadOnlyList<(string, string?)>)>();
        foreach (var element in header.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var parts = element.Split(';').Select(p => p.Trim()).ToArray();
            var parameters = new List<(string, string?)>();
            foreach (var part in parts.Skip(1))
            {
                var pieces = part.Split('=').Select(p => p.Trim()).ToArray();
                string? value = null;
                if (pieces.Length > 1)
                {
                    value = string.Join("=", pieces.Skip(1));
                    if (value.StartsWith('"')) value = value[1..];
                    if (value.EndsWith('"')) value = value[..^1];
                }

                parameters.Add((pieces[0].ToLowerInvariant(), value));
            }

            extensions.Add((parts[0].ToLowerInvariant(), parameters));
        }

        return extensions;
    }
}
