namespace Autobahn.Testsuite.Compression;

/// <summary>
/// Builds length-limited Huffman code lengths from symbol frequencies and the canonical codes of RFC 1951 §3.2.2.
/// </summary>
/// <remarks>
/// Lengths come from the in-place minimum-redundancy algorithm of Moffat and Katajainen over the used
/// symbols sorted by frequency; when the longest code exceeds the limit, lengths are redistributed until the
/// Kraft sum is exactly one again (the method miniz uses in <c>tdefl_huffman_enforce_max_code_size</c>).
/// Ties are broken by symbol number, so the result is fully deterministic.
/// </remarks>
internal static class HuffmanCodeBuilder
{
    /// <summary>Largest alphabet handled (the fixed literal/length alphabet, RFC 1951 §3.2.6).</summary>
    public const int MaxSymbols = 288;

    /// <summary>
    /// Computes code lengths of at most <paramref name="maxBits"/> bits for the symbols whose frequency is not zero;
    /// symbols with frequency zero get length 0.
    /// </summary>
    /// <param name="frequencies">Frequency of each symbol.</param>
    /// <param name="lengths">Receives the code length of each symbol; same length as <paramref name="frequencies"/>.</param>
    /// <param name="maxBits">Longest code allowed (15 for literal/length and distance codes, 7 for code-length codes).</param>
    /// <param name="scratch">Work space of at least <see cref="ScratchLength"/>(<c>frequencies.Length</c>) ints.</param>
    /// <remarks>
    /// At least two symbols always get a non-zero length, even when fewer are used: a code with a single
    /// one-bit code is incomplete, which RFC 1951 tolerates only for distances and which older inflaters
    /// reject. zlib makes the same choice (trees.c, <c>build_tree</c>).
    /// </remarks>
    public static void BuildLengths(ReadOnlySpan<int> frequencies, Span<byte> lengths, int maxBits, Span<int> scratch)
    {
        var n = frequencies.Length;
        lengths[..n].Clear();
        var keys = scratch[..n];
        var used = 0;
        for (var symbol = 0; symbol < n; symbol++)
        {
            var f = frequencies[symbol];
            if (f != 0)
            {
                // Frequency in the high bits, symbol in the low 9 bits: sorting the keys sorts by frequency,
                // then by symbol, which makes the result independent of the sort algorithm.
                keys[used++] = (f << 9) | symbol;
            }
        }

        if (used < 2)
        {
            // Two one-bit codes: the used symbol (if any) and the lowest other symbol.
            var first = used == 1 ? keys[0] & 0x1FF : 0;
            var second = first == 0 ? 1 : 0;
            lengths[first] = 1;
            lengths[second] = 1;
            return;
        }

        keys = keys[..used];
        keys.Sort();
        var weights = scratch.Slice(n, used);
        for (var i = 0; i < used; i++)
        {
            weights[i] = keys[i] >> 9;
        }

        ComputeMinimumRedundancyLengths(weights);

        // Count codes per length; the unlimited tree can be as deep as used - 1.
        var counts = scratch.Slice(n + used, MaxSymbols + 1);
        counts.Clear();
        for (var i = 0; i < used; i++)
        {
            counts[weights[i]]++;
        }

        LimitLengths(counts, maxBits);

        // The most frequent symbols (at the end of the sorted keys) get the shortest codes.
        var j = used;
        for (var bits = 1; bits <= maxBits; bits++)
        {
            for (var c = counts[bits]; c > 0; c--)
            {
                lengths[keys[--j] & 0x1FF] = (byte)bits;
            }
        }
    }

    /// <summary>The scratch length <see cref="BuildLengths"/> needs for an alphabet of <paramref name="symbols"/>.</summary>
    public static int ScratchLength(int symbols) => (2 * symbols) + MaxSymbols + 1;

