namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    // case7_7_X.py: "list of some valid close codes" (RFC 6455 §7.4.1 / §7.4.2).
    private static readonly int[] ValidCloseCodes = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999];

    // case7_9_X.py: "list of some invalid close codes".
    private static readonly int[] InvalidCloseCodes = [0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999];

    /// <summary>
    /// 7 Close Handling (<c>case7_1_1.py</c> … <c>case7_13_2.py</c>): the fuzzer starts every close; killAfter(1) in every case.
    /// All but 7.1.6 and 7.13.x turn a WRONG CODE close into a FAILED case (their <c>onConnectionLost</c> override).
    /// </summary>
    private static IEnumerable<CaseDefinition> Section7Close()
    {
        const string Hello = "Hello World!";   // section 7 spells it without the comma

        // 7.1.1: the echo arrives, then finishWhenDone closes with 1000 (no suppressClose here).
        yield return Close("7.1.1", NormalClose, [Ok(TextMessage(Hello))], suppressClose: false, Text(Hello));

        // 7.1.2–7.1.5: something sent after our close must be ignored.
        yield return Close("7.1.2", NormalClose, [Ok()], suppressClose: true, new SendClose(Normal), Frame(CloseOpcode));
        yield return Close("7.1.3", NormalClose, [Ok()], suppressClose: true, new SendClose(Normal), Ping());
        yield return Close("7.1.4", NormalClose, [Ok()], suppressClose: true, new SendClose(Normal), Text(Hello));
        yield return Close(
            "7.1.5", NormalClose, [Ok()], suppressClose: true,
            Text("fragment1", fin: false), new SendClose(Normal), Cont("fragment2"));

        // 7.1.6: 256 KiB of "BAsd7&jh23" (payload_len 256 * 2**10), a short message, close, ping: INFORMATIONAL either way.
        yield return new CaseDefinition(
            Id("7.1.6"),
            [
                new SendFrame(TextOpcode, Utf8("BAsd7&jh23"), PayloadLength: 256 * 1024),
                Text(Hello),
                new SendClose(Normal),
                Ping(),
                new KillAfter(1),
            ],
            [Ok(TextMessage(Hello)), NonStrict()],
            NormalClose,
            CaseVerdictRule.Informational716,
            SuppressClose: true);

        // 7.3.x: close frame payload lengths 0, 1, 2, 2+12, 2+123 (the maximum, 125) and 2+124 (too long for a control frame).
        var closePayloads = new (CaseStep Step, ExpectedClose Close)[]
        {
            (new SendCloseFrame(), NormalClose),                                          // sendCloseFrame()
            (new SendCloseFrame(Reason: Utf8("a")), ExpectClose(closedByMe: true, closeCodes: [ProtocolError], requireClean: false)),
            (new SendClose(Normal), NormalClose),
            (new SendClose(Normal, Hello), NormalClose),
            (new SendClose(Normal, new string('*', 123)), NormalClose),
            (new SendCloseFrame(Normal, Repeat('*', 124)), ExpectClose(closedByMe: true, closeCodes: [ProtocolError], requireClean: false)),
        };
        for (var i = 0; i < closePayloads.Length; i++)
        {
            yield return Close($"7.3.{i + 1}", closePayloads[i].Close, [Ok()], suppressClose: true, closePayloads[i].Step);
        }

        // 7.5.1: close 1000 with a reason that is not UTF-8 (κόσμε + a lone surrogate + "edited").
        yield return Close(
            "7.5.1", ExpectClose(closedByMe: true, closeCodes: [ProtocolError, InvalidPayload], requireClean: false), [Ok()], suppressClose: true,
            new SendCloseFrame(Normal, Hex("cebae1bdb9cf83cebcceb5eda080656469746564")));

        // 7.7.x: valid codes; the server may answer 1000 or echo the code. 7.9.x: invalid codes must get 1002 (or a drop).
        // Neither file sets suppressClose.
        for (var i = 0; i < ValidCloseCodes.Length; i++)
        {
            var code = ValidCloseCodes[i];
            yield return Close(
                $"7.7.{i + 1}", ExpectClose(closedByMe: true, closeCodes: [Normal, code], requireClean: true), [Ok()], suppressClose: false,
                new SendCloseFrame(code));
        }

        for (var i = 0; i < InvalidCloseCodes.Length; i++)
        {
            yield return Close(
                $"7.9.{i + 1}", ExpectClose(closedByMe: true, closeCodes: [ProtocolError], requireClean: false), [Ok()], suppressClose: false,
                new SendCloseFrame(InvalidCloseCodes[i]));
        }

        // 7.13.x: codes outside 0–4999 whose handling the spec leaves open. 7.13.2's DESCRIPTION says 65536; it sends 65535.
        foreach (var (id, code) in new[] { ("7.13.1", 5000), ("7.13.2", 65535) })
        {
            yield return new CaseDefinition(
                Id(id),
                [new SendCloseFrame(code), new KillAfter(1)],
                [Ok()],
                ExpectClose(closedByMe: true, closeCodes: [Normal, code, ProtocolError], requireClean: false),
                CaseVerdictRule.InformationalUndefined,
                SuppressClose: true);
        }
    }

    /// <summary>A section 7 case with the WRONG CODE ⇒ FAILED override; <paramref name="onOpen"/> is followed by killAfter(1).</summary>
    private static CaseDefinition Close(string id, ExpectedClose close, CaseOutcome[] expected, bool suppressClose, params CaseStep[] onOpen) =>
        new(Id(id), [.. onOpen, new KillAfter(1)], expected, close, CaseVerdictRule.WrongCodeIsFailure, suppressClose);
}
