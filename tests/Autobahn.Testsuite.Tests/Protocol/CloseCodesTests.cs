using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class CloseCodesTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1002)]
    [InlineData(1003)]
    [InlineData(1007)]
    [InlineData(1008)]
    [InlineData(1009)]
    [InlineData(1010)]
    [InlineData(1011)]
    [InlineData(3000)]
    [InlineData(3999)]
    [InlineData(4000)]
    [InlineData(4999)]
    public void IsValidReceived_Wstest77Codes_Valid(int code)
    {
        Assert.True(CloseCodes.IsValidReceived(code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1004)]
    [InlineData(1005)]
    [InlineData(1006)]
    [InlineData(1016)]
    [InlineData(1100)]
    [InlineData(2000)]
    [InlineData(2999)]
    public void IsValidReceived_Wstest79Codes_Invalid(int code)
    {
        Assert.False(CloseCodes.IsValidReceived(code));
    }

    [Theory]
    [InlineData(1012)]
    [InlineData(1013)]
    [InlineData(1014)]
    [InlineData(1015)]
    public void IsValidReceived_IanaCodesAfter1011_InvalidAsInAutobahn(int code)
    {
        Assert.False(CloseCodes.IsValidReceived(code));
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(65535)]
    [InlineData(-1)]
    public void IsValidReceived_OutsideRegisteredRanges_Invalid(int code)
    {
        Assert.False(CloseCodes.IsValidReceived(code));
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(3000, true)]
    [InlineData(4999, true)]
    [InlineData(1001, false)]
    [InlineData(1002, false)]
    [InlineData(2999, false)]
    [InlineData(5000, false)]
    [InlineData(999, false)]
    public void IsAllowedForSendClose_Code_OnlyNormalOrApplicationRange(int code, bool expected)
    {
        Assert.Equal(expected, CloseCodes.IsAllowedForSendClose(code));
    }

    [Fact]
    public void Constants_Values_MatchRfc6455Section74()
    {
        Assert.Equal(
            new[] { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011 },
            new[]
            {
                CloseCodes.Normal, CloseCodes.GoingAway, CloseCodes.ProtocolError, CloseCodes.UnsupportedData,
                CloseCodes.InvalidPayload, CloseCodes.PolicyViolation, CloseCodes.MessageTooBig,
                CloseCodes.MandatoryExtension, CloseCodes.InternalError,
            });
    }
}
