using Autobahn.Testsuite.Cases;
using static Autobahn.Testsuite.Tests.Cases.CatalogAssert;

namespace Autobahn.Testsuite.Tests.Cases;

public class SectionOneToFiveCasesTests
{
    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 125, 1)]
    [InlineData(3, 126, 1)]
    [InlineData(4, 127, 1)]
    [InlineData(5, 128, 1)]
    [InlineData(6, 65535, 10)]
    [InlineData(7, 65536, 10)]
    public void Case1_x_N_FrameOfSize_EchoExpected(int n, int length, int killAfter)
    {
        var text = Case($"1.1.{n}");
        Steps(text, $"Frame op=1 fin=1 rsv=0 payload={StepText.Bytes(Repeat((byte)'*', length))}", $"KillAfter {killAfter}");
        Expected(text, [CaseEvent.Message(Repeat((byte)'*', length), isBinary: false)]);
        Close(text, true, [1000], true);

        var binary = Case($"1.2.{n}");
        Steps(binary, $"Frame op=2 fin=1 rsv=0 payload={StepText.Bytes(Repeat(0xFE, length))}", $"KillAfter {killAfter}");
        Expected(binary, [CaseEvent.Message(Repeat(0xFE, length), isBinary: true)]);
        Close(binary, true, [1000], true);
    }

    [Fact]
    public void Case1_1_8_ChopSize997_KillAfter10()
    {
        var definition = Case("1.1.8");
        Steps(definition, "Frame op=1 fin=1 rsv=0 payload=2a*65536 chop=997", "KillAfter 10");
        Expected(definition, [CaseEvent.Message(Repeat((byte)'*', 65536), isBinary: false)]);
        Close(definition, true, [1000], true);
        Assert.Equal(CaseVerdictRule.Standard, definition.Rule);
        Assert.False(definition.SuppressClose);

        Steps(Case("1.2.8"), "Frame op=2 fin=1 rsv=0 payload=fe*65536 chop=997", "KillAfter 10");
    }

    [Fact]
    public void Case2_3_BinaryPing_PongWithSameBytes()
    {
        var definition = Case("2.3");
        Steps(definition, "Frame op=9 fin=1 rsv=0 payload=00fffefdfcfb00ff", "CloseAfter 1");
        Expected(definition, [CaseEvent.Pong(Hex("00fffefdfcfb00ff"))]);
    }

    [Fact]
    public void Case2_5_OversizedPing_ServerFailsWith1002()
    {
        var definition = Case("2.5");
        Steps(definition, "Frame op=9 fin=1 rsv=0 payload=fe*126", "KillAfter 1");
        Expected(definition, []);
        Close(definition, false, [1002], false);
    }

    [Fact]
    public void Case2_7_UnsolicitedEmptyPong_ThenSendClose1000()
    {
        Steps(Case("2.7"), "Frame op=10 fin=1 rsv=0 payload=", "Close code=1000 reason=null", "CloseAfter 1");
        Steps(Case("2.8"), "Frame op=10 fin=1 rsv=0 payload=" + Convert.ToHexStringLower(Utf8("unsolicited pong payload")), "Close code=1000 reason=null", "CloseAfter 1");
    }

    [Fact]
    public void Case2_10_TenPings_TenPongsInOrder_CloseAfter3()
    {
        var definition = Case("2.10");
        var payloads = Enumerable.Range(0, 10).Select(i => Utf8($"payload-{i}")).ToArray();
        Steps(definition, [.. payloads.Select(p => $"Frame op=9 fin=1 rsv=0 payload={Convert.ToHexStringLower(p)}"), "CloseAfter 3"]);
        Expected(definition, [.. payloads.Select(CaseEvent.Pong)]);
        Close(definition, true, [1000], true);

        Steps(Case("2.11"), [.. payloads.Select(p => $"Frame op=9 fin=1 rsv=0 payload={Convert.ToHexStringLower(p)} chop=1"), "CloseAfter 3"]);
    }

    [Fact]
    public void Case3_3_Rsv3_EveryFrameSync_OkOrNonStrict()
    {
        var hello = Convert.ToHexStringLower(Utf8("Hello, world!"));
        var definition = Case("3.3");
        Steps(
            definition,
            $"Frame op=1 fin=1 rsv=0 payload={hello} sync",
            $"Frame op=1 fin=1 rsv=3 payload={hello} sync",
            "Frame op=9 fin=1 rsv=0 payload= sync",
            "KillAfter 1");
        Expected(definition, [CaseEvent.Text("Hello, world!")], []);
        Close(definition, false, [1002], false);
    }

    [Fact]
    public void Case3_6_DescriptionSaysPing_ButBinaryIsSent()
    {
        Steps(Case("3.6"), $"Frame op=2 fin=1 rsv=6 payload={Convert.ToHexStringLower(Utf8("Hello, world!"))}", "KillAfter 1");
        Steps(Case("3.7"), "Frame op=8 fin=1 rsv=7 payload=", "KillAfter 1");
    }

    [Fact]
    public void Case4_1_3_ReservedOpcode5BetweenTextAndPing_OkOrNonStrict()
    {
        var hello = Convert.ToHexStringLower(Utf8("Hello, world!"));
        var definition = Case("4.1.3");
        Steps(definition, $"Frame op=1 fin=1 rsv=0 payload={hello}", "Frame op=5 fin=1 rsv=0 payload=", "Frame op=9 fin=1 rsv=0 payload=", "KillAfter 1");
        Expected(definition, [CaseEvent.Text("Hello, world!")], []);
        Close(definition, false, [1002], false);

        Steps(Case("4.2.4"), $"Frame op=1 fin=1 rsv=0 payload={hello}", $"Frame op=14 fin=1 rsv=0 payload={hello}", "Frame op=9 fin=1 rsv=0 payload=", "KillAfter 1");
        Steps(
            Case("4.2.5"),
            $"Frame op=1 fin=1 rsv=0 payload={hello} chop=1", $"Frame op=15 fin=1 rsv=0 payload={hello} chop=1", "Frame op=9 fin=1 rsv=0 payload= chop=1", "KillAfter 1");
    }

    [Theory]
    [InlineData("4.1.1", 3)]
    [InlineData("4.2.1", 11)]
    public void Case4_x_1_EmptyReservedOpcode_ServerFails(string id, int opcode)
    {
        Steps(Case(id), $"Frame op={opcode} fin=1 rsv=0 payload=", "KillAfter 1");
        Expected(Case(id), []);
    }

    [Fact]
    public void Case5_12_ContinuationWithFin0OutsideMessage_ServerFails()
    {
        Steps(
            Case("5.12"),
            $"Frame op=0 fin=0 rsv=0 payload={Convert.ToHexStringLower(Utf8("non-continuation payload"))}",
            $"Frame op=1 fin=1 rsv=0 payload={Convert.ToHexStringLower(Utf8("Hello, world!"))}",
            "KillAfter 1");
        Assert.EndsWith(" sync", StepText.Of(Case("5.13").OnOpen)[0], StringComparison.Ordinal);
        Assert.EndsWith(" chop=1", StepText.Of(Case("5.14").OnOpen)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Case5_17_TwiceContinuationFin1TextFin0Continuation()
    {
        string F(string s) => Convert.ToHexStringLower(Utf8(s));
        var once = new[] { $"Frame op=0 fin=1 rsv=0 payload={F("fragment1")}", $"Frame op=1 fin=0 rsv=0 payload={F("fragment2")}", $"Frame op=0 fin=1 rsv=0 payload={F("fragment3")}" };
        Steps(Case("5.17"), [.. once, .. once, "KillAfter 1"]);
    }

    [Theory]
    [InlineData("5.19", "")]
    [InlineData("5.20", " sync")]
    public void Case5_19_ContinueLaterSplitsTheMessage_PongsThenMessage(string id, string sync)
    {
        string F(string s) => Convert.ToHexStringLower(Utf8(s));
        var definition = Case(id);
        Steps(
            definition,
            $"Frame op=1 fin=0 rsv=0 payload={F("fragment1")}{sync}",
            $"Frame op=0 fin=0 rsv=0 payload={F("fragment2")}{sync}",
            $"Frame op=9 fin=1 rsv=0 payload={F("pongme 1!")}{sync}",
            "ContinueLater 1 tag=null record=False",
            $"  Frame op=0 fin=0 rsv=0 payload={F("fragment3")}{sync}",
            $"  Frame op=0 fin=0 rsv=0 payload={F("fragment4")}{sync}",
            $"  Frame op=9 fin=1 rsv=0 payload={F("pongme 2!")}{sync}",
            $"  Frame op=0 fin=1 rsv=0 payload={F("fragment5")}{sync}",
            "  CloseAfter 1");
        Expected(definition, [CaseEvent.Pong(Utf8("pongme 1!")), CaseEvent.Pong(Utf8("pongme 2!")), CaseEvent.Text("fragment1fragment2fragment3fragment4fragment5")]);
        Close(definition, true, [1000], true);
    }
}
