using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>No back-reference may reach farther than 2^windowBits (RFC 7692 §7.1.2.1).</summary>
public class DeflateEncoderWindowTests
{
    public static TheoryData<int> AllWindowBits() => [8, 9, 10, 11, 12, 13, 14, 15];

    [Theory]
    [MemberData(nameof(AllWindowBits))]
    public void CompressMessage_RepeatsAt200And600_ReachesOnlyRepeatsInsideTheWindow(int windowBits)
    {
        // A random 300-byte chunk again 600 bytes later, then a random 200-byte block repeated (distance 200).
        var chunk = CompressionTestData.RandomBytes(300, seed: 20);
        byte[] message = [.. chunk, .. CompressionTestData.RandomBytes(300, seed: 21), .. chunk, .. CompressionTestData.Periodic(200, 600, seed: 22)];

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
        Assert.InRange(inspection.MaxDistance, 1, 1 << windowBits);
        Assert.Contains(200, inspection.Distances);
        Assert.Equal(windowBits >= 10, inspection.Distances.Contains(600));
        Assert.True(message.AsSpan().SequenceEqual(PermessageDeflateReader.DecodeStandalone(compressed, message.Length)));
    }

    [Theory]
    [MemberData(nameof(AllWindowBits))]
    public void CompressMessage_PeriodJustInsideWindow_MatchesAtThePeriod(int windowBits)
    {
        var window = 1 << windowBits;
        var message = CompressionTestData.Periodic(window - 16, 4 * window, seed: windowBits);

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
        Assert.Contains(window - 16, inspection.Distances);
        Assert.InRange(inspection.MaxDistance, 1, window);
        Assert.True(compressed.Length < message.Length / 2);
    }

    [Theory]
    [MemberData(nameof(AllWindowBits))]
    public void CompressMessage_PeriodJustOutsideWindow_NeverReachesBack(int windowBits)
    {
        var window = 1 << windowBits;
        var message = CompressionTestData.Periodic(window + 16, 4 * window, seed: windowBits);

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
        Assert.DoesNotContain(window + 16, inspection.Distances);
        Assert.InRange(inspection.MaxDistance, 0, window);
        Assert.True(compressed.Length > message.Length * 0.9, $"{compressed.Length} of {message.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(AllWindowBits))]
    public void CompressMessage_PeriodOfExactlyTheWindow_StaysOneByteShort(int windowBits)
    {
        // RFC 1951 would allow distance 2^windowBits; the encoder stops one byte short (see DeflateEncoder).
        var window = 1 << windowBits;
        var message = CompressionTestData.Periodic(window, 3 * window, seed: windowBits);

        var compressed = new DeflateEncoder(windowBits).CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
        Assert.InRange(inspection.MaxDistance, 0, window - 1);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(15)]
    public void CompressMessage_ContextTakeover_ReachesIntoEarlierMessagesOnlyWithinTheWindow(int windowBits)
    {
        var window = 1 << windowBits;
        var near = CompressionTestData.RandomBytes(window / 2, seed: 30);
        var far = CompressionTestData.RandomBytes(window + 100, seed: 31);
        var encoder = new DeflateEncoder(windowBits);
        byte[][] messages = [near, near, far, far];
        using var reader = new PermessageDeflateReader();

        byte[][] compressed = [.. messages.Select(m => encoder.CompressMessage(m, contextTakeover: true))];

        foreach ((var message, var payload) in messages.Zip(compressed))
        {
            Assert.True(message.AsSpan().SequenceEqual(reader.Decode(payload, message.Length)));
        }

        var inspection = DeflateInspector.InspectMessages(compressed);
        Assert.InRange(inspection.MaxDistance, 1, window);
        Assert.Contains(near.Length, inspection.Distances);
        Assert.DoesNotContain(far.Length, inspection.Distances);
        Assert.True(compressed[1].Length < near.Length / 10);
        Assert.True(compressed[3].Length >= far.Length);
    }
}
