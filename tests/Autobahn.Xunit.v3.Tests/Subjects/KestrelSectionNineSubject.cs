using System.Collections.Concurrent;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Concurrent rows with two of section 9 among them, which must run alone.</summary>
internal sealed class KestrelSectionNineSubject
{
    [AutobahnTheory(Concurrency = 4)]
    [AutobahnCases("1.1.*", "9.1.1", "9.1.2", "2.*")]
    public Task Conforms(string caseId) => KestrelTarget.RunAsync(nameof(KestrelSectionNineSubject), caseId);
}
