namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>What <see cref="DeflateInspector"/> saw in a raw DEFLATE stream.</summary>
/// <param name="Output">The decompressed bytes.</param>
/// <param name="BlockTypes">BTYPE of every block in order: 0 stored, 1 fixed, 2 dynamic (RFC 1951 §3.2.3).</param>
/// <param name="Distances">Every match distance in order.</param>
/// <param name="MatchOutputOffsets">Output offset at which each match in <paramref name="Distances"/> starts.</param>
/// <param name="SawFinalBlock">Whether a block had BFINAL set.</param>
internal sealed record DeflateInspection(
    byte[] Output,
    IReadOnlyList<int> BlockTypes,
    IReadOnlyList<int> Distances,
    IReadOnlyList<int> MatchOutputOffsets,
    bool SawFinalBlock)
{
    /// <summary>The largest match distance, 0 when there is no match.</summary>
    public int MaxDistance => Distances.Count == 0 ? 0 : Distances.Max();
}
