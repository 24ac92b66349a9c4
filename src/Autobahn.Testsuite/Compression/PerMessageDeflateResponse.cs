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

    /// <summary>The window the fuzzer compresses with: the server's <c>client_max_window_bits</c>, or 15.</summary>
    public int CompressWindowBits => ClientMaxWindowBits != 0 ? ClientMaxWindowBits : DefaultWindowBits;

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
    private static bool TryWindowBits(string name, string? value, out int bits, out string? failure)
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

    private static string IllegalValue(string value, string name) =>
        $"illegal extension parameter value '{value}' for parameter '{name}' of extension '{PerMessageDeflateOffer.ExtensionName}'";
}
