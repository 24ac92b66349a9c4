using System.IO.Compression;
using Autobahn.Testsuite.Compression;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>Compressed size compared with <see cref="DeflateStream"/> at <see cref="CompressionLevel.Optimal"/> (zlib-ng level 6).</summary>
public class DeflateEncoderRatioTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("JSON")]
    [InlineData("English")]
    public void CompressMessage_200KBSample_WithinFifteenPercentOfDeflateStreamOptimal(string kind)
    {
        var message = kind == "JSON" ? CompressionTestData.Json(200_000, seed: 1) : CompressionTestData.English(200_000, seed: 3);

        var ours = new DeflateEncoder().CompressMessage(message, contextTakeover: false).Length;
        var reference = DeflateStreamOptimalLength(message);

        output.WriteLine($"{kind} {message.Length} B: DeflateEncoder {ours} B ({100.0 * ours / message.Length:F2} %), DeflateStream Optimal {reference} B ({100.0 * reference / message.Length:F2} %), ratio {(double)ours / reference:F3}");
        Assert.True(ours <= reference * 1.15, $"DeflateEncoder {ours} B vs DeflateStream {reference} B");
    }

    private static int DeflateStreamOptimalLength(byte[] message)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(message);
        }

        return (int)buffer.Length;
    }
}
