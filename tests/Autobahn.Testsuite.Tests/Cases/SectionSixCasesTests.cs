using System.Text;
using Autobahn.Testsuite.Cases;
using static Autobahn.Testsuite.Tests.Cases.CatalogAssert;

namespace Autobahn.Testsuite.Tests.Cases;

public class SectionSixCasesTests
{
    private const string Kosme = "cebae1bdb9cf83cebcceb5";
    private const string HelloUtf8 = "48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121";

    private static IEnumerable<CaseDefinition> GeneratedUtf8Cases =>
        CaseCatalog.All.Where(d => d.Id.Section == 6 && int.Parse(d.Id.Text.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) >= 5);

    [Fact]
    public void Case6_1_3_EmptyFramesAroundMiddle_EchoOfMiddle()
    {
        var definition = Case("6.1.3");
        Steps(
            definition,
            "Frame op=1 fin=0 rsv=0 payload=",
            $"Frame op=0 fin=0 rsv=0 payload={Convert.ToHexStringLower(Utf8("middle frame payload"))}",
            "Frame op=0 fin=1 rsv=0 payload=",
            "CloseAfter 1");
        Expected(definition, [CaseEvent.Text("middle frame payload")]);
    }

    [Fact]
    public void Case6_2_x_HelloPayload_IsThe29BytesTheDescriptionShows()
    {
        Assert.Contains(HelloUtf8, Case("6.2.1").Description, StringComparison.Ordinal);
        Steps(Case("6.2.1"), $"Message text payload={HelloUtf8}", "CloseAfter 1");
        Steps(Case("6.2.2"), $"Frame op=1 fin=0 rsv=0 payload={HelloUtf8[..30]}", $"Frame op=0 fin=1 rsv=0 payload={HelloUtf8[30..]}", "CloseAfter 1");
        Assert.Contains($"<br>{HelloUtf8[..30]}<br>", Case("6.2.2").Description, StringComparison.Ordinal);
        Expected(Case("6.2.2"), [CaseEvent.Message(Hex(HelloUtf8), isBinary: false)]);
    }

    [Fact]
    public void Case6_2_3_FragmentSize1_SplitsCodePoints()
    {
        var definition = Case("6.2.3");
        var message = Assert.IsType<SendMessage>(definition.OnOpen[0]);
        Assert.Equal(29, message.Payload.Length);
        Assert.Equal(1, message.FragmentSize);
        Assert.False(message.IsBinary);
        Steps(definition, $"Message text payload={HelloUtf8} fragment=1", "CloseAfter 1");
        Expected(definition, [CaseEvent.Text("Hello-µ@ßöäüàá-UTF-8!!")]);
        Close(definition, true, [1000], true);

        Steps(Case("6.2.4"), $"Message text payload={Kosme} fragment=1", "CloseAfter 1");
    }

    [Fact]
    public void Case6_3_x_LoneSurrogate_ServerFailsWith1007()
    {
        const string payload = Kosme + "eda080656469746564";
        Steps(Case("6.3.1"), $"Message text payload={payload}", "KillAfter 1");
        Steps(Case("6.3.2"), $"Message text payload={payload} fragment=1", "KillAfter 1");
        Expected(Case("6.3.2"), []);
        Close(Case("6.3.2"), false, [1007], false, fatal: true);
    }

    [Fact]
    public void Case6_4_1_ThreeFrames_TimersAAndBRecordTimeouts()
    {
        var definition = Case("6.4.1");
        Steps(
            definition,
            $"Frame op=1 fin=0 rsv=0 payload={Kosme}",
            "ContinueLater 1 tag=A record=True",
            "  Frame op=0 fin=0 rsv=0 payload=f4908080",
            "  ContinueLater 1 tag=B record=True",
            "    Frame op=0 fin=1 rsv=0 payload=656469746564",
            "    KillAfter 1");
        Expected(definition, [CaseEvent.Timeout("A")], [CaseEvent.Timeout("A"), CaseEvent.Timeout("B")]);
        Close(definition, false, [1007], false, fatal: true);
    }

    [Fact]
    public void Case6_4_2_SplitAtFirstBadOctet()
    {
        Steps(
            Case("6.4.2"),
            $"Frame op=1 fin=0 rsv=0 payload={Kosme}f4",
            "ContinueLater 1 tag=A record=True",
            "  Frame op=0 fin=0 rsv=0 payload=90",
            "  ContinueLater 1 tag=B record=True",
            "    Frame op=0 fin=1 rsv=0 payload=8080656469746564",
            "    KillAfter 1");
    }

