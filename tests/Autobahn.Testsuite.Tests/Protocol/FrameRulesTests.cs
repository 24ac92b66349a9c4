using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class FrameRulesTests
{
    [Theory]
    [InlineData(126, 0UL, true)]
    [InlineData(126, 125UL, true)]
    [InlineData(126, 126UL, false)]
    [InlineData(126, 65535UL, false)]
    [InlineData(127, 0UL, true)]
    [InlineData(127, 125UL, true)]
    [InlineData(127, 126UL, true)]
    [InlineData(127, 65535UL, true)]
    [InlineData(127, 65536UL, false)]
    [InlineData(127, 0x7FFFFFFFFFFFFFFFUL, false)]
    [InlineData(127, 0xFFFFFFFFFFFFFFFFUL, false)]
    [InlineData(0, 0UL, false)]
    [InlineData(125, 125UL, false)]
    public void IsNonMinimalLength_LengthFieldAndLength_DetectsWastedBytes(int lengthField, ulong length, bool expected)
    {
        Assert.Equal(expected, FrameRules.IsNonMinimalLength(lengthField, length));
    }

    [Theory]
    [InlineData(0UL, false)]
    [InlineData(0x7FFFFFFFFFFFFFFFUL, false)]
    [InlineData(0x8000000000000000UL, true)]
    [InlineData(0xFFFFFFFFFFFFFFFFUL, true)]
    public void IsLengthTooLarge_MostSignificantBit_Detected(ulong length, bool expected)
    {
        Assert.Equal(expected, FrameRules.IsLengthTooLarge(length));
    }

    [Fact]
    public void ReasonTexts_FormattedOnes_MatchAutobahnProtocolPy()
    {
        Assert.Equal("RSV = 4 and no extension negotiated", FrameRules.RsvWithoutExtension(4));
        Assert.Equal("control frame using reserved opcode 11", FrameRules.ReservedControlOpcode(11));
        Assert.Equal("data frame using reserved opcode 3", FrameRules.ReservedDataOpcode(3));
        Assert.Equal(
            "encountered invalid UTF-8 while processing text message at payload octet index 12",
            FrameRules.InvalidUtf8InText(12));
        Assert.Equal(
            "UTF-8 text message payload ended within Unicode code point at payload octet index 1",
            FrameRules.Utf8EndsInsideCodePoint(1));
        Assert.Equal("invalid close code 1004", FrameRules.InvalidCloseCode(1004));
    }

    [Fact]
    public void ReasonTexts_Constants_MatchAutobahnProtocolPy()
    {
        // Pinned: these strings appear in wstest's reports (protocol.py processDataHybi / onCloseFrame).
        Assert.Equal("masked server-to-client frame", FrameRules.MaskedServerFrame);
        Assert.Equal("fragmented control frame", FrameRules.FragmentedControlFrame);
        Assert.Equal("control frame with payload length > 125 octets", FrameRules.ControlFrameTooLong);
        Assert.Equal("received close control frame with payload len 1", FrameRules.ClosePayloadLengthOne);
        Assert.Equal("received continuation data frame outside fragmented message", FrameRules.ContinuationOutsideMessage);
        Assert.Equal("received non-continuation data frame while inside fragmented message", FrameRules.DataFrameInsideMessage);
        Assert.Equal("invalid data frame length (not using minimal length encoding)", FrameRules.NonMinimalLength);
        Assert.Equal("invalid data frame length (>2^63)", FrameRules.LengthTooLarge);
        Assert.Equal("received compressed control frame [permessage-deflate]", FrameRules.CompressedControlFrame);
        Assert.Equal("received continuation data frame with compress bit set [permessage-deflate]", FrameRules.CompressedContinuation);
        Assert.Equal("invalid close reason (non-UTF-8 payload)", FrameRules.InvalidCloseReason);
        Assert.Equal(125, FrameRules.MaxControlPayload);
    }
}
