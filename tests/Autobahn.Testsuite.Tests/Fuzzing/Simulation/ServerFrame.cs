using System.Buffers;
using System.Buffers.Binary;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// Writes the frames the scripted peers send: FIN set, the shortest length encoding (RFC 6455 §5.2), unmasked as a
/// server (§5.1: a server MUST NOT mask) and masked with the given key as a client. Written here rather than with the engine's frame writer, so that the peer does not share a bug
/// with the fuzzer it checks.
/// </summary>
internal static class ServerFrame
{
    public const int Continuation = 0x0;
    public const int Text = 0x1;
    public const int Binary = 0x2;
    public const int Close = 0x8;
    public const int Ping = 0x9;
    public const int Pong = 0xA;

    public static void Write(IBufferWriter<byte> output, int opcode, ReadOnlySpan<byte> payload, bool rsv1 = false, ReadOnlySpan<byte> maskKey = default)
    {
        var header = output.GetSpan(14);
        header[0] = (byte)(0x80 | (rsv1 ? 0x40 : 0) | opcode);
        int headerLength;
        if (payload.Length <= 125)
        {
            header[1] = (byte)payload.Length;
            headerLength = 2;
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)payload.Length);
            headerLength = 4;
        }
        else
        {
            header[1] = 127;
            BinaryPrimitives.WriteUInt64BigEndian(header[2..], (ulong)payload.Length);
            headerLength = 10;
        }

        if (maskKey.IsEmpty)
        {
            output.Advance(headerLength);
            output.Write(payload);
            return;
        }

        header[1] |= 0x80;
        maskKey.CopyTo(header[headerLength..]);
        output.Advance(headerLength + 4);
        var masked = output.GetSpan(payload.Length)[..payload.Length];
        for (var i = 0; i < payload.Length; i++) masked[i] = (byte)(payload[i] ^ maskKey[i & 3]);
        output.Advance(payload.Length);
    }

    /// <summary>A close frame: no payload when <paramref name="code"/> is null (RFC 6455 §5.5.1), else code + reason.</summary>
    public static void WriteClose(IBufferWriter<byte> output, int? code, ReadOnlySpan<byte> reason = default, ReadOnlySpan<byte> maskKey = default)
    {
        if (code is null)
        {
            Write(output, Close, [], maskKey: maskKey);
            return;
        }

        Span<byte> payload = stackalloc byte[2 + reason.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)code.Value);
        reason.CopyTo(payload[2..]);
        Write(output, Close, payload, maskKey: maskKey);
    }
}
