using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Cases;

/// <summary>
/// Pins every fact about a case that a consumer (the adapter, the CLI, the reports, the verdicts) reads from the
/// catalog instead of keeping its own list of ids or section rule.
/// </summary>
public class CaseFactsTests
{
    private static readonly string[] RacyIds = ["3.2", "3.3", "3.4", "4.1.3", "4.1.4", "4.1.5", "4.2.3", "4.2.4", "4.2.5", "5.15"];

    [Fact]
    public void IsRacy_ExactlyTheTenCasesOfWstestIssue102()
    {
        Assert.Equal(RacyIds, CaseCatalog.All.Where(d => d.IsRacy).Select(d => d.Id.Text));
    }

    [Fact]
    public void IsRacy_EachSendsAValidMessageTheServerMayEchoBeforeFailing()
    {
        foreach (var definition in CaseCatalog.All.Where(d => d.IsRacy))
        {
            var echo = Assert.Single(definition.Expected[0].Events);
            Assert.Equal(CaseEventKind.Message, echo.Kind);
            Assert.Equal([Behavior.Ok, Behavior.NonStrict], definition.Expected.Select(o => o.Behavior));
            Assert.Empty(definition.Expected[1].Events);
            Assert.False(definition.ExpectedClose.ClosedByMe, definition.Id.Text);
            Assert.Equal([1002], definition.ExpectedClose.CloseCodes);
        }
    }

    [Fact]
    public void RunsAlone_AllOfSectionNineAndNothingElse()
    {
        var alone = CaseCatalog.All.Where(d => d.RunsAlone).ToArray();
        Assert.Equal(54, alone.Length);
        Assert.Equal(CaseCatalog.All.Where(d => d.Id.Section == 9).Select(d => d.Id), alone.Select(d => d.Id));
    }

    [Fact]
    public void ReportTime_SectionsNineTwelveThirteen()
    {
        Assert.Equal(
            CaseCatalog.All.Where(d => d.Id.Section is 9 or 12 or 13).Select(d => d.Id),
            CaseCatalog.All.Where(d => d.ReportTime).Select(d => d.Id));
    }

    [Fact]
    public void ReportCompressionRatio_AndExpectedCloseBeforeOpen_SectionsTwelveThirteen()
    {
        var compression = CaseCatalog.All.Where(d => d.Id.Section is 12 or 13).Select(d => d.Id).ToArray();
        Assert.Equal(216, compression.Length);
        Assert.Equal(compression, CaseCatalog.All.Where(d => d.ReportCompressionRatio).Select(d => d.Id));
        Assert.Equal(compression, CaseCatalog.All.Where(d => d.ExpectedCloseSetBeforeOpen).Select(d => d.Id));
    }

    [Fact]
    public void WirelogOffUntilFirstEcho_NineOneToNineSix()
    {
        var ids = CaseCatalog.All.Where(d => d.WirelogOffUntilFirstEcho).Select(d => d.Id.Text).ToArray();
        Assert.Equal(6 + 6 + 9 + 9 + 6 + 6, ids.Length);
        Assert.All(ids, id => Assert.Matches(@"^9\.[1-6]\.\d+$", id));
    }

    [Fact]
    public void ExpectedTxFrameStats_OnlyTenOneOne_FiftyContinuationsAndOneText()
    {
        var definition = Assert.Single(CaseCatalog.All, d => d.ExpectedTxFrameStats is not null);
        Assert.Equal("10.1.1", definition.Id.Text);
        Assert.Equal(CaseVerdictRule.AutoFragmentFrameCount, definition.Rule);
        Assert.Equal(new Dictionary<int, int> { [0] = 50, [1] = 1 }, definition.ExpectedTxFrameStats);
    }
}
