using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests;

public class WireLogFormatTests
{
    [Fact]
    public void Row_ReceivedFrame_AsWstestsJsonOnOneLine()
    {
        var entry = new ReceivedFrameLogEntry { Length = 13, Payload = "Hello, world!", Opcode = 1, Fin = true, Rsv = 0, Masked = false };

        Assert.Equal("""["RF", [13, "Hello, world!"], 1, true, 0, false, null]""", WireLogFormat.Row(entry));
    }

    [Fact]
    public void Row_EscapesAsPython_FloatsAsRepr()
    {
        var continueLater = new CaseTimerLogEntry { Timer = CaseTimer.ContinueLater, Expired = false, Seconds = 0.5, Tag = "\u00e9\"<" };
        var killAfter = new CaseTimerLogEntry { Timer = CaseTimer.KillAfter, Expired = false, Seconds = 1.0 };

        Assert.Equal("""["CT", 0.5, "\u00e9\"<"]""", WireLogFormat.Row(continueLater));
        Assert.Equal("""["KL", 1.0]""", WireLogFormat.Row(killAfter));
    }

    [Theory]
    [InlineData(CaseTimer.ContinueLater, false, "CT")]
    [InlineData(CaseTimer.ContinueLater, true, "CTE")]
    [InlineData(CaseTimer.KillAfter, false, "KL")]
    [InlineData(CaseTimer.KillAfter, true, "KLE")]
    [InlineData(CaseTimer.CloseAfter, false, "TI")]
    [InlineData(CaseTimer.CloseAfter, true, "TIE")]
    public void Kind_CaseTimer_IsWstestsRowKind(CaseTimer timer, bool expired, string kind) =>
        Assert.Equal(kind, new CaseTimerLogEntry { Timer = timer, Expired = expired }.Kind);

    [Fact]
    public void Values_OctetsRows_KeepLengthAndHexAsOnePair()
    {
        Assert.Equal("""["RO", [2, "0aff"]]""", WireLogFormat.Row(new OctetsLogEntry { Received = true, Length = 2, Hex = "0aff" }));
        Assert.Equal("""["TO", [2, "0aff"], true]""", WireLogFormat.Row(new OctetsLogEntry { Received = false, Length = 2, Hex = "0aff", Sync = true }));
    }

    [Fact]
    public void ReportLines_SentFrame_FieldsThenPayloadAsWstestsReport()
    {
        var entry = new SentFrameLogEntry { Length = 13, Payload = "Hello, world!", Opcode = 9, Fin = true, Rsv = 0, MaskKey = "aaeb0471" };

        Assert.Equal(
            [
                "002 TX FRAME : OPCODE=9, FIN=True, RSV=0, PAYLOAD-LEN=13, MASK=aaeb0471, PAYLOAD-REPEAT-LEN=None, CHOPSIZE=None, SYNC=False",
                "               Hello, world!",
            ],
            WireLogFormat.ReportLines(entry, 2));
    }

    [Fact]
    public void ReportLines_SentFrameRepeatedAndChopped_ShowsWstestsSendFrameArguments()
    {
        var entry = new SentFrameLogEntry { Length = 1, Payload = "*", Opcode = 2, Fin = false, Rsv = 4, PayloadLength = 65536, ChopSize = 997, Sync = true };

        Assert.Equal(
            "010 TX FRAME : OPCODE=2, FIN=False, RSV=4, PAYLOAD-LEN=1, MASK=None, PAYLOAD-REPEAT-LEN=65536, CHOPSIZE=997, SYNC=True",
            WireLogFormat.ReportLines(entry, 10)[0]);
    }

    [Fact]
    public void ReportLines_ReceivedFrame_MaskHexlifiedTwiceAsInFuzzingPy()
    {
        var unmasked = new ReceivedFrameLogEntry { Length = 13, Payload = "Hello, world!", Opcode = 10, Fin = true, Rsv = 0, Masked = false };
        var masked = new ReceivedFrameLogEntry { Length = 0, Payload = "", Opcode = 8, Fin = true, Rsv = 0, Masked = true, MaskKey = "0a0b" };

        Assert.Equal(
            ["006 RX FRAME : OPCODE=10, FIN=True, RSV=0, PAYLOAD-LEN=13, MASKED=False, MASK=None", "               Hello, world!"],
            WireLogFormat.ReportLines(unmasked, 6));
        Assert.Equal(["007 RX FRAME : OPCODE=8, FIN=True, RSV=0, PAYLOAD-LEN=0, MASKED=True, MASK=30613062"], WireLogFormat.ReportLines(masked, 7));
    }

    [Fact]
    public void ReportLines_Octets_WrappedAtOneHundredAndIndented()
    {
        var hex = new string('a', 128) + " ...";
        var sent = new OctetsLogEntry { Received = false, Length = 245, Hex = hex };
        var received = new OctetsLogEntry { Received = true, Length = 15, Hex = "8a0d48656c6c6f2c20776f726c6421" };

        Assert.Equal(["000 TX OCTETS: " + new string('a', 100), new string(' ', 15) + new string('a', 28) + " ..."], WireLogFormat.ReportLines(sent, 0));
        Assert.Equal(["005 RX OCTETS: 8a0d48656c6c6f2c20776f726c6421"], WireLogFormat.ReportLines(received, 5));
        Assert.Empty(WireLogFormat.ReportLines(new OctetsLogEntry { Received = true, Length = 0, Hex = "" }, 1)); // wstest writes no line
    }

    [Theory]
    [InlineData(CaseTimer.ContinueLater, false, "DELAY 0.500000 sec for TAG later")]
    [InlineData(CaseTimer.ContinueLater, true, "DELAY TIMEOUT on TAG later")]
    [InlineData(CaseTimer.KillAfter, false, "FAIL CONNECTION AFTER 0.500000 sec")]
    [InlineData(CaseTimer.KillAfter, true, "FAILING CONNECTION")]
    [InlineData(CaseTimer.CloseAfter, false, "CLOSE CONNECTION AFTER 0.500000 sec")]
    [InlineData(CaseTimer.CloseAfter, true, "CLOSING CONNECTION")]
    public void ReportLines_CaseTimer_WstestsWords(CaseTimer timer, bool expired, string text) =>
        Assert.Equal(["004 " + text], WireLogFormat.ReportLines(new CaseTimerLogEntry { Timer = timer, Expired = expired, Seconds = 0.5, Tag = "later" }, 4));

    [Fact]
    public void ReportLines_WirelogSwitchAndTcpDrop_WstestsWords()
    {
        Assert.Equal(["002 WIRELOG DISABLED"], WireLogFormat.ReportLines(new WirelogSwitchLogEntry { Enabled = false }, 2));
        Assert.Equal(["003 WIRELOG ENABLED"], WireLogFormat.ReportLines(new WirelogSwitchLogEntry { Enabled = true }, 3));
        Assert.Equal("011 TCP DROPPED BY ME", WireLogFormat.TcpDropLine(droppedByMe: true, 11));
        Assert.Equal("011 TCP DROPPED BY PEER", WireLogFormat.TcpDropLine(droppedByMe: false, 11));
    }
}
