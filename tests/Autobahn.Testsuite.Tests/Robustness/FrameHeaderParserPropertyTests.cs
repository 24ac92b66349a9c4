using System.Diagnostics;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Property-based tests of <see cref="FrameHeaderParser"/> with a seeded PRNG and a time budget: random octets, random
/// frame streams, random splits. A failure prints the seed and the input so it can be replayed.
/// </summary>
public class FrameHeaderParserPropertyTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    [Fact]
    public void RandomOctets_ParseIsTotalAndConsistent()
    {
        var random = new Random(5_2);
        var iterations = 0;
        for (var stopwatch = Stopwatch.StartNew(); stopwatch.Elapsed < Budget; iterations++)
        {
            var buffer = new byte[random.Next(0, 20)];
            random.NextBytes(buffer);
            var hex = Convert.ToHexString(buffer);

            var firstTwo = FrameHeaderParser.TryParseFirstTwoBytes(buffer, out var fin, out var rsv, out var opcode, out var masked, out var lengthField);
            var parsed = FrameHeaderParser.TryParse(buffer, out var header, out var rawLength);
            Assert.True(firstTwo == buffer.Length >= 2, hex);
            if (!firstTwo)
            {
                Assert.False(parsed, hex);
                continue;
            }

            // RFC 6455 §5.2: 2 octets, then 2 or 8 octets of extended length for codes 126 and 127, then a 4-octet mask key.
            var required = 2 + (lengthField == 126 ? 2 : lengthField == 127 ? 8 : 0) + (masked ? 4 : 0);
            Assert.True(parsed == buffer.Length >= required, hex);
            if (!parsed) continue;

            Assert.Equal((fin, rsv, opcode, masked, lengthField, required), (header.Fin, header.Rsv, header.Opcode, header.Masked, header.LengthField, header.HeaderLength));
            Assert.Equal(unchecked((long)rawLength), header.PayloadLength);
            Assert.Equal(masked, header.MaskKey is not null);
            if (masked) Assert.Equal(buffer.AsSpan(required - 4, 4).ToArray(), header.MaskKey);
            if (lengthField < 126) Assert.Equal((ulong)lengthField, rawLength);

            // A header in the minimal form (and below 2^63) is exactly what the writer produces for it.
            if (!FrameRules.IsNonMinimalLength(lengthField, rawLength) && !FrameRules.IsLengthTooLarge(rawLength))
            {
                var written = FrameWriter.EncodeHeader(opcode, header.PayloadLength, fin, rsv, header.MaskKey ?? []);
                Assert.Equal(Convert.ToHexString(buffer, 0, required), Convert.ToHexString(written));
            }
        }

        Assert.True(iterations > 1000, $"only {iterations} iterations");
    }

    [Fact]
    public void RandomFrameStreams_SplitAnywhere_SameFramesAsOneBuffer()
    {
        var random = new Random(6455);
        var iterations = 0;
        for (var stopwatch = Stopwatch.StartNew(); stopwatch.Elapsed < Budget; iterations++)
        {
            var stream = RandomFrameStream(random);
            var whole = Read([stream]);
            var chunks = Split(stream, random);
            var split = Read(chunks);
            Assert.True(whole.SequenceEqual(split), $"iteration {iterations}: {Convert.ToHexString(stream)} split at {string.Join(",", chunks.Select(c => c.Length))}");
        }

        Assert.True(iterations > 200, $"only {iterations} iterations");
    }

    /// <summary>Frames with random fields, payload lengths in all three encodings (sometimes non-minimal), then random octets.</summary>
    internal static byte[] RandomFrameStream(Random random)
    {
        var stream = new List<byte>();
        for (var frames = random.Next(0, 6); frames > 0; frames--)
        {
            var length = random.Next(4) switch { 0 => random.Next(0, 126), 1 => random.Next(126, 400), 2 => random.Next(0, 10), _ => random.Next(65536, 65600) };
            var b0 = (byte)((random.Next(2) << 7) | (random.Next(8) << 4) | random.Next(16));
            var masked = random.Next(4) == 0;
            var code = random.Next(6) == 0 ? 127 : length < 126 ? length : length < 65536 ? 126 : 127;
            stream.Add(b0);
            stream.Add((byte)((masked ? 0x80 : 0) | code));
            if (code == 126) stream.AddRange([(byte)(length >> 8), (byte)length]);
            if (code == 127) stream.AddRange([0, 0, 0, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
            if (masked) stream.AddRange([(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)]);
            var payload = new byte[length];
            random.NextBytes(payload);
            stream.AddRange(payload);
        }

        var tail = new byte[random.Next(0, 16)];
        random.NextBytes(tail);
        stream.AddRange(tail);
        return [.. stream];
    }

    internal static List<byte[]> Split(byte[] stream, Random random)
    {
        var chunks = new List<byte[]>();
        for (var at = 0; at < stream.Length;)
        {
            var size = Math.Min(stream.Length - at, random.Next(3) == 0 ? random.Next(1, 4) : random.Next(1, 2000));
            chunks.Add(stream[at..(at + size)]);
            at += size;
        }

        return chunks;
    }

    /// <summary>
    /// Reads like the fuzzer (autobahn processDataHybi): append what arrives, parse a header when it is all there, then
    /// count payload octets as they come. Yields each header with the payload octets seen for it.
    /// </summary>
    private static List<string> Read(IEnumerable<byte[]> chunks)
    {
        var frames = new List<string>();
        var buffer = new List<byte>();
        FrameHeader? current = null;
        long payloadSeen = 0;
        foreach (var chunk in chunks)
        {
            buffer.AddRange(chunk);
            while (true)
            {
                if (current is null)
                {
                    if (!FrameHeaderParser.TryParse(buffer.ToArray(), out var header, out var raw)) break;
                    buffer.RemoveRange(0, header.HeaderLength);
                    current = header;
                    payloadSeen = 0;
                    frames.Add($"{header.Fin},{header.Rsv},{header.Opcode},{header.LengthField},{raw},{Convert.ToHexString(header.MaskKey ?? [])}");

                    // A length of 2^63 or more is a protocol violation (RFC 6455 §5.2): the fuzzer reads no payload of it.
                    if (FrameRules.IsLengthTooLarge(raw)) return [.. frames, "too large"];
                }

                var take = (int)Math.Min(current.Value.PayloadLength - payloadSeen, buffer.Count);
                buffer.RemoveRange(0, take);
                payloadSeen += take;
                if (payloadSeen < current.Value.PayloadLength) break;
                current = null;
            }
        }

        frames.Add($"incomplete {current is not null}:{payloadSeen}, {buffer.Count} octets left");
        return frames;
    }
}
