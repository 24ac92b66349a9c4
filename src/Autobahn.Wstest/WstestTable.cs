using Autobahn.Testsuite;

/// <summary>One row of a wstest verdict table (<c>wstest-results/*.tsv</c>).</summary>
internal sealed record WstestVerdict(string Behavior, string BehaviorClose, bool Racy)
{
    // wstest-results/README.md: cases that send a valid message then an invalid frame race on concurrent servers
    // (CaseInfo.IsRacy, wstest issue #102).
    public bool Matches(string behavior, string behaviorClose) =>
        BehaviorClose == behaviorClose &&
        (Behavior == behavior || (Racy && Behavior is "OK" or "NON-STRICT" && behavior is "OK" or "NON-STRICT"));
}

/// <summary>Loads a wstest verdict table: id, behavior, behaviorClose, ... (tab-separated, one header line).</summary>
internal static class WstestTable
{
    public static Dictionary<string, WstestVerdict> Load(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 3)
            .ToDictionary(f => f[0], f => new WstestVerdict(f[1], f[2], CaseInfo.TryGet(f[0], out var info) && info.IsRacy));
}
