
namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>A pattern that selects nothing.</summary>
internal sealed class EmptyPatternSubject
{
    [AutobahnTheory]
    [AutobahnCases("99.*")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}
