using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>Where an opening handshake stands after the octets received so far.</summary>
/// <param name="Consumed">Octets of the buffer that belonged to the handshake (0 while incomplete).</param>
/// <param name="Failure">Why the handshake failed; null unless it did.</param>
/// <param name="Reply">
/// Octets to send: the server's 101, or with a <paramref name="Failure"/> the server's HTTP refusal, after which the
/// connection is closed (<c>failHandshake</c>: <c>dropConnection(abort=False)</c>); null when nothing is to be sent.
/// </param>
/// <param name="Deflate">The permessage-deflate parameters in force, when negotiated.</param>
/// <param name="Unclean">
/// Whether a failure is autobahn's <c>wasNotCleanReason</c>; false for the server's status page, which is an answer,
/// not a failed handshake.
/// </param>
internal sealed record HandshakeOutcome(int Consumed, string? Failure = null, byte[]? Reply = null, PerMessageDeflateResponse? Deflate = null, bool Unclean = true)
{
    public static HandshakeOutcome Incomplete { get; } = new(0);

    public bool IsComplete => Consumed > 0 && Failure is null;
}
