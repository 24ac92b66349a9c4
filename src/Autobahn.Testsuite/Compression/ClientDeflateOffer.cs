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
    public static ClientDeflateOffer? Parse(IReadOnlyList<(string Name, string? Value)> parameters, out string? failure)
    {
        var acceptMaxWindowBits = false;
        var requestNoContextTakeover = false;
        var requestMaxWindowBits = 0;
        failure = null;

        // autobahn iterates a dict of name -> values; a parameter's checks see its first value.
        foreach (var group in parameters.GroupBy(p => p.Name))
        {
            var name = group.Key;
            if (group.Count() > 1)
            {
                failure = $"multiple occurrence of extension parameter '{name}' for extension '{PerMessageDeflateOffer.ExtensionName}'";
                return null;
            }

            var value = group.Single().Value;
            switch (name)
            {
                case "client_max_window_bits":
                    if (value is not null && !PerMessageDeflateResponse.TryWindowBits(name, value, out _, out failure)) return null;
                    acceptMaxWindowBits = true;
                    break;
                case "client_no_context_takeover":
                    if (value is not null) { failure = PerMessageDeflateResponse.IllegalValue(value, name); return null; }
                    break;
                case "server_max_window_bits":
                    if (!PerMessageDeflateResponse.TryWindowBits(name, value, out requestMaxWindowBits, out failure)) return null;
                    break;
                case "server_no_context_takeover":
                    if (value is not null) { failure = PerMessageDeflateResponse.IllegalValue(value, name); return null; }
                    requestNoContextTakeover = true;
                    break;
                default:
                    failure = $"illegal extension parameter '{name}' for extension '{PerMessageDeflateOffer.ExtensionName}'";
                    return null;
            }
        }

        return new ClientDeflateOffer(true, acceptMaxWindowBits, requestNoContextTakeover, requestMaxWindowBits);
    }
}
