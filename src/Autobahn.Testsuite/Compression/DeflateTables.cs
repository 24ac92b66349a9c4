using System.Runtime.CompilerServices;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// The constant tables of the DEFLATE format (RFC 1951 §3.2.5 and §3.2.6) plus the lookup tables an encoder
/// needs to go from a match length or distance to its code.
/// </summary>
internal static class DeflateTables
{
    /// <summary>Shortest match a length code can express (RFC 1951 §3.2.5, code 257).</summary>
    public const int MinMatch = 3;

    /// <summary>Longest match a length code can express (RFC 1951 §3.2.5, code 285).</summary>
    public const int MaxMatch = 258;

    /// <summary>The end-of-block literal/length symbol (RFC 1951 §3.2.5).</summary>
    public const int EndOfBlock = 256;

    /// <summary>Literal/length symbols that may occur in a block: 0..285 (286 and 287 never do, RFC 1951 §3.2.5).</summary>
    public const int LiteralLengthSymbols = 286;

    /// <summary>Literal/length symbols of the fixed code, including the two unused ones (RFC 1951 §3.2.6).</summary>
    public const int FixedLiteralLengthSymbols = 288;

    /// <summary>Distance symbols that may occur in a block: 0..29 (RFC 1951 §3.2.5).</summary>
    public const int DistanceSymbols = 30;

    /// <summary>Code-length alphabet size: 0..15 plus the repeat codes 16, 17, 18 (RFC 1951 §3.2.7).</summary>
    public const int CodeLengthSymbols = 19;

    /// <summary>Longest literal/length or distance code (RFC 1951 §3.2.7: lengths 0..15).</summary>
    public const int MaxCodeBits = 15;

    /// <summary>Longest code-length code (RFC 1951 §3.2.7: HCLEN entries are 3 bits).</summary>
    public const int MaxCodeLengthBits = 7;

    /// <summary>Largest stored block payload (RFC 1951 §3.2.4: LEN is 16 bits).</summary>
    public const int MaxStoredBlockLength = 65535;

    /// <summary>Order in which the code-length code lengths are sent (RFC 1951 §3.2.7).</summary>
    public static ReadOnlySpan<byte> CodeLengthOrder => [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    /// <summary>Extra bits of length codes 257..285 (RFC 1951 §3.2.5), indexed by code - 257.</summary>
    public static ReadOnlySpan<byte> LengthExtraBits =>
        [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

    /// <summary>Extra bits of distance codes 0..29 (RFC 1951 §3.2.5).</summary>
    public static ReadOnlySpan<byte> DistanceExtraBits =>
        [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>Smallest length of each length code 257..285 (RFC 1951 §3.2.5), indexed by code - 257.</summary>
    public static readonly int[] LengthBase =
        [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];

    /// <summary>Smallest distance of each distance code 0..29 (RFC 1951 §3.2.5).</summary>
    public static readonly int[] DistanceBase =
    [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ];

    /// <summary>Length code index (code - 257) for each match length - 3 (0..255).</summary>
    public static readonly byte[] LengthCode = BuildLengthCode();

    /// <summary>
    /// Distance code for distance - 1: entries 0..255 map distances 1..256 directly, entries 256..511 map
    /// ((distance - 1) &gt;&gt; 7) for larger distances, as zlib's <c>_dist_code</c> does (trees.c).
    /// Use <see cref="DistanceCode(int)"/>.
    /// </summary>
    public static readonly byte[] DistanceCodeTable = BuildDistanceCode();

    /// <summary>Code lengths of the fixed literal/length code (RFC 1951 §3.2.6).</summary>
    public static readonly byte[] FixedLiteralLengths = BuildFixedLiteralLengths();

    /// <summary>Code lengths of the fixed distance code: 5 bits each (RFC 1951 §3.2.6).</summary>
    public static readonly byte[] FixedDistanceLengths = BuildFixedDistanceLengths();

    /// <summary>Bit-reversed codes of the fixed literal/length code, ready for an LSB-first bit writer.</summary>
    public static readonly ushort[] FixedLiteralCodes = BuildCodes(FixedLiteralLengths);

    /// <summary>Bit-reversed codes of the fixed distance code.</summary>
    public static readonly ushort[] FixedDistanceCodes = BuildCodes(FixedDistanceLengths);

    /// <summary>Distance code (0..29) of a distance 1..32768.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DistanceCode(int distance)
    {
        var d = distance - 1;
        return d < 256 ? DistanceCodeTable[d] : DistanceCodeTable[256 + (d >> 7)];
    }

    private static byte[] BuildLengthCode()
    {
        var table = new byte[256];
        for (var code = 0; code < 28; code++)
        {
            var count = 1 << LengthExtraBits[code];
            for (var i = 0; i < count; i++)
            {
                table[LengthBase[code] - MinMatch + i] = (byte)code;
            }
        }

        // 258 has its own code 285 with no extra bits; code 284 + 31 would also reach it, but RFC 1951 §3.2.5
        // assigns 258 to 285 and zlib never emits the other form.
        table[MaxMatch - MinMatch] = 28;
        return table;
    }

    private static byte[] BuildDistanceCode()
    {
        var table = new byte[512];
        for (var code = 0; code < DistanceSymbols; code++)
        {
            var first = DistanceBase[code] - 1;
            var last = first + (1 << DistanceExtraBits[code]) - 1;
            for (var d = first; d <= last; d++)
            {
                if (d < 256)
                {
                    table[d] = (byte)code;
                }
                else
                {
                    table[256 + (d >> 7)] = (byte)code;
                }
            }
        }

        return table;
    }

    private static byte[] BuildFixedLiteralLengths()
    {
        var lengths = new byte[FixedLiteralLengthSymbols];
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = i switch
            {
                <= 143 => 8,
                <= 255 => 9,
                <= 279 => 7,
                _ => 8,
            };
        }

        return lengths;
    }

    private static byte[] BuildFixedDistanceLengths()
    {
        var lengths = new byte[32];
        lengths.AsSpan().Fill(5);
        return lengths;
    }

    private static ushort[] BuildCodes(byte[] lengths)
    {
        var codes = new ushort[lengths.Length];
        HuffmanCodeBuilder.BuildCodes(lengths, codes);
        return codes;
    }
}
