using Autobahn.Testsuite;
using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Tests.Specs;

public class CasePatternsTests
{
    private static string[] Resolve(string[] cases, params string[] exclude) => [.. CasePatterns.Resolve(cases, exclude).Select(id => id.Text)];

    [Fact]
    public void Resolve_StarAfterPrefix_MatchesAtTheStartOnly()
    {
        // caseset.py: re.match is anchored at the start only, so "2.1*" is 2.1, 2.10 and 2.11 (not 2.2).
        Assert.Equal(["2.1", "2.10", "2.11"], Resolve(["2.1*"]));
    }

    [Fact]
    public void Resolve_OneStar_MatchesSections1_10_12_13()
    {
        var ids = CasePatterns.Resolve(["1*"], []);
        Assert.Equal([1, 10, 12, 13], ids.Select(id => id.Section).Distinct());
        Assert.Equal(CaseInfo.All.Count(c => c.Id.Section is 1 or 10 or 12 or 13), ids.Count);
    }

    [Fact]
    public void Resolve_LiteralId_IsThatCaseOnly()
    {
        Assert.Equal(["2.1"], Resolve(["2.1"]));
        Assert.Equal(["6.4.3"], Resolve(["6.4.3"]));
    }

    [Fact]
    public void Resolve_Exclusions_AreRemovedAndTheRestSortedInWstestOrder()
    {
        Assert.Equal(["1.1.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9"], Resolve(["2.*", "1.1.1"], "2.1*"));
    }

    [Fact]
    public void Resolve_Everything_IsAll517InOrder()
    {
        Assert.Equal(CaseInfo.All.Select(c => c.Id.Text), Resolve(["*"]));
    }

    [Theory]
    [InlineData("14.*", "selects no case")]
    [InlineData("2.99", "is not one of wstest's 517 case ids")]
    public void Resolve_PatternThatSelectsNothing_IsAUsageError(string pattern, string message)
    {
        var e = Assert.Throws<UsageException>(() => CasePatterns.Resolve([pattern], []));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ExclusionsThatLeaveNothing_AreAUsageError()
    {
        Assert.Throws<UsageException>(() => CasePatterns.Resolve(["2.*"], ["2*"]));
    }
}
