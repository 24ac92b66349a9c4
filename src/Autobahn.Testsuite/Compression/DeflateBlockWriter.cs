using System.Runtime.CompilerServices;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// Collects the literals and matches of one block and writes the block as stored, fixed-Huffman or
/// dynamic-Huffman (RFC 1951 §3.2.3), whichever is smallest, as zlib's <c>_tr_flush_block</c> does.
/// Ends a message with the empty stored block of a sync flush, minus its <c>00 00 ff ff</c> (RFC 7692 §7.2.1).
/// </summary>
/// <remarks>
/// Consecutive blocks that come out stored are merged before they are written, so incompressible data costs
/// 5 bytes per 65535 instead of 5 bytes per block.
/// </remarks>
internal sealed class DeflateBlockWriter
{
    /// <summary>Symbols (literals plus matches) per block, zlib's <c>lit_bufsize</c> at memLevel 8.</summary>
    public const int SymbolCapacity = 16384;

    // Code-length repeat codes (RFC 1951 §3.2.7).
    private const int RepeatPrevious = 16;
    private const int RepeatZeros3 = 17;
    private const int RepeatZeros11 = 18;

    private readonly DeflateBitWriter output = new();

    // One entry per symbol: a literal is its byte value with the high half zero; a match is
    // (distance << 16) | (length - 3).
    private readonly uint[] symbols = new uint[SymbolCapacity];
    private int symbolCount;

    private readonly int[] literalFrequencies = new int[DeflateTables.LiteralLengthSymbols];
    private readonly int[] distanceFrequencies = new int[DeflateTables.DistanceSymbols];
    private readonly int[] codeLengthFrequencies = new int[DeflateTables.CodeLengthSymbols];

    private readonly byte[] literalLengths = new byte[DeflateTables.LiteralLengthSymbols];
    private readonly byte[] distanceLengths = new byte[DeflateTables.DistanceSymbols];
    private readonly byte[] codeLengthLengths = new byte[DeflateTables.CodeLengthSymbols];
    private readonly ushort[] literalCodes = new ushort[DeflateTables.LiteralLengthSymbols];
    private readonly ushort[] distanceCodes = new ushort[DeflateTables.DistanceSymbols];
    private readonly ushort[] codeLengthCodes = new ushort[DeflateTables.CodeLengthSymbols];

    // The run-length coded code lengths: symbol in the low byte, repeat-count extra bits above.
    private readonly int[] codeLengthItems = new int[DeflateTables.LiteralLengthSymbols + DeflateTables.DistanceSymbols];
    private readonly byte[] allLengths = new byte[DeflateTables.LiteralLengthSymbols + DeflateTables.DistanceSymbols];
    private readonly int[] scratch = new int[HuffmanCodeBuilder.ScratchLength(HuffmanCodeBuilder.MaxSymbols)];

    // Message range already decided to go out as stored blocks but not yet written.
    private int pendingStoredStart;
    private int pendingStoredEnd;

    /// <summary>Starts a new message: drops any output and any collected symbols.</summary>
    public void BeginMessage()
    {
        output.Reset();
        ClearSymbols();
        pendingStoredStart = 0;
        pendingStoredEnd = 0;
    }

    /// <summary>Records a literal; returns true when the block is full and must be flushed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TallyLiteral(byte value)
    {
        symbols[symbolCount++] = value;
        literalFrequencies[value]++;
        return symbolCount == SymbolCapacity;
    }

    /// <summary>
    /// Records a match of <paramref name="length"/> (3..258) bytes at <paramref name="distance"/> (1..32768);
    /// returns true when the block is full and must be flushed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TallyMatch(int distance, int length)
    {
        var lengthSymbol = length - DeflateTables.MinMatch;
        symbols[symbolCount++] = ((uint)distance << 16) | (uint)lengthSymbol;
        literalFrequencies[DeflateTables.EndOfBlock + 1 + DeflateTables.LengthCode[lengthSymbol]]++;
        distanceFrequencies[DeflateTables.DistanceCode(distance)]++;
        return symbolCount == SymbolCapacity;
    }

