using System.Numerics;
using System.Runtime.InteropServices;

namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// The client-to-server masking transform (RFC 6455 §5.3): payload byte <c>i</c> is XORed with
/// <c>key[i % 4]</c>. Masking and unmasking are the same operation.
/// </summary>
/// <remarks>
/// Works on any slice of a payload: <c>offset</c> is the position of the slice within the frame payload,
/// so a payload streamed in chunks is masked exactly as if it were masked at once (autobahn's
/// xormasker.py keeps the same running pointer). The fuzzer masks gigabytes in sections 9 and 10, so
/// the loop XORs a SIMD vector (or 8 bytes) of the repeated key at a time.
/// </remarks>
internal static class Masking
{
    /// <summary>XORs <paramref name="data"/> in place with the masking key.</summary>
    /// <param name="data">Payload bytes to mask or unmask.</param>
    /// <param name="key">The 4-byte masking key.</param>
    /// <param name="offset">Index of <c>data[0]</c> within the frame payload; selects the key phase.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not 4 bytes long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    public static void Apply(Span<byte> data, ReadOnlySpan<byte> key, long offset)
    {
        if (key.Length != 4)
        {
            throw new ArgumentException("A masking key is 4 bytes (RFC 6455 §5.3).", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        // The key rotated so that pattern[0] is the key byte for data[0]; repeated over a whole
        // vector/word it stays in phase because every block length is a multiple of 4.
        var phase = (int)(offset & 3);
        Span<byte> pattern = stackalloc byte[8];
        for (var i = 0; i < pattern.Length; i++)
        {
            pattern[i] = key[(phase + i) & 3];
        }

        var position = 0;

        if (Vector.IsHardwareAccelerated && data.Length >= Vector<byte>.Count)
        {
            Span<byte> wide = stackalloc byte[Vector<byte>.Count];
            for (var i = 0; i < wide.Length; i++)
            {
                wide[i] = pattern[i & 3];
            }

            var mask = new Vector<byte>(wide);
            var lastBlock = data.Length - Vector<byte>.Count;
            for (; position <= lastBlock; position += Vector<byte>.Count)
            {
                var block = data.Slice(position, Vector<byte>.Count);
                (new Vector<byte>(block) ^ mask).CopyTo(block);
            }
        }

        var word = MemoryMarshal.Read<ulong>(pattern);
        for (; position <= data.Length - sizeof(ulong); position += sizeof(ulong))
        {
            var block = data.Slice(position, sizeof(ulong));
            MemoryMarshal.Write(block, MemoryMarshal.Read<ulong>(block) ^ word);
        }

        for (; position < data.Length; position++)
        {
            data[position] ^= pattern[position & 3];
        }
    }
}
