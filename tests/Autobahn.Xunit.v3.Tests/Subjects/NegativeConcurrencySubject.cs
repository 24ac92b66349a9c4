
namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>A negative concurrency.</summary>
internal sealed class NegativeConcurrencySubject
{
    [AutobahnTheory(Concurrency = -1)]
    [AutobahnCases("2.1")]
    public Task Conforms(string caseId) => Task.FromResult(caseId);
}
