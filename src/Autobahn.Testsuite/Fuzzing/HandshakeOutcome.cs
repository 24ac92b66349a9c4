using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>Where an opening handshake stands after the octets received so far.</summary>
/// <param name="Consumed">Octets of the buffer that belonged to the handshake (0 while incomplete).</param>
/// <param name="Failure">Why the handshake failed; null unless it did.</param>
/// <param name="Reply">Octets to send (the server's 101 response); null when nothing is to be sent.</param>
/// <param name="Deflate">The permessage-deflate parameters in force, when negotiated.</param>
internal sealed record HandshakeOutcome(int Consumed, string? Failure = null, byte[]? Reply = null, PerMessageDeflateResponse? Deflate = null)
{
    public static HandshakeOutcome Incomplete { get; } = new(0);

    public bool IsComplete => Consumed > 0 && Failure is null;
}
