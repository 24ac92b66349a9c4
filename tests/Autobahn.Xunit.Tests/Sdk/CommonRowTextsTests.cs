using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>The framework-agnostic pieces both adapters share: case patterns, theory validation, row traits.</summary>
public class CommonRowTextsTests
{
    [Fact]
    public void CasePatterns_Describe_IsTheAttributeAsWritten()
    {
        Assert.Equal("[AutobahnCases(\"*\")]", CasePatterns.Describe(["*"], null));
        Assert.Equal("[AutobahnCases(\"1.*\", \"2.2\", Exclude = \"1.1.*, 1.2.1\")]", CasePatterns.Describe(["1.*", "2.2"], "1.1.*, 1.2.1"));
        Assert.Equal(new AutobahnCasesAttribute("2.*") { Exclude = "2.1" }.ToString(), CasePatterns.Describe(["2.*"], "2.1"));
    }

    [Fact]
    public void CasePatterns_Resolve_LeavesOutTheCommaSeparatedExcludes() =>
        Assert.Equal(["2.2", "2.3"], CasePatterns.Resolve(["2.1", "2.2", "2.3"], " 2.1 ,, ").Select(id => id.Text));

    [Theory]
    [InlineData(-1, 1, "Concurrency = -1: use 0 (default), 1 (one case at a time) or more.")]
    [InlineData(0, 0, "TimeScale = 0: use a positive number (1 is wstest's timing).")]
    [InlineData(0, double.NaN, "TimeScale = NaN: use a positive number (1 is wstest's timing).")]
    [InlineData(0, 0.5, "[AutobahnCases(\"2.*\", Exclude = \"2.*\")] selects no implemented case.")]
    public void TheoryValidation_Settings_AreCheckedBeforeThePatterns(int concurrency, double timeScale, string error) =>
        Assert.Equal(error, TheoryValidation.Validate(concurrency, timeScale, [(["2.*"], "2.*")], () => CaseExpectations.None));

    [Fact]
    public void TheoryValidation_InvalidPattern_NamesTheAttribute() =>
        Assert.StartsWith("[AutobahnCases(\"x.y\")]: ", TheoryValidation.Validate(0, 1, [(["x.y"], null)], () => CaseExpectations.None), StringComparison.Ordinal);

    [Fact]
    public void TheoryValidation_ExpectationsThatThrow_AreTheError()
    {
        Assert.Equal("bad", TheoryValidation.Validate(0, 1, [(["2.2"], null)], () => throw new ArgumentException("bad")));
        Assert.Null(TheoryValidation.Validate(0, 1, [(["2.2"], null)], () => CaseExpectations.None));
    }

    [Fact]
    public void RowTraits_Of_AWstestCase_IsCaseSectionAndCategory() =>
        Assert.Equal(
            [(RowTraits.CaseTrait, "6.4.3"), (RowTraits.SectionTrait, "6"), (RowTraits.CategoryTrait, "UTF-8 Handling")],
            RowTraits.Of("6.4.3").Select(t => (t.Key, t.Value)));

    [Fact]
    public void RowTraits_OrderPrefix_IsTheFourDigitRunOrder()
    {
        Assert.Equal("0018-", RowTraits.OrderPrefix("2.2"));
        Assert.Equal("9999-", RowTraits.OrderPrefix("99.1"));
    }

    [Fact]
    public void RowTraits_EnvironmentSkipReason_SaysWhatToSetWhileTheVariableIsUnset()
    {
        Assert.Null(RowTraits.EnvironmentSkipReason(null));
        Assert.Null(RowTraits.EnvironmentSkipReason("PATH"));
        Assert.Equal(
            "Set AUTOBAHN_TEST_SURELY_UNSET_VARIABLE=ws://127.0.0.1:9001/ to run the suite against your server",
            RowTraits.EnvironmentSkipReason("AUTOBAHN_TEST_SURELY_UNSET_VARIABLE"));
    }
}
