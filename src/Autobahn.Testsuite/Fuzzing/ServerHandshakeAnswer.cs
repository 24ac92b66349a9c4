using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The fuzzer's answer to a valid upgrade request (<see cref="ServerOpeningHandshake.Answer"/>): either the 101 or a
/// refusal (a malformed permessage-deflate offer).
/// </summary>
/// <param name="Response">The 101 response octets; null when refused.</param>
/// <param name="ResponseText">The 101 response as text, for the report's <c>httpResponse</c>; null when refused.</param>
/// <param name="Deflate">
/// The permessage-deflate agreement, or null when none was accepted. Server role: <c>ServerMaxWindowBits</c> and
/// <c>ServerNoContextTakeover</c> are the client's requests (how the fuzzer compresses; window 0 means 15),
/// <c>ClientMaxWindowBits</c> and <c>ClientNoContextTakeover</c> the fuzzer's (how it decompresses).
/// </param>
/// <param name="Refusal">The HTTP error to send instead of the 101; null when accepted.</param>
internal sealed record ServerHandshakeAnswer(byte[]? Response, string? ResponseText, PerMessageDeflateResponse? Deflate, HttpRefusal? Refusal)
{
    /// <summary>Whether the upgrade was accepted (a 101 is to be sent).</summary>
    public bool Accepted => Refusal is null;
}
