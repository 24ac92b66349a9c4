using System.Security.Cryptography;
using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>Identical input and settings give identical bytes, on every run and every machine.</summary>
public class DeflateEncoderDeterminismTests
{
    [Fact]
    public void CompressMessage_Hello_MatchesRfc7692Example()
    {
        // RFC 7692 §7.2.3.1: "Hello" as one fixed-Huffman block, sync flushed, tail removed.
        var compressed = new DeflateEncoder().CompressMessage("Hello"u8, contextTakeover: false);

        Assert.Equal(Convert.FromHexString("F248CDC9C90700"), compressed);
        Assert.Equal("Hello"u8.ToArray(), PermessageDeflateReader.DecodeStandalone(compressed, 5));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(15)]
    public void CompressMessage_Hello_SameForEveryWindowSize(int windowBits)
    {
        var compressed = new DeflateEncoder(windowBits).CompressMessage("Hello"u8, contextTakeover: false);

        Assert.Equal(Convert.FromHexString("F248CDC9C90700"), compressed);
    }

    [Fact]
    public void CompressMessage_JsonSample_MatchesPinnedHash()
    {
        // Pins the exact output (block splitting, Huffman codes, matches): any change in the encoder shows here.
        var message = CompressionTestData.Json(200_000, seed: 1);

        var compressed = new DeflateEncoder().CompressMessage(message, contextTakeover: false);

        Assert.Equal(PinnedJsonLength, compressed.Length);
        Assert.Equal(PinnedJsonSha256, Convert.ToHexString(SHA256.HashData(compressed)));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(15)]
    public void CompressMessage_TwoEncoders_GiveIdenticalBytes(int windowBits)
    {
        var first = new DeflateEncoder(windowBits);
        var second = new DeflateEncoder(windowBits);

        for (var i = 0; i < 6; i++)
        {
            var message = i % 2 == 0 ? CompressionTestData.Json(150_000, seed: i) : CompressionTestData.English(50_000, seed: i);
            var takeover = i != 3;

            Assert.Equal(first.CompressMessage(message, takeover), second.CompressMessage(message, takeover));
        }
    }

    private const int PinnedJsonLength = 43551;
    private const string PinnedJsonSha256 = "66F7974CAC11B6EBACFD6BDD81C846984E56236F1A449336921E9E647C3BA72D";
}
