using System.Globalization;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// The four permessage-deflate parameters (RFC 7692 §7.1) of one offer or response, checked as autobahn-python 0.10.9
/// checks both (<c>compress_deflate.py</c> <c>PerMessageDeflateOffer.parse</c> :76-158, <c>PerMessageDeflateResponse.parse</c>
/// :355-414), with the texts of the exceptions it raises. A window of 0 means the parameter was absent.
/// </summary>
/// <param name="ClientMaxWindowBitsGiven">Whether <c>client_max_window_bits</c> was present (with or without a value).</param>
/// <param name="ClientMaxWindowBits">Its value (8..15), 0 when absent or without a value.</param>
/// <param name="ClientNoContextTakeover">Whether <c>client_no_context_takeover</c> was present.</param>
/// <param name="ServerMaxWindowBits"><c>server_max_window_bits</c> (8..15), 0 when absent.</param>
/// <param name="ServerNoContextTakeover">Whether <c>server_no_context_takeover</c> was present.</param>
internal readonly record struct DeflateParameters(
    bool ClientMaxWindowBitsGiven,
    int ClientMaxWindowBits,
    bool ClientNoContextTakeover,
    int ServerMaxWindowBits,
    bool ServerNoContextTakeover)
{
    /// <summary>
    /// Checks the parameters of one <c>permessage-deflate</c> element (as <see cref="Fuzzing.ExtensionHeader.Parse"/>
    /// gives them, in order). Null, with autobahn's text in <paramref name="failure"/>, for a repeated or unknown
    /// parameter, a <c>*_no_context_takeover</c> with a value, or a window outside 8..15. A value-less window is
    /// Python's True and <c>int(True)</c> is 1, so it fails — except <c>client_max_window_bits</c> in an offer
    /// (<paramref name="isOffer"/>), where it means "the client accepts a window".
    /// </summary>
    public static DeflateParameters? Parse(IReadOnlyList<(string Name, string? Value)> parameters, bool isOffer, out string? failure)
    {
        var result = default(DeflateParameters);
        failure = null;

        // autobahn iterates a dict of name -> values: a repeated name fails whatever its values.
        foreach (var group in parameters.GroupBy(p => p.Name))
        {
            var name = group.Key;
            if (group.Count() > 1)
            {
                failure = $"multiple occurrence of extension parameter '{name}' for extension '{PerMessageDeflateOffer.ExtensionName}'";
                return null;
            }

            var value = group.Single().Value;
            int bits;
            switch (name)
            {
                case "client_max_window_bits" when isOffer && value is null:
                    result = result with { ClientMaxWindowBitsGiven = true };
                    break;
                case "client_max_window_bits":
                    if (!TryWindowBits(name, value, out bits, out failure)) return null;
                    result = result with { ClientMaxWindowBitsGiven = true, ClientMaxWindowBits = bits };
                    break;
                case "server_max_window_bits":
                    if (!TryWindowBits(name, value, out bits, out failure)) return null;
                    result = result with { ServerMaxWindowBits = bits };
                    break;
                case "client_no_context_takeover" or "server_no_context_takeover" when value is not null:
                    failure = IllegalValue(value, name);
                    return null;
                case "client_no_context_takeover":
                    result = result with { ClientNoContextTakeover = true };
                    break;
                case "server_no_context_takeover":
                    result = result with { ServerNoContextTakeover = true };
                    break;
                default:
                    failure = $"illegal extension parameter '{name}' for extension '{PerMessageDeflateOffer.ExtensionName}'";
                    return null;
            }
        }

        return result;
    }

    // Python's int(value) then the 8..15 check; the failure text shows the string when int() fails, else the number.
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
