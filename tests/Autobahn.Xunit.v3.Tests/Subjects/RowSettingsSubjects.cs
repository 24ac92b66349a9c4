using System.Collections.Concurrent;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>What <see cref="XunitRows.Find"/> gave the rows of the subjects, by "Subject.Method caseId".</summary>
internal static class SeenSettings
{
    public static ConcurrentDictionary<string, RowSettings?> Rows { get; } = new();

    public static Task Record(string key, string caseId)
    {
        Rows[key + " " + caseId] = XunitRows.Find(caseId);
        Rows[key + " " + caseId + " as another id"] = XunitRows.Find(caseId + ".1");
        return Task.CompletedTask;
    }
}

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
