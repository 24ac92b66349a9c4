namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    /// <summary>
    /// 4 Opcodes (<c>case4_1_1.py</c> … <c>case4_2_5.py</c>): reserved opcodes must fail the connection (RFC 6455 §5.2).
    /// 4.1.x use the reserved data opcodes 3–7, 4.2.x the reserved control opcodes 11–15, in the same five shapes.
    /// </summary>
    private static IEnumerable<CaseDefinition> Section4Opcodes()
    {
        foreach (var (group, opcodes) in new[] { (1, new[] { 3, 4, 5, 6, 7 }), (2, new[] { 11, 12, 13, 14, 15 }) })
        {
            // x.1: the reserved opcode alone, empty.
            yield return ServerMustFail($"4.{group}.1", Frame(opcodes[0]));

            // x.2: the reserved opcode alone, with a payload.
            yield return ServerMustFail($"4.{group}.2", Frame(opcodes[1], Utf8("reserved opcode payload")));

            // x.3–x.5: a good text frame, the reserved opcode (x.3 empty, x.4/x.5 with payload), then a ping; x.5 octet-wise.
            var shapes = new[] { (3, opcodes[2], Array.Empty<byte>(), Wire.Plain), (4, opcodes[3], HelloWorld, Wire.Plain), (5, opcodes[4], HelloWorld, Wire.OctetWise) };
            foreach (var (n, opcode, payload, wire) in shapes)
            {
                yield return EchoThenServerMustFail(
                    $"4.{group}.{n}",
                    TextMessage(HelloWorld),
                    Text(HelloWorld, wire: wire),
                    Frame(opcode, payload, wire: wire),
                    Ping(wire: wire));
            }
        }
    }
}
