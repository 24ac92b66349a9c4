using System.Globalization;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Wstest.Tool.Client;

/// <summary>
/// The table printed at the end of a fuzzingclient run: per agent, how many cases got each verdict (behavior and
/// behaviorClose), how many passed, failed, were skipped (UNIMPLEMENTED), excluded (<c>exclude-agent-cases</c>) or not run (the server could not be reached), the failing case ids; then where the reports are.
/// </summary>
internal static class RunSummary
{
    /// <summary>Writes the summary of <paramref name="records"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<CaseRecord> records, TimeSpan wall, string reportDirectory, string? junitPath)
    {
        output.WriteLine();
        foreach (var agent in records.Select(r => r.Agent).Distinct(StringComparer.Ordinal))
        {
            var mine = records.Where(r => r.Agent == agent).ToArray();
            var judged = mine.Where(r => r.Result is not null).Select(r => r.Result!).ToArray();
            output.WriteLine($"{agent}: {mine.Length} cases");
            output.WriteLine($"  {"verdict",-18} {"behavior",9} {"behaviorClose",14}");
            foreach (var verdict in Enum.GetValues<Behavior>())
            {
                var behavior = judged.Count(r => r.Behavior == verdict);
                var close = judged.Count(r => r.BehaviorClose == verdict);
                if (behavior + close > 0) output.WriteLine($"  {verdict.ToWstestString(),-18} {behavior,9} {close,14}");
            }

            var failing = mine.Where(r => r.Outcome == VerdictOutcome.Fail).Select(r => r.CaseId).ToArray();
            var skipped = mine.Count(r => r.Outcome == VerdictOutcome.Skip && r.Result is not null);
            var excluded = mine.Count(r => r.Result is null && r.Outcome == VerdictOutcome.Skip);
            var notRun = mine.Count(r => r.Result is null && r.Outcome == VerdictOutcome.Fail);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  passed {mine.Count(r => r.Outcome == VerdictOutcome.Pass)}, failed {failing.Length}, skipped {skipped} (UNIMPLEMENTED), excluded {excluded}, not run {notRun}"));
            output.WriteLine(failing.Length == 0 ? "  failing cases: none" : $"  failing cases ({failing.Length}): {string.Join(", ", failing)}");
            foreach (var reason in mine.Where(r => r.Result is null && r.Outcome == VerdictOutcome.Fail).Select(r => r.NotRunReason).Distinct())
            {
                output.WriteLine($"  {reason}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records.Count} cases in {wall.TotalSeconds:0.0} s"));
        output.WriteLine($"reports: {Path.Combine(reportDirectory, "index.html")}");
        if (junitPath is not null) output.WriteLine($"junit: {junitPath}");
    }
}
