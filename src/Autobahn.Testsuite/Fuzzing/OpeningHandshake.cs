namespace Autobahn.Testsuite.Fuzzing;

/// <summary>The fuzzer's side of the opening handshake (RFC 6455 §4), in one of its two roles.</summary>
internal abstract class OpeningHandshake
{
    /// <summary>Longest request or response head the fuzzer buffers before it gives up.</summary>
    protected const int MaxHeadLength = 64 * 1024;

    /// <summary>The HTTP request as sent or received, for the report; "?" until known.</summary>
    public string HttpRequest { get; protected set; } = "?";

    /// <summary>The HTTP response as received or sent, for the report; "?" until known.</summary>
    public string HttpResponse { get; protected set; } = "?";

    /// <summary>The peer's <c>Server</c> header (client role), the default agent name.</summary>
    public string? ServerHeader { get; protected set; }

    /// <summary>What to send when the connection is made (the client's request), or null.</summary>
    public abstract byte[]? Start();

    /// <summary>Reads the buffered octets.</summary>
    public abstract HandshakeOutcome Receive(ReadOnlySpan<byte> buffered);

    /// <summary>The index just past the head's empty line, or -1 (and a failure when the head is too long).</summary>
    protected static int HeadEnd(ReadOnlySpan<byte> buffered, string what, out string? failure)
    {
        failure = null;
        var end = buffered.IndexOf("\r\n\r\n"u8);
        if (end >= 0) return end + 4;
        if (buffered.Length > MaxHeadLength) failure = $"the handshake {what} headers exceed {MaxHeadLength} octets without an empty line";
        return -1;
    }
}
