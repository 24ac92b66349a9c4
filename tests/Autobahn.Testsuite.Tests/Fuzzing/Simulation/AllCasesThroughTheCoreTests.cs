using System.Collections.Concurrent;
using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// The catalog through the sans-I/O core in the client role, against the scripted conformant echo peer that behaves
/// like node ws 8.18.3, with no socket and no real waiting (the clock jumps from timer to timer): every verdict must
/// be the one wstest 0.8.2 gives ws (<c>../shared/autobahn/wstest-results/ws.tsv</c>). Sections 1–10 run by default;
/// sections 12 and 13 move about 11 GB each way (compressed by the fuzzer, inflated, recompressed by the peer and
/// inflated again) and take minutes of CPU, so they run with <c>AUTOBAHN_CORE_COMPRESSION=1</c> (.ci/run sets it).
/// </summary>
public sealed class AllCasesThroughTheCoreTests(ITestOutputHelper output)
{
    /// <summary>Opts in to sections 12 and 13 through the core.</summary>
    public const string CompressionVariable = "AUTOBAHN_CORE_COMPRESSION";

    [Fact]
    public void ClientRole_Sections1To10AgainstAScriptedWsPeer_VerdictsAreWstestsForWs() =>
        AssertAgreement(CaseCatalog.All.Where(d => d.Id.Section <= 10).ToArray(), expectedCount: 301);

    [FullAgreementFact(CompressionVariable, "sections 12 and 13 take minutes of CPU through the scripted peer; set " + CompressionVariable + "=1 to run them (.ci/run does)")]
    public void ClientRole_Sections12And13AgainstAScriptedWsPeer_VerdictsAreWstestsForWs() =>
        AssertAgreement(CaseCatalog.All.Where(d => d.Id.Section >= 12).ToArray(), expectedCount: 216);

    private void AssertAgreement(IReadOnlyList<CaseDefinition> definitions, int expectedCount)
    {
        var table = WstestVerdicts.FindWsTable() ?? throw new FileNotFoundException("wstest-results/ws.tsv not found: the shared folder must sit beside the repository (../shared).");
        var expected = WstestVerdicts.Read(table);
        var stopwatch = Stopwatch.StartNew();
        var disagreements = new ConcurrentBag<(int Index, string Text)>();

        // Cases are independent connections; one core each, side by side on every processor.
        Parallel.For(0, definitions.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var definition = definitions[i];
            var mask = 0;
            using var core = new CaseCore(
                definition,
                FuzzerRole.Client,
                new Uri("ws://127.0.0.1:9001/"),
                FuzzingOptions.Default,
                () => BitConverter.GetBytes(++mask),
                handshakeKey: "dGhlIHNhbXBsZSBub25jZQ==");
            var transcript = PeerSimulation.Run(core, new ScriptedEchoPeer());
            var verdict = CaseJudge.Judge(definition, transcript);
            var (behavior, behaviorClose) = expected[definition.Id.Text];
            var ours = (verdict.Behavior.ToWstestString(), verdict.BehaviorClose.ToWstestString());
            if (ours != (behavior, behaviorClose))
            {
                disagreements.Add((i, $"{definition.Id.Text}: {ours.Item1} / {ours.Item2}, wstest {behavior} / {behaviorClose} ({transcript.Closing.WasNotCleanReason ?? verdict.Result})"));
            }
        });

        output.WriteLine($"{definitions.Count} cases through the core in {stopwatch.Elapsed.TotalSeconds:0.0} s; {definitions.Count - disagreements.Count} agree with wstest");
        Assert.Equal(expectedCount, definitions.Count);
        Assert.True(disagreements.IsEmpty, string.Join("\n", disagreements.OrderBy(d => d.Index).Select(d => d.Text)));
    }
}
