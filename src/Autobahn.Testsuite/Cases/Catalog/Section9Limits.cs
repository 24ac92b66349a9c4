namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    private const int KiB = 1024;
    private const int MiB = 1024 * 1024;

    // case9_1_1.py … case9_2_6.py: (payload_len, WAITSECS); text repeats "BAsd7&jh23", binary 00 fe 23 fa f0.
    private static readonly (int Length, int WaitSeconds)[] TextSizes = [(64 * KiB, 10), (256 * KiB, 10), (1 * MiB, 100), (4 * MiB, 100), (8 * MiB, 100), (16 * MiB, 100)];
    private static readonly (int Length, int WaitSeconds)[] BinarySizes = [(64 * KiB, 10), (256 * KiB, 10), (1 * MiB, 10), (4 * MiB, 10), (8 * MiB, 100), (16 * MiB, 100)];

    // case9_3_*.py / case9_4_*.py: 4 MiB sent with sendMessage at these fragment sizes, WAITSECS 100.
    private static readonly int[] FragmentSizes = [64, 256, 1 * KiB, 4 * KiB, 16 * KiB, 64 * KiB, 256 * KiB, 1 * MiB, 4 * MiB];

    // case9_5_*.py / case9_6_*.py: 1 MiB in one frame written in chops of these sizes, WAITSECS 1000.
    private static readonly int[] ChopSizes = [64, 128, 256, 512, 1024, 2048];

    // case9_7_X.py: (LEN, WAITSECS), 1000 messages each.
    private static readonly (int Length, int WaitSeconds)[] RoundTrips = [(0, 60), (16, 60), (64, 60), (256, 120), (1024, 240), (4096, 480)];

    private static readonly byte[] LimitsText = Utf8("BAsd7&jh23");
    private static readonly byte[] LimitsBinary = Hex("00fe23faf0");

    /// <summary>
    /// 9 Limits/Performance: large messages, fragmented, chopped, and 1000-message round trips. The cases judge the
    /// echo themselves (<see cref="EchoCheck"/>); the wire log is off during the transfer. Every case runs alone
    /// (<see cref="CaseDefinition.RunsAlone"/>), as in wstest: they measure the server's throughput.
    /// </summary>
    private static IEnumerable<CaseDefinition> Section9Limits()
    {
        for (var i = 0; i < TextSizes.Length; i++)
        {
            var (length, wait) = TextSizes[i];
            yield return Limits($"9.1.{i + 1}", new SingleEchoCheck(false, length, wait), new SendFrame(TextOpcode, LimitsText, PayloadLength: length));
        }

        for (var i = 0; i < BinarySizes.Length; i++)
        {
            var (length, wait) = BinarySizes[i];
            yield return Limits($"9.2.{i + 1}", new SingleEchoCheck(true, length, wait), new SendFrame(BinaryOpcode, LimitsBinary, PayloadLength: length));
        }

        var star = Repeat('*', 4 * MiB);
        for (var i = 0; i < FragmentSizes.Length; i++)
        {
            yield return Limits($"9.3.{i + 1}", new SingleEchoCheck(false, 4 * MiB, 100), new SendMessage(star, IsBinary: false, FragmentSize: FragmentSizes[i]));
        }

        // 9.4.1 sends "\xfe" repeated, 9.4.2–9.4.9 send "*" (case9_4_1.py vs case9_4_2.py).
        var fe = Repeat((byte)0xfe, 4 * MiB);
        for (var i = 0; i < FragmentSizes.Length; i++)
        {
            yield return Limits($"9.4.{i + 1}", new SingleEchoCheck(true, 4 * MiB, 100), new SendMessage(i == 0 ? fe : star, IsBinary: true, FragmentSize: FragmentSizes[i]));
        }

        for (var i = 0; i < ChopSizes.Length; i++)
        {
            yield return Limits($"9.5.{i + 1}", new SingleEchoCheck(false, 1 * MiB, 1000), new SendFrame(TextOpcode, LimitsText, PayloadLength: 1 * MiB, ChopSize: ChopSizes[i]));
        }

        for (var i = 0; i < ChopSizes.Length; i++)
        {
            yield return Limits($"9.6.{i + 1}", new SingleEchoCheck(true, 1 * MiB, 1000), new SendFrame(BinaryOpcode, LimitsBinary, PayloadLength: 1 * MiB, ChopSize: ChopSizes[i]));
        }

        foreach (var binary in new[] { false, true })
        {
            for (var i = 0; i < RoundTrips.Length; i++)
            {
                var (length, wait) = RoundTrips[i];
                var check = new RoundTripCheck(binary, length, binary ? [0xfe] : Utf8("*"), 1000, wait);
                yield return new CaseDefinition(
                    Id($"9.{(binary ? 8 : 7)}.{i + 1}"),
                    [new SetWirelog(false, Logged: true), new CloseAfter(wait), new SendRoundTripMessage()],
                    [],
                    NormalClose,
                    Echo: check)
                {
                    RunsAlone = true,
                };
            }
        }
    }

    private static CaseDefinition Limits(string id, SingleEchoCheck check, CaseStep send) =>
        new(Id(id), [new SetWirelog(false, Logged: false), send, new CloseAfter(check.WaitSeconds)], [], NormalClose, Echo: check)
        {
            RunsAlone = true,
        };
}
