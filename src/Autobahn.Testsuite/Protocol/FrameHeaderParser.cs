using System.Buffers.Binary;

namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// Reads a WebSocket frame header (RFC 6455 §5.2) from the start of a buffer, in the two stages
/// autobahn's <c>processDataHybi</c> uses (protocol.py): the first two bytes are enough to check the
/// fixed fields, the extended length and mask key follow. Nothing is validated here; the rules
/// live in <see cref="FrameRules"/>.
/// </summary>
internal static class FrameHeaderParser
{
    /// <summary>
    /// Reads FIN, RSV, opcode, MASK and the 7-bit length code from the first two bytes.
    /// </summary>
    /// <returns>False when fewer than 2 bytes are buffered; the outputs are then zero.</returns>
    public static bool TryParseFirstTwoBytes(
        ReadOnlySpan<byte> buffer,
        out bool fin,
        out int rsv,
        out int opcode,
        out bool masked,
        out int lengthField)
    {
        if (buffer.Length < 2)
        {
            fin = false;
            rsv = 0;
            opcode = 0;
            masked = false;
            lengthField = 0;
            return false;
        }

        var b0 = buffer[0];
        var b1 = buffer[1];
        fin = (b0 & 0x80) != 0;
        rsv = (b0 & 0x70) >> 4;
        opcode = b0 & 0x0F;
        masked = (b1 & 0x80) != 0;
        lengthField = b1 & 0x7F;
        return true;
    }

    /// <summary>
    /// Reads the whole header: the first two bytes, the 16- or 64-bit extended length (network byte order)
    /// and the 4-byte masking key.
    /// </summary>
    /// <param name="buffer">Bytes starting at the first header byte; any payload after the header is ignored.</param>
    /// <param name="header">The header; <see cref="FrameHeader.PayloadLength"/> is <c>(long)rawPayloadLength</c>.</param>
    /// <param name="rawPayloadLength">The payload length as sent, unsigned, so lengths of 2^63 and above can be reported.</param>
    /// <returns>False when the buffer does not yet hold the whole header.</returns>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out FrameHeader header, out ulong rawPayloadLength)
    {
        header = default;
        rawPayloadLength = 0;

        if (!TryParseFirstTwoBytes(buffer, out var fin, out var rsv, out var opcode, out var masked, out var lengthField))
        {
            return false;
        }

        var extendedLengthBytes = lengthField switch
        {
            126 => 2,
            127 => 8,
            _ => 0,
        };
        var headerLength = 2 + extendedLengthBytes + (masked ? 4 : 0);
        if (buffer.Length < headerLength)
        {
            return false;
        }

        rawPayloadLength = extendedLengthBytes switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]),
            8 => BinaryPrimitives.ReadUInt64BigEndian(buffer[2..]),
            _ => (ulong)lengthField,
        };

        var maskKey = masked ? buffer.Slice(2 + extendedLengthBytes, 4).ToArray() : null;

        header = new FrameHeader(
            fin,
            rsv,
            opcode,
            masked,
            maskKey,
            unchecked((long)rawPayloadLength),
            lengthField,
            headerLength);
        return true;
    }
}