    [Fact]
    public void Case6_4_3_ChopsOfOneFrame_AtCodePoints()
    {
        Steps(
            Case("6.4.3"),
            "BeginStreamedFrame 21",
            $"StreamedData {Kosme}",
            "ContinueLater 1 tag=A record=True",
            "  StreamedData f4908080",
            "  ContinueLater 1 tag=B record=True",
            "    StreamedData 656469746564",
            "    EndStreamedMessage",
            "    KillAfter 1");
    }

    [Fact]
    public void Case6_4_4_ChopsOfOneFrame_12Then1Then8Bytes()
    {
        var definition = Case("6.4.4");
        Steps(
            definition,
            "BeginStreamedFrame 21",
            $"StreamedData {Kosme}f4",
            "ContinueLater 1 tag=A record=True",
            "  StreamedData 90",
            "  ContinueLater 1 tag=B record=True",
            "    StreamedData 8080656469746564",
            "    EndStreamedMessage",
            "    KillAfter 1");
        var a = Assert.IsType<ContinueLater>(definition.OnOpen[2]);
        var b = Assert.IsType<ContinueLater>(a.Then[1]);
        Assert.Equal(
            [12, 1, 8],
            [((SendStreamedFrameData)definition.OnOpen[1]).Chunk.Length, ((SendStreamedFrameData)a.Then[0]).Chunk.Length, ((SendStreamedFrameData)b.Then[0]).Chunk.Length]);
        Expected(definition, [CaseEvent.Timeout("A")], [CaseEvent.Timeout("A"), CaseEvent.Timeout("B")]);
        Close(definition, false, [1007], false, fatal: true);
    }

    [Fact]
    public void Case6_6_x_PrefixesOfKosme_ValidOnlyOnCodePointBoundaries()
    {
        var kosme = Hex(Kosme);
        var valid = new List<int>();
        for (var k = 1; k <= 11; k++)
        {
            var definition = Case($"6.6.{k}");
            Steps(definition, $"Message text payload={Convert.ToHexStringLower(kosme[..k])}", "KillAfter 0.5");
            if (definition.ExpectedClose.ClosedByMe) valid.Add(k);
        }

        Assert.Equal([2, 5, 7, 9, 11], valid);
        Expected(Case("6.6.11"), [CaseEvent.Message(kosme, isBinary: false)]);
        Expected(Case("6.6.10"), []);
    }

    [Fact]
    public void Cases6_5To6_23_Are63ValidAnd69Invalid()
    {
        var cases = GeneratedUtf8Cases.ToArray();
        Assert.Equal(132, cases.Length);
        Assert.Equal(63, cases.Count(d => d.ExpectedClose.ClosedByMe));
        Assert.Equal(69, cases.Count(d => !d.ExpectedClose.ClosedByMe));
        Assert.Equal("6.5.1", cases[0].Id.Text);
        Assert.Equal("6.23.7", cases[^1].Id.Text);
    }

    [Fact]
    public void Cases6_5To6_23_PayloadAndVerdictShape_MatchTheirDescription()
    {
        var strict = new UTF8Encoding(false, true);
        foreach (var definition in GeneratedUtf8Cases)
        {
            var message = Assert.IsType<SendMessage>(definition.OnOpen[0]);
            Assert.Equal(new KillAfter(0.5), definition.OnOpen[1]);
            Assert.Equal(2, definition.OnOpen.Count);
            Assert.Null(message.FragmentSize);
            Assert.False(message.IsBinary);
            Assert.EndsWith("<br><br>Payload: 0x" + Convert.ToHexStringLower(message.Payload), definition.Description, StringComparison.Ordinal);

            var isValid = definition.Description.StartsWith("Send a text message with payload which is valid UTF-8", StringComparison.Ordinal);
            bool decodes;
            try
            {
                strict.GetString(message.Payload);
                decodes = true;
            }
            catch (DecoderFallbackException)
            {
                decodes = false;
            }

            Assert.True(isValid == decodes, $"{definition.Id}: wstest says valid={isValid}, a strict decoder says {decodes}.");
            if (isValid)
            {
                Expected(definition, [CaseEvent.Message(message.Payload, isBinary: false)]);
                Close(definition, true, [1000], true);
            }
            else
            {
                Expected(definition, []);
                Close(definition, false, [1007], false, fatal: true);
            }
        }
    }

    [Fact]
    public void Case6_12_8_AllContinuationBytes80ToBE()
    {
        var message = Assert.IsType<SendMessage>(Case("6.12.8").OnOpen[0]);
        Assert.Equal(Enumerable.Range(0x80, 63).Select(b => (byte)b), message.Payload);
    }
}
