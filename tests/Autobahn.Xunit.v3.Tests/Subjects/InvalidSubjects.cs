using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>A pattern that is not wstest's: one failing test with the reason, not 0 rows or a collapsed theory.</summary>
internal sealed class InvalidPatternSubject
{
    [AutobahnTheory]
    [AutobahnCases("2.x")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}

/// <summary>A pattern that selects nothing.</summary>
internal sealed class EmptyPatternSubject
{
    [AutobahnTheory]
    [AutobahnCases("99.*")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}

/// <summary>Two equally specific expectations that disagree about a selected case.</summary>
internal sealed class ConflictingExpectationsSubject
{
    [AutobahnTheory]
    [AutobahnCases("6.4.1")]
    [AutobahnExpect("6.4.*", Behavior.NonStrict, "per message")]
    [AutobahnExpect("6.4.*", Behavior.Ok, "fail fast")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}

/// <summary>A negative concurrency.</summary>
internal sealed class NegativeConcurrencySubject
{
    [AutobahnTheory(Concurrency = -1)]
    [AutobahnCases("2.1")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}
