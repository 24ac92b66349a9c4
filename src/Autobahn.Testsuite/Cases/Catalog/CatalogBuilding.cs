using System.Text;

namespace Autobahn.Testsuite.Cases;

/// <summary>
/// The small vocabulary the section tables are written in. Each helper mirrors one call or one constant of a
/// wstest case file (<c>case/case*.py</c>), so a table row reads like the <c>onOpen</c> it ports.
/// Payload arrays are shared by the catalog's steps and events: the engine must treat them as read-only.
/// </summary>
internal static partial class CaseCatalog
{
    // Opcodes as wstest passes them to sendFrame (RFC 6455 §5.2).
    private const int Continuation = 0;
    private const int TextOpcode = 1;
    private const int BinaryOpcode = 2;
    private const int CloseOpcode = 8;
    private const int PingOpcode = 9;
    private const int PongOpcode = 10;

    // CLOSE_STATUS_CODE_* of autobahn's WebSocketProtocol (RFC 6455 §7.4.1).
    private const int Normal = 1000;
    private const int ProtocolError = 1002;
    private const int InvalidPayload = 1007;

    /// <summary>"Hello, world!" — the payload most of sections 3–5 send.</summary>
    private static readonly byte[] HelloWorld = Utf8("Hello, world!");

    /// <summary><c>{"closedByMe": True, "closeCode": [1000], "requireClean": True}</c>.</summary>
    private static readonly ExpectedClose NormalClose = ExpectClose(closedByMe: true, closeCodes: [Normal], requireClean: true);

    /// <summary><c>{"closedByMe": False, "closeCode": [1002], "requireClean": False}</c>: the server must fail the connection.</summary>
    private static readonly ExpectedClose ServerFailsWithProtocolError = ExpectClose(closedByMe: false, closeCodes: [ProtocolError], requireClean: false);

    /// <summary>The UTF-8 cases' <c>{"closedByMe": False, "closeCode": [1007], "requireClean": False, "closedByWrongEndpointIsFatal": True}</c>.</summary>
    private static readonly ExpectedClose ServerFailsWithInvalidPayload =
        ExpectClose(closedByMe: false, closeCodes: [InvalidPayload], requireClean: false, closedByWrongEndpointIsFatal: true);

    /// <summary>How a frame goes onto the wire (sendFrame's <c>sync</c> / <c>chopsize</c>); never changes its bytes.</summary>
    private readonly record struct Wire(bool Sync, int? ChopSize)
    {
        /// <summary>Written straight to the transport; may coalesce with neighbours.</summary>
        public static Wire Plain => new(false, null);

        /// <summary><c>sync=True</c>: each frame in its own write.</summary>
        public static Wire FrameWise => new(true, null);

        /// <summary><c>chopsize=1</c>: octet-wise writes.</summary>
        public static Wire OctetWise => new(false, 1);
    }

    /// <summary>wstest's <c>expectedClose</c> dict, as a case file writes it.</summary>
    private static ExpectedClose ExpectClose(
        bool closedByMe, IReadOnlyList<int> closeCodes, bool requireClean, bool closedByWrongEndpointIsFatal = false) =>
        new()
        {
            ClosedByMe = closedByMe,
            CloseCodes = closeCodes,
            RequireClean = requireClean,
            ClosedByWrongEndpointIsFatal = closedByWrongEndpointIsFatal,
        };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private static byte[] Repeat(byte value, int count)
    {
        var bytes = new byte[count];
        Array.Fill(bytes, value);
        return bytes;
    }

    private static byte[] Repeat(char ascii, int count) => Repeat(checked((byte)ascii), count);

    private static CaseId Id(string text) => CaseId.Parse(text);

    // sendFrame(opcode, payload, fin, rsv, payload_len, chopsize, sync)
    private static SendFrame Frame(int opcode, byte[]? payload = null, bool fin = true, int rsv = 0, Wire wire = default) =>
        new(opcode, payload ?? [], fin, rsv, ChopSize: wire.ChopSize, Sync: wire.Sync);

    private static SendFrame Text(byte[] payload, bool fin = true, int rsv = 0, Wire wire = default) => Frame(TextOpcode, payload, fin, rsv, wire);

    private static SendFrame Text(string payload, bool fin = true, int rsv = 0, Wire wire = default) => Text(Utf8(payload), fin, rsv, wire);

    private static SendFrame Binary(byte[] payload, int rsv = 0, Wire wire = default) => Frame(BinaryOpcode, payload, true, rsv, wire);

    private static SendFrame Cont(byte[] payload, bool fin = true, Wire wire = default) => Frame(Continuation, payload, fin, 0, wire);

    private static SendFrame Cont(string payload, bool fin = true, Wire wire = default) => Cont(Utf8(payload), fin, wire);

    private static SendFrame Ping(byte[]? payload = null, bool fin = true, Wire wire = default) => Frame(PingOpcode, payload, fin, 0, wire);

    private static SendFrame Ping(string payload, bool fin = true, Wire wire = default) => Ping(Utf8(payload), fin, wire);

    private static SendFrame Pong(byte[]? payload = null, bool fin = true) => Frame(PongOpcode, payload, fin);

    private static SendFrame Pong(string payload, bool fin = true) => Pong(Utf8(payload), fin);

    private static CaseEvent TextMessage(byte[] payload) => CaseEvent.Message(payload, isBinary: false);

    private static CaseEvent TextMessage(string payload) => CaseEvent.Text(payload);

    private static CaseEvent PongEvent(byte[] payload) => CaseEvent.Pong(payload);

    private static CaseEvent PongEvent(string payload) => CaseEvent.Pong(Utf8(payload));

    // self.expected[Case.OK] = [...]
    private static CaseOutcome Ok(params CaseEvent[] events) => new() { Behavior = Behavior.Ok, Events = events };

    // self.expected[Case.NON_STRICT] = [...]
    private static CaseOutcome NonStrict(params CaseEvent[] events) => new() { Behavior = Behavior.NonStrict, Events = events };

    /// <summary>The common shape: OK with the given events only.</summary>
    private static CaseDefinition Case(string id, ExpectedClose close, CaseOutcome[] expected, params CaseStep[] onOpen) =>
        new(Id(id), onOpen, expected, close);

    /// <summary>The shape of section 3/4/5 protocol-error cases: nothing may come back, the server fails with 1002.</summary>
    private static CaseDefinition ServerMustFail(string id, params CaseStep[] onOpen) =>
        Case(id, ServerFailsWithProtocolError, [Ok()], [.. onOpen, new KillAfter(1)]);

    /// <summary>
    /// The shape of the racy cases (3.2–3.4, 4.1.3–4.1.5, 4.2.3–4.2.5, 5.15): a valid message, then what the server
    /// must fail with 1002. OK if the echo of the valid message came back before the failure, NON-STRICT if nothing
    /// came back; which one a concurrent server gives is a race (wstest issue #102), hence <see cref="CaseDefinition.IsRacy"/>.
    /// </summary>
    private static CaseDefinition EchoThenServerMustFail(string id, CaseEvent echo, params CaseStep[] onOpen) =>
        Case(id, ServerFailsWithProtocolError, [Ok(echo), NonStrict()], [.. onOpen, new KillAfter(1)]) with { IsRacy = true };
}
