using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class CaseExpectationsTests
{
    [Fact]
    public void From_CloseOnlyValue_DeclaresTheCloseAndLeavesTheBehavior()
    {
        var expectation = CaseExpectation.From(new AutobahnExpectAttribute("7.9.*", Behavior.WrongCode, "why"));

        Assert.Null(expectation.Behavior);
        Assert.Equal(Behavior.WrongCode, expectation.BehaviorClose);
    }

    [Fact]
    public void From_BehaviorAndClose_DeclaresBoth()
    {
        var expectation = CaseExpectation.From(new AutobahnExpectAttribute("7.9.*", Behavior.Failed, "why") { BehaviorClose = Behavior.WrongCode });

        Assert.Equal(Behavior.Failed, expectation.Behavior);
        Assert.Equal(Behavior.WrongCode, expectation.BehaviorClose);
        Assert.Equal("FAILED, close WRONG CODE", expectation.Describe());
    }

    [Theory]
    [InlineData("6.4.*", "   ", "say why")]
    [InlineData(" , ", "why", "names no case")]
    public void From_Invalid_Throws(string cases, string reason, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => CaseExpectation.From(new AutobahnExpectAttribute(cases, Behavior.NonStrict, reason)));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void From_TwoCloses_Throws()
    {
        var attribute = new AutobahnExpectAttribute("7.9.*", Behavior.WrongCode, "why") { BehaviorClose = Behavior.Unclean };

        Assert.Throws<ArgumentException>(() => CaseExpectation.From(attribute));
    }

    [Theory]
    [InlineData("99.1")]
    [InlineData("99.*")]
    [InlineData("6.(*")]
    public void FromAttributes_BadPattern_ThrowsNamingTheAttribute(string pattern)
    {
        var e = Assert.Throws<ArgumentException>(() => CaseExpectations.From([new AutobahnExpectAttribute(pattern, Behavior.Ok, "why")], []));

        Assert.Contains("[AutobahnExpect(\"" + pattern, e.Message);
    }

    [Theory]
    [InlineData("6.4.1", "literal")]
    [InlineData("6.4.2", "6.4")]
    [InlineData("6.3.1", "6")]
    [InlineData("2.2", null)]
    public void For_MostSpecificPatternWins(string caseId, string? reason)
    {
        var expectations = CaseExpectations.From(
            [
                new AutobahnExpectAttribute("6.*", Behavior.Failed, "6"),
                new AutobahnExpectAttribute("6.4.*", Behavior.NonStrict, "6.4"),
                new AutobahnExpectAttribute("6.4.1", Behavior.Ok, "literal"),
            ],
            []);

        Assert.Equal(reason, expectations.For(caseId)?.Reason);
    }

    [Fact]
    public void For_PatternsMatchAsWstestDoes_PrefixRegex()
    {
        // caseset.py: "2.1*" is the regular expression ^2\.1.* — 2.1, 2.10 and 2.11, not 2.2.
        var expectations = CaseExpectations.From([new AutobahnExpectAttribute("2.1*", Behavior.NonStrict, "why")], []);

        Assert.NotNull(expectations.For("2.10"));
        Assert.NotNull(expectations.For("2.1"));
        Assert.Null(expectations.For("2.2"));
    }

    [Fact]
    public void For_CommaSeparatedPatterns_AllMatch()
    {
        var expectations = CaseExpectations.From([new AutobahnExpectAttribute("2.2, 6.4.*", Behavior.NonStrict, "why")], []);

        Assert.NotNull(expectations.For("2.2"));
        Assert.NotNull(expectations.For("6.4.3"));
        Assert.Null(expectations.For("2.3"));
    }

    [Fact]
    public void For_MethodBeatsClassEvenWhenLessSpecific()
    {
        var expectations = CaseExpectations.From(
            [new AutobahnExpectAttribute("6.*", Behavior.Ok, "method")],
            [new AutobahnExpectAttribute("6.4.1", Behavior.NonStrict, "class")]);

        Assert.Equal("method", expectations.For("6.4.1")?.Reason);
        Assert.Null(expectations.For("7.1.1"));
    }

    [Fact]
    public void For_ClassLevelAppliesWhenTheMethodSaysNothing()
    {
        var expectations = CaseExpectations.From([], [new AutobahnExpectAttribute("6.4.*", Behavior.NonStrict, "class")]);

        Assert.Equal("class", expectations.For("6.4.1")?.Reason);
    }

    [Fact]
    public void For_EquallySpecificConflict_Throws()
    {
        var expectations = CaseExpectations.From(
            [new AutobahnExpectAttribute("6.4.*", Behavior.NonStrict, "a"), new AutobahnExpectAttribute("6.4.*", Behavior.Ok, "b")],
            []);

        var e = Assert.Throws<InvalidOperationException>(() => expectations.For("6.4.1"));

        Assert.Contains("Case 6.4.1 has conflicting expectations", e.Message);
    }

    [Fact]
    public void For_EquallySpecificSameVerdict_IsFine()
    {
        var expectations = CaseExpectations.From(
            [new AutobahnExpectAttribute("6.4.*", Behavior.NonStrict, "a"), new AutobahnExpectAttribute("6.4.*", Behavior.NonStrict, "b")],
            []);

        Assert.Equal(Behavior.NonStrict, expectations.For("6.4.1")?.Behavior);
    }
}
