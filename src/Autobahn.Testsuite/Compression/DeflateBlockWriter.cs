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

    private readonly DeflateBitWriter _output = new();

    // One entry per symbol: a literal is its byte value with the high half zero; a match is
    // (distance << 16) | (length - 3).
    private readonly uint[] _symbols = new uint[SymbolCapacity];
    private int _symbolCount;

    private readonly int[] _literalFrequencies = new int[DeflateTables.LiteralLengthSymbols];
    private readonly int[] _distanceFrequencies = new int[DeflateTables.DistanceSymbols];
    private readonly int[] _codeLengthFrequencies = new int[DeflateTables.CodeLengthSymbols];

    private readonly byte[] _literalLengths = new byte[DeflateTables.LiteralLengthSymbols];
    private readonly byte[] _distanceLengths = new byte[DeflateTables.DistanceSymbols];
    private readonly byte[] _codeLengthLengths = new byte[DeflateTables.CodeLengthSymbols];
    private readonly ushort[] _literalCodes = new ushort[DeflateTables.LiteralLengthSymbols];
    private readonly ushort[] _distanceCodes = new ushort[DeflateTables.DistanceSymbols];
    private readonly ushort[] _codeLengthCodes = new ushort[DeflateTables.CodeLengthSymbols];

    // The run-length coded code lengths: symbol in the low byte, repeat-count extra bits above.
    private readonly int[] _codeLengthItems = new int[DeflateTables.LiteralLengthSymbols + DeflateTables.DistanceSymbols];
    private readonly byte[] _allLengths = new byte[DeflateTables.LiteralLengthSymbols + DeflateTables.DistanceSymbols];
    private readonly int[] _scratch = new int[HuffmanCodeBuilder.ScratchLength(HuffmanCodeBuilder.MaxSymbols)];

    // Message range already decided to go out as stored blocks but not yet written.
    private int _pendingStoredStart;
    private int _pendingStoredEnd;

    /// <summary>Starts a new message: drops any output and any collected symbols.</summary>
    public void BeginMessage()
    {
        _output.Reset();
        ClearSymbols();
        _pendingStoredStart = 0;
        _pendingStoredEnd = 0;
    }

    /// <summary>Records a literal; returns true when the block is full and must be flushed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TallyLiteral(byte value)
    {
        _symbols[_symbolCount++] = value;
        _literalFrequencies[value]++;
        return _symbolCount == SymbolCapacity;
    }

    /// <summary>
    /// Records a match of <paramref name="length"/> (3..258) bytes at <paramref name="distance"/> (1..32768);
    /// returns true when the block is full and must be flushed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TallyMatch(int distance, int length)
    {
        int lengthSymbol = length - DeflateTables.MinMatch;
        _symbols[_symbolCount++] = ((uint)distance << 16) | (uint)lengthSymbol;
        _literalFrequencies[DeflateTables.EndOfBlock + 1 + DeflateTables.LengthCode[lengthSymbol]]++;
        _distanceFrequencies[DeflateTables.DistanceCode(distance)]++;
        return _symbolCount == SymbolCapacity;
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

        _literalFrequencies[DeflateTables.EndOfBlock] = 1;
        long extraBits = CountExtraBits();

        // Fixed code (RFC 1951 §3.2.6): BFINAL + BTYPE, then the symbols.
        long fixedBits = 3 + extraBits
            + Cost(_literalFrequencies, DeflateTables.FixedLiteralLengths)
            + Cost(_distanceFrequencies, DeflateTables.FixedDistanceLengths);

        // Dynamic code (RFC 1951 §3.2.7).
        Span<int> scratch = _scratch;
        HuffmanCodeBuilder.BuildLengths(_literalFrequencies, _literalLengths, DeflateTables.MaxCodeBits, scratch);
        HuffmanCodeBuilder.BuildLengths(_distanceFrequencies, _distanceLengths, DeflateTables.MaxCodeBits, scratch);
        int literalCount = LastNonZero(_literalLengths, 257);
        int distanceCount = LastNonZero(_distanceLengths, 1);
        int itemCount = RunLengthEncodeLengths(literalCount, distanceCount);
        HuffmanCodeBuilder.BuildLengths(_codeLengthFrequencies, _codeLengthLengths, DeflateTables.MaxCodeLengthBits, scratch);
        int codeLengthCount = 4;
        for (int i = DeflateTables.CodeLengthSymbols; i > 4; i--)
        {
            if (_codeLengthLengths[DeflateTables.CodeLengthOrder[i - 1]] != 0)
            {
                codeLengthCount = i;
                break;
            }
        }

        long dynamicBits = 3 + 5 + 5 + 4 + (3L * codeLengthCount) + extraBits
            + Cost(_codeLengthFrequencies, _codeLengthLengths)
            + (2L * _codeLengthFrequencies[RepeatPrevious]) + (3L * _codeLengthFrequencies[RepeatZeros3])
            + (7L * _codeLengthFrequencies[RepeatZeros11])
            + Cost(_literalFrequencies, _literalLengths)
            + Cost(_distanceFrequencies, _distanceLengths);

        // Stored (RFC 1951 §3.2.4): header, padding to a byte (counted as a full byte), LEN and NLEN per 65535 bytes.
        int storedLength = end - start;
        long storedBits = (8L * storedLength)
            + (40L * ((storedLength + DeflateTables.MaxStoredBlockLength - 1) / DeflateTables.MaxStoredBlockLength));

        if (storedBits <= fixedBits && storedBits <= dynamicBits)
        {
            if (_pendingStoredEnd != start)
            {
                WritePendingStored(message);
                _pendingStoredStart = start;
            }

            _pendingStoredEnd = end;
        }
        else
        {
            WritePendingStored(message);
            _output.EnsureCapacity((_symbolCount * 6) + 1024);
            if (fixedBits <= dynamicBits)
            {
                _output.WriteBits(0b010, 3); // BFINAL = 0, BTYPE = 01
                WriteSymbols(DeflateTables.FixedLiteralCodes, DeflateTables.FixedLiteralLengths, DeflateTables.FixedDistanceCodes, DeflateTables.FixedDistanceLengths);
            }
            else
            {
                HuffmanCodeBuilder.BuildCodes(_literalLengths, _literalCodes);
                HuffmanCodeBuilder.BuildCodes(_distanceLengths, _distanceCodes);
                HuffmanCodeBuilder.BuildCodes(_codeLengthLengths, _codeLengthCodes);
                _output.WriteBits(0b100, 3); // BFINAL = 0, BTYPE = 10
                _output.WriteBits((uint)(literalCount - 257), 5); // HLIT
                _output.WriteBits((uint)(distanceCount - 1), 5); // HDIST
                _output.WriteBits((uint)(codeLengthCount - 4), 4); // HCLEN
                for (int i = 0; i < codeLengthCount; i++)
                {
                    _output.WriteBits(_codeLengthLengths[DeflateTables.CodeLengthOrder[i]], 3);
                }

                for (int i = 0; i < itemCount; i++)
                {
                    int item = _codeLengthItems[i];
                    int symbol = item & 0xFF;
                    _output.WriteBits(_codeLengthCodes[symbol], _codeLengthLengths[symbol]);
                    switch (symbol)
                    {
                        case RepeatPrevious:
                            _output.WriteBits((uint)(item >> 8), 2);
                            break;
                        case RepeatZeros3:
                            _output.WriteBits((uint)(item >> 8), 3);
                            break;
                        case RepeatZeros11:
                            _output.WriteBits((uint)(item >> 8), 7);
                            break;
                    }
                }

                WriteSymbols(_literalCodes, _literalLengths, _distanceCodes, _distanceLengths);
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
        _output.EnsureCapacity(16);
        _output.WriteBits(0b000, 3); // BFINAL = 0, BTYPE = 00; LEN = 0 and NLEN = 0xffff are the stripped tail
        return _output.ToArray();
    }

    /// <summary>
    /// Marks <paramref name="start"/>..<paramref name="end"/> of the message to be sent as stored blocks
    /// (compression level 0).
    /// </summary>
    public void AddStored(ReadOnlySpan<byte> message, int start, int end)
    {
        if (_pendingStoredEnd != start)
        {
            WritePendingStored(message);
            _pendingStoredStart = start;
        }

        _pendingStoredEnd = end;
    }

    private void WritePendingStored(ReadOnlySpan<byte> message)
    {
        int start = _pendingStoredStart;
        int end = _pendingStoredEnd;
        _pendingStoredStart = _pendingStoredEnd = 0;
        while (start < end)
        {
            int length = Math.Min(end - start, DeflateTables.MaxStoredBlockLength);
            _output.EnsureCapacity(length + 16);
            _output.WriteBits(0b000, 3); // BFINAL = 0, BTYPE = 00
            _output.AlignToByte();
            _output.WriteBits((uint)length | ((uint)(length ^ 0xFFFF) << 16), 32); // LEN, NLEN
            _output.AlignToByte();
            _output.WriteAlignedBytes(message.Slice(start, length));
            start += length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteSymbols(ushort[] literalCodes, byte[] literalLengths, ushort[] distanceCodes, byte[] distanceLengths)
    {
        DeflateBitWriter output = _output;
        byte[] lengthCode = DeflateTables.LengthCode;
        int[] lengthBase = DeflateTables.LengthBase;
        int[] distanceBase = DeflateTables.DistanceBase;
        ReadOnlySpan<byte> lengthExtra = DeflateTables.LengthExtraBits;
        ReadOnlySpan<byte> distanceExtra = DeflateTables.DistanceExtraBits;
        ReadOnlySpan<uint> symbols = _symbols.AsSpan(0, _symbolCount);
        foreach (uint symbol in symbols)
        {
            int distance = (int)(symbol >> 16);
            int value = (int)(symbol & 0xFFFF);
            if (distance == 0)
            {
                output.WriteBits(literalCodes[value], literalLengths[value]);
            }
            else
            {
                // Length code and its extra bits (at most 15 + 5), then distance code and its extra bits (15 + 13).
                int lc = lengthCode[value];
                int code = DeflateTables.EndOfBlock + 1 + lc;
                int bits = literalLengths[code];
                uint word = literalCodes[code] | ((uint)(value + DeflateTables.MinMatch - lengthBase[lc]) << bits);
                output.WriteBits(word, bits + lengthExtra[lc]);

                int dc = DeflateTables.DistanceCode(distance);
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
        Span<byte> all = _allLengths.AsSpan(0, literalCount + distanceCount);
        _literalLengths.AsSpan(0, literalCount).CopyTo(all);
        _distanceLengths.AsSpan(0, distanceCount).CopyTo(all[literalCount..]);
        Array.Clear(_codeLengthFrequencies);

        int items = 0;
        int i = 0;
        while (i < all.Length)
        {
            int length = all[i];
            int run = 1;
            while (i + run < all.Length && all[i + run] == length)
            {
                run++;
            }

            i += run;
            if (length == 0)
            {
                while (run >= 11)
                {
                    int n = Math.Min(run, 138);
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
                    int n = Math.Min(run, 6);
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
        _codeLengthItems[items++] = symbol | (extra << 8);
        _codeLengthFrequencies[symbol]++;
    }

    private long CountExtraBits()
    {
        long bits = 0;
        ReadOnlySpan<byte> lengthExtra = DeflateTables.LengthExtraBits;
        for (int i = 0; i < lengthExtra.Length; i++)
        {
            bits += (long)_literalFrequencies[DeflateTables.EndOfBlock + 1 + i] * lengthExtra[i];
        }

        ReadOnlySpan<byte> distanceExtra = DeflateTables.DistanceExtraBits;
        for (int i = 0; i < distanceExtra.Length; i++)
        {
            bits += (long)_distanceFrequencies[i] * distanceExtra[i];
        }

        return bits;
    }

    private static long Cost(ReadOnlySpan<int> frequencies, ReadOnlySpan<byte> lengths)
    {
        long bits = 0;
        for (int i = 0; i < frequencies.Length; i++)
        {
            bits += (long)frequencies[i] * lengths[i];
        }

        return bits;
    }

    private static int LastNonZero(ReadOnlySpan<byte> lengths, int minimum)
    {
        int count = lengths.Length;
        while (count > minimum && lengths[count - 1] == 0)
        {
            count--;
        }

        return count;
    }

    private void ClearSymbols()
    {
        _symbolCount = 0;
        Array.Clear(_literalFrequencies);
        Array.Clear(_distanceFrequencies);
    }
}
