using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class ClosePayloadTests
{
    [Theory]
    [InlineData("")]
    [InlineData("03")]
    public void Parse_FewerThanTwoBytes_NoCodeNoReason(string hex)
    {
        (var code, var reason) = ClosePayload.Parse(Convert.FromHexString(hex));

        Assert.Null(code);
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("03e8", 1000)]
    [InlineData("0000", 0)]
    [InlineData("ffff", 65535)]
    [InlineData("0bb8", 3000)]
    public void Parse_TwoBytes_BigEndianCodeNoReason(string hex, int expectedCode)
    {
        (var code, var reason) = ClosePayload.Parse(Convert.FromHexString(hex));

        Assert.Equal(expectedCode, code);
        Assert.Null(reason);
    }

    [Fact]
    public void Parse_CodeAndReason_SplitsAfterTwoBytes()
    {
        (var code, var reason) = ClosePayload.Parse(Convert.FromHexString("03e8cebae1bdb9cf83cebcceb5eda080656469746564"));

        Assert.Equal(1000, code);
        Assert.Equal(Convert.FromHexString("cebae1bdb9cf83cebcceb5eda080656469746564"), reason);
    }

    [Fact]
    public void Build_CodeOnly_TwoBytesBigEndian()
    {
        Assert.Equal(Convert.FromHexString("03e8"), ClosePayload.Build(1000, []));
    }

    [Fact]
    public void Build_CodeAndReason_CodeThenReason()
    {
        Assert.Equal(Convert.FromHexString("138748656c6c6f"), ClosePayload.Build(4999, "Hello"u8));
    }

    [Fact]
    public void Build_NoCodeNoReason_Empty()
    {
        Assert.Empty(ClosePayload.Build(null, []));
    }

    [Fact]
    public void Build_InvalidCodes_WrittenAsAsked()
    {
        // wstest 7.9.x sends codes the RFC forbids.
        Assert.Equal(Convert.FromHexString("0000"), ClosePayload.Build(0, []));
        Assert.Equal(Convert.FromHexString("03ed"), ClosePayload.Build(1005, []));
        Assert.Equal(Convert.FromHexString("ffff"), ClosePayload.Build(65535, []));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Build_CodeOutside16Bits_Throws(int code)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClosePayload.Build(code, []));
    }

    [Fact]
    public void Parse_BuildOutput_RoundTrips()
    {
        (var code, var reason) = ClosePayload.Parse(ClosePayload.Build(3999, "bye"u8));

        Assert.Equal(3999, code);
        Assert.Equal("bye"u8.ToArray(), reason);
    }
}
