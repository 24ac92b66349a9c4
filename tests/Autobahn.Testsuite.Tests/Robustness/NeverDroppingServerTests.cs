using System.Diagnostics;
using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Issue 11, "What it must show": an echo server that answers every close handshake but never drops TCP itself
/// (HTTP.sys and other lenient servers behave like this), all 37 cases of section 7 and 2.2 over loopback with
/// wstest's own timers, while two CPU-burning processes (<see cref="CpuBurners"/>) compete with the test host.
/// Every repetition must give wstest's verdicts, which against this server depend on nothing but timer order.
/// <para>
/// How many full runs: the environment variable <c>AUTOBAHN_LOAD_RUNS</c> (default 1, about 40 s: each case waits
/// for its 1 s killAfter). For the issue's figure, 20 runs (about 13 minutes):
/// <c>AUTOBAHN_LOAD_RUNS=20 dotnet test tests/Autobahn.Testsuite.Tests --filter "Category=Load" --logger "console;verbosity=detailed"</c>
/// (the detailed logger prints the per-run lines and the summary of a passing run too).
/// </para>
/// <para>
/// What wstest does (autobahn-python 0.10.9 <c>protocol.py</c>, <c>case/case7_*.py</c>, semantics.md §4, §8): every
/// 7.x case arms <c>killAfter(1)</c> in <c>onOpen</c>, right after it sent its close frame (7.1.1: after its text
/// message, before the close <c>finishWhenDone</c> sends on the echo). The 1 s <c>serverConnectionDropTimeout</c> is
/// armed only when the server's close reply arrives, one loopback round trip later, so it is due after killAfter.
/// Twisted's reactor runs due calls in due-time order, and the first one to run moves the state to CLOSED
/// (<c>dropConnection</c>), so the second does nothing. killAfter in CLOSING drops TCP without resetting
/// <c>wasClean</c> and without a reason: the fuzzer dropped (FAILED BY CLIENT) and the close was clean. Had the
/// server-drop timeout run first, it would have reset <c>wasClean</c> ("server did not drop TCP connection (in time)").
/// </para>
/// <list type="bullet">
/// <item>7.1.1–7.1.5, 7.3.1, 7.3.3–7.3.5, 7.7.x (requireClean): the order decides the verdict, OK / FAILED BY CLIENT
/// (killAfter first) or OK / UNCLEAN (server-drop timeout first).</item>
/// <item>7.3.2, 7.3.6, 7.9.x (the server replies 1002) and 7.5.1 (1007), requireClean False: FAILED BY CLIENT
/// whichever timer runs first, but the closing fields (wasClean, wasNotCleanReason) still show the order, so the test
/// checks it there too.</item>
/// <item>7.1.6, 7.13.1, 7.13.2: <c>behavior</c> and <c>behaviorClose</c> are forced to INFORMATIONAL; the order again
/// shows in the closing fields. (7.1.6's result text depends on whether the 256 KiB echo comes back before the close
/// reply; this server echoes it, so neither outcome matches, and the verdict is INFORMATIONAL all the same.)</item>
/// <item>2.2 has no killAfter: <c>closeAfter(1)</c> finds the state CLOSING and does nothing, so the server-drop
/// timeout ends the case, OK / UNCLEAN "server did not drop TCP connection (in time)".</item>
/// </list>
/// No case is race-dependent in wstest against this server: each expectation below is what wstest gives every time.
/// <para>
/// Before the engine's one timer queue (each timer its own <c>System.Threading.Timer</c>, whichever pool callback ran
/// first won), 20 runs on a 2-CPU machine gave every verdict right in 4 runs and every timer order right in none:
/// 45 of 440 requireClean results came out OK / UNCLEAN (every 7.7.x but 7.7.9–7.7.11, 7.1.2–7.1.5, 7.3.1, 7.3.3,
/// 7.3.4) and 35 more cases showed the server-drop timeout winning without a verdict change; 2.2 was right every time.
/// </para>
/// </summary>
[Collection(CpuLoadCollection.Name)]
[Trait("Category", "Load")]
public class NeverDroppingServerTests(ITestOutputHelper output)
{
    private const string RunsVariable = "AUTOBAHN_LOAD_RUNS";
    private const int Burners = 2;
    private const int SectionSevenCases = 37;
    private const string KillAfterDrop = "the fuzzer dropped TCP, wasClean kept (killAfter in CLOSING)";
    private const string ServerDidNotDrop = "server did not drop TCP connection (in time)";

    /// <summary>wstest's own timers: killAfter(1), closeAfter(1), the 1 s close-handshake and server-drop timeouts.</summary>
    private static readonly FuzzingOptions WstestTimers = new() { TimeScale = 1 };

    /// <summary>A test failure, not a verdict: every case here ends after about 1 s, so a case that needs it has hung.</summary>
    private static readonly TimeSpan CaseGuard = TimeSpan.FromSeconds(30);

