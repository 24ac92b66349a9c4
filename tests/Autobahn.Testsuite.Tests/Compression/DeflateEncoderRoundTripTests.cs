using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

public class DeflateEncoderRoundTripTests
{
    private static readonly string[] InputNames =
        ["empty", "one byte", "Hello", "64 KiB repeated text", "1 MiB JSON", "256 KiB random", "1 MiB zeros", "English prose"];

    private static readonly int[] WindowBitsUnderTest = [8, 9, 12, 15];

    public static TheoryData<string, int> Inputs()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in InputNames)
        {
            foreach (var windowBits in WindowBitsUnderTest)
            {
                data.Add(name, windowBits);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CompressMessage_NamedInput_RoundTripsThroughDeflateStream(string input, int windowBits)
    {
        var message = CompressionTestData.Named(input);

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        var decoded = PermessageDeflateReader.DecodeStandalone(compressed, message.Length);
        Assert.True(message.AsSpan().SequenceEqual(decoded));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CompressMessage_NamedInput_InspectorDecodesItWithinTheWindow(string input, int windowBits)
    {
        var message = CompressionTestData.Named(input);

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
        Assert.InRange(inspection.MaxDistance, 0, 1 << windowBits);
        Assert.False(inspection.SawFinalBlock);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(15)]
    public void CompressMessage_RandomBytes_FallsBackToStoredBlocks(int windowBits)
    {
        var message = CompressionTestData.RandomBytes(1024 * 1024, seed: 7);

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        // RFC 1951 §3.2.4: 5 bytes of header per stored block of at most 65535 bytes, plus the sync flush byte.
        var storedBlocks = (message.Length + 65534) / 65535;
        Assert.InRange(compressed.Length, message.Length, message.Length + (5 * storedBlocks) + 1);
        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.All(inspection.BlockTypes, type => Assert.Equal(0, type));
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
    }

    [Fact]
    public void CompressMessage_MixedCompressibleAndRandom_UsesStoredAndHuffmanBlocks()
    {
        byte[] message = [.. CompressionTestData.Json(100_000, seed: 4), .. CompressionTestData.RandomBytes(100_000, seed: 5), .. CompressionTestData.Json(100_000, seed: 6)];

        var compressed = new DeflateEncoder().CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
        Assert.Contains(0, inspection.BlockTypes);
        Assert.Contains(2, inspection.BlockTypes);
        Assert.True(message.AsSpan().SequenceEqual(PermessageDeflateReader.DecodeStandalone(compressed, message.Length)));
    }

    [Fact]
    public void CompressMessage_LongRunOfZeros_CompressesToAboutOneBitPerMatch()
    {
        var message = new byte[1024 * 1024];

        var compressed = new DeflateEncoder(windowBits: 8).CompressMessage(message, contextTakeover: false);

        // 1 MiB of zeros is one literal and ~4064 matches of 258 at distance 1: a few bits each.
        Assert.InRange(compressed.Length, 1, 2048);
        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.All(inspection.Distances, distance => Assert.Equal(1, distance));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void CompressMessage_EveryLevel_RoundTrips(int level)
    {
        var json = CompressionTestData.Json(200_000, seed: 8);
        var random = CompressionTestData.RandomBytes(70_000, seed: 9);
        var encoder = new DeflateEncoder(windowBits: 10, level);
        using var reader = new PermessageDeflateReader();

        foreach (var message in new[] { json, random, json, [], json })
        {
            var compressed = encoder.CompressMessage(message, contextTakeover: true);

            Assert.True(message.AsSpan().SequenceEqual(reader.Decode(compressed, message.Length)));
        }
    }

    [Fact]
    public void CompressMessage_HigherLevel_IsNotLarger()
    {
        var message = CompressionTestData.English(200_000, seed: 10);

        var fast = new DeflateEncoder(15, level: 1).CompressMessage(message, false).Length;
        var standard = new DeflateEncoder(15, level: 6).CompressMessage(message, false).Length;
        var best = new DeflateEncoder(15, level: 9).CompressMessage(message, false).Length;
        var stored = new DeflateEncoder(15, level: 0).CompressMessage(message, false).Length;

        Assert.True(best <= standard && standard < fast && fast < stored, $"level 9: {best}, 6: {standard}, 1: {fast}, 0: {stored}");
    }

    [Fact]
    public void CompressMessage_SixteenMebibytes_RoundTrips()
    {
        // The largest message the fuzzer sends (section 9 goes up to 16 MiB).
        var json = CompressionTestData.Json(4 * 1024 * 1024, seed: 11);
        byte[] message = [.. json, .. new byte[4 * 1024 * 1024], .. CompressionTestData.RandomBytes(4 * 1024 * 1024, seed: 12), .. json];

        var compressed = new DeflateEncoder().CompressMessage(message, contextTakeover: false);

        Assert.True(message.AsSpan().SequenceEqual(PermessageDeflateReader.DecodeStandalone(compressed, message.Length)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(16)]
    public void Constructor_WindowBitsOutside8To15_Throws(int windowBits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeflateEncoder(windowBits));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Constructor_LevelOutside0To9_Throws(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeflateEncoder(15, level));
    }
}
