using Autobahn.Testsuite.Cases;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// The sample app's known verdicts, declared next to the test with the reason: a row passes only while its case gets
/// exactly the declared verdict, so when the server changes — fixed or broken — the row fails and says which
/// expectation no longer holds.
/// </summary>
public sealed class ExpectationsConformance(EchoServerFixture server) : IClassFixture<EchoServerFixture>
{
    [AutobahnTheory]
    [AutobahnCases("6.4.*")]
    [AutobahnExpect("6.4.1, 6.4.2", Behavior.Ok, "invalid UTF-8 is caught as soon as its frame arrives")]
    [AutobahnExpect("6.4.3, 6.4.4", Behavior.NonStrict, "ManagedWebSocket checks UTF-8 per frame, so an invalid frame sent in parts fails only once it is complete")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, server.Url);
}
