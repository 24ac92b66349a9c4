using System.Text;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class FrameWriterTests
{
    private static readonly byte[] NoMask = [];

    [Fact]
    public void Encode_EmptyTextUnmasked_IsTwoBytes()
    {
        var frame = FrameWriter.Encode(Opcodes.Text, [], fin: true, rsv: 0, NoMask);

        Assert.Equal(Convert.FromHexString("8100"), frame);
    }

    [Fact]
    public void Encode_HelloUnmasked_MatchesRfc6455Section57()
    {
        var frame = FrameWriter.Encode(Opcodes.Text, "Hello"u8, fin: true, rsv: 0, NoMask);

        Assert.Equal(Convert.FromHexString("810548656c6c6f"), frame);
    }

    [Fact]
    public void Encode_HelloMaskedWithRfcKey_MatchesRfc6455Section57()
    {
        var frame = FrameWriter.Encode(Opcodes.Text, "Hello"u8, fin: true, rsv: 0, Convert.FromHexString("37fa213d"));

        Assert.Equal(Convert.FromHexString("818537fa213d7f9f4d5158"), frame);
    }

    [Fact]
    public void Encode_HelloMaskedWithKey01020304_SetsMaskBitWritesKeyAndMasksPayload()
    {
        var frame = FrameWriter.Encode(Opcodes.Text, "Hello"u8, fin: true, rsv: 0, Convert.FromHexString("01020304"));

        Assert.Equal(Convert.FromHexString("81850102030449676f686e"), frame);
    }

    [Fact]
    public void Encode_Masked_LeavesInputUntouched()
    {
        var payload = Encoding.ASCII.GetBytes("Hello");

        FrameWriter.Encode(Opcodes.Text, payload, fin: true, rsv: 0, Convert.FromHexString("01020304"));

        Assert.Equal(Convert.FromHexString("48656c6c6f"), payload);
    }

    [Fact]
    public void Encode_EmptyPayloadMasked_WritesKeyOnly()
    {
        var frame = FrameWriter.Encode(Opcodes.Ping, [], fin: true, rsv: 0, Convert.FromHexString("a1b2c3d4"));

        Assert.Equal(Convert.FromHexString("8980a1b2c3d4"), frame);
    }

    [Theory]
    [InlineData(0L, "8100")]
    [InlineData(125L, "817d")]
    [InlineData(126L, "817e007e")]
    [InlineData(65535L, "817effff")]
    [InlineData(65536L, "817f0000000000010000")]
    [InlineData(0x7FFFFFFFFFFFFFFFL, "817f7fffffffffffffff")]
    public void EncodeHeader_Length_UsesMinimalForm(long length, string expectedHex)
    {
        var header = FrameWriter.EncodeHeader(Opcodes.Text, length, fin: true, rsv: 0, NoMask);

        Assert.Equal(Convert.FromHexString(expectedHex), header);
    }

    [Theory]
    [InlineData(125L, "81fd")]
    [InlineData(126L, "81fe007e")]
    [InlineData(65535L, "81feffff")]
    [InlineData(65536L, "81ff0000000000010000")]
    public void EncodeHeader_LengthMasked_PutsKeyAfterExtendedLength(long length, string expectedPrefixHex)
    {
        var header = FrameWriter.EncodeHeader(Opcodes.Text, length, fin: true, rsv: 0, Convert.FromHexString("01020304"));

        Assert.Equal(Convert.FromHexString(expectedPrefixHex + "01020304"), header);
    }

    [Theory]
    [InlineData(125, "827d")]
    [InlineData(126, "827e007e")]
    [InlineData(65535, "827effff")]
    [InlineData(65536, "827f0000000000010000")]
    public void Encode_PayloadLength_HeaderFormThenPayload(int length, string expectedHeaderHex)
    {
        var payload = FrameWriter.RepeatPayload([0xfe], length);

        var frame = FrameWriter.Encode(Opcodes.Binary, payload, fin: true, rsv: 0, NoMask);

        var expectedHeader = Convert.FromHexString(expectedHeaderHex);
        Assert.Equal(expectedHeader.Length + length, frame.Length);
        Assert.Equal(expectedHeader, frame[..expectedHeader.Length]);
        Assert.True(frame.AsSpan(expectedHeader.Length).IndexOfAnyExcept((byte)0xfe) < 0);
    }

    [Theory]
    [InlineData(1, true, 0, "81")]
    [InlineData(1, false, 0, "01")]
    [InlineData(0, false, 0, "00")]
    [InlineData(15, false, 7, "7f")]
    [InlineData(15, true, 7, "ff")]
    [InlineData(1, true, 4, "c1")]
    [InlineData(2, true, 2, "a2")]
    [InlineData(9, false, 1, "19")]
    [InlineData(5, true, 8, "85")] // rsv % 8
    [InlineData(1, true, 12, "c1")] // rsv % 8 == 4
    [InlineData(129, true, 0, "81")] // opcode % 128
    [InlineData(16, true, 0, "90")] // opcode % 128 spills into the RSV bits, as in autobahn
    public void EncodeHeader_FinRsvOpcode_FirstByteAsAutobahn(int opcode, bool fin, int rsv, string expectedFirstByteHex)
    {
        var header = FrameWriter.EncodeHeader(opcode, 0, fin, rsv, NoMask);

        Assert.Equal(Convert.FromHexString(expectedFirstByteHex + "00"), header);
    }

    [Fact]
    public void Encode_InvalidControlFrame_IsWrittenAsAsked()
    {
        // A fragmented ping with 126 bytes and RSV1: three violations, written without complaint (wstest 2.5, 3.x).
        var frame = FrameWriter.Encode(Opcodes.Ping, new byte[126], fin: false, rsv: 4, NoMask);

        Assert.Equal(Convert.FromHexString("497e007e"), frame[..4]);
        Assert.Equal(130, frame.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void EncodeHeader_MaskKeyNotZeroOrFourBytes_Throws(int keyLength)
    {
        Assert.Throws<ArgumentException>(() => FrameWriter.EncodeHeader(Opcodes.Text, 0, true, 0, new byte[keyLength]));
    }

    [Fact]
    public void EncodeHeader_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameWriter.EncodeHeader(Opcodes.Text, -1, true, 0, NoMask));
    }

    [Fact]
    public void RepeatPayload_WstestBaseLength25_RepeatsTwiceThenPrefix()
    {
        var payload = FrameWriter.RepeatPayload("BAsd7&jh23"u8, 25);

        Assert.Equal(Convert.FromHexString("4241736437266a6832334241736437266a6832334241736437"), payload);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "42")]
    [InlineData(9, "4241736437266a6832")]
    [InlineData(10, "4241736437266a683233")]
    [InlineData(11, "4241736437266a68323342")]
    [InlineData(20, "4241736437266a6832334241736437266a683233")]
    public void RepeatPayload_LengthAroundBaseLength_RepeatsThenTruncates(long length, string expectedHex)
    {
        var payload = FrameWriter.RepeatPayload("BAsd7&jh23"u8, length);

        Assert.Equal(Convert.FromHexString(expectedHex), payload);
    }

    [Theory]
    [InlineData(65536)]
    [InlineData(1_000_003)]
    public void RepeatPayload_LargeLength_MatchesNaiveRepetition(int length)
    {
        var basePayload = Convert.FromHexString("00fe23faf0"); // wstest 9.6.x

        var payload = FrameWriter.RepeatPayload(basePayload, length);

        Assert.Equal(length, payload.Length);
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] != basePayload[i % basePayload.Length])
            {
                Assert.Fail($"byte {i} is {payload[i]:x2}, expected {basePayload[i % basePayload.Length]:x2}");
            }
        }
    }

    [Fact]
    public void RepeatPayload_EmptyBaseAndPositiveLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => FrameWriter.RepeatPayload([], 1));
    }

    [Fact]
    public void RepeatPayload_EmptyBaseAndZeroLength_IsEmpty()
    {
        Assert.Empty(FrameWriter.RepeatPayload([], 0));
    }

    [Fact]
    public void RepeatPayload_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameWriter.RepeatPayload("a"u8, -1));
    }
}
