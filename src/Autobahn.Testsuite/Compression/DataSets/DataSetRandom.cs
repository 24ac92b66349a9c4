namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014): a tiny generator
/// whose output depends only on the seed, so the generated data sets are byte-identical on every OS, runtime and
/// run. <see cref="Random"/> gives no such promise across .NET versions, which is why it is not used here.
/// </summary>
/// <remarks>
/// Only integer arithmetic is used; the generators that need fractions use <see cref="NextDouble"/> together with
/// IEEE basic operations (+, -, *, /, sqrt), which are exactly rounded and therefore also identical everywhere.
/// </remarks>
internal sealed class DataSetRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    /// <remarks>Multiply-shift (Lemire) without rejection: the bias is below 2^-32, far below anything that matters for test data.</remarks>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>A number in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1ul << 53));

    /// <summary>True with probability 1/<paramref name="oneIn"/>.</summary>
    public bool OneIn(int oneIn) => Next(oneIn) == 0;

    /// <summary>A uniformly chosen element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>
    /// An index in [0, <paramref name="count"/>) favouring small ones: u^<paramref name="skew"/> for uniform u,
    /// a cheap stand-in for the Zipf-like word frequencies of natural text.
    /// </summary>
    public int Skewed(int count, int skew)
    {
        var u = NextDouble();
        var p = u;
        for (var i = 1; i < skew; i++)
        {
            p *= u;
        }

        return (int)(p * count);
    }

    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    public void NextBytes(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            if ((i & 7) == 0)
            {
                var bits = NextUInt64();
                for (var k = 0; k < 8 && i + k < destination.Length; k++)
                {
                    destination[i + k] = (byte)(bits >> (8 * k));
                }
            }
        }
    }
}
