namespace Autobahn.Testsuite.Compression;

/// <summary>
/// The permessage-deflate parameters a server accepted, parsed and checked as autobahn's client does
/// (<c>compress_deflate.py</c> <c>PerMessageDeflateResponse.parse</c>), with the failure texts it raises.
/// A window size of 0 means the parameter was absent.
/// </summary>
internal sealed record PerMessageDeflateResponse(
    int ClientMaxWindowBits,
    bool ClientNoContextTakeover,
    int ServerMaxWindowBits,
    bool ServerNoContextTakeover)
{
    /// <summary>zlib's MAX_WBITS: the window when the response names none (<c>PerMessageDeflate.DEFAULT_WINDOW_BITS</c>).</summary>
    public const int DefaultWindowBits = 15;

    /// <summary>The window the fuzzer compresses with as a client: the server's <c>client_max_window_bits</c>, or 15.</summary>
    public int CompressWindowBits => SendWindowBits(isServer: false);

    /// <summary>
    /// The window the fuzzer compresses with (<c>PerMessageDeflate.startCompressMessage</c>, compress_deflate.py:587-595):
    /// as a client the agreed <c>client_max_window_bits</c>, as a server the client's <c>server_max_window_bits</c>
    /// (<c>createFromOfferAccept</c>, :544-553); 15 when absent.
    /// </summary>
    public int SendWindowBits(bool isServer)
    {
        var bits = isServer ? ServerMaxWindowBits : ClientMaxWindowBits;
        return bits != 0 ? bits : DefaultWindowBits;
    }

    /// <summary>Whether the fuzzer starts every message it sends with a fresh compression context (its own side's no_context_takeover).</summary>
    public bool SendsWithoutContextTakeover(bool isServer) => isServer ? ServerNoContextTakeover : ClientNoContextTakeover;

    /// <summary>Whether the peer resets its context per message, so the fuzzer's inflater is reset too (<c>startDecompressMessage</c>, :605-611).</summary>
    public bool ReceivesWithoutContextTakeover(bool isServer) => isServer ? ClientNoContextTakeover : ServerNoContextTakeover;

    /// <summary>
    /// The response element as autobahn's server writes it (<c>PerMessageDeflateOfferAccept.getExtensionString</c>,
    /// compress_deflate.py:309-324): <c>server_no_context_takeover</c>, <c>server_max_window_bits=N</c> (both echoing the
    /// client's requests), <c>client_no_context_takeover</c>, <c>client_max_window_bits=N</c> (the fuzzer's requests).
    /// </summary>
    public string ToExtensionString()
    {
        var text = PerMessageDeflateOffer.ExtensionName;
        if (ServerNoContextTakeover) text += "; server_no_context_takeover";
        if (ServerMaxWindowBits != 0) text += $"; server_max_window_bits={ServerMaxWindowBits}";
        if (ClientNoContextTakeover) text += "; client_no_context_takeover";
        if (ClientMaxWindowBits != 0) text += $"; client_max_window_bits={ClientMaxWindowBits}";
        return text;
    }

    /// <summary>
    /// Parses the parameters of one <c>permessage-deflate</c> element (as <see cref="Fuzzing.ExtensionHeader.Parse"/> gives them).
    /// Returns null and autobahn's exception text in <paramref name="failure"/> when the response is not acceptable.
    /// </summary>
    public static PerMessageDeflateResponse? Parse(IReadOnlyList<(string Name, string? Value)> parameters, out string? failure) =>
        DeflateParameters.Parse(parameters, isOffer: false, out failure) is { } p
            ? new PerMessageDeflateResponse(p.ClientMaxWindowBits, p.ClientNoContextTakeover, p.ServerMaxWindowBits, p.ServerNoContextTakeover)
            : null;
}
