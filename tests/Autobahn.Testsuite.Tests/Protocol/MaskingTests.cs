using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class MaskingTests
{
    private static readonly byte[] Key = Convert.FromHexString("37fa213d");

    [Fact]
    public void Apply_RfcHelloExample_MasksPayload()
    {
        var data = Convert.FromHexString("48656c6c6f");

        Masking.Apply(data, Key, 0);

        Assert.Equal(Convert.FromHexString("7f9f4d5158"), data);
    }

    [Theory]
    [InlineData(1L, "b244515b95")]
    [InlineData(2L, "69585b964e")]
    [InlineData(3L, "7552964d52")]
    [InlineData(4L, "7f9f4d5158")]
    [InlineData(5L, "b244515b95")]
    public void Apply_Offset_StartsAtKeyByteOffsetModuloFour(long offset, string expectedHex)
    {
        var data = Convert.FromHexString("48656c6c6f");

        Masking.Apply(data, Key, offset);

        Assert.Equal(Convert.FromHexString(expectedHex), data);
    }

    [Fact]
    public void Apply_ThreeChunksWithOffsets_EqualsMaskingOnce()
    {
        var payload = MakePayload(1000);
        var once = (byte[])payload.Clone();
        Masking.Apply(once, Key, 0);

        foreach ((var first, var second) in new[] { (1, 2), (3, 500), (7, 993), (0, 0), (333, 334), (64, 127), (999, 1000) })
        {
            var chunked = (byte[])payload.Clone();
            Masking.Apply(chunked.AsSpan(0, first), Key, 0);
            Masking.Apply(chunked.AsSpan(first, second - first), Key, first);
            Masking.Apply(chunked.AsSpan(second), Key, second);

            Assert.Equal(once, chunked);
        }
    }

    [Fact]
    public void Apply_EveryLengthAndPhase_MatchesBytewiseXor()
    {
        // Lengths up to 300 cover the SIMD block, the 8-byte word loop and the byte tail at every phase.
        var source = MakePayload(300);
        for (var length = 0; length <= source.Length; length++)
        {
            for (long offset = 0; offset < 8; offset++)
            {
                var data = source[..length];
                Masking.Apply(data, Key, offset);

                for (var i = 0; i < length; i++)
                {
                    if (data[i] != (byte)(source[i] ^ Key[(int)((offset + i) & 3)]))
                    {
                        Assert.Fail($"length {length}, offset {offset}: byte {i} differs");
                    }
                }
            }
        }
    }

    [Fact]
    public void Apply_Twice_RoundTrips()
    {
        var payload = MakePayload(4099);
        var data = (byte[])payload.Clone();

        Masking.Apply(data, Key, 5);
        Assert.NotEqual(payload, data);
        Masking.Apply(data, Key, 5);

        Assert.Equal(payload, data);
    }

    [Fact]
    public void Apply_LargeOffset_UsesOffsetModuloFour()
    {
        var a = MakePayload(100);
        var b = (byte[])a.Clone();

        Masking.Apply(a, Key, 1L << 40 | 3);
        Masking.Apply(b, Key, 3);

        Assert.Equal(b, a);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    public void Apply_KeyNotFourBytes_Throws(int keyLength)
    {
        Assert.Throws<ArgumentException>(() => Masking.Apply(new byte[4], new byte[keyLength], 0));
    }

    private static byte[] MakePayload(int length)
    {
        var payload = new byte[length];
        for (var i = 0; i < length; i++)
        {
            payload[i] = (byte)(i * 31 + 7);
        }

        return payload;
    }
}
