namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// What the sans-I/O <see cref="CaseCore"/> asks its driver to do, in the order it asks. The driver owns the
/// transport, the clock and the timer queue; the core owns every protocol decision.
/// </summary>
internal abstract record CoreOutput;

/// <summary>
/// Write octets. <paramref name="Separate"/> writes come from wstest's send queue (sync and chopped data) and go out
/// as their own write; the others may share one, as Twisted's transport buffers every write of a reactor turn.
/// </summary>
internal sealed record SendBytes(byte[] Bytes, bool Separate) : CoreOutput;

/// <summary>Arm timer <paramref name="Token"/> to fire at <paramref name="Due"/> (time since the connection was made).</summary>
internal sealed record ArmTimer(int Token, TimeSpan Due) : CoreOutput;

/// <summary>Call <see cref="CaseCore.ContinueSending"/> on a later turn of the loop, after what is queued now.</summary>
internal sealed record ContinueSendingLater : CoreOutput
{
    public static ContinueSendingLater Instance { get; } = new();
}

/// <summary>Close the transport: flush what was sent and close (<paramref name="Abort"/> false), or abort at once.</summary>
internal sealed record CloseTransport(bool Abort) : CoreOutput;

/// <summary>Disarm timer <paramref name="Token"/>; it must not fire.</summary>
internal sealed record CancelTimer(int Token) : CoreOutput;
