using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Subjects;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>What xUnit v3 discovers from the attributes: one named, traited row per case, in wstest's order.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public async Task AllCases_Discovered_OneRowPerCaseInWstestOrder()
    {
        var rows = (await InProcessRun.DiscoverAsync(typeof(AllCasesSubject))).OfType<AutobahnTestCase>().ToArray();

        var expected = CaseSelection.Resolve(["*"]).Select(id => id.Text).ToArray();
        Assert.Equal(517, expected.Length);
        Assert.Equal(517, rows.Length);

        // xUnit's default orderer sorts by unique id: the ids start with the case's position in wstest's list.
        var ordered = rows.OrderBy(r => r.UniqueID, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, ordered.Select(r => r.CaseId));
        Assert.Equal(expected.Select(CaseDisplay.DisplayName), ordered.Select(r => r.TestCaseDisplayName));
        Assert.Equal(517, rows.Select(r => r.UniqueID).Distinct().Count());
    }

    [Fact]
    public async Task Row_HasWstestNameAndTraits()
    {
        var rows = (await InProcessRun.DiscoverAsync(typeof(AllCasesSubject))).OfType<AutobahnTestCase>().ToDictionary(r => r.CaseId);

        Assert.Equal("2.2 · Send ping with small text payload.", rows["2.2"].TestCaseDisplayName);
        var traits = rows["6.4.3"].Traits;
        Assert.Equal(["6"], traits["AutobahnSection"]);
        Assert.Equal(["UTF-8 Handling"], traits["AutobahnCategory"]);
        Assert.Equal(["6.4.3"], traits["AutobahnCase"]);
        Assert.Equal(["9"], rows["9.1.1"].Traits["AutobahnSection"]);
    }

    [Fact]
    public async Task SectionNineRows_OptOutOfParallelization_OthersDoNot()
    {
        var rows = (await InProcessRun.DiscoverAsync(typeof(AllCasesSubject))).OfType<AutobahnTestCase>().ToArray();

        Assert.All(rows, r => Assert.Equal(r.CaseId.StartsWith("9.", StringComparison.Ordinal), r.DisableParallelization));
        Assert.Equal(54, rows.Count(r => r.DisableParallelization));
    }

    [Fact]
    public async Task EnvironmentUnset_EveryRowSkipped_WithWhatToSet()
    {
        Assert.Null(Environment.GetEnvironmentVariable(EnvironmentSkipSubject.Variable));

        var rows = (await InProcessRun.DiscoverAsync(typeof(EnvironmentSkipSubject))).OfType<AutobahnTestCase>().ToArray();

        Assert.Equal(11, rows.Length);
        Assert.All(rows, r => Assert.Equal($"Set {EnvironmentSkipSubject.Variable}=ws://127.0.0.1:9001/ to run the suite against your server", r.SkipReason));
    }

    [Fact]
    public async Task EnvironmentUnset_RowsReportSkippedWithTheReason()
    {
        var outcomes = await InProcessRun.RunAsync(typeof(EnvironmentSkipSubject));

        Assert.Equal(11, outcomes.Count);
        Assert.All(outcomes.Values, o => Assert.Equal("Skipped", o.Result));
        Assert.All(outcomes.Values, o => Assert.StartsWith($"Set {EnvironmentSkipSubject.Variable}=", o.Message));
    }

    [Theory]
    [InlineData(typeof(InvalidPatternSubject), "[AutobahnCases(\"2.x\")]: ")]
    [InlineData(typeof(EmptyPatternSubject), "[AutobahnCases(\"99.*\")] selects no implemented case.")]
    [InlineData(typeof(ConflictingExpectationsSubject), "Case 6.4.1 has conflicting expectations")]
    [InlineData(typeof(NegativeConcurrencySubject), "Concurrency = -1: use 0 (default), 1 (one case at a time) or more.")]
    public async Task InvalidTheory_OneFailingTestWithTheReason(Type subject, string reason)
    {
        var testCases = await InProcessRun.DiscoverAsync(subject);

        var error = Assert.IsType<ExecutionErrorTestCase>(Assert.Single(testCases));
        Assert.StartsWith($"{subject.FullName}.Conforms: ", error.ErrorMessage);
        Assert.Contains(reason, error.ErrorMessage);

        var outcome = Assert.Single((await InProcessRun.RunAsync(subject)).Values);
        Assert.Equal("Failed", outcome.Result);
        Assert.Contains(reason, outcome.Message);
    }
}
