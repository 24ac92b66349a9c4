using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class FrameHeaderParserTests
{
    [Theory]
    [InlineData("8100")]                             // 7-bit, unmasked
    [InlineData("818537fa213d")]                     // 7-bit, masked
    [InlineData("827e0100")]                         // 16-bit, unmasked
    [InlineData("82fe010001020304")]                 // 16-bit, masked
    [InlineData("827f0000000000010000")]             // 64-bit, unmasked
    [InlineData("82ff000000000001000001020304")]     // 64-bit, masked
    public void TryParse_EveryShorterPrefix_NeedsMoreData(string headerHex)
    {
        var header = Convert.FromHexString(headerHex);

        for (var length = 0; length < header.Length; length++)
        {
            Assert.False(FrameHeaderParser.TryParse(header.AsSpan(0, length), out _, out _), $"prefix of {length} bytes");
        }

        Assert.True(FrameHeaderParser.TryParse(header, out var parsed, out _));
        Assert.Equal(header.Length, parsed.HeaderLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TryParseFirstTwoBytes_FewerThanTwoBytes_NeedsMoreData(int length)
    {
        Assert.False(FrameHeaderParser.TryParseFirstTwoBytes(new byte[length], out _, out _, out _, out _, out _));
    }

    [Fact]
    public void TryParseFirstTwoBytes_OnlyTwoBytesOfLongHeader_ReadsFirstStageFields()
    {
        var ok = FrameHeaderParser.TryParseFirstTwoBytes(
            Convert.FromHexString("7aff"), out var fin, out var rsv, out var opcode, out var masked, out var lengthField);

        Assert.True(ok);
        Assert.False(fin);
        Assert.Equal(7, rsv);
        Assert.Equal(10, opcode);
        Assert.True(masked);
        Assert.Equal(127, lengthField);
    }

    [Theory]
    [InlineData("8100", true, 0, 1)]
    [InlineData("0100", false, 0, 1)]
    [InlineData("c200", true, 4, 2)]
    [InlineData("f000", true, 7, 0)]
    [InlineData("3b00", false, 3, 11)]
    [InlineData("8f00", true, 0, 15)]
    public void TryParse_FirstByte_SplitsFinRsvOpcode(string hex, bool fin, int rsv, int opcode)
    {
        Assert.True(FrameHeaderParser.TryParse(Convert.FromHexString(hex), out var header, out _));

        Assert.Equal(fin, header.Fin);
        Assert.Equal(rsv, header.Rsv);
        Assert.Equal(opcode, header.Opcode);
    }

    [Fact]
    public void TryParse_RfcMaskedHello_ExtractsMaskKey()
    {
        var frame = Convert.FromHexString("818537fa213d7f9f4d5158");

        Assert.True(FrameHeaderParser.TryParse(frame, out var header, out var raw));

        Assert.Equal(new FrameHeader(true, 0, Opcodes.Text, true, header.MaskKey, 5, 5, 6), header);
        Assert.Equal(Convert.FromHexString("37fa213d"), header.MaskKey);
        Assert.Equal(5UL, raw);
    }

    [Fact]
    public void TryParse_MaskKey_IsACopy()
    {
        var frame = Convert.FromHexString("818537fa213d");

        FrameHeaderParser.TryParse(frame, out var header, out _);
        frame[2] = 0;

        Assert.Equal(Convert.FromHexString("37fa213d"), header.MaskKey);
    }

    [Fact]
    public void TryParse_Unmasked_MaskKeyIsNull()
    {
        Assert.True(FrameHeaderParser.TryParse(Convert.FromHexString("810548656c6c6f"), out var header, out _));

        Assert.False(header.Masked);
        Assert.Null(header.MaskKey);
        Assert.Equal(2, header.HeaderLength);
        Assert.Equal(5, header.PayloadLength);
    }

    [Theory]
    [InlineData("827e007e", 126UL, 4)]
    [InlineData("827effff", 65535UL, 4)]
    [InlineData("827e0000", 0UL, 4)]           // non-minimal, still parsed
    [InlineData("827e007d", 125UL, 4)]         // non-minimal, still parsed
    [InlineData("82fe0100a1b2c3d4", 256UL, 8)]
    public void TryParse_SixteenBitLength_ReadsBigEndian(string hex, ulong expectedLength, int expectedHeaderLength)
    {
        Assert.True(FrameHeaderParser.TryParse(Convert.FromHexString(hex), out var header, out var raw));

        Assert.Equal(126, header.LengthField);
        Assert.Equal(expectedLength, raw);
        Assert.Equal((long)expectedLength, header.PayloadLength);
        Assert.Equal(expectedHeaderLength, header.HeaderLength);
    }

    [Theory]
    [InlineData("827f0000000000010000", 65536UL)]
    [InlineData("827f0000000000000000", 0UL)]
    [InlineData("827f000000000000ffff", 65535UL)]
    [InlineData("827f0102030405060708", 0x0102030405060708UL)]
    [InlineData("827f7fffffffffffffff", 0x7FFFFFFFFFFFFFFFUL)]
    public void TryParse_SixtyFourBitLength_ReadsBigEndian(string hex, ulong expectedLength)
    {
        Assert.True(FrameHeaderParser.TryParse(Convert.FromHexString(hex), out var header, out var raw));

        Assert.Equal(127, header.LengthField);
        Assert.Equal(expectedLength, raw);
        Assert.Equal((long)expectedLength, header.PayloadLength);
        Assert.Equal(10, header.HeaderLength);
    }

    [Fact]
    public void TryParse_SixtyFourBitAllOnes_ReportsRawLengthAndNegativePayloadLength()
    {
        Assert.True(FrameHeaderParser.TryParse(Convert.FromHexString("827fffffffffffffffff"), out var header, out var raw));

        Assert.Equal(0xFFFFFFFFFFFFFFFFUL, raw);
        Assert.Equal(-1L, header.PayloadLength);
        Assert.True(FrameRules.IsLengthTooLarge(raw));
    }

    [Fact]
    public void TryParse_SixtyFourBitMaskedWithTrailingPayload_IgnoresPayload()
    {
        var frame = Convert.FromHexString("82ff0000000000010000a1b2c3d4" + "deadbeef");

        Assert.True(FrameHeaderParser.TryParse(frame, out var header, out var raw));

        Assert.Equal(65536UL, raw);
        Assert.Equal(14, header.HeaderLength);
        Assert.Equal(Convert.FromHexString("a1b2c3d4"), header.MaskKey);
    }

    [Fact]
    public void TryParse_WriterOutput_RoundTrips()
    {
        var key = Convert.FromHexString("01020304");
        foreach (var length in new long[] { 0, 1, 125, 126, 65535, 65536, 1L << 32, long.MaxValue })
        {
            var encoded = FrameWriter.EncodeHeader(Opcodes.Binary, length, fin: false, rsv: 4, key);

            Assert.True(FrameHeaderParser.TryParse(encoded, out var header, out var raw));

            Assert.Equal((ulong)length, raw);
            Assert.Equal(length, header.PayloadLength);
            Assert.Equal(encoded.Length, header.HeaderLength);
            Assert.False(header.Fin);
            Assert.Equal(4, header.Rsv);
            Assert.Equal(Opcodes.Binary, header.Opcode);
            Assert.Equal(key, header.MaskKey);
            Assert.False(FrameRules.IsNonMinimalLength(header.LengthField, raw));
        }
    }
}
