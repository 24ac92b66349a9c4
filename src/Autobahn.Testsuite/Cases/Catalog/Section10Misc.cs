namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    /// <summary>
    /// 10 Misc (<c>case10_1_1.py</c>): with autoFragmentSize 1300, sendMessage("*"×65536) must go out as 51 frames
    /// (50 full + 1 of 536 bytes); the verdict also checks the fuzzer's own transmitted frame counts.
    /// </summary>
    private static IEnumerable<CaseDefinition> Section10Misc()
    {
        const int FragmentSize = 1300;
        var payload = Repeat('*', 65536);
        yield return new CaseDefinition(
            Id("10.1.1"),
            [new SetAutoFragmentSize(FragmentSize), new SendMessage(payload, IsBinary: false), new KillAfter(10)],
            [Ok(TextMessage(payload))],
            NormalClose,
            CaseVerdictRule.AutoFragmentFrameCount)
        {
            // case10_1_1.py's own arithmetic: {0: len // size, 1: 1 if len % size else 0} = {0: 50, 1: 1}.
            ExpectedTxFrameStats = new Dictionary<int, int>
            {
                [Continuation] = payload.Length / FragmentSize,
                [TextOpcode] = payload.Length % FragmentSize > 0 ? 1 : 0,
            },
        };
    }
}