    [CpuBurnersFact]
    public async Task SectionSeven_ServerNeverDropsTcpUnderCpuLoad_WstestVerdictsInEveryRun()
    {
        var runs = Runs();
        var sectionSeven = CaseCatalog.All.Select(d => d.Id.Text).Where(id => id.StartsWith("7.", StringComparison.Ordinal)).ToList();
        Assert.Equal(SectionSevenCases, sectionSeven.Count);

        await using var server = MutantServer.Start(new MutantOptions { NeverClosesTcp = true });
        using var burners = CpuBurners.Start(Burners);
        var observedRuns = new List<Dictionary<string, string>>(runs);
        var sectionSevenSeconds = new List<double>(runs);
        for (var run = 1; run <= runs; run++)
        {
            var observed = new Dictionary<string, string>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            foreach (var caseId in sectionSeven) observed[caseId] = await RunCaseAsync(caseId, server.Url);
            sectionSevenSeconds.Add(clock.Elapsed.TotalSeconds);
            observed["2.2"] = await RunCaseAsync("2.2", server.Url);
            observedRuns.Add(observed);
            output.WriteLine($"run {run}/{runs}: section 7 in {sectionSevenSeconds[^1]:0.0} s, with 2.2 {clock.Elapsed.TotalSeconds:0.0} s; {DescribeRun(observed)}");
        }

        burners.AssertRunning();
        var report = Report(observedRuns, sectionSevenSeconds, burners);
        output.WriteLine(report);
        Assert.True(observedRuns.All(IsAsWstest), report);
    }

    /// <summary>Runs one case with wstest's timers, one fresh connection, sequentially; returns <see cref="Observed"/>.</summary>
    private static async Task<string> RunCaseAsync(string caseId, Uri url)
    {
        using var guard = new CancellationTokenSource(CaseGuard);
        return Observed(await Fuzzer.RunCaseAsync(caseId, url, WstestTimers, guard.Token));
    }

    /// <summary>What wstest gives against this server, every time (see the class comment).</summary>
    private static string Expected(string caseId) => caseId switch
    {
        "2.2" => $"OK / UNCLEAN; {ServerDidNotDrop}",
        "7.1.6" or "7.13.1" or "7.13.2" => $"INFORMATIONAL / INFORMATIONAL; {KillAfterDrop}",
        _ => $"OK / FAILED BY CLIENT; {KillAfterDrop}",
    };

    /// <summary>The verdict, then how the TCP connection ended (which timer ran first).</summary>
    private static string Observed(CaseResult result) => $"{Verdict(result)}; {Ending(result)}";

    private static string Verdict(CaseResult result) => $"{result.Behavior.ToWstestString()} / {result.BehaviorClose.ToWstestString()}";

    private static string Ending(CaseResult result) => result.Transcript switch
    {
        { ConnectionFailure: { } failure } => $"connection failure: {failure}",
        { Closing.WasNotCleanReason: { } reason } => reason,
        { Closing: { DroppedByMe: true, WasClean: true } } => KillAfterDrop,
        { Closing.DroppedByMe: true } => "the fuzzer dropped TCP, not clean, no reason",
        _ => "the server dropped TCP",
    };

    private static bool IsAsWstest(Dictionary<string, string> observed) => observed.All(o => o.Value == Expected(o.Key));

    /// <summary>The verdict part only: what the issue counts (the closing fields aside).</summary>
    private static bool VerdictsAsWstest(Dictionary<string, string> observed) =>
        observed.All(o => o.Value.Split("; ")[0] == Expected(o.Key).Split("; ")[0]);

    private static int Runs()
    {
        var text = Environment.GetEnvironmentVariable(RunsVariable);
        if (string.IsNullOrWhiteSpace(text)) return 1;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) || runs < 1)
        {
            throw new InvalidOperationException($"{RunsVariable}='{text}' is not a positive number of runs.");
        }

        return runs;
    }

    /// <summary>"37 of 38 as wstest; not: OK / UNCLEAN; … ×1: 7.7.5".</summary>
    private static string DescribeRun(Dictionary<string, string> observed)
    {
        var deviations = observed.Where(o => o.Value != Expected(o.Key)).ToList();
        var text = new StringBuilder($"{observed.Count - deviations.Count} of {observed.Count} as wstest");
        foreach (var group in deviations.GroupBy(d => d.Value, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"; not: {group.Key} ×{group.Count()}: {string.Join(", ", group.Select(d => d.Key))}");
        }

        return text.ToString();
    }

    private static string Report(List<Dictionary<string, string>> observedRuns, List<double> sectionSevenSeconds, CpuBurners burners)
    {
        var runs = observedRuns.Count;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{observedRuns.Count(IsAsWstest)} of {runs} runs fully as wstest (37 cases of section 7 and 2.2, verdicts and which timer dropped TCP); " +
                                                      $"{observedRuns.Count(VerdictsAsWstest)} of {runs} with every verdict as wstest's.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Section 7 took {sectionSevenSeconds.Min():0.0}–{sectionSevenSeconds.Max():0.0} s per run (mean {sectionSevenSeconds.Average():0.0} s); " +
                                                      $"{Burners} CPU burners (pids {string.Join(", ", burners.ProcessIds)}) used {burners.TotalProcessorTime().TotalSeconds:0} CPU-s in {burners.Elapsed.TotalSeconds:0} s, on {Environment.ProcessorCount} CPUs.");
        var flips = observedRuns
            .SelectMany(run => run.Where(o => o.Value != Expected(o.Key)))
            .GroupBy(o => (Case: o.Key, Observed: o.Value))
            .OrderBy(g => CaseId.Parse(g.Key.Case))
            .ToList();
        text.AppendLine(flips.Count == 0 ? "No case deviated." : "Deviations over all runs (case ×runs: observed):");
        foreach (var flip in flips)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {flip.Key.Case} ×{flip.Count()}: {flip.Key.Observed}   (wstest: {Expected(flip.Key.Case)})");
        }

        text.AppendLine("Per run:");
        for (var run = 0; run < runs; run++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  run {run + 1}: {DescribeRun(observedRuns[run])}");
        }

        return text.ToString();
    }
}
