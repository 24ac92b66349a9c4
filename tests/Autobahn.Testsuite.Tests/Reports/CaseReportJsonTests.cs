using System.Text.Json;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Reports;
using Autobahn.Testsuite.Tests.Servers;

namespace Autobahn.Testsuite.Tests.Reports;

public class CaseReportJsonTests
{
    [Theory]
    [MemberData(nameof(ReportSamples.Names), MemberType = typeof(ReportSamples))]
    public void Serialize_RepresentativeCase_MatchesGoldenFile(string name)
    {
        var result = ReportSamples.Get(name);

        Golden.AssertMatches($"{name}.json", CaseReportJson.Serialize(result, ReportSamples.Agent));
    }

    [Theory]
    [MemberData(nameof(ReportSamples.Names), MemberType = typeof(ReportSamples))]
    public void Serialize_RepresentativeCase_HasTheShapeOfAWstestReport(string name)
    {
        WstestReportShape.AssertCaseReport(CaseReportJson.Serialize(ReportSamples.Get(name), ReportSamples.Agent));
    }

    [Theory]
    [InlineData("ok_2_2", "OK", "OK")]
    [InlineData("non_strict_3_2", "NON-STRICT", "OK")]
    [InlineData("failed_2_2", "FAILED", "OK")]
    [InlineData("unclean_1_1_1", "OK", "UNCLEAN")]
    [InlineData("wrong_code_3_1", "OK", "WRONG CODE")]
    [InlineData("unimplemented_12_1_1", "UNIMPLEMENTED", "OK")]
    [InlineData("limits_9_1_1", "OK", "OK")]
    [InlineData("compression_12_1_1", "OK", "OK")]
    public void Serialize_Sample_CarriesItsVerdict(string name, string behavior, string behaviorClose)
    {
        using var json = JsonDocument.Parse(CaseReportJson.Serialize(ReportSamples.Get(name), ReportSamples.Agent));

        Assert.Equal(behavior, json.RootElement.GetProperty("behavior").GetString());
        Assert.Equal(behaviorClose, json.RootElement.GetProperty("behaviorClose").GetString());
    }

