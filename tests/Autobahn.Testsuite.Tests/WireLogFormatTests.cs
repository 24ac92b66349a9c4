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
}
