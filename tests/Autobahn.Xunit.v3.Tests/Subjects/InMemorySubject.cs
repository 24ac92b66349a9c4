using Autobahn.Samples.EchoServer;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Rows against handlers in memory: a correct echo (no permessage-deflate) and one that never echoes.</summary>
internal sealed class InMemorySubject
{
    /// <summary>12.1.1 against a server without permessage-deflate: UNIMPLEMENTED, a skip with the reason.</summary>
    [AutobahnTheory]
    [AutobahnCases("1.1.1", "12.1.1")]
    public Task Echo(string caseId) => AutobahnRunner.RunAsync(caseId, EchoApp.EchoAsync);

    /// <summary>FAILED without an expectation.</summary>
    [AutobahnTheory]
    [AutobahnCases("1.1.1")]
    public Task Silent(string caseId) => AutobahnRunner.RunAsync(caseId, Handlers.SilentAsync);

    /// <summary>FAILED, as declared: the row passes.</summary>
    [AutobahnTheory]
    [AutobahnCases("1.1.1")]
    [AutobahnExpect("1.1.*", Behavior.Failed, "this handler never echoes")]
    public Task SilentDeclared(string caseId) => AutobahnRunner.RunAsync(caseId, Handlers.SilentAsync);

    /// <summary>Declared FAILED, but the echo is OK now: the expectation no longer holds and the row fails.</summary>
    [AutobahnTheory]
    [AutobahnCases("1.1.1")]
    [AutobahnExpect("1.1.1", Behavior.Failed, "this handler never echoes")]
    public Task EchoDeclaredFailed(string caseId) => AutobahnRunner.RunAsync(caseId, EchoApp.EchoAsync);

    /// <summary>A row that runs another case than its own: not the row's call, so UNIMPLEMENTED fails with a reason.</summary>
    [AutobahnTheory]
    [AutobahnCases("1.1.1")]
    public Task OtherCase(string caseId) => AutobahnRunner.RunAsync(caseId == "1.1.1" ? "12.1.1" : caseId, EchoApp.EchoAsync);
}
