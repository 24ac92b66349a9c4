using System.Text;

namespace Autobahn.Testsuite.Cases;

/// <summary>
/// wstest's display helpers for payloads (<c>fuzzing.py</c> <c>binLogData</c> / <c>asciiLogData</c>):
/// longer than 60 bytes shows the first 64 and " ...", text that is not UTF-8 shows as 0x-hex.
/// </summary>
internal static class Display
{
    private const int MaxLength = 64;
    private const string Ellipsis = " ...";
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Hex(ReadOnlySpan<byte> data) =>
        data.Length > MaxLength - Ellipsis.Length
            ? Convert.ToHexStringLower(data[..Math.Min(MaxLength, data.Length)]) + Ellipsis
            : Convert.ToHexStringLower(data);

    public static string Payload(ReadOnlySpan<byte> data)
    {
        try
        {
            return data.Length > MaxLength - Ellipsis.Length
                ? StrictUtf8.GetString(data[..Math.Min(MaxLength, data.Length)]) + Ellipsis
                : StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return "0x" + Hex(data);
        }
    }
}
