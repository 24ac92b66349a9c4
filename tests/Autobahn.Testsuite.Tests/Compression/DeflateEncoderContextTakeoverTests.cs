using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>client_no_context_takeover (RFC 7692 §7.1.1.2) versus a shared LZ77 window across messages.</summary>
public class DeflateEncoderContextTakeoverTests
{
    [Theory]
    [InlineData(9)]
    [InlineData(15)]
    public void CompressMessage_NoContextTakeover_SecondIdenticalMessageGivesTheSameBytes(int windowBits)
    {
        var message = CompressionTestData.Json(4096, seed: 40);
        var encoder = new DeflateEncoder(windowBits);

        var first = encoder.CompressMessage(message, contextTakeover: false);
        var second = encoder.CompressMessage(message, contextTakeover: false);

        Assert.Equal(first, second);
        Assert.True(message.AsSpan().SequenceEqual(PermessageDeflateReader.DecodeStandalone(second, message.Length)));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(15)]
    public void CompressMessage_ContextTakeover_SecondIdenticalMessageIsMuchSmallerAndReferencesTheFirst(int windowBits)
    {
        var message = CompressionTestData.Json(400, seed: 41);
        var encoder = new DeflateEncoder(windowBits);

        var first = encoder.CompressMessage(message, contextTakeover: true);
        var second = encoder.CompressMessage(message, contextTakeover: true);

        Assert.True(second.Length * 10 < first.Length, $"first {first.Length} bytes, second {second.Length} bytes");
        using var reader = new PermessageDeflateReader();
        Assert.True(message.AsSpan().SequenceEqual(reader.Decode(first, message.Length)));
        Assert.True(message.AsSpan().SequenceEqual(reader.Decode(second, message.Length)));

        // Some match in the second message starts in it and reaches back before its first byte.
        var inspection = DeflateInspector.InspectMessages(first, second);
        Assert.Contains(
            inspection.Distances.Zip(inspection.MatchOutputOffsets),
            match => match.Second >= message.Length && match.Second - match.First < message.Length);
    }

    [Fact]
    public void CompressMessage_ContextTakeoverHello_ReferencesThePreviousHello()
    {
        var encoder = new DeflateEncoder();
        encoder.CompressMessage("Hello"u8, contextTakeover: true);

        var second = encoder.CompressMessage("Hello"u8, contextTakeover: true);

        // One fixed-Huffman match of length 5 at distance 5 (RFC 7692 §7.2.3.2 shows zlib's literal + 4-byte match).
        Assert.Equal(Convert.FromHexString("02130000"), second);
    }

    [Fact]
    public void CompressMessage_NoTakeoverAfterTakeover_ForgetsTheHistory()
    {
        var message = CompressionTestData.English(3000, seed: 42);
        var encoder = new DeflateEncoder(windowBits: 12);
        encoder.CompressMessage(message, contextTakeover: true);
        encoder.CompressMessage(message, contextTakeover: true);

        var afterReset = encoder.CompressMessage(message, contextTakeover: false);

        Assert.Equal(new DeflateEncoder(windowBits: 12).CompressMessage(message, contextTakeover: false), afterReset);
    }

    [Fact]
    public void Reset_AfterMessages_CompressesLikeANewEncoder()
    {
        var message = CompressionTestData.English(3000, seed: 43);
        var encoder = new DeflateEncoder();
        encoder.CompressMessage(message, contextTakeover: true);

        encoder.Reset();
        var afterReset = encoder.CompressMessage(message, contextTakeover: true);

        Assert.Equal(new DeflateEncoder().CompressMessage(message, contextTakeover: true), afterReset);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    public void CompressMessage_ManyMessagesWithTakeover_DecodeWithOneSharedStream(int windowBits)
    {
        // Sizes around the window, the 4-byte tail and the encoder's 128 KiB input chunk, so history crosses slides.
        int[] sizes = [0, 1, 2, 3, 4, 5, 17, 300, 4096, 70_000, 0, 1, 140_000, 5, 200_000, 1, 32768, 33000, 9];
        var encoder = new DeflateEncoder(windowBits);
        using var reader = new PermessageDeflateReader();
        var payloads = new List<byte[]>();
        var messages = new List<byte[]>();

        for (var i = 0; i < sizes.Length; i++)
        {
            var source = i % 3 == 2 ? CompressionTestData.English(sizes[i], seed: 50 + i) : CompressionTestData.Json(sizes[i], seed: 50);
            var payload = encoder.CompressMessage(source, contextTakeover: true);

            Assert.True(source.AsSpan().SequenceEqual(reader.Decode(payload, source.Length)), $"message {i}");
            payloads.Add(payload);
            messages.Add(source);
        }

        var inspection = DeflateInspector.InspectMessages([.. payloads]);
        Assert.True(messages.SelectMany(m => m).SequenceEqual(inspection.Output));
        Assert.InRange(inspection.MaxDistance, 1, 1 << windowBits);
    }

    [Fact]
    public void CompressMessage_PositionsRebasedOften_OutputUnchanged()
    {
        // Positions grow across messages and are shifted down past a threshold; shifting must not change any match.
        var normal = new DeflateEncoder(windowBits: 10);
        var rebasing = new DeflateEncoder(windowBits: 10) { PositionRebaseThreshold = 5000 };
        using var reader = new PermessageDeflateReader();

        for (var i = 0; i < 40; i++)
        {
            var message = CompressionTestData.Json(1000 + (i * 7919 % 300_000), seed: i % 4);
            var takeover = i % 5 != 0;

            var expected = normal.CompressMessage(message, takeover);
            var actual = rebasing.CompressMessage(message, takeover);

            Assert.Equal(expected, actual);
        }
    }
}
