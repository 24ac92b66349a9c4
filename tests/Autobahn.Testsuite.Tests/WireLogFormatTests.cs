using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests;

public class WireLogFormatTests
{
    [Fact]
    public void Row_ReceivedFrame_AsWstestsJsonOnOneLine()
    {
        var entry = new WireLogEntry { Kind = "RF", Values = [new object?[] { 13, "Hello, world!" }, 1, true, 0, false, null] };

        Assert.Equal("""["RF", [13, "Hello, world!"], 1, true, 0, false, null]""", WireLogFormat.Row(entry));
    }

    [Fact]
    public void Row_EscapesAsPython_FloatsAsRepr_OctetsAsHex()
    {
        var entry = new WireLogEntry { Kind = "TO", Values = ["\u00e9\"<", 0.5, 1.0, new byte[] { 0x0a, 0xff }] };

        Assert.Equal("""["TO", "\u00e9\"<", 0.5, 1.0, "0aff"]""", WireLogFormat.Row(entry));
    }
}
