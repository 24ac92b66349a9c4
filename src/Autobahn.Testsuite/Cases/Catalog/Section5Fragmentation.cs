namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    // The three write patterns wstest repeats a shape in: plain, sync=True, chopsize=1.
    private static readonly Wire[] WireModes = [Wire.Plain, Wire.FrameWise, Wire.OctetWise];

    /// <summary>5 Fragmentation (<c>case5_1.py</c> … <c>case5_20.py</c>); "fragment1".."fragment5" are the fragment payloads.</summary>
    private static IEnumerable<CaseDefinition> Section5Fragmentation()
    {
        // 5.1/5.2: fragmented control frames (RFC 6455 §5.5: control frames must not be fragmented).
        yield return ServerMustFail("5.1", Ping("fragment1", fin: false), Cont("fragment2"));
        yield return ServerMustFail("5.2", Pong("fragment1", fin: false), Cont("fragment2"));

        // 5.3–5.5: a text message in two fragments (plain, frame-wise, octet-wise); closeAfter(1).
        for (var i = 0; i < WireModes.Length; i++)
        {
            var wire = WireModes[i];
            yield return Case(
                $"5.{3 + i}",
                NormalClose,
                [Ok(TextMessage("fragment1fragment2"))],
                Text("fragment1", fin: false, wire: wire),
                Cont("fragment2", wire: wire),
                new CloseAfter(1));
        }

        // 5.6–5.8: the same with a ping between the fragments (RFC 6455 §5.4: control frames may be injected).
        for (var i = 0; i < WireModes.Length; i++)
        {
            var wire = WireModes[i];
            yield return Case(
                $"5.{6 + i}",
                NormalClose,
                [Ok(PongEvent("ping payload"), TextMessage("fragment1fragment2"))],
                Text("fragment1", fin: false, wire: wire),
                Ping("ping payload", wire: wire),
                Cont("fragment2", wire: wire),
                new CloseAfter(1));
        }

        // 5.9–5.14: a continuation with nothing to continue (FIN set in 5.9–5.11, clear in 5.12–5.14), then a text frame.
        var n = 9;
        foreach (var fin in new[] { true, false })
        {
            foreach (var wire in WireModes)
            {
                yield return ServerMustFail(
                    $"5.{n++}",
                    Cont("non-continuation payload", fin: fin, wire: wire),
                    Text(HelloWorld, wire: wire));
            }
        }

        // 5.15: a complete fragmented message, then a continuation-started one; OK if the first was echoed before the failure.
        yield return EchoThenServerMustFail(
            "5.15",
            TextMessage("fragment1fragment2"),
            Text("fragment1", fin: false),
            Cont("fragment2"),
            Cont("fragment3", fin: false),
            Text("fragment4"));

        // 5.16/5.17: twice [continuation, text FIN=0, continuation], the first continuation with FIN clear / set.
        foreach (var (id, firstFin) in new[] { ("5.16", false), ("5.17", true) })
        {
            var once = new CaseStep[] { Cont("fragment1", fin: firstFin), Text("fragment2", fin: false), Cont("fragment3") };
            yield return ServerMustFail(id, [.. once, .. once]);
        }

        // 5.18: a new text frame inside a fragmented text message.
        yield return ServerMustFail("5.18", Text("fragment1", fin: false), Text("fragment2"));

        // 5.19/5.20 (case5_19.py, case5_20.py: sync False / True): 5 fragments with 2 pings, continueLater(1) in the middle.
        foreach (var (id, wire) in new[] { ("5.19", Wire.Plain), ("5.20", Wire.FrameWise) })
        {
            yield return Case(
                id,
                NormalClose,
                [Ok(PongEvent("pongme 1!"), PongEvent("pongme 2!"), TextMessage("fragment1fragment2fragment3fragment4fragment5"))],
                Text("fragment1", fin: false, wire: wire),
                Cont("fragment2", fin: false, wire: wire),
                Ping("pongme 1!", wire: wire),
                new ContinueLater(1, null,
                [
                    Cont("fragment3", fin: false, wire: wire),
                    Cont("fragment4", fin: false, wire: wire),
                    Ping("pongme 2!", wire: wire),
                    Cont("fragment5", wire: wire),
                    new CloseAfter(1),
                ]));
        }
    }
}
