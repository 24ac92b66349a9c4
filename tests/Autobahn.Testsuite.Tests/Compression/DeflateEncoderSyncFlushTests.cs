using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>Each message ends with a sync flush whose 00 00 ff ff is removed (RFC 7692 §7.2.1).</summary>
public class DeflateEncoderSyncFlushTests
{
    private static readonly byte[] SyncFlushTail = [0x00, 0x00, 0xFF, 0xFF];

    public static TheoryData<string> InputNames() =>
        ["empty", "one byte", "Hello", "64 KiB repeated text", "1 MiB JSON", "256 KiB random", "1 MiB zeros", "English prose"];

    [Fact]
    public void CompressMessage_EmptyMessage_IsTheSingleByte00()
    {
        // RFC 7692 §7.2.3.6: an empty message compresses to an empty stored block, 0x00 once the tail is removed.
        var compressed = new DeflateEncoder().CompressMessage([], contextTakeover: false);

        Assert.Equal([0x00], compressed);
        Assert.Empty(PermessageDeflateReader.DecodeStandalone(compressed, 0));
    }

    [Theory]
    [MemberData(nameof(InputNames))]
    public void CompressMessage_AnyInput_DoesNotEndWithTheSyncFlushTail(string input)
    {
        var message = CompressionTestData.Named(input);

        var compressed = new DeflateEncoder().CompressMessage(message, contextTakeover: false);

        Assert.False(compressed.AsSpan().EndsWith(SyncFlushTail));
    }

    [Theory]
    [MemberData(nameof(InputNames))]
    public void CompressMessage_WithTheTailAppended_EndsWithAnEmptyNonFinalStoredBlock(string input)
    {
        var message = CompressionTestData.Named(input);

        var compressed = new DeflateEncoder().CompressMessage(message, contextTakeover: false);

        var inspection = DeflateInspector.Inspect([.. compressed, .. SyncFlushTail]);
        Assert.Equal(0, inspection.BlockTypes[^1]);
        Assert.False(inspection.SawFinalBlock);
        Assert.True(message.AsSpan().SequenceEqual(inspection.Output));
    }

    [Fact]
    public void CompressMessage_WithoutTheTail_IsIncomplete()
    {
        // The removed LEN/NLEN really belong to the stream: without them the last stored block is cut short.
        var compressed = new DeflateEncoder().CompressMessage("Hello"u8, contextTakeover: false);

        Assert.Throws<InvalidDataException>(() => DeflateInspector.Inspect([.. compressed, 0x00]));
    }
}
