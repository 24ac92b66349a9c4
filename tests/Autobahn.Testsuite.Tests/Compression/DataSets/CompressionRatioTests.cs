using System.Diagnostics;
using System.IO.Compression;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Compression.DataSets;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>
/// The generated data sets must give a server's deflate about the same work as wstest's originals: their compressed
/// size over original size, with our encoder (window bits 15, level 6, as autobahn compresses) and with
/// <see cref="DeflateStream"/> at <see cref="CompressionLevel.Optimal"/>, within 15 % (relative) of the originals'.
/// </summary>
public class CompressionRatioTests(ITestOutputHelper output)
{
    private const double Tolerance = 0.15;

    [SharedDataFact]
    public void GeneratedDataSets_CompressLikeOriginals_WithinFifteenPercent()
    {
        var failures = new List<string>();
        output.WriteLine("| data set | size | ours original | ours generated | DeflateStream original | DeflateStream generated | generation (fresh run) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var key in CompressionDataSets.Keys)
        {
            var original = CompressionDataSets.Get(key, SharedDataFolder.Path);
            var generated = CompressionDataSets.Get(key);

            // Generation time of a fresh run (the cached set was made before, so the JIT has warmed up).
            // Wall time and the process's CPU time: on a busy machine the wall time says little.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            DataSetGenerators.For(key)();
            stopwatch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            var oursOriginal = OursRatio(original.Bytes.Span);
            var oursGenerated = OursRatio(generated.Bytes.Span);
            var streamOriginal = DeflateStreamRatio(original.Bytes.Span);
            var streamGenerated = DeflateStreamRatio(generated.Bytes.Span);
            output.WriteLine($"| {key} | {original.Bytes.Length} | {oursOriginal:F4} | {oursGenerated:F4} ({Relative(oursGenerated, oursOriginal)}) | {streamOriginal:F4} | {streamGenerated:F4} ({Relative(streamGenerated, streamOriginal)}) | {stopwatch.Elapsed.TotalMilliseconds:F0} ms (CPU {cpu.TotalMilliseconds:F0} ms) |");

            if (Math.Abs((oursGenerated / oursOriginal) - 1) > Tolerance)
            {
                failures.Add($"{key}: DeflateEncoder ratio {oursGenerated:F4} vs original {oursOriginal:F4}");
            }

            if (Math.Abs((streamGenerated / streamOriginal) - 1) > Tolerance)
            {
                failures.Add($"{key}: DeflateStream ratio {streamGenerated:F4} vs original {streamOriginal:F4}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Relative(double value, double reference) => $"{100 * ((value / reference) - 1):+0.0;-0.0} %";

    private static double OursRatio(ReadOnlySpan<byte> data) =>
        (double)new DeflateEncoder(windowBits: 15, level: 6).CompressMessage(data, contextTakeover: false).Length / data.Length;

    private static double DeflateStreamRatio(ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return (double)buffer.Length / data.Length;
    }
}