    /// <summary>
    /// Assigns the canonical codes of RFC 1951 §3.2.2 to the given lengths, bit-reversed so that an LSB-first bit
    /// writer sends them most significant bit first, as §3.1.1 requires for Huffman codes.
    /// </summary>
    public static void BuildCodes(ReadOnlySpan<byte> lengths, Span<ushort> codes)
    {
        Span<int> blCount = stackalloc int[DeflateTables.MaxCodeBits + 1];
        Span<int> nextCode = stackalloc int[DeflateTables.MaxCodeBits + 2];
        for (var i = 0; i < lengths.Length; i++)
        {
            blCount[lengths[i]]++;
        }

        blCount[0] = 0;
        var code = 0;
        for (var bits = 1; bits <= DeflateTables.MaxCodeBits; bits++)
        {
            code = (code + blCount[bits - 1]) << 1;
            nextCode[bits] = code;
        }

        for (var i = 0; i < lengths.Length; i++)
        {
            int len = lengths[i];
            codes[i] = len == 0 ? (ushort)0 : (ushort)Reverse(nextCode[len]++, len);
        }
    }

    private static int Reverse(int code, int bits)
    {
        var result = 0;
        for (var i = 0; i < bits; i++)
        {
            result = (result << 1) | (code & 1);
            code >>= 1;
        }

        return result;
    }

    /// <summary>
    /// Moffat and Katajainen, "In-Place Calculation of Minimum-Redundancy Codes" (1995): on input the weights in
    /// ascending order, on output the code length of each position (the longest first).
    /// </summary>
    private static void ComputeMinimumRedundancyLengths(Span<int> a)
    {
        var n = a.Length;

        // Phase 1: build the tree in place; a[i] becomes the weight of internal node i, then its parent index.
        a[0] += a[1];
        var root = 0;
        var leaf = 2;
        for (var next = 1; next < n - 1; next++)
        {
            if (leaf >= n || a[root] < a[leaf])
            {
                a[next] = a[root];
                a[root++] = next;
            }
            else
            {
                a[next] = a[leaf++];
            }

            if (leaf >= n || (root < next && a[root] < a[leaf]))
            {
                a[next] += a[root];
                a[root++] = next;
            }
            else
            {
                a[next] += a[leaf++];
            }
        }

        // Phase 2: depth of each internal node.
        a[n - 2] = 0;
        for (var next = n - 3; next >= 0; next--)
        {
            a[next] = a[a[next]] + 1;
        }

        // Phase 3: depth of each leaf.
        var available = 1;
        var usedNodes = 0;
        var depth = 0;
        root = n - 2;
        var nextLeaf = n - 1;
        while (available > 0)
        {
            while (root >= 0 && a[root] == depth)
            {
                usedNodes++;
                root--;
            }

            while (available > usedNodes)
            {
                a[nextLeaf--] = depth;
                available--;
            }

            available = 2 * usedNodes;
            depth++;
            usedNodes = 0;
        }
    }

    /// <summary>
    /// Moves codes longer than <paramref name="maxBits"/> to <paramref name="maxBits"/> and then lengthens shorter
    /// codes until the Kraft sum is exactly 2^maxBits again, so the code stays complete (RFC 1951 §3.2.2).
    /// </summary>
    private static void LimitLengths(Span<int> counts, int maxBits)
    {
        for (var bits = maxBits + 1; bits < counts.Length; bits++)
        {
            counts[maxBits] += counts[bits];
            counts[bits] = 0;
        }

        long total = 0;
        for (var bits = maxBits; bits > 0; bits--)
        {
            total += (long)counts[bits] << (maxBits - bits);
        }

        while (total != 1L << maxBits)
        {
            counts[maxBits]--;
            for (var bits = maxBits - 1; bits > 0; bits--)
            {
                if (counts[bits] != 0)
                {
                    counts[bits]--;
                    counts[bits + 1] += 2;
                    break;
                }
            }

            total--;
        }
    }
}
