using System.Collections.Concurrent;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>The same rows, four at a time.</summary>
internal sealed class KestrelConcurrentSubject
{
    [AutobahnTheory(Concurrency = 4)]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    public Task Conforms(string caseId) => KestrelTarget.RunAsync(nameof(KestrelConcurrentSubject), caseId);
}
