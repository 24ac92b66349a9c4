using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// Packs bits into bytes the way DEFLATE does (RFC 1951 §3.1.1): data elements start at the least significant bit
/// of a byte; Huffman codes are handed in already bit-reversed. The buffer grows as needed and is reused.
/// </summary>
internal sealed class DeflateBitWriter
{
    // Slack after the logical end so that a flush may always store a whole 64-bit word.
    private const int Slack = 8;

    private byte[] buffer;
    private int position;
    private ulong bits;
    private int bitCount;

    /// <summary>Creates a writer with an initial capacity of <paramref name="capacity"/> bytes.</summary>
    public DeflateBitWriter(int capacity = 4096)
    {
        buffer = new byte[capacity + Slack];
    }

    /// <summary>Number of bits written so far (whole bytes plus pending bits).</summary>
    public long BitLength => ((long)position * 8) + bitCount;

    /// <summary>Forgets everything written; keeps the buffer.</summary>
    public void Reset()
    {
        position = 0;
        bits = 0;
        bitCount = 0;
    }

    /// <summary>Makes room for at least <paramref name="bytes"/> more bytes of output.</summary>
    public void EnsureCapacity(int bytes)
    {
        var needed = (long)position + bytes + 8 + Slack;
        if (needed > buffer.Length)
        {
            var size = Math.Max(needed, (long)buffer.Length * 2);
            Array.Resize(ref buffer, (int)Math.Min(size, Array.MaxLength));
        }
    }

    /// <summary>
    /// Appends the low <paramref name="count"/> bits of <paramref name="value"/> (count at most 32; the bits above
    /// must be zero). The caller has reserved room with <see cref="EnsureCapacity"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(uint value, int count)
    {
        bits |= (ulong)value << bitCount;
        bitCount += count;
        if (bitCount >= 32)
        {
            FlushWord();
        }
    }

    /// <summary>Pads with zero bits to the next byte boundary (RFC 1951 §3.2.4, before LEN of a stored block).</summary>
    public void AlignToByte()
    {
        bitCount = (bitCount + 7) & ~7;
        FlushWholeBytes();
    }

    /// <summary>Appends bytes after <see cref="AlignToByte"/>; the caller has reserved room.</summary>
    public void WriteAlignedBytes(ReadOnlySpan<byte> bytes)
    {
        FlushWholeBytes();
        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    /// <summary>Returns a copy of the bytes written, the last one padded with zero bits.</summary>
    public byte[] ToArray()
    {
        AlignToByte();
        return buffer.AsSpan(0, position).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FlushWord()
    {
        // Stores all 64 bits and keeps the first 32: the upper half is rewritten by the next flush.
        var bits = BitConverter.IsLittleEndian ? this.bits : BinaryPrimitives.ReverseEndianness(this.bits);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), position), bits);
        position += 4;
        this.bits >>= 32;
        bitCount -= 32;
    }

    private void FlushWholeBytes()
    {
        while (bitCount >= 8)
        {
            buffer[position++] = (byte)bits;
            bits >>= 8;
            bitCount -= 8;
        }
    }
}
