namespace Autobahn.Testsuite.Compression;

/// <summary>
/// A client's <c>permessage-deflate</c> offer as autobahn's server parses it (<c>compress_deflate.py</c> v0.10.9
/// <c>PerMessageDeflateOffer.parse</c>, 76-158), for the fuzzer in the server role. RFC 7692 §7.1.
/// </summary>
/// <param name="AcceptNoContextTakeover">
/// Whether the client would honour <c>client_no_context_takeover</c>. Always true: autobahn defaults it to True
/// whether or not the client sent the parameter (compress_deflate.py:88-89, "FIXME").
/// </param>
/// <param name="AcceptMaxWindowBits">Whether the client sent <c>client_max_window_bits</c> (with or without a value, which is ignored).</param>
/// <param name="RequestNoContextTakeover">The client's <c>server_no_context_takeover</c>.</param>
/// <param name="RequestMaxWindowBits">The client's <c>server_max_window_bits</c> (8..15), 0 when absent.</param>
internal sealed record ClientDeflateOffer(
    bool AcceptNoContextTakeover,
    bool AcceptMaxWindowBits,
    bool RequestNoContextTakeover,
    int RequestMaxWindowBits)
{
    /// <summary>
    /// Parses one offer's parameters (as <see cref="Fuzzing.ExtensionHeader.Parse"/> gives them). Returns null and
    /// autobahn's exception text — the reason phrase of the 400 — when the offer is malformed: a repeated or unknown
    /// parameter, a <c>*_no_context_takeover</c> with a value, a <c>client_max_window_bits</c> value or any
    /// <c>server_max_window_bits</c> (a missing value counts as 1, Python's <c>int(True)</c>) outside 8..15.
    /// </summary>
    public static ClientDeflateOffer? Parse(IReadOnlyList<(string Name, string? Value)> parameters, out string? failure) =>
        DeflateParameters.Parse(parameters, isOffer: true, out failure) is { } p
            ? new ClientDeflateOffer(true, p.ClientMaxWindowBitsGiven, p.ServerNoContextTakeover, p.ServerMaxWindowBits)
            : null;
}
