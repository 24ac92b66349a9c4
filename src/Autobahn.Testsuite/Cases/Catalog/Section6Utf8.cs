namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    /// <summary>"κόσμε" (Greek "kosme"), Markus Kuhn's UTF-8 test word: 11 bytes with 2- and 3-byte code points.</summary>
    private static readonly byte[] Kosme = Hex("cebae1bdb9cf83cebcceb5");

    /// <summary>
    /// 6 UTF-8 Handling: 6.1–6.4 (<c>case6_1_1.py</c> … <c>case6_4_4.py</c>) and the 132 generated single-message cases
    /// 6.5–6.23 (<c>case6_x_x.py</c>, table in <see cref="Utf8TestSequences"/>).
    /// </summary>
    private static IEnumerable<CaseDefinition> Section6Utf8()
    {
        // 6.1.x: empty text messages, whole and in 3 frames; closeAfter(1).
        yield return Case("6.1.1", NormalClose, [Ok(TextMessage(""))], Text(""), new CloseAfter(1));
        yield return Case(
            "6.1.2", NormalClose, [Ok(TextMessage(""))],
            Text("", fin: false), Cont("", fin: false), Cont(""), new CloseAfter(1));
        yield return Case(
            "6.1.3", NormalClose, [Ok(TextMessage("middle frame payload"))],
            Text("", fin: false), Cont("middle frame payload", fin: false), Cont(""), new CloseAfter(1));

        // 6.2.x: valid UTF-8 split across frames, also inside code points: the server must validate per message, not per frame.
        var hello = Utf8("Hello-µ@ßöäüàá-UTF-8!!");
        yield return Case("6.2.1", NormalClose, [Ok(TextMessage(hello))], new SendMessage(hello, IsBinary: false), new CloseAfter(1));
        yield return Case(
            "6.2.2", NormalClose, [Ok(TextMessage(hello))],
            Text("Hello-µ@ßöä", fin: false), Cont("üàá-UTF-8!!"), new CloseAfter(1));
        yield return Case("6.2.3", NormalClose, [Ok(TextMessage(hello))], new SendMessage(hello, IsBinary: false, FragmentSize: 1), new CloseAfter(1));
        yield return Case("6.2.4", NormalClose, [Ok(TextMessage(Kosme))], new SendMessage(Kosme, IsBinary: false, FragmentSize: 1), new CloseAfter(1));

        // 6.3.x: κόσμε + a lone surrogate (ed a0 80) + "edited", whole and in 1-byte frames; killAfter(1).
        byte[] withSurrogate = [.. Kosme, .. Hex("eda080"), .. Utf8("edited")];
        yield return Case("6.3.1", ServerFailsWithInvalidPayload, [Ok()], new SendMessage(withSurrogate, IsBinary: false), new KillAfter(1));
        yield return Case("6.3.2", ServerFailsWithInvalidPayload, [Ok()], new SendMessage(withSurrogate, IsBinary: false, FragmentSize: 1), new KillAfter(1));

        // 6.4.x fail-fast: κόσμε + f4 90 80 80 (U+110000, out of range) + "edited", in 3 parts 1 s apart (case6_4_1.py).
        byte[] outOfRange = [.. Kosme, .. Hex("f4908080"), .. Utf8("edited")];
        byte[][] atCodePoints = [Kosme, Hex("f4908080"), Utf8("edited")];   // 6.4.1/6.4.3: PAYLOAD1, PAYLOAD2, PAYLOAD3
        byte[][] atFirstBadOctet = [outOfRange[..12], outOfRange[12..13], outOfRange[13..]]; // 6.4.2/6.4.4: PAYLOAD[:12], [12], [13:]
        yield return FailFast("6.4.1", AsFrames(atCodePoints));
        yield return FailFast("6.4.2", AsFrames(atFirstBadOctet));
        yield return FailFast("6.4.3", AsChops(atCodePoints, outOfRange.Length));
        yield return FailFast("6.4.4", AsChops(atFirstBadOctet, outOfRange.Length));

        // 6.5–6.23: one text message each, sendMessage(PAYLOAD, False) + killAfter(0.5).
        var subgroup = 5;
        foreach (var sequences in Utf8TestSequences())
        {
            var n = 1;
            foreach (var (isValid, payload) in sequences)
            {
                var id = $"6.{subgroup}.{n++}";
                yield return isValid
                    ? Case(id, NormalClose, [Ok(TextMessage(payload))], new SendMessage(payload, IsBinary: false), new KillAfter(0.5))
                    : Case(id, ServerFailsWithInvalidPayload, [Ok()], new SendMessage(payload, IsBinary: false), new KillAfter(0.5));
            }

            subgroup++;
        }
    }

    /// <summary>6.4.1/6.4.2: the three parts as three frames of one text message (text FIN=0, continuation FIN=0, continuation FIN=1).</summary>
    private static CaseStep[][] AsFrames(byte[][] parts) =>
    [
        [Text(parts[0], fin: false)],
        [Cont(parts[1], fin: false)],
        [Cont(parts[2])],
    ];

    /// <summary>
    /// 6.4.3/6.4.4: the three parts as chops of one FIN=0 text frame of length <paramref name="frameLength"/>
    /// (beginMessage + beginMessageFrame, sendMessageFrameData ×3), then endMessage's empty FIN=1 continuation.
    /// </summary>
    private static CaseStep[][] AsChops(byte[][] parts, int frameLength) =>
    [
        [new BeginStreamedFrame(frameLength), new SendStreamedFrameData(parts[0])],
        [new SendStreamedFrameData(parts[1])],
        [new SendStreamedFrameData(parts[2]), new EndStreamedMessage()],
    ];

    /// <summary>
    /// The 6.4.x flow (<c>case6_4_1.py</c>): part 1; continueLater(1, "A"): if still OPEN record ("timeout", "A") and send part 2;
    /// continueLater(1, "B"): if still OPEN record ("timeout", "B"), send part 3 and killAfter(1).
    /// OK = the server failed between the two timers, NON-STRICT = only after the second.
    /// </summary>
    private static CaseDefinition FailFast(string id, CaseStep[][] parts) =>
        Case(
            id,
            ServerFailsWithInvalidPayload,
            [Ok(CaseEvent.Timeout("A")), NonStrict(CaseEvent.Timeout("A"), CaseEvent.Timeout("B"))],
            [
                .. parts[0],
                new ContinueLater(1, "A",
                [
                    .. parts[1],
                    new ContinueLater(1, "B", [.. parts[2], new KillAfter(1)], RecordTimeoutWhenOpen: true),
                ], RecordTimeoutWhenOpen: true),
            ]);
}
