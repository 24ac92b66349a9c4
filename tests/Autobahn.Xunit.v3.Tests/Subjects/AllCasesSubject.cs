namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Every case, for discovery only: its rows are never run.</summary>
internal sealed class AllCasesSubject
{
    [AutobahnTheory]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}
