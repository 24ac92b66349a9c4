using Autobahn.Testsuite.Cases;
using static Autobahn.Testsuite.Tests.Cases.CatalogAssert;

namespace Autobahn.Testsuite.Tests.Cases;

public class SectionSevenAndTenCasesTests
{
    private static readonly string HelloHex = Convert.ToHexStringLower(Utf8("Hello World!"));

    [Fact]
    public void Case7_1_1_Message_FinishWhenDoneCloses()
    {
        var definition = Case("7.1.1");
        Steps(definition, $"Frame op=1 fin=1 rsv=0 payload={HelloHex}", "KillAfter 1");
        Expected(definition, [CaseEvent.Text("Hello World!")]);
        Close(definition, true, [1000], true);
        Assert.False(definition.SuppressClose);
        Assert.Equal(CaseVerdictRule.WrongCodeIsFailure, definition.Rule);
    }

    [Fact]
    public void Case7_1_2_SecondCloseIsARawFrame()
    {
        Steps(Case("7.1.2"), "Close code=1000 reason=null", "Frame op=8 fin=1 rsv=0 payload=", "KillAfter 1");
        Steps(Case("7.1.3"), "Close code=1000 reason=null", "Frame op=9 fin=1 rsv=0 payload=", "KillAfter 1");
        Steps(Case("7.1.4"), "Close code=1000 reason=null", $"Frame op=1 fin=1 rsv=0 payload={HelloHex}", "KillAfter 1");
        Steps(
            Case("7.1.5"),
            $"Frame op=1 fin=0 rsv=0 payload={Convert.ToHexStringLower(Utf8("fragment1"))}",
            "Close code=1000 reason=null",
            $"Frame op=0 fin=1 rsv=0 payload={Convert.ToHexStringLower(Utf8("fragment2"))}",
            "KillAfter 1");
    }

    [Fact]
    public void Case7_1_6_256KiBOfRepeatedPayload_ThenMessageCloseAndPing()
    {
        var definition = Case("7.1.6");
        Steps(
            definition,
            $"Frame op=1 fin=1 rsv=0 payload={Convert.ToHexStringLower(Utf8("BAsd7&jh23"))} len=262144",
            $"Frame op=1 fin=1 rsv=0 payload={HelloHex}",
            "Close code=1000 reason=null",
            "Frame op=9 fin=1 rsv=0 payload=",
            "KillAfter 1");
        Expected(definition, [CaseEvent.Text("Hello World!")], []);
        Close(definition, true, [1000], true);
        Assert.True(definition.SuppressClose);
        Assert.Equal(CaseVerdictRule.Informational716, definition.Rule);
    }

    [Fact]
    public void Case7_3_x_ClosePayloadLengths()
    {
        Steps(Case("7.3.1"), "CloseFrame code=null reason=null", "KillAfter 1");
        Close(Case("7.3.1"), true, [1000], true);
        Steps(Case("7.3.2"), "CloseFrame code=null reason=61", "KillAfter 1");
        Close(Case("7.3.2"), true, [1002], false);
        Steps(Case("7.3.3"), "Close code=1000 reason=null", "KillAfter 1");
        Steps(Case("7.3.4"), "Close code=1000 reason=Hello World!", "KillAfter 1");
        Steps(Case("7.3.5"), $"Close code=1000 reason={new string('*', 123)}", "KillAfter 1");
        Close(Case("7.3.5"), true, [1000], true);
        Steps(Case("7.3.6"), "CloseFrame code=1000 reason=2a*124", "KillAfter 1");
        Close(Case("7.3.6"), true, [1002], false);
    }

    [Fact]
    public void Case7_5_1_InvalidUtf8Reason_1002Or1007()
    {
        var definition = Case("7.5.1");
        var close = Assert.IsType<SendCloseFrame>(definition.OnOpen[0]);
        Assert.Equal(1000, close.Code);
        Assert.Equal(Hex("cebae1bdb9cf83cebcceb5eda080656469746564"), close.Reason);
        Assert.Equal(new KillAfter(1), definition.OnOpen[1]);
        Expected(definition, []);
        Close(definition, true, [1002, 1007], false);
        Assert.True(definition.SuppressClose);
    }

    [Fact]
    public void Case7_7_x_ValidCodes_NormalOrEchoedCode()
    {
        int[] codes = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999];
        for (var i = 0; i < codes.Length; i++)
        {
            var definition = Case($"7.7.{i + 1}");
            Steps(definition, $"CloseFrame code={codes[i]} reason=null", "KillAfter 1");
            Expected(definition, []);
            Close(definition, true, [1000, codes[i]], true);
            Assert.False(definition.SuppressClose);
            Assert.Equal($"Send close with valid close code {codes[i]}", definition.Description);
        }

        Assert.False(CaseCatalog.TryGet(CaseId.Parse("7.7.14"), out _));
    }

    [Fact]
    public void Case7_9_x_InvalidCodes_ProtocolError()
    {
        int[] codes = [0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999];
        for (var i = 0; i < codes.Length; i++)
        {
            var definition = Case($"7.9.{i + 1}");
            Steps(definition, $"CloseFrame code={codes[i]} reason=null", "KillAfter 1");
            Close(definition, true, [1002], false);
            Assert.Equal($"Send close with invalid close code {codes[i]}", definition.Description);
        }

        Assert.False(CaseCatalog.TryGet(CaseId.Parse("7.9.10"), out _));
    }

    [Fact]
    public void Case7_13_2_Sends65535_ThoughTheDescriptionSays65536()
    {
        var definition = Case("7.13.2");
        Steps(definition, "CloseFrame code=65535 reason=null", "KillAfter 1");
        Close(definition, true, [1000, 65535, 1002], false);
        Assert.Equal(CaseVerdictRule.InformationalUndefined, definition.Rule);
        Assert.True(definition.SuppressClose);
        Assert.Contains("65536", definition.Description, StringComparison.Ordinal);

        Steps(Case("7.13.1"), "CloseFrame code=5000 reason=null", "KillAfter 1");
        Close(Case("7.13.1"), true, [1000, 5000, 1002], false);
    }

    [Fact]
    public void Case10_1_1_AutoFragment1300_ThenMessage_KillAfter10()
    {
        var definition = Case("10.1.1");
        Steps(definition, "AutoFragmentSize 1300", "Message text payload=2a*65536", "KillAfter 10");
        Expected(definition, [CaseEvent.Message(Repeat((byte)'*', 65536), isBinary: false)]);
        Close(definition, true, [1000], true);
        Assert.Equal(CaseVerdictRule.AutoFragmentFrameCount, definition.Rule);
        Assert.False(definition.SuppressClose);
    }
}
