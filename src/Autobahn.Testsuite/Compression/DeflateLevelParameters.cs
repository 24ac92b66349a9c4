namespace Autobahn.Testsuite.Compression;

/// <summary>
/// How hard the match finder works at a compression level: zlib's <c>configuration_table</c> (deflate.c), except
/// level 6, so that level 6 here compresses like the <c>Z_DEFAULT_COMPRESSION</c> autobahn uses
/// (<c>compress_deflate.py</c>, <c>zlib.compressobj(6, ...)</c>).
/// </summary>
/// <remarks>
/// zlib's level 6 walks up to 128 candidates of a 3-byte hash chain with max_lazy 16. <see cref="DeflateEncoder"/>
/// chains on 5 bytes, so nearly every candidate is a real match: 32 candidates with max_lazy 32 give output within
/// a few percent of <see cref="System.IO.Compression.DeflateStream"/> at <c>CompressionLevel.Optimal</c>
/// (zlib-ng level 6), smaller on Autobahn's repetitive JSON and HTML, at about twice the speed of 128/16.
/// </remarks>
/// <param name="GoodLength">Once the previous match is this long, search only a quarter of the chain.</param>
/// <param name="MaxLazy">Lazy levels: do not look for a better match when the previous one is this long.
/// Greedy levels: insert the positions inside a match into the hash only when it is at most this long.</param>
/// <param name="NiceLength">Stop searching once a match is this long.</param>
/// <param name="MaxChain">Most hash-chain candidates examined per position.</param>
/// <param name="Lazy">Whether a match is deferred by one byte to see if a longer one starts there (RFC 1951 §4).</param>
internal readonly record struct DeflateLevelParameters(int GoodLength, int MaxLazy, int NiceLength, int MaxChain, bool Lazy)
{
    /// <summary>Whether this level emits stored blocks only (level 0).</summary>
    public bool StoreOnly => MaxChain == 0;

    /// <summary>The parameters of zlib level <paramref name="level"/> (0..9).</summary>
    public static DeflateLevelParameters ForLevel(int level) => level switch
    {
        0 => new(0, 0, 0, 0, Lazy: false),
        1 => new(4, 4, 8, 4, Lazy: false),
        2 => new(4, 5, 16, 8, Lazy: false),
        3 => new(4, 6, 32, 32, Lazy: false),
        4 => new(4, 4, 16, 16, Lazy: true),
        5 => new(8, 16, 32, 32, Lazy: true),
        6 => new(8, 32, 128, 32, Lazy: true),
        7 => new(8, 32, 128, 256, Lazy: true),
        8 => new(32, 128, 258, 1024, Lazy: true),
        9 => new(32, 258, 258, 4096, Lazy: true),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "The compression level must be 0..9."),
    };
}
