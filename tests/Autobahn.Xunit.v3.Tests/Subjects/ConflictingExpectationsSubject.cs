using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Two equally specific expectations that disagree about a selected case.</summary>
internal sealed class ConflictingExpectationsSubject
{
    [AutobahnTheory]
    [AutobahnCases("6.4.1")]
    [AutobahnExpect("6.4.*", Behavior.NonStrict, "per message")]
    [AutobahnExpect("6.4.*", Behavior.Ok, "fail fast")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}