    /// <summary>
    /// Ends the current block. <paramref name="start"/>..<paramref name="end"/> is the part of
    /// <paramref name="message"/> the collected symbols encode; it is what a stored block would contain.
    /// </summary>
    public void FlushBlock(ReadOnlySpan<byte> message, int start, int end)
    {
        if (start == end)
        {
            ClearSymbols();
            return;
        }

        literalFrequencies[DeflateTables.EndOfBlock] = 1;
        var extraBits = CountExtraBits();

        // Fixed code (RFC 1951 §3.2.6): BFINAL + BTYPE, then the symbols.
        var fixedBits = 3 + extraBits
            + Cost(literalFrequencies, DeflateTables.FixedLiteralLengths)
            + Cost(distanceFrequencies, DeflateTables.FixedDistanceLengths);

        // Dynamic code (RFC 1951 §3.2.7).
        Span<int> scratch = this.scratch;
        HuffmanCodeBuilder.BuildLengths(literalFrequencies, literalLengths, DeflateTables.MaxCodeBits, scratch);
        HuffmanCodeBuilder.BuildLengths(distanceFrequencies, distanceLengths, DeflateTables.MaxCodeBits, scratch);
        var literalCount = LastNonZero(literalLengths, 257);
        var distanceCount = LastNonZero(distanceLengths, 1);
        var itemCount = RunLengthEncodeLengths(literalCount, distanceCount);
        HuffmanCodeBuilder.BuildLengths(codeLengthFrequencies, codeLengthLengths, DeflateTables.MaxCodeLengthBits, scratch);
        var codeLengthCount = 4;
        for (var i = DeflateTables.CodeLengthSymbols; i > 4; i--)
        {
            if (codeLengthLengths[DeflateTables.CodeLengthOrder[i - 1]] != 0)
            {
                codeLengthCount = i;
                break;
            }
        }

        var dynamicBits = 3 + 5 + 5 + 4 + (3L * codeLengthCount) + extraBits
            + Cost(codeLengthFrequencies, codeLengthLengths)
            + (2L * codeLengthFrequencies[RepeatPrevious]) + (3L * codeLengthFrequencies[RepeatZeros3])
            + (7L * codeLengthFrequencies[RepeatZeros11])
            + Cost(literalFrequencies, literalLengths)
            + Cost(distanceFrequencies, distanceLengths);

        // Stored (RFC 1951 §3.2.4): header, padding to a byte (counted as a full byte), LEN and NLEN per 65535 bytes.
        var storedLength = end - start;
        var storedBits = (8L * storedLength)
            + (40L * ((storedLength + DeflateTables.MaxStoredBlockLength - 1) / DeflateTables.MaxStoredBlockLength));

        if (storedBits <= fixedBits && storedBits <= dynamicBits)
        {
            if (pendingStoredEnd != start)
            {
                WritePendingStored(message);
                pendingStoredStart = start;
            }

            pendingStoredEnd = end;
        }
        else
        {
            WritePendingStored(message);
            output.EnsureCapacity((symbolCount * 6) + 1024);
            if (fixedBits <= dynamicBits)
            {
                output.WriteBits(0b010, 3); // BFINAL = 0, BTYPE = 01
                WriteSymbols(DeflateTables.FixedLiteralCodes, DeflateTables.FixedLiteralLengths, DeflateTables.FixedDistanceCodes, DeflateTables.FixedDistanceLengths);
            }
            else
            {
                HuffmanCodeBuilder.BuildCodes(literalLengths, literalCodes);
                HuffmanCodeBuilder.BuildCodes(distanceLengths, distanceCodes);
                HuffmanCodeBuilder.BuildCodes(codeLengthLengths, codeLengthCodes);
                output.WriteBits(0b100, 3); // BFINAL = 0, BTYPE = 10
                output.WriteBits((uint)(literalCount - 257), 5); // HLIT
                output.WriteBits((uint)(distanceCount - 1), 5); // HDIST
                output.WriteBits((uint)(codeLengthCount - 4), 4); // HCLEN
                for (var i = 0; i < codeLengthCount; i++)
                {
                    output.WriteBits(codeLengthLengths[DeflateTables.CodeLengthOrder[i]], 3);
                }

                for (var i = 0; i < itemCount; i++)
                {
                    var item = codeLengthItems[i];
                    var symbol = item & 0xFF;
                    output.WriteBits(codeLengthCodes[symbol], codeLengthLengths[symbol]);
                    switch (symbol)
                    {
                        case RepeatPrevious:
                            output.WriteBits((uint)(item >> 8), 2);
                            break;
                        case RepeatZeros3:
                            output.WriteBits((uint)(item >> 8), 3);
                            break;
                        case RepeatZeros11:
                            output.WriteBits((uint)(item >> 8), 7);
                            break;
                    }
                }

                WriteSymbols(literalCodes, literalLengths, distanceCodes, distanceLengths);
            }
        }

        ClearSymbols();
    }

    /// <summary>
    /// Ends the message with a sync flush: any pending stored data, then an empty stored block whose
    /// <c>00 00 ff ff</c> is left out (RFC 7692 §7.2.1 steps 2 and 3). Returns the compressed message.
    /// </summary>
    public byte[] FinishMessage(ReadOnlySpan<byte> message)
    {
        WritePendingStored(message);
        output.EnsureCapacity(16);
        output.WriteBits(0b000, 3); // BFINAL = 0, BTYPE = 00; LEN = 0 and NLEN = 0xffff are the stripped tail
        return output.ToArray();
    }

    /// <summary>
    /// Marks <paramref name="start"/>..<paramref name="end"/> of the message to be sent as stored blocks
    /// (compression level 0).
    /// </summary>
    public void AddStored(ReadOnlySpan<byte> message, int start, int end)
    {
        if (pendingStoredEnd != start)
        {
            WritePendingStored(message);
            pendingStoredStart = start;
        }

        pendingStoredEnd = end;
    }

