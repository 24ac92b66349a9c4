using System.Buffers.Binary;

namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// The body of a close frame (RFC 6455 §5.5.1): an optional 2-byte big-endian status code
/// followed by an optional UTF-8 reason.
/// </summary>
internal static class ClosePayload
{
    /// <summary>
    /// Splits a close frame payload as autobahn's <c>processControlFrame</c> does (protocol.py):
    /// the code is read only when there are at least 2 bytes, the reason only when there are more than 2.
    /// A 1-byte payload yields neither; the header check (<see cref="FrameRules.ClosePayloadLengthOne"/>) reports it.
    /// </summary>
    public static (int? Code, byte[]? Reason) Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            return (null, null);
        }

        int code = BinaryPrimitives.ReadUInt16BigEndian(payload);
        var reason = payload.Length > 2 ? payload[2..].ToArray() : null;
        return (code, reason);
    }

    /// <summary>
    /// Builds a close frame payload like autobahn's <c>sendCloseFrame</c> (protocol.py):
    /// <c>pack("!H", code)</c> when a code is given, then the reason bytes as they are.
    /// Nothing is validated beyond the code fitting in 16 bits, so invalid codes and reasons can be sent.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is outside 0..65535.</exception>
    public static byte[] Build(int? code, ReadOnlySpan<byte> reason)
    {
        if (code is null)
        {
            return reason.ToArray();
        }

        ArgumentOutOfRangeException.ThrowIfNegative(code.Value, nameof(code));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code.Value, ushort.MaxValue, nameof(code));

        var payload = new byte[2 + reason.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)code.Value);
        reason.CopyTo(payload.AsSpan(2));
        return payload;
    }
}
