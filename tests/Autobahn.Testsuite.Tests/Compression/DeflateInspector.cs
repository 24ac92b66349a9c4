namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>
/// A small, strict, test-only DEFLATE decoder (RFC 1951) in the style of zlib's puff.c: it decodes stored, fixed and
/// dynamic blocks bit by bit and records every block type and match distance, so tests can check what the encoder
/// chose, not only that <see cref="System.IO.Compression.DeflateStream"/> accepts it.
/// </summary>
/// <remarks>
/// The stream may end without a final block (a permessage-deflate stream ends with sync flushes); decoding stops
/// when the input is used up at a block boundary. Any malformed input throws <see cref="InvalidDataException"/>.
/// </remarks>
internal sealed class DeflateInspector
{
    private static readonly int[] LengthBase =
        [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];

    private static readonly int[] LengthExtra =
        [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

    private static readonly int[] DistanceBase =
    [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ];

    private static readonly int[] DistanceExtra =
        [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    private static readonly int[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    // The fixed codes of RFC 1951 §3.2.6 (distance codes 30 and 31 exist but are invalid, so the code is incomplete here).
    private static readonly CanonicalHuffmanCode FixedLiteralLength = new(
        [.. Enumerable.Range(0, 288).Select(i => i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)], requireComplete: true);

    private static readonly CanonicalHuffmanCode FixedDistance = new([.. Enumerable.Repeat(5, 30)], requireComplete: false);

    private readonly byte[] input;
    private readonly List<byte> output = [];
    private readonly List<int> blockTypes = [];
    private readonly List<int> distances = [];
    private readonly List<int> matchOffsets = [];
    private long bitPosition;

    private DeflateInspector(byte[] input)
    {
        this.input = input;
    }

    /// <summary>Decodes <paramref name="stream"/> and reports what it contains.</summary>
    public static DeflateInspection Inspect(byte[] stream)
    {
        var inspector = new DeflateInspector(stream);
        var final = inspector.Run();
        return new DeflateInspection([.. inspector.output], inspector.blockTypes, inspector.distances, inspector.matchOffsets, final);
    }

    /// <summary>
    /// Decodes the concatenation of permessage-deflate payloads, each followed by the <c>00 00 ff ff</c> the
    /// receiver appends (RFC 7692 §7.2.2), as one stream: what a receiver with context takeover sees.
    /// </summary>
    public static DeflateInspection InspectMessages(params byte[][] compressedMessages)
    {
        var stream = new List<byte>();
        foreach (var message in compressedMessages)
        {
            stream.AddRange(message);
            stream.AddRange(new byte[] { 0x00, 0x00, 0xFF, 0xFF });
        }

        return Inspect([.. stream]);
    }

    private bool Run()
    {
        while (!AtEnd())
        {
            var final = Bits(1) == 1;
            var type = Bits(2);
            blockTypes.Add(type);
            switch (type)
            {
                case 0:
                    Stored();
                    break;
                case 1:
                    Codes(FixedLiteralLength, FixedDistance);
                    break;
                case 2:
                    Dynamic();
                    break;
                default:
                    throw new InvalidDataException("Reserved block type 3 (RFC 1951 §3.2.3).");
            }

            if (final)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether only the zero padding of the last byte is left.</summary>
    private bool AtEnd()
    {
        var remaining = (input.Length * 8L) - bitPosition;
        return remaining == 0 || (remaining < 8 && input[^1] >> (int)(bitPosition & 7) == 0);
    }

    private int Bits(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var byteIndex = bitPosition >> 3;
            if (byteIndex >= input.Length)
            {
                throw new InvalidDataException("Unexpected end of the compressed data.");
            }

            var bit = (input[byteIndex] >> (int)(bitPosition & 7)) & 1;
            value |= bit << i;
            bitPosition++;
        }

        return value;
    }

    private void Stored()
    {
        bitPosition = (bitPosition + 7) & ~7L;
        var length = Bits(16);
        var complement = Bits(16);
        if ((length ^ 0xFFFF) != complement)
        {
            throw new InvalidDataException("Stored block LEN and NLEN do not match (RFC 1951 §3.2.4).");
        }

        for (var i = 0; i < length; i++)
        {
            output.Add((byte)Bits(8));
        }
    }

    private void Dynamic()
    {
        var literalCount = Bits(5) + 257;
        var distanceCount = Bits(5) + 1;
        var codeLengthCount = Bits(4) + 4;
        if (literalCount > 286 || distanceCount > 30)
        {
            throw new InvalidDataException("Too many literal/length or distance codes (RFC 1951 §3.2.7).");
        }

        var codeLengthLengths = new int[19];
        for (var i = 0; i < codeLengthCount; i++)
        {
            codeLengthLengths[CodeLengthOrder[i]] = Bits(3);
        }

        var codeLengthCode = new CanonicalHuffmanCode(codeLengthLengths, requireComplete: true);
        var lengths = new int[literalCount + distanceCount];
        var index = 0;
        while (index < lengths.Length)
        {
            var symbol = Decode(codeLengthCode);
            if (symbol < 16)
            {
                lengths[index++] = symbol;
                continue;
            }

            var value = 0;
            int repeat;
            switch (symbol)
            {
                case 16:
                    if (index == 0)
                    {
                        throw new InvalidDataException("Repeat of a previous length with none before it.");
                    }

                    value = lengths[index - 1];
                    repeat = 3 + Bits(2);
                    break;
                case 17:
                    repeat = 3 + Bits(3);
                    break;
                default:
                    repeat = 11 + Bits(7);
                    break;
            }

            if (index + repeat > lengths.Length)
            {
                throw new InvalidDataException("Code length repeat runs past the end.");
            }

            for (var i = 0; i < repeat; i++)
            {
                lengths[index++] = value;
            }
        }

        if (lengths[256] == 0)
        {
            throw new InvalidDataException("No code for end-of-block.");
        }

        var literal = new CanonicalHuffmanCode(lengths.AsSpan(0, literalCount).ToArray(), requireComplete: true);
        var distance = new CanonicalHuffmanCode(lengths.AsSpan(literalCount).ToArray(), requireComplete: true);
        Codes(literal, distance);
    }

    private void Codes(CanonicalHuffmanCode literalLength, CanonicalHuffmanCode distance)
    {
        while (true)
        {
            var symbol = Decode(literalLength);
            if (symbol < 256)
            {
                output.Add((byte)symbol);
                continue;
            }

            if (symbol == 256)
            {
                return;
            }

            symbol -= 257;
            if (symbol >= 29)
            {
                throw new InvalidDataException("Invalid length symbol 286 or 287 (RFC 1951 §3.2.6).");
            }

            var length = LengthBase[symbol] + Bits(LengthExtra[symbol]);
            var distanceSymbol = Decode(distance);
            if (distanceSymbol >= 30)
            {
                throw new InvalidDataException("Invalid distance symbol 30 or 31 (RFC 1951 §3.2.6).");
            }

            var dist = DistanceBase[distanceSymbol] + Bits(DistanceExtra[distanceSymbol]);
            if (dist > output.Count)
            {
                throw new InvalidDataException($"Distance {dist} reaches before the start of the output ({output.Count} bytes).");
            }

            distances.Add(dist);
            matchOffsets.Add(output.Count);
            for (var i = 0; i < length; i++)
            {
                output.Add(output[output.Count - dist]);
            }
        }
    }

    private int Decode(CanonicalHuffmanCode huffman)
    {
        // Canonical decoding, one bit at a time (puff.c decode()).
        var code = 0;
        var first = 0;
        var index = 0;
        for (var length = 1; length <= 15; length++)
        {
            code |= Bits(1);
            var count = huffman.Counts[length];
            if (code - count < first)
            {
                return huffman.Symbols[index + (code - first)];
            }

            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }

        throw new InvalidDataException("Invalid Huffman code.");
    }

}
