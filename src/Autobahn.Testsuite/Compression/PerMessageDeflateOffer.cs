namespace Autobahn.Testsuite.Compression;

/// <summary>
/// One permessage-deflate offer as wstest's client makes it (autobahn-python 0.10.9 <c>compress_deflate.py</c>
/// <c>PerMessageDeflateOffer</c>). <c>acceptNoContextTakeover</c> and <c>acceptMaxWindowBits</c> keep their default
/// True, so every offer carries <c>client_no_context_takeover; client_max_window_bits</c> (RFC 7692 §7.1).
/// </summary>
/// <param name="RequestServerNoContextTakeover">Adds <c>server_no_context_takeover</c> (RFC 7692 §7.1.1.1).</param>
/// <param name="RequestServerMaxWindowBits">Adds <c>server_max_window_bits=N</c> when not 0 (RFC 7692 §7.1.2.1).</param>
internal sealed record PerMessageDeflateOffer(bool RequestServerNoContextTakeover = false, int RequestServerMaxWindowBits = 0)
{
    /// <summary>The extension token (RFC 7692 §7).</summary>
    public const string ExtensionName = "permessage-deflate";

    /// <summary><c>getExtensionString</c>: the offer as written into <c>Sec-WebSocket-Extensions</c>.</summary>
    public string ToExtensionString()
    {
        var text = ExtensionName + "; client_no_context_takeover; client_max_window_bits";
        if (RequestServerNoContextTakeover) text += "; server_no_context_takeover";
        if (RequestServerMaxWindowBits != 0) text += $"; server_max_window_bits={RequestServerMaxWindowBits}";
        return text;
    }
}
