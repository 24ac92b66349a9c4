using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Two theories of one class: each run of a theory has its own <see cref="TheoryRun"/>.</summary>
internal sealed class RowSettingsSubject
{
    [AutobahnTheory(TimeScale = 3)]
    [AutobahnCases("1.1.1", "1.1.2")]
    public Task Slow(string caseId) => SeenSettings.Record("Slow", caseId);

    [AutobahnTheory(Concurrency = 1)]
    [AutobahnCases("1.1.1", "1.1.2")]
    public Task Plain(string caseId) => SeenSettings.Record("Plain", caseId);
}
