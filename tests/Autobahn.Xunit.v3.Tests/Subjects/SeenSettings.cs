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
