
namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Sections 1–7 and 10, one row at a time.</summary>
internal sealed class KestrelSequentialSubject
{
    [AutobahnTheory(Concurrency = 1)]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    public Task Conforms(string caseId) => KestrelTarget.RunAsync(nameof(KestrelSequentialSubject), caseId);
}
