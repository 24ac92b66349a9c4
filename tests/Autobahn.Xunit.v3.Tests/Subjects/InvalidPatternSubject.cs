
namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>A pattern that is not wstest's: one failing test with the reason, not 0 rows or a collapsed theory.</summary>
internal sealed class InvalidPatternSubject
{
    [AutobahnTheory]
    [AutobahnCases("2.x")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}
