using System.Collections.Concurrent;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>The sample echo app's URL and the verdicts the Kestrel subjects' rows got, by subject and case.</summary>
internal static class KestrelTarget
{
    /// <summary>Set by the test that runs the subjects.</summary>
    public static Uri Url { get; set; } = null!;

    /// <summary>(subject, case id) → (behavior, behaviorClose).</summary>
    public static ConcurrentDictionary<(string Subject, string CaseId), (Behavior Behavior, Behavior Close)> Verdicts { get; } = new();

    /// <summary>Runs the case, recording its verdict whether it passes or fails.</summary>
    public static async Task RunAsync(string subject, string caseId)
    {
        try
        {
            var result = await AutobahnRunner.RunAsync(caseId, Url);
            Verdicts[(subject, caseId)] = (result.Behavior, result.BehaviorClose);
        }
        catch (AutobahnCaseFailedException e) when (e.Result is { } result)
        {
            // A failing row's verdict is compared too.
            Verdicts[(subject, caseId)] = (result.Behavior, result.BehaviorClose);
            throw;
        }
    }
}

/// <summary>Sections 1–7 and 10, one row at a time.</summary>
internal sealed class KestrelSequentialSubject
{
    [AutobahnTheory(Concurrency = 1)]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    public Task Conforms(string caseId) => KestrelTarget.RunAsync(nameof(KestrelSequentialSubject), caseId);
}

/// <summary>The same rows, four at a time.</summary>
internal sealed class KestrelConcurrentSubject
{
    [AutobahnTheory(Concurrency = 4)]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    public Task Conforms(string caseId) => KestrelTarget.RunAsync(nameof(KestrelConcurrentSubject), caseId);
}

/// <summary>Concurrent rows with two of section 9 among them, which must run alone.</summary>
internal sealed class KestrelSectionNineSubject
{
    [AutobahnTheory(Concurrency = 4)]
    [AutobahnCases("1.1.*", "9.1.1", "9.1.2", "2.*")]
    public Task Conforms(string caseId) => KestrelTarget.RunAsync(nameof(KestrelSectionNineSubject), caseId);
}
