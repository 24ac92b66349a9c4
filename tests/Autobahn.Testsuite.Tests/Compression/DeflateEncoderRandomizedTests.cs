using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>Seeded random message sequences: every setting, every mix of takeover, always decodable and in the window.</summary>
public class DeflateEncoderRandomizedTests
{
    [Theory]
    [InlineData(1, 8, 6)]
    [InlineData(2, 9, 6)]
    [InlineData(3, 15, 6)]
    [InlineData(4, 11, 1)]
    [InlineData(5, 13, 3)]
    [InlineData(6, 10, 4)]
    [InlineData(7, 8, 9)]
    [InlineData(8, 15, 0)]
    public void CompressMessage_RandomMessageSequences_RoundTripAndStayInTheWindow(int seed, int windowBits, int level)
    {
        var random = new Random(seed);
        var encoder = new DeflateEncoder(windowBits, level);
        using var reader = new PermessageDeflateReader();
        var payloads = new List<byte[]>();
        var output = new List<byte>();

        for (var i = 0; i < 30; i++)
        {
            var message = RandomMessage(random);
            var takeover = random.Next(3) != 0;

            var payload = encoder.CompressMessage(message, takeover);

            // A receiver without takeover could use a fresh inflater; a shared one must work for both.
            Assert.True(message.AsSpan().SequenceEqual(reader.Decode(payload, message.Length)), $"window bits {windowBits}, level {level}, message {i}");
            if (!takeover)
            {
                Assert.True(message.AsSpan().SequenceEqual(PermessageDeflateReader.DecodeStandalone(payload, message.Length)));
            }

            payloads.Add(payload);
            output.AddRange(message);
        }

        var inspection = DeflateInspector.InspectMessages([.. payloads]);
        Assert.True(output.SequenceEqual(inspection.Output));
        Assert.InRange(inspection.MaxDistance, 0, 1 << windowBits);
    }

    /// <summary>Segments of random bytes, copies of earlier segments at random distances, and byte runs.</summary>
    private static byte[] RandomMessage(Random random)
    {
        var length = random.Next(4) switch
        {
            0 => random.Next(0, 8),
            1 => random.Next(0, 600),
            2 => random.Next(0, 40_000),
            _ => random.Next(0, 300_000),
        };

        var data = new byte[length];
        var position = 0;
        while (position < length)
        {
            var segment = Math.Min(length - position, random.Next(1, 2000));
            var kind = random.Next(3);
            if (kind == 0 || position == 0)
            {
                random.NextBytes(data.AsSpan(position, segment));
            }
            else if (kind == 1)
            {
                var distance = random.Next(1, Math.Min(position, 40_000) + 1);
                for (var i = 0; i < segment; i++)
                {
                    data[position + i] = data[position + i - distance];
                }
            }
            else
            {
                data.AsSpan(position, segment).Fill((byte)random.Next(256));
            }

            position += segment;
        }

        return data;
    }
}
