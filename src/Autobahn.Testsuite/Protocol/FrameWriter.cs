using System.Buffers.Binary;

namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// Writes WebSocket frames (RFC 6455 §5.2) byte for byte as autobahn's <c>sendFrame</c> does (protocol.py).
/// </summary>
/// <remarks>
/// Validates nothing on purpose: the fuzzer sends bad RSV bits, reserved opcodes, fragmented or oversized
/// control frames and frames after its own close. Only the length encoding is always minimal, as in autobahn.
/// </remarks>
internal static class FrameWriter
{
    /// <summary>
    /// Encodes a frame header: <c>byte0 = FIN&lt;&lt;7 | (rsv % 8)&lt;&lt;4 | opcode % 128</c>, then the MASK bit and
    /// the minimal length form (7-bit, 126 + 16-bit, or 127 + 64-bit, network byte order), then the key.
    /// </summary>
    /// <param name="opcode">Any opcode; like autobahn, values 16..127 spill into the RSV bits.</param>
    /// <param name="payloadLength">The payload length to announce; it need not match what is sent.</param>
    /// <param name="fin">The FIN bit.</param>
    /// <param name="rsv">RSV bits as a number (RSV1 = 4); taken modulo 8.</param>
    /// <param name="maskKey">Empty for an unmasked frame, or the 4-byte key, which sets the MASK bit.</param>
    /// <exception cref="ArgumentException"><paramref name="maskKey"/> is neither 0 nor 4 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative.</exception>
    public static byte[] EncodeHeader(int opcode, long payloadLength, bool fin, int rsv, ReadOnlySpan<byte> maskKey)
    {
        var headerLength = GetHeaderLength(payloadLength, maskKey);
        var header = new byte[headerLength];
        WriteHeader(header, opcode, payloadLength, fin, rsv, maskKey);
        return header;
    }

    /// <summary>
    /// Encodes a whole frame: the header from <see cref="EncodeHeader"/> followed by the payload,
    /// masked with <paramref name="maskKey"/> when one is given (RFC 6455 §5.3). The input is not modified.
    /// </summary>
    /// <param name="opcode">Any opcode; like autobahn, values 16..127 spill into the RSV bits.</param>
    /// <param name="payload">The payload; its length is the announced length.</param>
    /// <param name="fin">The FIN bit.</param>
    /// <param name="rsv">RSV bits as a number (RSV1 = 4); taken modulo 8.</param>
    /// <param name="maskKey">Empty for an unmasked frame, or the 4-byte key, which sets the MASK bit and masks the payload.</param>
    /// <exception cref="ArgumentException"><paramref name="maskKey"/> is neither 0 nor 4 bytes.</exception>
    public static byte[] Encode(int opcode, ReadOnlySpan<byte> payload, bool fin, int rsv, ReadOnlySpan<byte> maskKey)
    {
        var headerLength = GetHeaderLength(payload.Length, maskKey);
        // Every byte is written below, so skip zeroing (frames in sections 9/10 are up to 16 MiB).
        var frame = GC.AllocateUninitializedArray<byte>(headerLength + payload.Length);
        WriteHeader(frame, opcode, payload.Length, fin, rsv, maskKey);

        var body = frame.AsSpan(headerLength);
        payload.CopyTo(body);
        if (maskKey.Length == 4)
        {
            Masking.Apply(body, maskKey, 0);
        }

        return frame;
    }

    /// <summary>
    /// Builds wstest's <c>payload_len</c> payload (protocol.py sendFrame): <paramref name="basePayload"/> repeated
    /// <c>length / basePayload.Length</c> times, then its first <c>length % basePayload.Length</c> bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="basePayload"/> is empty and <paramref name="length"/> is positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or larger than an array can hold.</exception>
    public static byte[] RepeatPayload(ReadOnlySpan<byte> basePayload, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Array.MaxLength);
        if (length == 0)
        {
            return [];
        }

        if (basePayload.IsEmpty)
        {
            throw new ArgumentException(
                $"Cannot construct a repeated payload of length {length} from an empty payload.",
                nameof(basePayload));
        }

        var result = GC.AllocateUninitializedArray<byte>((int)length);
        Span<byte> span = result;

        // Copy the base once, then double the filled prefix: a prefix whose length is a multiple of the base
        // length is itself a run of whole repetitions, so copying it keeps the pattern in phase.
        var filled = Math.Min(basePayload.Length, span.Length);
        basePayload[..filled].CopyTo(span);
        while (filled < span.Length)
        {
            var count = Math.Min(filled, span.Length - filled);
            span[..count].CopyTo(span[filled..]);
            filled += count;
        }

        return result;
    }

    private static int GetHeaderLength(long payloadLength, ReadOnlySpan<byte> maskKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        if (maskKey.Length is not (0 or 4))
        {
            throw new ArgumentException("A masking key is empty (unmasked) or 4 bytes (RFC 6455 §5.3).", nameof(maskKey));
        }

        var extendedLength = payloadLength switch
        {
            <= 125 => 0,
            <= 0xFFFF => 2,
            _ => 8,
        };
        return 2 + extendedLength + maskKey.Length;
    }

    private static void WriteHeader(Span<byte> destination, int opcode, long payloadLength, bool fin, int rsv, ReadOnlySpan<byte> maskKey)
    {
        // Python's % is a floor modulo; mirror it so negative inputs still land in range as in autobahn.
        var rsvBits = ((rsv % 8) + 8) % 8;
        var opcodeBits = ((opcode % 128) + 128) % 128;
        destination[0] = (byte)((fin ? 0x80 : 0) | (rsvBits << 4) | opcodeBits);

        var maskBit = maskKey.Length == 4 ? 0x80 : 0;
        var position = 2;
        if (payloadLength <= 125)
        {
            destination[1] = (byte)(maskBit | (int)payloadLength);
        }
        else if (payloadLength <= 0xFFFF)
        {
            destination[1] = (byte)(maskBit | 126);
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            position += 2;
        }
        else
        {
            destination[1] = (byte)(maskBit | 127);
            BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
            position += 8;
        }

        maskKey.CopyTo(destination[position..]);
    }
}
