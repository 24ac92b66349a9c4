namespace Autobahn.Xunit.Tests.Sdk;

// Internal on purpose: xUnit runs only public classes, so these theories are discovered by the tests and never run.
#pragma warning disable xUnit1000 // Test classes must be public
internal sealed class DiscoveryFixtures
{
    [AutobahnTheory]
    [AutobahnCases("2.*", Exclude = "2.10, 2.11")]
    public Task Pings(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("1.1.1", "6.4.1")]
    public Task TwoSections(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("2.2", "99.99")]
    public Task UnknownId(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("2.2", Exclude = "2.*")]
    public Task NothingSelected(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory(SkipUnlessEnvironment = "AUTOBAHN_TEST_VARIABLE_THAT_IS_NEVER_SET")]
    [AutobahnCases("2.1", "2.2")]
    public Task NeedsEnvironment(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory(SkipUnlessEnvironment = "PATH")]
    [AutobahnCases("2.1")]
    public Task HasEnvironment(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("12.1.1", "2.1")]
    public async Task AsksToBeSkipped(string caseId)
    {
        await Task.Yield();
        Autobahn.Xunit.Sdk.AutobahnRowContext.Current!.SkipReason = "UNIMPLEMENTED: " + caseId;
    }

    [AutobahnTheory]
    [AutobahnCases("2.1", Skip = "not today")]
    public Task SkippedData(string caseId) => Task.FromResult(caseId);
}
#pragma warning restore xUnit1000
