using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The opening handshake as a server (autobahn <c>processHandshake</c> / <c>succeedHandshake</c> with
/// <c>isServer=True</c>), reduced to RFC 6455 §4.2: a GET with a <c>Sec-WebSocket-Key</c> gets a 101 with its
/// accept value. permessage-deflate (the per-case accept functions of 12.x/13.x) is declined here; the client-testing
/// front end adds it (fuzzingserver-and-cli.md §A.6).
/// </summary>
internal sealed class ServerOpeningHandshake : OpeningHandshake
{
    public override byte[]? Start() => null;

    public override HandshakeOutcome Receive(ReadOnlySpan<byte> buffered)
    {
        var end = HeadEnd(buffered, "request", out var tooLong);
        if (end < 0) return tooLong is null ? HandshakeOutcome.Incomplete : new HandshakeOutcome(0, tooLong);

        HttpRequest = Encoding.UTF8.GetString(buffered[..end]);
        var lines = HttpRequest.Split("\r\n");
        if (!lines[0].StartsWith("GET ", StringComparison.Ordinal)) return new HandshakeOutcome(end, $"HTTP method '{lines[0].Split(' ')[0]}' not allowed");
        string? key = null;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase)) key = line[(colon + 1)..].Trim();
        }

        if (key is null) return new HandshakeOutcome(end, "HTTP Sec-WebSocket-Key header missing");
        HttpResponse = "HTTP/1.1 101 Switching Protocols\r\n"
            + $"Server: {HandshakeRequest.UserAgent}\r\n"
            + "Upgrade: WebSocket\r\n"
            + "Connection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(key)}\r\n\r\n";
        return new HandshakeOutcome(end, Reply: Encoding.UTF8.GetBytes(HttpResponse));
    }
}
