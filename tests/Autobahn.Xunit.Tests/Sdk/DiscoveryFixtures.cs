using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;

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
    [AutobahnCases("2.1")]
    public Task AsksToBeSkipped(string caseId) => Stub(Behavior.Unimplemented).RunAsync(caseId, StubServer, null, XunitRows.Find(caseId), default);

    [AutobahnTheory]
    [AutobahnCases("2.2")]
    [AutobahnExpect("2.*", Behavior.NonStrict, "we are lenient")]
    public Task ExpectsNonStrictGetsOk(string caseId) => Stub(Behavior.Ok).RunAsync(caseId, StubServer, null, XunitRows.Find(caseId), default);

    [AutobahnTheory]
    [AutobahnCases("2.2")]
    [AutobahnExpect("2.*", Behavior.NonStrict, "we are lenient")]
    public Task ExpectsNonStrictGetsNonStrict(string caseId) => Stub(Behavior.NonStrict).RunAsync(caseId, StubServer, null, XunitRows.Find(caseId), default);

    [AutobahnTheory]
    [AutobahnCases("2.2", "2.3")]
    [AutobahnExpect("2.*", Behavior.NonStrict, "a")]
    [AutobahnExpect("2.*", Behavior.Failed, "b")]
    public Task ConflictingExpectations(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("2.2")]
    [AutobahnExpect("99.*", Behavior.NonStrict, "no such case")]
    public Task ExpectationMatchesNothing(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("2.2")]
    [AutobahnExpect("2.2", Behavior.NonStrict, "")]
    public Task ExpectationWithoutReason(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory(Concurrency = -1)]
    [AutobahnCases("2.1")]
    public Task NegativeConcurrency(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory(TimeScale = 0)]
    [AutobahnCases("2.1")]
    public Task ZeroTimeScale(string caseId) => Task.FromResult(caseId);

    [AutobahnTheory]
    [AutobahnCases("2.1", Skip = "not today")]
    public Task SkippedData(string caseId) => Task.FromResult(caseId);

    private static readonly Uri StubServer = new("ws://127.0.0.1:9/");

    private static CaseRunner Stub(Behavior behavior) =>
        new((_, _, _, _) => Task.FromResult(Results.Case2_2(behavior, behavior == Behavior.Unimplemented ? Behavior.Unimplemented : Behavior.Ok)), report: null);
}
#pragma warning restore xUnit1000
