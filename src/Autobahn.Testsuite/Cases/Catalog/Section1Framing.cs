namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    // case1_1_N.py / case1_2_N.py, N = 1..8: payload length, killAfter delay, chopsize.
    private static readonly (int Length, double KillAfter, int? ChopSize)[] FramingSizes =
    [
        (0, 1, null),
        (125, 1, null),
        (126, 1, null),     // first 16-bit length
        (127, 1, null),
        (128, 1, null),
        (65535, 10, null),  // last 16-bit length
        (65536, 10, null),  // first 64-bit length
        (65536, 10, 997),   // "Sent out data in chops of 997 octets."
    ];

    /// <summary>
    /// 1 Framing: one unfragmented text (1.1.N, payload "*"×L) or binary (1.2.N, payload 0xFE×L) frame; the echo must come
    /// back and the fuzzer closes with 1000 (<c>case1_1_1.py</c> … <c>case1_2_8.py</c>).
    /// </summary>
    private static IEnumerable<CaseDefinition> Section1Framing()
    {
        foreach (var (group, opcode, filler, isBinary) in new[] { (1, TextOpcode, (byte)'*', false), (2, BinaryOpcode, (byte)0xFE, true) })
        {
            for (var n = 1; n <= FramingSizes.Length; n++)
            {
                var (length, killAfter, chopSize) = FramingSizes[n - 1];
                var payload = Repeat(filler, length);
                yield return Case(
                    $"1.{group}.{n}",
                    NormalClose,
                    [Ok(CaseEvent.Message(payload, isBinary))],
                    Frame(opcode, payload, wire: new Wire(false, chopSize)),
                    new KillAfter(killAfter));
            }
        }
    }
}
