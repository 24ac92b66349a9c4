using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class AutobahnTheoryDiscovererTests
{
    [Fact]
    public void Discover_PatternWithExclude_OneAutobahnTestCasePerSelectedCase()
    {
        var testCases = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings));

        Assert.All(testCases, t => Assert.IsType<AutobahnTestCase>(t));
        Assert.Equal(
            ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9"],
            testCases.Select(t => (string)t.TestMethodArguments.Single()));
    }

    [Fact]
    public void Discover_Rows_HaveCaseDisplayNames()
    {
        var testCases = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings));

        Assert.Equal("2.2 · Send ping with small text payload.", testCases[1].DisplayName);
        Assert.Equal(testCases.Count, testCases.Select(t => t.UniqueID).Distinct().Count());
    }

    [Fact]
    public void Discover_Rows_HaveSectionCategoryAndCaseTraits()
    {
        var testCases = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.TwoSections));

        Assert.Equal(["1"], testCases[0].Traits[RowTraits.SectionTrait]);
        Assert.Equal(["Framing"], testCases[0].Traits[RowTraits.CategoryTrait]);
        Assert.Equal(["1.1.1"], testCases[0].Traits[RowTraits.CaseTrait]);
        Assert.Equal(["6"], testCases[1].Traits[RowTraits.SectionTrait]);
        Assert.Equal(["UTF-8 Handling"], testCases[1].Traits[RowTraits.CategoryTrait]);
        Assert.Equal(["6.4.1"], testCases[1].Traits[RowTraits.CaseTrait]);
    }

    [Fact]
    public void Discover_Rows_UniqueIdsSortInWstestOrder()
    {
        var testCases = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.Pings));

        // xUnit's DefaultTestCaseOrderer runs test cases sorted by UniqueID (ordinal).
        var byUniqueId = testCases.OrderBy(t => t.UniqueID, StringComparer.Ordinal).Select(t => (string)t.TestMethodArguments[0]);
        Assert.Equal(testCases.Select(t => (string)t.TestMethodArguments[0]), byUniqueId);
        Assert.StartsWith("0018-", testCases[1].UniqueID); // 2.2 is wstest's 18th case
    }

    [Fact]
    public void Discover_UnknownCaseId_OneExecutionErrorTestCaseWithTheReason()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.UnknownId)));

        var error = Assert.IsType<ExecutionErrorTestCase>(testCase);
        Assert.Contains("99.99", error.ErrorMessage);
        Assert.Contains("is not one of wstest's 517 case ids", error.ErrorMessage);
        Assert.Contains("DiscoveryFixtures.UnknownId", error.ErrorMessage);
    }

    [Fact]
    public void Discover_NothingSelected_OneExecutionErrorTestCase()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.NothingSelected)));

        var error = Assert.IsType<ExecutionErrorTestCase>(testCase);
        Assert.Contains("selects no implemented case", error.ErrorMessage);
        Assert.Contains("[AutobahnCases(\"2.2\", Exclude = \"2.*\")]", error.ErrorMessage);
    }

    [Fact]
    public void Discover_EnvironmentVariableUnset_EveryRowSkippedWithReason()
    {
        var testCases = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.NeedsEnvironment));

        Assert.Equal(2, testCases.Count);
        Assert.All(testCases, t => Assert.Equal(
            "Set AUTOBAHN_TEST_VARIABLE_THAT_IS_NEVER_SET=ws://127.0.0.1:9001/ to run the suite against your server",
            t.SkipReason));
        Assert.Equal("2.1 · Send ping without payload.", testCases[0].DisplayName);
    }

    [Fact]
    public void Discover_EnvironmentVariableSet_RowsNotSkipped()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.HasEnvironment)));

        Assert.Null(testCase.SkipReason);
    }

    [Fact]
    public void Discover_DataAttributeSkip_RowsAreAutobahnTestCasesSkipped()
    {
        var testCase = Assert.Single(DiscoveryHelper.Discover(nameof(DiscoveryFixtures.SkippedData)));

        Assert.IsType<AutobahnTestCase>(testCase);
        Assert.Equal("not today", testCase.SkipReason);
        Assert.Equal("2.1 · Send ping without payload.", testCase.DisplayName);
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsIdNameTraitsAndSkipReason()
    {
        var original = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.SkippedData)).Single();

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(original));

        var autobahn = Assert.IsType<AutobahnTestCase>(copy);
        Assert.Equal("2.1", autobahn.CaseId);
        Assert.Equal(original.UniqueID, copy.UniqueID);
        Assert.Equal(original.DisplayName, copy.DisplayName);
        Assert.Equal("not today", copy.SkipReason);
        Assert.Equal(["2"], copy.Traits[RowTraits.SectionTrait]);
        Assert.Equal(["Pings/Pongs"], copy.Traits[RowTraits.CategoryTrait]);
    }

    [Fact]
    public void Serialize_RowArguments_OnlyTheCaseIdString()
    {
        var testCase = DiscoveryHelper.Discover(nameof(DiscoveryFixtures.TwoSections))[1];

        Assert.Equal(["6.4.1"], testCase.TestMethodArguments);
        Assert.True(SerializationHelper.IsSerializable(testCase.TestMethodArguments));
    }
}
