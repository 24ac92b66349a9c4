namespace Autobahn.Testsuite.Cases;

/// <summary>
/// One observed event of a case: a whole echoed message, a pong, or a 6.4.x timeout marker.
/// Events compare by kind, payload bytes and binary flag, as wstest's pickle comparison does
/// (<c>case/case.py</c> <c>Case.compare</c>). Pings are never events.
/// </summary>
public sealed class CaseEvent : IEquatable<CaseEvent>
{
    private readonly byte[] payload;

    private CaseEvent(CaseEventKind kind, byte[] payload, bool isBinary)
    {
        Kind = kind;
        this.payload = payload;
        IsBinary = isBinary;
    }

    /// <summary>What kind of event this is.</summary>
    public CaseEventKind Kind { get; }

    /// <summary>The payload bytes (the timeout tag's ASCII bytes for <see cref="CaseEventKind.Timeout"/>).</summary>
    public ReadOnlyMemory<byte> Payload => payload;

    /// <summary>For messages: whether the message was binary (first frame opcode 2).</summary>
    public bool IsBinary { get; }

    /// <summary>A whole (reassembled) message.</summary>
    public static CaseEvent Message(byte[] payload, bool isBinary) => new(CaseEventKind.Message, payload, isBinary);

    /// <summary>A whole text message given as a string (UTF-8 encoded).</summary>
    public static CaseEvent Text(string payload) => new(CaseEventKind.Message, System.Text.Encoding.UTF8.GetBytes(payload), false);

    /// <summary>A pong.</summary>
    public static CaseEvent Pong(byte[] payload) => new(CaseEventKind.Pong, payload, false);

    /// <summary>A 6.4.x continueLater that fired while the connection was still open.</summary>
    public static CaseEvent Timeout(string tag) => new(CaseEventKind.Timeout, System.Text.Encoding.ASCII.GetBytes(tag), false);

    /// <inheritdoc />
    public bool Equals(CaseEvent? other) =>
        other is not null && Kind == other.Kind && IsBinary == other.IsBinary && payload.AsSpan().SequenceEqual(other.payload);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CaseEvent);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, IsBinary, payload.Length);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CaseEventKind.Message => $"message({(IsBinary ? "binary" : "text")}, {Display.Payload(payload)})",
        CaseEventKind.Pong => $"pong({Display.Payload(payload)})",
        _ => $"timeout({System.Text.Encoding.ASCII.GetString(payload)})",
    };
}
