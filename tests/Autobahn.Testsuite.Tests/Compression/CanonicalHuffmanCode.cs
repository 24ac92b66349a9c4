namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>
/// A canonical Huffman code (RFC 1951 §3.2.2) for <see cref="DeflateInspector"/>: the number of codes of each length
/// and the symbols in code order, which is all puff.c-style bit-by-bit decoding needs.
/// </summary>
internal sealed class CanonicalHuffmanCode
{
    /// <summary>Builds the code from per-symbol lengths (0 = unused), checking the Kraft inequality.</summary>
    /// <param name="lengths">Code length of each symbol.</param>
    /// <param name="requireComplete">Whether an incomplete code is an error (RFC 1951 tolerates it only for distances).</param>
    public CanonicalHuffmanCode(int[] lengths, bool requireComplete)
    {
        foreach (var length in lengths)
        {
            Counts[length]++;
        }

        // Kraft: an over-subscribed code is always invalid; an incomplete one only where tolerated.
        var left = 1;
        for (var length = 1; length <= 15; length++)
        {
            left = (left << 1) - Counts[length];
            if (left < 0)
            {
                throw new InvalidDataException("Over-subscribed Huffman code.");
            }
        }

        if (left > 0 && requireComplete)
        {
            throw new InvalidDataException("Incomplete Huffman code.");
        }

        var offsets = new int[16];
        for (var length = 1; length < 15; length++)
        {
            offsets[length + 1] = offsets[length] + Counts[length];
        }

        Symbols = new int[lengths.Length];
        for (var symbol = 0; symbol < lengths.Length; symbol++)
        {
            if (lengths[symbol] != 0)
            {
                Symbols[offsets[lengths[symbol]]++] = symbol;
            }
        }

        Counts[0] = 0;
    }

    /// <summary>Number of codes of each length 1..15 (index 0 unused).</summary>
    public int[] Counts { get; } = new int[16];

    /// <summary>The symbols ordered by code.</summary>
    public int[] Symbols { get; }
}
