namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// The RFC 6455 rules the fuzzer checks on every frame it receives, and autobahn's texts for
/// violating them. The strings are byte-identical to the <c>protocolViolation</c> / <c>invalidPayload</c>
/// reasons in autobahn's protocol.py (<c>processDataHybi</c>, <c>onFrameData</c>, <c>onFrameEnd</c>,
/// <c>onCloseFrame</c>) because they end up in wstest's reports.
/// </summary>
internal static class FrameRules
{
    /// <summary>Control frames carry at most 125 payload bytes (RFC 6455 §5.5).</summary>
    public const int MaxControlPayload = 125;

    /// <summary>A server frame had the MASK bit set (RFC 6455 §5.1: a server MUST NOT mask).</summary>
    public const string MaskedServerFrame = "masked server-to-client frame";

    /// <summary>A client frame had the MASK bit clear (RFC 6455 §5.1: a client MUST mask; autobahn's server text).</summary>
    public const string UnmaskedClientFrame = "unmasked client-to-server frame";

    /// <summary>A control frame had FIN = 0 (RFC 6455 §5.5: control frames MUST NOT be fragmented).</summary>
    public const string FragmentedControlFrame = "fragmented control frame";

    /// <summary>A control frame's 7-bit length code was above 125 (RFC 6455 §5.5).</summary>
    public const string ControlFrameTooLong = "control frame with payload length > 125 octets";

    /// <summary>A close frame with a 1-byte body, which cannot hold the 2-byte code (RFC 6455 §5.5.1).</summary>
    public const string ClosePayloadLengthOne = "received close control frame with payload len 1";

    /// <summary>A continuation frame arrived while no fragmented message was open (RFC 6455 §5.4).</summary>
    public const string ContinuationOutsideMessage = "received continuation data frame outside fragmented message";

    /// <summary>A text or binary frame arrived while a fragmented message was open (RFC 6455 §5.4).</summary>
    public const string DataFrameInsideMessage = "received non-continuation data frame while inside fragmented message";

    /// <summary>An extended length was used for a length the shorter form could hold (RFC 6455 §5.2).</summary>
    public const string NonMinimalLength = "invalid data frame length (not using minimal length encoding)";

    /// <summary>A 64-bit length had its most significant bit set (RFC 6455 §5.2).</summary>
    public const string LengthTooLarge = "invalid data frame length (>2^63)";

    /// <summary>A control frame had RSV1 set with permessage-deflate negotiated (RFC 7692 §6.1).</summary>
    public const string CompressedControlFrame = "received compressed control frame [permessage-deflate]";

    /// <summary>A continuation frame had RSV1 set with permessage-deflate negotiated (RFC 7692 §6.1).</summary>
    public const string CompressedContinuation = "received continuation data frame with compress bit set [permessage-deflate]";

    /// <summary>A close reason that is not valid UTF-8 (RFC 6455 §5.5.1); autobahn fails with 1007 for it.</summary>
    public const string InvalidCloseReason = "invalid close reason (non-UTF-8 payload)";

    /// <summary>
    /// True iff the length uses more bytes than needed: the 16-bit form for a length below 126, or the
    /// 64-bit form for a length below 65536. RFC 6455 §5.2: "the minimal number of bytes MUST be used".
    /// </summary>
    /// <param name="lengthField">The 7-bit length code from byte 1.</param>
    /// <param name="payloadLength">The decoded (raw, unsigned) payload length.</param>
    public static bool IsNonMinimalLength(int lengthField, ulong payloadLength) => lengthField switch
    {
        126 => payloadLength < 126,
        127 => payloadLength < 65536,
        _ => false,
    };

    /// <summary>
    /// True iff a 64-bit length has its most significant bit set (RFC 6455 §5.2), i.e. is above
    /// <c>0x7FFFFFFFFFFFFFFF</c> as autobahn's check reads.
    /// </summary>
    public static bool IsLengthTooLarge(ulong payloadLength) => payloadLength > long.MaxValue;

    /// <summary>RSV bits set although no extension defines them (RFC 6455 §5.2).</summary>
    public static string RsvWithoutExtension(int rsv) => $"RSV = {rsv} and no extension negotiated";

    /// <summary>A control frame with a reserved opcode 0xB-0xF (RFC 6455 §5.2).</summary>
    public static string ReservedControlOpcode(int opcode) => $"control frame using reserved opcode {opcode}";

    /// <summary>A data frame with a reserved opcode 0x3-0x7 (RFC 6455 §5.2).</summary>
    public static string ReservedDataOpcode(int opcode) => $"data frame using reserved opcode {opcode}";

    /// <summary>
    /// A text message payload was not valid UTF-8 (RFC 6455 §8.1); <paramref name="index"/> is the
    /// validator's total index (<see cref="Utf8ValidationResult.TotalIndex"/>). autobahn fails with 1007.
    /// </summary>
    public static string InvalidUtf8InText(long index) =>
        $"encountered invalid UTF-8 while processing text message at payload octet index {index}";

    /// <summary>A text message ended in the middle of a code point (RFC 6455 §8.1); autobahn fails with 1007.</summary>
    public static string Utf8EndsInsideCodePoint(long index) =>
        $"UTF-8 text message payload ended within Unicode code point at payload octet index {index}";

    /// <summary>A close code that <see cref="CloseCodes.IsValidReceived"/> rejects (RFC 6455 §7.4).</summary>
    public static string InvalidCloseCode(int code) => $"invalid close code {code}";
}
