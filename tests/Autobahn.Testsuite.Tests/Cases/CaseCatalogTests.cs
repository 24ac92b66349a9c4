using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Cases;

public class CaseCatalogTests
{

    [Fact]
    public void CatalogIds_AreAllOfWstests517Ids_InOrder_WithItsTexts()
    {
        var ids = CaseCatalog.All.Select(d => d.Id.Text).ToArray();
        Assert.Equal(517, ids.Length);
        Assert.Equal("1.1.1", ids[0]);
        Assert.Equal("13.7.18", ids[^1]);

        // The shared reference table when present (development workspace), else the embedded copy the catalog itself reads.
        var path = SharedCaseTable.FindPath();
        var table = path is null ? CaseTexts.All : SharedCaseTable.Read(path);
        Assert.Equal(517, table.Count);
        var expected = table.ToArray();

        Assert.Equal(expected.Select(t => t.Id), ids);
        foreach (var (definition, text) in CaseCatalog.All.Zip(expected))
        {
            Assert.Equal(text.Description, definition.Description);
            Assert.Equal(text.Expectation, definition.Expectation);
        }
    }

    [Fact]
    public void CatalogIds_PerSection_MatchWstestCounts()
    {
        var counts = CaseCatalog.All.GroupBy(d => d.Id.Section).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<int, int> { [1] = 16, [2] = 11, [3] = 7, [4] = 10, [5] = 20, [6] = 145, [7] = 37, [9] = 54, [10] = 1, [12] = 90, [13] = 126 },
            counts);
    }

    [Fact]
    public void CatalogIds_AreSortedByIdTuple_AsWstestRunsThem()
    {
        var ids = CaseCatalog.All.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void Get_ImplementedId_ReturnsThatCase()
    {
        var definition = CaseCatalog.Get(CaseId.Parse("6.4.3"));
        Assert.Equal("6.4.3", definition.Id.Text);
    }

    [Fact]
    public void Get_UnknownId_ThrowsNamingTheId()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => CaseCatalog.Get(CaseId.Parse("9.9.1")));
        Assert.Contains("9.9.1", e.Message, StringComparison.Ordinal);
        Assert.Contains("not one of wstest's 517 cases", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_UnknownId_ReturnsFalse()
    {
        Assert.False(CaseCatalog.TryGet(CaseId.Parse("1.1.9"), out _));
        Assert.True(CaseCatalog.TryGet(CaseId.Parse("1.1.1"), out var definition));
        Assert.Equal("1.1.1", definition.Id.Text);
    }

    [Theory]
    [InlineData("1.1.1", 1)]
    [InlineData("2.1", 17)]
    [InlineData("6.1.1", 65)]
    [InlineData("7.1.1", 210)]
    [InlineData("9.1.1", 247)]
    [InlineData("10.1.1", 301)]
    [InlineData("13.7.18", 517)]
    public void IndexOf_AnyWstestId_IsItsOneBasedPositionInTheFullList(string id, int index)
    {
        Assert.Equal(index, CaseCatalog.IndexOf(CaseId.Parse(id)));
        Assert.Equal(id, CaseTexts.All[index - 1].Id);
    }

    [Fact]
    public void IndexOf_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => CaseCatalog.IndexOf(CaseId.Parse("9.9.1")));
    }

    [Fact]
    public void SelfJudgingCases_AreExactlySectionsNineTwelveThirteen_WithNoExpectedEvents()
    {
        var selfJudging = CaseCatalog.All.Where(d => d.Echo is not null).ToArray();
        Assert.Equal(54 + 90 + 126, selfJudging.Length);
        Assert.All(selfJudging, d => Assert.Contains(d.Id.Section, new[] { 9, 12, 13 }));
        Assert.All(selfJudging, d => Assert.Empty(d.Expected));
    }

    [Fact]
    public void EveryCase_HasOkFirstAndAtMostOneNonStrict()
    {
        foreach (var definition in CaseCatalog.All.Where(d => d.Echo is null))
        {
            var behaviors = definition.Expected.Select(o => o.Behavior).ToArray();
            Assert.True(
                behaviors.SequenceEqual([Behavior.Ok]) || behaviors.SequenceEqual([Behavior.Ok, Behavior.NonStrict]),
                $"{definition.Id}: {string.Join(",", behaviors)}");
        }
    }

    [Fact]
    public void EveryCase_ArmsATimer_SoNoCaseWaitsForever()
    {
        foreach (var definition in CaseCatalog.All)
        {
            // 12.x/13.x arm closeAfter only once the extension is negotiated; a declined one closes at once.
            var lines = StepText.Of(definition.OnOpen);
            Assert.True(
                lines.Any(l => l.TrimStart().StartsWith("KillAfter", StringComparison.Ordinal) || l.TrimStart().StartsWith("CloseAfter", StringComparison.Ordinal)),
                $"{definition.Id} arms no killAfter/closeAfter.");
        }
    }

    [Fact]
    public void ExpectedClose_ServerMustClose_OnlyWithProtocolErrorOrInvalidPayload()
    {
        foreach (var definition in CaseCatalog.All.Where(d => !d.ExpectedClose.ClosedByMe))
        {
            Assert.False(definition.ExpectedClose.RequireClean, definition.Id.Text);
            var code = Assert.Single(definition.ExpectedClose.CloseCodes);
            Assert.Equal(code == 1007, definition.ExpectedClose.ClosedByWrongEndpointIsFatal);
            Assert.Contains(code, new[] { 1002, 1007 });
        }
    }

    [Fact]
    public void Rules_AreThoseOfTheCasesThatOverrideOnConnectionLost()
    {
        var byRule = CaseCatalog.All.Where(d => d.Rule != CaseVerdictRule.Standard)
            .GroupBy(d => d.Rule)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Id.Text).ToArray());

        string[] wrongCode =
        [
            "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5",
            "7.3.1", "7.3.2", "7.3.3", "7.3.4", "7.3.5", "7.3.6",
            "7.5.1",
            .. Enumerable.Range(1, 13).Select(i => $"7.7.{i}"),
            .. Enumerable.Range(1, 9).Select(i => $"7.9.{i}"),
        ];
        Assert.Equal(wrongCode, byRule[CaseVerdictRule.WrongCodeIsFailure]);
        Assert.Equal(["7.1.6"], byRule[CaseVerdictRule.Informational716]);
        Assert.Equal(["7.13.1", "7.13.2"], byRule[CaseVerdictRule.InformationalUndefined]);
        Assert.Equal(["10.1.1"], byRule[CaseVerdictRule.AutoFragmentFrameCount]);
        Assert.Equal(4, byRule.Count);
    }

    [Fact]
    public void SuppressClose_IsSetWhereTheCaseFileSetsIt()
    {
        var suppressed = CaseCatalog.All.Where(d => d.SuppressClose).Select(d => d.Id.Text);
        Assert.Equal(
            ["7.1.2", "7.1.3", "7.1.4", "7.1.5", "7.1.6", "7.3.1", "7.3.2", "7.3.3", "7.3.4", "7.3.5", "7.3.6", "7.5.1", "7.13.1", "7.13.2"],
            suppressed);
    }
}
