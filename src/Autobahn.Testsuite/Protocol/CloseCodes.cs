namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// Close status codes (RFC 6455 §7.4) and autobahn's rules about which ones may be received or sent.
/// </summary>
internal static class CloseCodes
{
    /// <summary>1000: normal closure (RFC 6455 §7.4.1).</summary>
    public const int Normal = 1000;

    /// <summary>1001: endpoint going away.</summary>
    public const int GoingAway = 1001;

    /// <summary>1002: protocol error.</summary>
    public const int ProtocolError = 1002;

    /// <summary>1003: unsupported data type.</summary>
    public const int UnsupportedData = 1003;

    /// <summary>1007: payload inconsistent with the message type (for example non-UTF-8 text).</summary>
    public const int InvalidPayload = 1007;

    /// <summary>1008: policy violation.</summary>
    public const int PolicyViolation = 1008;

    /// <summary>1009: message too big.</summary>
    public const int MessageTooBig = 1009;

    /// <summary>1010: client expected an extension the server did not negotiate.</summary>
    public const int MandatoryExtension = 1010;

    /// <summary>1011: unexpected server condition (RFC 6455 errata / IANA registry).</summary>
    public const int InternalError = 1011;

    /// <summary>
    /// Whether a code received in a close frame is acceptable, exactly as autobahn's
    /// <c>onCloseFrame</c> decides (protocol.py, <c>CLOSE_STATUS_CODES_ALLOWED</c>): codes below 1000,
    /// codes 1000-2999 other than 1000-1003 and 1007-1011, and codes from 5000 up are invalid.
    /// </summary>
    /// <remarks>
    /// This is stricter than the IANA registry: 1012-1015 are rejected too, because
    /// autobahn v0.10.9's allow-list stops at 1011. wstest's verdicts depend on this.
    /// </remarks>
    public static bool IsValidReceived(int code) => code switch
    {
        Normal or GoingAway or ProtocolError or UnsupportedData => true,
        InvalidPayload or PolicyViolation or MessageTooBig or MandatoryExtension or InternalError => true,
        >= 3000 and <= 4999 => true,
        _ => false,
    };

    /// <summary>
    /// Whether autobahn's <c>sendClose</c> accepts the code: only 1000 or 3000-4999 (protocol.py sendClose).
    /// Cases that need other codes write the close frame themselves.
    /// </summary>
    public static bool IsAllowedForSendClose(int code) => code == Normal || code is >= 3000 and <= 4999;
}
