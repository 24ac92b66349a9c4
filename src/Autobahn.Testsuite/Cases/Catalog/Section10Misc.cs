namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    /// <summary>
    /// 10 Misc (<c>case10_1_1.py</c>): with autoFragmentSize 1300, sendMessage("*"×65536) must go out as 51 frames
    /// (50 full + 1 of 536 bytes); the verdict also checks the fuzzer's own transmitted frame counts.
    /// </summary>
    private static IEnumerable<CaseDefinition> Section10Misc()
    {
        var payload = Repeat('*', 65536);
        yield return new CaseDefinition(
            Id("10.1.1"),
            [new SetAutoFragmentSize(1300), new SendMessage(payload, IsBinary: false), new KillAfter(10)],
            [Ok(TextMessage(payload))],
            NormalClose,
            CaseVerdictRule.AutoFragmentFrameCount);
    }
}
