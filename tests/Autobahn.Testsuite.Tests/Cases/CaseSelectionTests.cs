using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Cases;

public class CaseSelectionTests
{
    private static string[] Resolve(string[] patterns, string[]? exclude = null, bool implementedOnly = true) =>
        [.. CaseSelection.Resolve(patterns, exclude, implementedOnly).Select(id => id.Text)];

    [Fact]
    public void Resolve_Star_GivesAllImplementedCasesInCatalogOrder()
    {
        Assert.Equal(CaseCatalog.All.Select(d => d.Id.Text), Resolve(["*"]));
        Assert.Equal(517, Resolve(["*"]).Length);
    }

    [Fact]
    public void Resolve_StarWithUnimplemented_GivesAll517InWstestOrder()
    {
        Assert.Equal(CaseTexts.All.Select(t => t.Id), Resolve(["*"], implementedOnly: false));
    }

    [Fact]
    public void Resolve_PatternIsAnchoredAtStartOnly_2Dot1StarMatches2Dot10And2Dot11()
    {
        Assert.Equal(["2.1", "2.10", "2.11"], Resolve(["2.1*"]));
    }

    [Fact]
    public void Resolve_OneStar_MatchesSections1_10_12And13()
    {
        var ids = Resolve(["1*"]);
        Assert.Equal(16 + 1 + 90 + 126, ids.Length);
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"1.1.{i}"), .. Enumerable.Range(1, 8).Select(i => $"1.2.{i}"), "10.1.1", "12.1.1"], ids[..18]);
        Assert.Equal("13.7.18", ids[^1]);
    }

    [Fact]
    public void Resolve_SixFourDotStar_GivesFourIds()
    {
        Assert.Equal(["6.4.1", "6.4.2", "6.4.3", "6.4.4"], Resolve(["6.4.*"]));
    }

    [Fact]
    public void Resolve_DotIsLiteral_NotAnyCharacter()
    {
        // "7.1*" as a raw regex would also match e.g. "7113"; with '.' escaped it selects 7.1.x and 7.13.x only.
        Assert.Equal(["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5", "7.1.6", "7.13.1", "7.13.2"], Resolve(["7.1*"]));
    }

    [Fact]
    public void Resolve_Exclusions_AreRemovedAsASet()
    {
        var ids = Resolve(["6.4.*", "2.1*"], ["6.4.2", "2.1"]);
        Assert.Equal(["2.10", "2.11", "6.4.1", "6.4.3", "6.4.4"], ids);
    }

    [Fact]
    public void Resolve_OtherRegexSyntax_IsKeptAsWstestKeepsIt()
    {
        // caseset.py translates only '.' and '*': "2.1?*" is the regex 2\.1?.* and so selects all of section 2.
        Assert.Equal(11, Resolve(["2.1?*"]).Length);
        Assert.Equal(["6.4.1", "6.4.3"], Resolve(["6.4.[13]*"]));
    }

    [Fact]
    public void Resolve_ExcludeAll_GivesEmpty()
    {
        Assert.Empty(Resolve(["*"], ["*"]));
    }

    [Fact]
    public void Resolve_LiteralIds_AreDedupedAndSortedById()
    {
        Assert.Equal(["2.2", "6.4.3", "10.1.1"], Resolve(["10.1.1", "6.4.3", "2.2", "6.4.*"], ["6.4.1", "6.4.2", "6.4.4"]));
    }

    [Fact]
    public void Resolve_LiteralCompressionId_IsSelected()
    {
        Assert.Equal(["12.1.1"], Resolve(["12.1.1"]));
        Assert.Equal(["13.7.1", "13.7.10"], Resolve(["13.7.1", "13.7.10"]));
    }

    [Theory]
    [InlineData("1.1.9")]
    [InlineData("9.9.1")]
    [InlineData("2.02")]
    [InlineData("")]
    public void Resolve_UnknownLiteralId_ThrowsNamingIt(string pattern)
    {
        var e = Assert.Throws<ArgumentException>(() => CaseSelection.Resolve([pattern]));
        Assert.Contains($"'{pattern}'", e.Message, StringComparison.Ordinal);
        Assert.Equal("patterns", e.ParamName);
    }

    [Fact]
    public void Resolve_UnknownLiteralExclusion_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => CaseSelection.Resolve(["*"], ["6.4.5"]));
        Assert.Contains("'6.4.5'", e.Message, StringComparison.Ordinal);
        Assert.Equal("excludePatterns", e.ParamName);
    }

    [Fact]
    public void Resolve_InvalidExpression_ThrowsNamingThePattern()
    {
        var e = Assert.Throws<ArgumentException>(() => CaseSelection.Resolve(["6.[*"]));
        Assert.Contains("'6.[*'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PatternMatchingNothing_GivesEmpty()
    {
        Assert.Empty(Resolve(["8.*"]));
    }
}
