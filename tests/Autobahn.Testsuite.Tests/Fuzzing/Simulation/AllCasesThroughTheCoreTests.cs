using System.Collections.Concurrent;
using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// The catalog through the sans-I/O core against the scripted conformant echo peer that behaves like node ws 8.18.3,
/// with no socket and no real waiting (the clock jumps from timer to timer), in both roles: every verdict must be the
/// one wstest 0.8.2 gives ws — as a server (<c>../shared/autobahn/wstest-results/ws.tsv</c>, fuzzingclient mode) and as
/// a client (<c>wstest-results/clients/ws.tsv</c>, fuzzingserver mode). Sections 1–10 run by default; sections 12 and
/// 13 move about 11 GB each way (compressed by the fuzzer, inflated, recompressed by the peer and inflated again) and
/// take minutes of CPU, so they run with <c>AUTOBAHN_CORE_COMPRESSION=1</c> (.ci/run sets it).
/// </summary>
public sealed class AllCasesThroughTheCoreTests(ITestOutputHelper output)
{
    /// <summary>Opts in to sections 12 and 13 through the core.</summary>
    public const string CompressionVariable = "AUTOBAHN_CORE_COMPRESSION";

    private const string CompressionSkipReason = "sections 12 and 13 take minutes of CPU through the scripted peer; set " + CompressionVariable + "=1 to run them (.ci/run does)";

    [WsVerdictsFact]
    public void ClientRole_Sections1To10AgainstAScriptedWsPeer_VerdictsAreWstestsForWs() =>
        AssertAgreement(Sections(1, 10), expectedCount: 301, FuzzerRole.Client);

    [FullAgreementFact(CompressionVariable, CompressionSkipReason)]
    public void ClientRole_Sections12And13AgainstAScriptedWsPeer_VerdictsAreWstestsForWs() =>
        AssertAgreement(Sections(12, 13), expectedCount: 216, FuzzerRole.Client);

    /// <summary>fuzzingserver mode: the fuzzer accepts the ws client's upgrade and runs the case over it.</summary>
    [WsVerdictsFact]
    public void ServerRole_Sections1To10AgainstAScriptedWsClient_VerdictsAreWstestsForTheWsClient() =>
        AssertAgreement(Sections(1, 10), expectedCount: 301, FuzzerRole.Server);

    /// <summary>
    /// ws offers <c>permessage-deflate; client_max_window_bits</c>, so every accept function of 12.x/13.x agrees
    /// (fuzzingserver-and-cli.md §A.6) and the client compresses with window 9 in 13.3/13.5/13.7.
    /// </summary>
    [FullAgreementFact(CompressionVariable, CompressionSkipReason)]
    public void ServerRole_Sections12And13AgainstAScriptedWsClient_VerdictsAreWstestsForTheWsClient() =>
        AssertAgreement(Sections(12, 13), expectedCount: 216, FuzzerRole.Server);

    /// <summary>A client that offers no permessage-deflate: every 12.x/13.x case declines and is UNIMPLEMENTED (OK close), at once.</summary>
    [Fact]
    public void ServerRole_Sections12And13AgainstAClientOfferingNothing_AllUnimplemented() =>
        AssertAgreement(Sections(12, 13), expectedCount: 216, FuzzerRole.Server, deflateOffer: null, expectation: _ => ("UNIMPLEMENTED", "OK"));

    private static Func<string, (string, string)> ExpectationsOfWs(FuzzerRole role)
    {
        var path = role == FuzzerRole.Client ? WstestVerdicts.FindWsTable() : WstestVerdicts.FindClientWsTable();
        var table = path ?? throw new FileNotFoundException("wstest-results/ws.tsv or clients/ws.tsv not found: the shared folder must sit beside the repository (../shared).");
        var expected = WstestVerdicts.Read(table);
        return id => expected[id];
    }

    private static CaseDefinition[] Sections(int first, int last) =>
        CaseCatalog.All.Where(d => d.Id.Section >= first && d.Id.Section <= last).ToArray();

    private void AssertAgreement(
        IReadOnlyList<CaseDefinition> definitions,
        int expectedCount,
        FuzzerRole role,
        string? deflateOffer = "permessage-deflate; client_max_window_bits",
        Func<string, (string, string)>? expectation = null)
    {
        // wstest's table only when the test gives no expectation of its own.
        expectation ??= ExpectationsOfWs(role);
        var stopwatch = Stopwatch.StartNew();
        var disagreements = new ConcurrentBag<(int Index, string Text)>();

        // Cases are independent connections; one core each, side by side on every processor.
        Parallel.For(0, definitions.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var definition = definitions[i];
            var mask = 0;
            using var core = new CaseCore(
                definition,
                role,
                new Uri("ws://127.0.0.1:9001/"),
                FuzzingOptions.Default,
                () => BitConverter.GetBytes(++mask),
                handshakeKey: "dGhlIHNhbXBsZSBub25jZQ==");
            var peer = role == FuzzerRole.Client
                ? new ScriptedEchoPeer()
                : ScriptedEchoPeer.Client($"/runCase?casetuple={definition.Id.Text}&agent=ws", deflateOffer);
            var transcript = PeerSimulation.Run(core, peer);
            var verdict = CaseJudge.Judge(definition, transcript);
            var (behavior, behaviorClose) = expectation(definition.Id.Text);
            var ours = (verdict.Behavior.ToWstestString(), verdict.BehaviorClose.ToWstestString());
            if (ours != (behavior, behaviorClose))
            {
                disagreements.Add((i, $"{definition.Id.Text}: {ours.Item1} / {ours.Item2}, wstest {behavior} / {behaviorClose} ({transcript.Closing.WasNotCleanReason ?? verdict.Result})"));
            }
        });

        output.WriteLine($"{role} role: {definitions.Count} cases through the core in {stopwatch.Elapsed.TotalSeconds:0.0} s; {definitions.Count - disagreements.Count} agree with wstest");
        Assert.Equal(expectedCount, definitions.Count);
        Assert.True(disagreements.IsEmpty, string.Join("\n", disagreements.OrderBy(d => d.Index).Select(d => d.Text)));
    }
}
