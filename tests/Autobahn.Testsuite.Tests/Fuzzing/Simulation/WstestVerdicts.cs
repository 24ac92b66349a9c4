namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// wstest's own verdicts against node ws 8.18.3 with permessage-deflate, <c>shared/autobahn/wstest-results/ws.tsv</c>
/// (id, behavior, behaviorClose, remoteCloseCode, duration_ms), found by walking up from the test binaries.
/// Absent outside the development workspace.
/// </summary>
internal static class WstestVerdicts
{
    public static string? FindWsTable() => Find("ws.tsv");

    /// <summary>
    /// wstest's fuzzingserver verdicts against node ws 8.18.3's client (deflate offered),
    /// <c>shared/autobahn/wstest-results/clients/ws.tsv</c>.
    /// </summary>
    public static string? FindClientWsTable() => Find(Path.Combine("clients", "ws.tsv"));

    private static string? Find(string table)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "autobahn", "wstest-results", table);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>Case id → (behavior, behaviorClose), in wstest's spelling ("OK", "NON-STRICT", ...).</summary>
    public static IReadOnlyDictionary<string, (string Behavior, string BehaviorClose)> Read(string path) =>
        File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => (f[1], f[2]), StringComparer.Ordinal);
}
