using System.Collections.Concurrent;
using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// Every case through the engine and the scripted peer, with real timers, against wstest's verdicts for node ws
/// 8.18.3: the peer is only a fair stand-in for ws if all 517 agree. <c>AUTOBAHN_PEER_CASES</c> narrows the run to
/// one wstest pattern (e.g. <c>([1-9]|10).*</c> for everything but compression). Measured on a shared 2-core machine:
/// sections 1–10 in 15 s, sections 12–13 in 32 min (10 min of CPU, mostly DEFLATE on both sides).
/// </summary>
public class ScriptedEchoPeerAgreementTests(ITestOutputHelper output)
{
    [FullAgreementFact]
    public async Task AllCases_ThroughScriptedPeer_AgreeWithWstestVerdictsForWs()
    {
        var expected = WstestVerdicts.Read(WstestVerdicts.FindWsTable()!);
        var ids = (Environment.GetEnvironmentVariable("AUTOBAHN_PEER_CASES") is { Length: > 0 } pattern
            ? CaseSelection.Resolve([pattern], [])
            : CaseCatalog.All.Select(d => d.Id)).Select(id => id.Text).ToList();
        var disagreements = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        // Cases share nothing but the CPU; a few at a time keep the timer-bound ones (5.19, 6.4.x) from adding up.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, token) =>
        {
            var result = await ScriptedEchoPeerTests.RunThroughPeerAsync(id, cancellationToken: token);
            var observed = (result.Behavior.ToWstestString(), result.BehaviorClose.ToWstestString());
            if (observed != expected[id]) disagreements.Add($"{id}: observed {observed}, ws {expected[id]}: {result.Verdict.Result}");
        });

        output.WriteLine($"{ids.Count - disagreements.Count}/{ids.Count} agree with ws.tsv in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var line in disagreements.Order(StringComparer.Ordinal)) output.WriteLine(line);
        Assert.Empty(disagreements);
    }
}
