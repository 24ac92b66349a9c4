using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests;

/// <summary>The public lookup front ends read: the catalog's facts, derived once per case.</summary>
public class CaseInfoTests
{
    private static readonly string[] RacyIds = ["3.2", "3.3", "3.4", "4.1.3", "4.1.4", "4.1.5", "4.2.3", "4.2.4", "4.2.5", "5.15"];

    [Fact]
    public void CaseInfo_All_IsTheCatalogInOrder_WithItsFacts()
    {
        Assert.Equal(CaseCatalog.All.Select(d => d.Id), CaseInfo.All.Select(i => i.Id));
        foreach (var (definition, info) in CaseCatalog.All.Zip(CaseInfo.All))
        {
            Assert.Equal(CaseCatalog.IndexOf(definition.Id), info.Index);
            Assert.Equal(CaseTexts.Get(definition.Id), info.Text);
            Assert.Equal(definition.IsRacy, info.IsRacy);
            Assert.Equal(definition.RunsAlone, info.RunsAlone);
            Assert.Equal(definition.ReportTime, info.ReportsDuration);
            Assert.Equal(definition.ReportCompressionRatio, info.ReportsCompressionRatio);
        }
    }

    [Fact]
    public void CaseInfo_IsDerivedOnce()
    {
        Assert.Same(CaseInfo.All, CaseInfo.All);
        Assert.True(CaseInfo.TryGet("6.4.3", out var first));
        Assert.Same(first, CaseInfo.Get(CaseId.Parse("6.4.3")));
    }

    [Fact]
    public void CaseInfo_RacyAndRunsAlone_ReadFromTheCatalog()
    {
        Assert.Equal(RacyIds, CaseInfo.All.Where(i => i.IsRacy).Select(i => i.Id.Text));
        Assert.All(CaseInfo.All, i => Assert.Equal(i.Id.Section == 9, i.RunsAlone));
    }

    [Theory]
    [InlineData("2.2", "Pings/Pongs", 18)]
    [InlineData("6.4.3", "UTF-8 Handling", 76)]
    [InlineData("13.7.18", "WebSocket Compression (different parameters)", 517)]
    public void CaseInfo_TryGet_KnownId_GivesTextsAndPosition(string id, string category, int index)
    {
        Assert.True(CaseInfo.TryGet(id, out var info));
        Assert.Equal(id, info.Id.Text);
        Assert.Equal(category, info.Text.Category);
        Assert.Equal(index, info.Index);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("9.9.1")]
    public void CaseInfo_TryGet_NotACase_ReturnsFalse(string? id)
    {
        Assert.False(CaseInfo.TryGet(id, out var info));
        Assert.Null(info);
    }

    [Fact]
    public void CaseInfo_Get_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => CaseInfo.Get(CaseId.Parse("9.9.1")));
    }
}
