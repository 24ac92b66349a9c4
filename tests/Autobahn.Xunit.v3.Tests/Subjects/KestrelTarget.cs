using System.Collections.Concurrent;
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
