namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    /// <summary>
    /// 3 Reserved Bits (<c>case3_1.py</c> … <c>case3_7.py</c>): a frame with RSV bits set and no extension negotiated must
    /// fail the connection (RFC 6455 §5.2); killAfter(1) in every case.
    /// </summary>
    private static IEnumerable<CaseDefinition> Section3ReservedBits()
    {
        yield return ServerMustFail("3.1", Text(HelloWorld, rsv: 1));

        // 3.2–3.4: a good text frame, the bad one, then a ping. OK if the first echo came back before the failure,
        // NON-STRICT if nothing came back.
        foreach (var (id, rsv, wire) in new[] { ("3.2", 2, Wire.Plain), ("3.3", 3, Wire.FrameWise), ("3.4", 4, Wire.OctetWise) })
        {
            yield return EchoThenServerMustFail(
                id,
                TextMessage(HelloWorld),
                Text(HelloWorld, wire: wire),
                Text(HelloWorld, rsv: rsv, wire: wire),
                Ping(wire: wire));
        }

        yield return ServerMustFail("3.5", Binary(Hex("00fffefdfcfb00ff"), rsv: 5));

        // 3.6: the DESCRIPTION says "Ping", but case3_6.py sends opcode 2 (binary).
        yield return ServerMustFail("3.6", Binary(HelloWorld, rsv: 6));

        // 3.7: a raw, empty close frame through sendFrame (not sendClose), with RSV 7.
        yield return ServerMustFail("3.7", Frame(CloseOpcode, rsv: 7));
    }
}