    private void WritePendingStored(ReadOnlySpan<byte> message)
    {
        var start = pendingStoredStart;
        var end = pendingStoredEnd;
        pendingStoredStart = pendingStoredEnd = 0;
        while (start < end)
        {
            var length = Math.Min(end - start, DeflateTables.MaxStoredBlockLength);
            output.EnsureCapacity(length + 16);
            output.WriteBits(0b000, 3); // BFINAL = 0, BTYPE = 00
            output.AlignToByte();
            output.WriteBits((uint)length | ((uint)(length ^ 0xFFFF) << 16), 32); // LEN, NLEN
            output.AlignToByte();
            output.WriteAlignedBytes(message.Slice(start, length));
            start += length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteSymbols(ushort[] literalCodes, byte[] literalLengths, ushort[] distanceCodes, byte[] distanceLengths)
    {
        var output = this.output;
        var lengthCode = DeflateTables.LengthCode;
        var lengthBase = DeflateTables.LengthBase;
        var distanceBase = DeflateTables.DistanceBase;
        var lengthExtra = DeflateTables.LengthExtraBits;
        var distanceExtra = DeflateTables.DistanceExtraBits;
        ReadOnlySpan<uint> symbols = this.symbols.AsSpan(0, symbolCount);
        foreach (var symbol in symbols)
        {
            var distance = (int)(symbol >> 16);
            var value = (int)(symbol & 0xFFFF);
            if (distance == 0)
            {
                output.WriteBits(literalCodes[value], literalLengths[value]);
            }
            else
            {
                // Length code and its extra bits (at most 15 + 5), then distance code and its extra bits (15 + 13).
                int lc = lengthCode[value];
                var code = DeflateTables.EndOfBlock + 1 + lc;
                int bits = literalLengths[code];
                var word = literalCodes[code] | ((uint)(value + DeflateTables.MinMatch - lengthBase[lc]) << bits);
                output.WriteBits(word, bits + lengthExtra[lc]);

                var dc = DeflateTables.DistanceCode(distance);
                bits = distanceLengths[dc];
                word = distanceCodes[dc] | ((uint)(distance - distanceBase[dc]) << bits);
                output.WriteBits(word, bits + distanceExtra[dc]);
            }
        }

        output.WriteBits(literalCodes[DeflateTables.EndOfBlock], literalLengths[DeflateTables.EndOfBlock]);
    }

    /// <summary>
    /// Run-length codes the literal/length and distance code lengths as one sequence (RFC 1951 §3.2.7 allows runs
    /// across the two), with zlib's thresholds (trees.c <c>scan_tree</c>); counts the code-length frequencies.
    /// </summary>
    private int RunLengthEncodeLengths(int literalCount, int distanceCount)
    {
        var all = allLengths.AsSpan(0, literalCount + distanceCount);
        literalLengths.AsSpan(0, literalCount).CopyTo(all);
        distanceLengths.AsSpan(0, distanceCount).CopyTo(all[literalCount..]);
        Array.Clear(codeLengthFrequencies);

        var items = 0;
        var i = 0;
        while (i < all.Length)
        {
            int length = all[i];
            var run = 1;
            while (i + run < all.Length && all[i + run] == length)
            {
                run++;
            }

            i += run;
            if (length == 0)
            {
                while (run >= 11)
                {
                    var n = Math.Min(run, 138);
                    AddItem(ref items, RepeatZeros11, n - 11);
                    run -= n;
                }

                if (run >= 3)
                {
                    AddItem(ref items, RepeatZeros3, run - 3);
                    run = 0;
                }
            }
            else
            {
                // Runs are maximal, so the previous length always differs: send this one once, then repeat it.
                AddItem(ref items, length, 0);
                run--;

                while (run >= 3)
                {
                    var n = Math.Min(run, 6);
                    AddItem(ref items, RepeatPrevious, n - 3);
                    run -= n;
                }
            }

            for (; run > 0; run--)
            {
                AddItem(ref items, length, 0);
            }
        }

        return items;
    }

    private void AddItem(ref int items, int symbol, int extra)
    {
        codeLengthItems[items++] = symbol | (extra << 8);
        codeLengthFrequencies[symbol]++;
    }

    private long CountExtraBits()
    {
        long bits = 0;
        var lengthExtra = DeflateTables.LengthExtraBits;
        for (var i = 0; i < lengthExtra.Length; i++)
        {
            bits += (long)literalFrequencies[DeflateTables.EndOfBlock + 1 + i] * lengthExtra[i];
        }

        var distanceExtra = DeflateTables.DistanceExtraBits;
        for (var i = 0; i < distanceExtra.Length; i++)
        {
            bits += (long)distanceFrequencies[i] * distanceExtra[i];
        }

        return bits;
    }

    private static long Cost(ReadOnlySpan<int> frequencies, ReadOnlySpan<byte> lengths)
    {
        long bits = 0;
        for (var i = 0; i < frequencies.Length; i++)
        {
            bits += (long)frequencies[i] * lengths[i];
        }

        return bits;
    }

    private static int LastNonZero(ReadOnlySpan<byte> lengths, int minimum)
    {
        var count = lengths.Length;
        while (count > minimum && lengths[count - 1] == 0)
        {
            count--;
        }

        return count;
    }

    private void ClearSymbols()
    {
        symbolCount = 0;
        Array.Clear(literalFrequencies);
        Array.Clear(distanceFrequencies);
    }
}
