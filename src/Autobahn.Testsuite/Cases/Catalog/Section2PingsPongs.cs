namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    /// <summary>2 Pings/Pongs (<c>case2_1.py</c> … <c>case2_11.py</c>): pings must be answered with identical pongs, unsolicited pongs ignored.</summary>
    private static IEnumerable<CaseDefinition> Section2PingsPongs()
    {
        // 2.1–2.4: one ping, its pong expected, closeAfter(1).
        var pingPayloads = new[] { Array.Empty<byte>(), Utf8("Hello, world!"), Hex("00fffefdfcfb00ff"), Repeat(0xFE, 125) };
        for (var i = 0; i < pingPayloads.Length; i++)
        {
            yield return Case($"2.{i + 1}", NormalClose, [Ok(PongEvent(pingPayloads[i]))], Ping(pingPayloads[i]), new CloseAfter(1));
        }

        // 2.5: a ping with 126 bytes breaks the 125-byte limit on control frames (RFC 6455 §5.5).
        yield return ServerMustFail("2.5", Ping(Repeat(0xFE, 126)));

        // 2.6: the 125-byte ping octet-wise; closeAfter(2).
        var maxPing = Repeat(0xFE, 125);
        yield return Case("2.6", NormalClose, [Ok(PongEvent(maxPing))], Ping(maxPing, wire: Wire.OctetWise), new CloseAfter(2));

        // 2.7/2.8: an unsolicited pong, then sendClose(1000), then closeAfter(1).
        yield return Case("2.7", NormalClose, [Ok()], Pong(), new SendClose(Normal), new CloseAfter(1));
        yield return Case("2.8", NormalClose, [Ok()], Pong("unsolicited pong payload"), new SendClose(Normal), new CloseAfter(1));

        // 2.9: the unsolicited pong must be ignored and the ping answered.
        yield return Case(
            "2.9",
            NormalClose,
            [Ok(PongEvent("ping payload"))],
            Pong("unsolicited pong payload"),
            Ping("ping payload"),
            new CloseAfter(1));

        // 2.10/2.11 (case2_10.py, case2_11.py: chopsize None / 1): ten pings "payload-0".."payload-9", ten pongs in order, closeAfter(3).
        foreach (var (id, wire) in new[] { ("2.10", Wire.Plain), ("2.11", Wire.OctetWise) })
        {
            var payloads = Enumerable.Range(0, 10).Select(i => Utf8($"payload-{i}")).ToArray();
            yield return Case(
                id,
                NormalClose,
                [Ok([.. payloads.Select(p => PongEvent(p))])],
                [.. payloads.Select(p => Ping(p, wire: wire)), new CloseAfter(3)]);
        }
    }
}