    [Fact]
    public void Serialize_StatsDicts_SortIntegerKeysNumericallyAsPythonDoes()
    {
        var text = CaseReportJson.Serialize(ReportSamples.Ok22(), ReportSamples.Agent);

        Assert.Contains("\"rxOctetStats\": {\n      \"4\": 1,\n      \"15\": 1,\n      \"129\": 1\n   }", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Ok22_ExpectedAndReceivedAreCleanedEvents()
    {
        using var json = JsonDocument.Parse(CaseReportJson.Serialize(ReportSamples.Ok22(), ReportSamples.Agent));
        var root = json.RootElement;

        var ok = Assert.Single(root.GetProperty("expected").EnumerateObject());
        Assert.Equal("OK", ok.Name);
        Assert.Equal(["pong", "Hello, world!"], ok.Value[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("pong", root.GetProperty("received")[0][0].GetString());
        Assert.Equal(18, root.GetProperty("case").GetInt32()); // 2.2 is the 18th of wstest's 517 cases
    }

    [Fact]
    public void Serialize_LongAndBinaryPayloads_AreShownAsAsciiLogDataDoes()
    {
        var result = ReportSamples.Ok22();
        var longText = new string('x', 100);
        result = result with
        {
            Transcript = result.Transcript with
            {
                Received = [CaseEvent.Text(longText), CaseEvent.Message([0xff, 0xfe], isBinary: true), CaseEvent.Timeout("A")],
            },
        };

        using var json = JsonDocument.Parse(CaseReportJson.Serialize(result, ReportSamples.Agent));
        var received = json.RootElement.GetProperty("received");

        Assert.Equal(new string('x', 64) + " ...", received[0][1].GetString());
        Assert.False(received[0][2].GetBoolean());
        Assert.Equal("0xfffe", received[1][1].GetString());
        Assert.True(received[1][2].GetBoolean());
        Assert.Equal("[\"timeout\",\"A\"]", received[2].GetRawText().Replace("\n", "").Replace(" ", ""));
    }

    [Fact]
    public void Serialize_NeverOpened_ExpectedAndExpectedCloseAreEmptyAsBeforeOnOpen()
    {
        var result = ReportSamples.Ok22();
        result = result with { Transcript = result.Transcript with { ConnectionWasOpen = false, Received = [] } };

        using var json = JsonDocument.Parse(CaseReportJson.Serialize(result, ReportSamples.Agent));

        Assert.Empty(json.RootElement.GetProperty("expected").EnumerateObject());
        Assert.Empty(json.RootElement.GetProperty("expectedClose").EnumerateObject());
    }

    [Fact]
    public void Serialize_Utf8Case_ListsClosedByWrongEndpointIsFatal()
    {
        var definition = CaseCatalog.Get(CaseId.Parse("6.3.1"));
        var result = ReportSamples.Ok22() with { Id = definition.Id, Expected = definition.Expected, ExpectedClose = definition.ExpectedClose };

        using var json = JsonDocument.Parse(CaseReportJson.Serialize(result, ReportSamples.Agent));

        Assert.True(json.RootElement.GetProperty("expectedClose").GetProperty("closedByWrongEndpointIsFatal").GetBoolean());
    }

    [Theory]
    [InlineData("limits_9_1_1", true)]
    [InlineData("unimplemented_12_1_1", false)]
    [InlineData("compression_12_1_1", true)]
    [InlineData("ok_2_2", true)]
    public void CreateWirelog_FinalStateOfTheFlag(string name, bool expected)
    {
        Assert.Equal(expected, CaseReportJson.CreateWirelog(ReportSamples.Get(name)));
    }

    [Fact]
    public void CreateWirelog_SingleEchoCaseWithoutEcho_StaysOff()
    {
        var result = ReportSamples.Limits911();
        result = result with { Transcript = result.Transcript with { CaseResult = null, CaseBehavior = null } };

        Assert.False(CaseReportJson.CreateWirelog(result));
        Assert.True(CaseReportJson.CreateWirelog(result with { Transcript = result.Transcript with { CreateWirelog = true } }));
    }

    [Fact]
    public void Serialize_WireLogDelays_IntegralAsIntOtherwiseFloat()
    {
        var text = CaseReportJson.Serialize(ReportSamples.Unclean111(), ReportSamples.Agent);

        Assert.Contains("\"KL\",\n         0.5\n", text, StringComparison.Ordinal);
        Assert.Contains("\"TI\",\n         60\n", CaseReportJson.Serialize(ReportSamples.Compression1211(), ReportSamples.Agent), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatStarted_TruncatesToMilliseconds()
    {
        Assert.Equal("2026-01-02T03:04:05.678Z", CaseReportJson.FormatStarted(new DateTimeOffset(2026, 1, 2, 4, 4, 5, 678, TimeSpan.FromHours(1)).AddTicks(9999)));
    }

    [Fact]
    public async Task Serialize_RealSessionAgainstLoopbackServer_HasTheShapeOfAWstestReport()
    {
        await using var server = MutantServer.Start(MutantOptions.Correct with { EchoCloseReason = true });
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var result = await Fuzzer.RunCaseAsync("7.1.1", server.Url, new FuzzingOptions { TimeScale = 0.2 }, guard.Token);

        var text = CaseReportJson.Serialize(result, result.Agent);

        WstestReportShape.AssertCaseReport(text);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("7.1.1", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("MutantServer", json.RootElement.GetProperty("agent").GetString());
        Assert.StartsWith("GET / HTTP/1.1\r\n", json.RootElement.GetProperty("httpRequest").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(json.RootElement.GetProperty("wirelog").EnumerateArray());
    }
}
