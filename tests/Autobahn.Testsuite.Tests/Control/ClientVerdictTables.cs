using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>
/// wstest's own fuzzingserver verdicts for real clients, <c>shared/autobahn/wstest-results/clients/&lt;name&gt;.tsv</c>
/// (id, behavior, behaviorClose, remoteCloseCode, duration_ms), and the shared testee loops in <c>shared/clients</c>,
/// found by walking up from the test binaries. Absent outside the development workspace.
/// </summary>
internal static class ClientVerdictTables
{
    /// <summary>
    /// Where wstest itself is not deterministic against clients (its clients/README.md): a valid message and an invalid
    /// frame back to back; OK or NON-STRICT both agree.
    /// </summary>
    private static readonly HashSet<string> Racy = ["3.2", "3.3", "3.4", "4.1.3", "4.1.4", "4.1.5", "4.2.3", "4.2.4", "4.2.5", "5.15"];

    public static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "autobahn", "wstest-results", "clients", "ws.tsv"))) return candidate;
        }

        return null;
    }

    /// <summary>Case id → (behavior, behaviorClose) in wstest's spelling.</summary>
    public static IReadOnlyDictionary<string, (string Behavior, string BehaviorClose)> Read(string name) =>
        File.ReadLines(Path.Combine(FindShared()!, "autobahn", "wstest-results", "clients", name + ".tsv")).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => (f[1], f[2]), StringComparer.Ordinal);

    /// <summary>The cases whose verdicts differ from wstest's, as "id: ours vs wstest's" lines.</summary>
    public static List<string> Disagreements(IEnumerable<CaseResult> results, IReadOnlyDictionary<string, (string Behavior, string BehaviorClose)> expected)
    {
        var disagreements = new List<string>();
        foreach (var result in results)
        {
            var ours = (result.Behavior.ToWstestString(), result.BehaviorClose.ToWstestString());
            var theirs = expected[result.Id.Text];
            if (ours == theirs) continue;
            if (Racy.Contains(result.Id.Text) && ours.Item2 == theirs.BehaviorClose && ours.Item1 is "OK" or "NON-STRICT" && theirs.Behavior is "OK" or "NON-STRICT") continue;
            disagreements.Add($"{result.Id.Text}: {ours.Item1}/{ours.Item2} vs wstest's {theirs.Behavior}/{theirs.BehaviorClose} ({result.Transcript.ConnectionFailure ?? result.Verdict.Result + " " + result.Verdict.ResultClose})");
        }

        return disagreements;
    }
}
