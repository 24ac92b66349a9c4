using System.Text;
using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

public class DeflateDecoderTests
{
    private static byte[] Inflate(DeflateDecoder decoder, byte[] compressed, bool resetContext, int split)
    {
        var output = new List<byte>();
        decoder.StartMessage(resetContext);
        for (var i = 0; i < compressed.Length; i += split)
        {
            decoder.Decompress(compressed.AsMemory(i, Math.Min(split, compressed.Length - i)), span => output.AddRange(span.ToArray()));
        }

        decoder.EndMessage(span => output.AddRange(span.ToArray()));
        return [.. output];
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 7)]
    [InlineData(false, 1)]
    [InlineData(false, 1000)]
    public void Messages_CompressedByOurEncoder_InflateInAnySplit(bool contextTakeover, int split)
    {
        var encoder = new DeflateEncoder(9);
        using var decoder = new DeflateDecoder();
        for (var m = 0; m < 20; m++)
        {
            var message = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"message {m}: Ärger über Öl, ", 50)));
            var compressed = encoder.CompressMessage(message, contextTakeover);
            Assert.Equal(message, Inflate(decoder, compressed, resetContext: !contextTakeover, split));
        }
    }

    [Fact]
    public void ContextTakeover_WithoutReset_ReadsBackReferencesIntoThePreviousMessage()
    {
        var encoder = new DeflateEncoder();
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"{i * 7919 % 1000:000}")));
        encoder.CompressMessage(message, contextTakeover: true);
        var second = encoder.CompressMessage(message, contextTakeover: true);
        Assert.True(second.Length < 20, "the repeated message should be one back-reference");

        using var shared = new DeflateDecoder();
        Inflate(shared, new DeflateEncoder().CompressMessage(message, true), resetContext: false, split: 100);
        Assert.Equal(message, Inflate(shared, second, resetContext: false, split: 100));

        // A decoder that forgot the context cannot inflate it: server_no_context_takeover must reset only when negotiated.
        using var fresh = new DeflateDecoder();
        Assert.ThrowsAny<InvalidDataException>(() => Inflate(fresh, second, resetContext: true, split: 100));
    }

    [Fact]
    public void Garbage_ThrowsInvalidDataException()
    {
        using var decoder = new DeflateDecoder();
        Assert.ThrowsAny<InvalidDataException>(() => Inflate(decoder, [0xff, 0xff, 0xff, 0xff, 0xff], resetContext: true, split: 5));
    }
}
