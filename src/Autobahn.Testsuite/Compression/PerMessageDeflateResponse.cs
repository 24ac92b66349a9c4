using System.Globalization;

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
    public static PerMessageDeflateResponse? Parse(IReadOnlyList<(string Name, string? Value)> parameters, out string? failure)
    {
        int clientMaxWindowBits = 0, serverMaxWindowBits = 0;
        bool clientNoContextTakeover = false, serverNoContextTakeover = false;
        failure = null;

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
                    if (!TryWindowBits(name, value, out clientMaxWindowBits, out failure)) return null;
                    break;
                case "server_max_window_bits":
                    if (!TryWindowBits(name, value, out serverMaxWindowBits, out failure)) return null;
                    break;
                case "client_no_context_takeover":
                    if (value is not null) { failure = IllegalValue(value, name); return null; }
                    clientNoContextTakeover = true;
                    break;
                case "server_no_context_takeover":
                    if (value is not null) { failure = IllegalValue(value, name); return null; }
                    serverNoContextTakeover = true;
                    break;
                default:
                    failure = $"illegal extension parameter '{name}' for extension '{PerMessageDeflateOffer.ExtensionName}'";
                    return null;
            }
        }

        return new PerMessageDeflateResponse(clientMaxWindowBits, clientNoContextTakeover, serverMaxWindowBits, serverNoContextTakeover);
    }

    // A value-less parameter is Python's True, and int(True) is 1: outside 8..15, so it fails with the text '1'.
    internal static bool TryWindowBits(string name, string? value, out int bits, out string? failure)
    {
        failure = null;
        if (value is null)
        {
            bits = 1;
        }
        else if (!int.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out bits))
        {
            failure = IllegalValue(value, name);
            return false;
        }

        if (bits is < 8 or > 15)
        {
            failure = IllegalValue(bits.ToString(CultureInfo.InvariantCulture), name);
            return false;
        }

        return true;
    }

    internal static string IllegalValue(string value, string name) =>
        $"illegal extension parameter value '{value}' for parameter '{name}' of extension '{PerMessageDeflateOffer.ExtensionName}'";
}
