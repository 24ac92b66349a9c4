using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

public class HuffmanCodeBuilderTests
{
    [Fact]
    public void BuildCodes_Rfc1951Example_GivesTheCanonicalCodesBitReversed()
    {
        // RFC 1951 §3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give A 010, B 011, C 100, D 101, E 110, F 00, G 1110, H 1111.
        byte[] lengths = [3, 3, 3, 3, 3, 2, 4, 4];
        var codes = new ushort[lengths.Length];

        HuffmanCodeBuilder.BuildCodes(lengths, codes);

        string[] expected = ["010", "011", "100", "101", "110", "00", "1110", "1111"];
        for (var i = 0; i < lengths.Length; i++)
        {
            // Sent MSB first through an LSB-first writer, so stored reversed.
            var sent = string.Concat(Enumerable.Range(0, lengths[i]).Select(bit => (codes[i] >> bit) & 1));
            Assert.Equal(expected[i], sent);
        }
    }

    [Fact]
    public void BuildLengths_FibonacciFrequencies_LimitedTo15BitsAndComplete()
    {
        // Fibonacci weights make the unlimited Huffman tree as deep as possible (29 levels for 30 symbols).
        var frequencies = new int[30];
        frequencies[0] = frequencies[1] = 1;
        for (var i = 2; i < frequencies.Length; i++)
        {
            frequencies[i] = frequencies[i - 1] + frequencies[i - 2];
        }

        var lengths = Build(frequencies, maxBits: 15);

        Assert.All(lengths, length => Assert.InRange(length, 1, 15));
        Assert.Equal(1.0, KraftSum(lengths));
        Assert.True(lengths[^1] <= lengths[0]);
    }

    [Fact]
    public void BuildLengths_CodeLengthAlphabet_LimitedTo7Bits()
    {
        int[] frequencies = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181];

        var lengths = Build(frequencies, maxBits: 7);

        Assert.All(lengths, length => Assert.InRange(length, 1, 7));
        Assert.Equal(1.0, KraftSum(lengths));
    }

    [Fact]
    public void BuildLengths_OneUsedSymbol_GivesTwoOneBitCodes()
    {
        var frequencies = new int[30];
        frequencies[7] = 12;

        var lengths = Build(frequencies, maxBits: 15);

        // A lone one-bit code is incomplete; zlib also adds a second code so every inflater accepts it.
        Assert.Equal(1, lengths[7]);
        Assert.Equal(1, lengths[0]);
        Assert.Equal(2, lengths.Count(length => length != 0));
    }

    [Fact]
    public void BuildLengths_NoUsedSymbol_GivesTwoOneBitCodes()
    {
        var lengths = Build(new int[30], maxBits: 15);

        Assert.Equal([1, 1], lengths[..2]);
        Assert.Equal(2, lengths.Count(length => length != 0));
    }

    [Fact]
    public void BuildLengths_RandomFrequencies_AsShortAsAReferenceHuffmanCode()
    {
        // Frequencies within a factor of 50 keep the optimal tree shallower than 15 levels, so no limiting happens.
        var random = new Random(60);
        for (var round = 0; round < 50; round++)
        {
            var frequencies = new int[286];
            for (var i = 0; i < frequencies.Length; i++)
            {
                frequencies[i] = random.Next(4) == 0 ? 0 : random.Next(100, 5000);
            }

            var lengths = Build(frequencies, maxBits: 15);

            Assert.Equal(1.0, KraftSum(lengths));
            Assert.Equal(ReferenceHuffmanCost(frequencies), Cost(frequencies, lengths));
        }
    }

    [Fact]
    public void BuildLengths_SkewedFrequencies_LimitedAndCloseToTheUnlimitedCode()
    {
        // Frequencies from 1 to 100000 would need codes of about 20 bits; limiting to 15 costs very little.
        var random = new Random(61);
        for (var round = 0; round < 50; round++)
        {
            var frequencies = new int[286];
            for (var i = 0; i < frequencies.Length; i++)
            {
                frequencies[i] = random.Next(4) == 0 ? 0 : (int)Math.Pow(100_000, random.NextDouble());
            }

            var lengths = Build(frequencies, maxBits: 15);

            Assert.All(lengths, length => Assert.InRange(length, 0, 15));
            Assert.Equal(1.0, KraftSum(lengths));
            Assert.InRange(Cost(frequencies, lengths), ReferenceHuffmanCost(frequencies), ReferenceHuffmanCost(frequencies) * 1.01);
        }
    }

    private static byte[] Build(int[] frequencies, int maxBits)
    {
        var lengths = new byte[frequencies.Length];
        HuffmanCodeBuilder.BuildLengths(frequencies, lengths, maxBits, new int[HuffmanCodeBuilder.ScratchLength(frequencies.Length)]);
        return lengths;
    }

    private static long Cost(int[] frequencies, byte[] lengths) => frequencies.Select((f, i) => (long)f * lengths[i]).Sum();

    private static double KraftSum(byte[] lengths) => lengths.Where(length => length != 0).Sum(length => Math.Pow(2, -length));

    /// <summary>Total bits of an optimal (unlimited) Huffman code: the sum of all merged weights.</summary>
    private static long ReferenceHuffmanCost(int[] frequencies)
    {
        var queue = new PriorityQueue<long, long>();
        foreach (var f in frequencies.Where(f => f != 0))
        {
            queue.Enqueue(f, f);
        }

        long cost = 0;
        while (queue.Count > 1)
        {
            var merged = queue.Dequeue() + queue.Dequeue();
            cost += merged;
            queue.Enqueue(merged, merged);
        }

        return cost;
    }
}
