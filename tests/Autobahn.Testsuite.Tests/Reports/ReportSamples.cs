using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite.Tests.Reports;

/// <summary>
/// Representative case results built in code, one per verdict path a report must show, with every volatile field
/// (start time, duration, handshake key, mask keys, date header) fixed. Verdicts come from the real judge
/// (<see cref="CaseJudge"/>) where the case is in the catalog.
/// </summary>
internal static class ReportSamples
{
    public const string Agent = "AutobahnServer";
    public const string PeerDropped = "peer dropped the TCP connection without previous WebSocket closing handshake";

    private static readonly DateTimeOffset Started = new(2026, 11, 25, 15, 4, 5, 678, TimeSpan.Zero);

    /// <summary>The names of the golden files, one per sample.</summary>
    public static readonly string[] AllNames = ["ok_2_2", "non_strict_3_2", "failed_2_2", "unclean_1_1_1", "wrong_code_3_1", "unimplemented_12_1_1", "limits_9_1_1", "compression_12_1_1"];

    /// <summary><see cref="AllNames"/> as theory rows.</summary>
    public static TheoryData<string> Names => new(AllNames);

    public static CaseResult Get(string name) => name switch
    {
        "ok_2_2" => Ok22(),
        "non_strict_3_2" => NonStrict32(),
        "failed_2_2" => Failed22(),
        "unclean_1_1_1" => Unclean111(),
        "wrong_code_3_1" => WrongCode31(),
        "unimplemented_12_1_1" => Unimplemented1211(),
        "limits_9_1_1" => Limits911(),
        "compression_12_1_1" => Compression1211(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>2.2 against a correct server: pong echoed, clean close 1000 started by the fuzzer.</summary>
    public static CaseResult Ok22(string? closeReason = null, string agent = Agent) => Judged("2.2", agent, new CaseTranscript
    {
        CaseId = CaseId.Parse("2.2"),
        Received = [CaseEvent.Pong(Encoding.ASCII.GetBytes("Hello, world!"))],
        ConnectionWasOpen = true,
        Closing = CleanCloseByMe(remoteReason: closeReason),
        WireLog =
        [
            .. Handshake(),
            Row("TF", Data("Hello, world!"), 9, true, 0, "0a0b0c0d", null, null, false),
            Row("TO", Hex("898d0a0b0c0d42666068652b2c7b656760687e2a"), false),
            Row("TI", 1.0),
            Row("RO", Hex("8a0d48656c6c6f2c20776f726c6421")),
            Row("RF", Data("Hello, world!"), 10, true, 0, false, null),
            Row("TF", CloseData(1000), 8, true, 0, "01020304", null, null, false),
            Row("TO", Hex("888201020304" + "02ea"), false),
            Row("RO", Hex("880203e8")),
            Row("RF", CloseData(1000), 8, true, 0, false, null),
        ],
        RxOctetStats = new Dictionary<int, int> { [129] = 1, [15] = 1, [4] = 1 },
        TxOctetStats = new Dictionary<int, int> { [245] = 1, [19] = 1, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [10] = 1, [8] = 1 },
        TxFrameStats = new Dictionary<int, int> { [9] = 1, [8] = 1 },
        Started = Started,
        DurationMilliseconds = 3,
        HttpRequest = Request(),
        HttpResponse = Response(),
        ServerHeader = agent,
    });

    /// <summary>3.2: the server fails the connection (1002) before echoing the first message: NON-STRICT.</summary>
    public static CaseResult NonStrict32() => Judged("3.2", Agent, new CaseTranscript
    {
        CaseId = CaseId.Parse("3.2"),
        Received = [],
        ConnectionWasOpen = true,
        Closing = new ClosingBehavior { WasClean = true, LocalCloseCode = 1002, RemoteCloseCode = 1002 },
        WireLog =
        [
            .. Handshake(),
            Row("TF", Data("Hello, world!"), 1, true, 0, "0a0b0c0d", null, null, false),
            Row("TF", Data("Hello, world!"), 1, true, 2, "0a0b0c0d", null, null, false),
            Row("TF", Data(""), 9, true, 0, "0a0b0c0d", null, null, false),
            Row("KL", 1.0),
            Row("RO", Hex("880203ea")),
            Row("RF", CloseData(1002), 8, true, 0, false, null),
        ],
        RxOctetStats = new Dictionary<int, int> { [129] = 1, [4] = 1 },
        TxOctetStats = new Dictionary<int, int> { [245] = 1, [19] = 2, [6] = 1, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [8] = 1 },
        TxFrameStats = new Dictionary<int, int> { [1] = 2, [9] = 1, [8] = 1 },
        Started = Started,
        DurationMilliseconds = 2,
        HttpRequest = Request(),
        HttpResponse = Response(),
    });

    /// <summary>2.2 against a server that echoes a cut pong payload: FAILED, close OK.</summary>
    public static CaseResult Failed22() => Judged("2.2", Agent, Ok22().Transcript with
    {
        Received = [CaseEvent.Pong(Encoding.ASCII.GetBytes("Hello"))],
    });

    /// <summary>1.1.1 against a server that drops TCP when it receives the close frame: OK, UNCLEAN.</summary>
    public static CaseResult Unclean111() => Judged("1.1.1", Agent, new CaseTranscript
    {
        CaseId = CaseId.Parse("1.1.1"),
        Received = [CaseEvent.Text("")],
        ConnectionWasOpen = true,
        Closing = new ClosingBehavior { ClosedByMe = true, WasNotCleanReason = PeerDropped, LocalCloseCode = 1000 },
        WireLog =
        [
            .. Handshake(),
            Row("TF", Data(""), 1, true, 0, "0a0b0c0d", null, null, false),
            Row("KL", 0.5),
            Row("RO", Hex("8100")),
            Row("RF", Data(""), 1, true, 0, false, null),
            Row("TF", CloseData(1000), 8, true, 0, "01020304", null, null, false),
        ],
        RxOctetStats = new Dictionary<int, int> { [129] = 1, [2] = 1 },
        TxOctetStats = new Dictionary<int, int> { [245] = 1, [6] = 1, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [1] = 1 },
        TxFrameStats = new Dictionary<int, int> { [1] = 1, [8] = 1 },
        Started = Started,
        DurationMilliseconds = 1,
        HttpRequest = Request(),
        HttpResponse = Response(),
    });

    /// <summary>3.1 against a server that fails the connection with 1000 instead of 1002: OK, WRONG CODE.</summary>
    public static CaseResult WrongCode31() => Judged("3.1", Agent, new CaseTranscript
    {
        CaseId = CaseId.Parse("3.1"),
        Received = [],
        ConnectionWasOpen = true,
        Closing = new ClosingBehavior { WasClean = true, LocalCloseCode = 1000, RemoteCloseCode = 1000, RemoteCloseReason = "bad RSV" },
        WireLog =
        [
            .. Handshake(),
            Row("TF", Data("Hello, world!"), 1, true, 1, "0a0b0c0d", null, null, false),
            Row("KL", 1.0),
            Row("RO", Hex("8809" + "03e8" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes("bad RSV")))),
            Row("RF", CloseData(1000, "bad RSV"), 8, true, 0, false, null),
        ],
        RxOctetStats = new Dictionary<int, int> { [129] = 1, [11] = 1 },
        TxOctetStats = new Dictionary<int, int> { [245] = 1, [19] = 1, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [8] = 1 },
        TxFrameStats = new Dictionary<int, int> { [1] = 1, [8] = 1 },
        Started = Started,
        DurationMilliseconds = 1,
        HttpRequest = Request(),
        HttpResponse = Response(),
    });

    /// <summary>12.1.1 against a server that declines permessage-deflate: UNIMPLEMENTED (<c>case12_x_x.py</c> onOpen).</summary>
    public static CaseResult Unimplemented1211() => Section12("12.1.1", new CaseTranscript
    {
        CaseId = CaseId.Parse("12.1.1"),
        Received = [],
        CaseBehavior = Behavior.Unimplemented,
        ConnectionWasOpen = true,
        Closing = CleanCloseByMe(),
        WireLog = [.. Handshake(deflate: true), Row("WLM", false)],
        RxOctetStats = new Dictionary<int, int> { [129] = 1, [4] = 1 },
        TxOctetStats = new Dictionary<int, int> { [328] = 1, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [8] = 1 },
        TxFrameStats = new Dictionary<int, int> { [8] = 1 },
        Started = Started,
        DurationMilliseconds = 3,
        HttpRequest = Request(deflate: true),
        HttpResponse = Response(),
    }, Behavior.Unimplemented, "Actual events differ from any expected.");

    /// <summary>9.1.1: 64 KiB text echoed, wire log off during the transfer (no WLM row in 9.1-9.6).</summary>
    public static CaseResult Limits911() => Judged("9.1.1", Agent, new CaseTranscript
    {
        CaseId = CaseId.Parse("9.1.1"),
        Received = [],
        CaseBehavior = Behavior.Ok,
        CaseResult = "Received text message of length 65536.",
        ConnectionWasOpen = true,
        Closing = CleanCloseByMe(),
        WireLog =
        [
            .. Handshake(),
            Row("TF", CloseData(1000), 8, true, 0, "01020304", null, null, false),
            Row("TO", Hex("888201020304" + "02ea"), false),
            Row("RO", Hex("880203e8")),
            Row("RF", CloseData(1000), 8, true, 0, false, null),
        ],
        RxOctetStats = new Dictionary<int, int> { [129] = 1, [65536] = 1, [4] = 1 },
        TxOctetStats = new Dictionary<int, int> { [245] = 1, [65550] = 1, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [1] = 1, [8] = 1 },
        TxFrameStats = new Dictionary<int, int> { [1] = 1, [8] = 1 },
        Started = Started,
        DurationMilliseconds = 12,
        HttpRequest = Request(),
        HttpResponse = Response(),
    });

    /// <summary>12.1.1 against a deflate server: all 1000 echoes, with the traffic statistics wstest copies.</summary>
    public static CaseResult Compression1211() => Section12("12.1.1", new CaseTranscript
    {
        CaseId = CaseId.Parse("12.1.1"),
        Received = [],
        CaseBehavior = Behavior.Ok,
        CaseResult = "Ok, received all echo'ed messages in time.",
        ConnectionWasOpen = true,
        Closing = CleanCloseByMe(),
        WireLog =
        [
            .. Handshake(deflate: true),
            Row("WLM", false),
            Row("TI", 60.0),
            Row("WLM", true),
            Row("TF", CloseData(1000), 8, true, 0, "ae6249b0", null, null, false),
            Row("TO", Hex("8882ae6249b0ad8a"), false),
            Row("RO", Hex("880203e8")),
            Row("RF", CloseData(1000), 8, true, 0, false, null),
        ],
        RxOctetStats = new Dictionary<int, int> { [231] = 1, [18] = 1000, [4] = 1 },
        TxOctetStats = new Dictionary<int, int> { [349] = 1, [24] = 431, [18] = 179, [8] = 1 },
        RxFrameStats = new Dictionary<int, int> { [1] = 1000, [8] = 1 },
        TxFrameStats = new Dictionary<int, int> { [1] = 1000, [8] = 1 },
        Started = Started,
        DurationMilliseconds = 671,
        HttpRequest = Request(deflate: true),
        HttpResponse = Response(deflate: true),
        TrafficStats = new TrafficStats
        {
            OutgoingOctetsWireLevel = 21763,
            OutgoingOctetsWebSocketLevel = 15763,
            OutgoingOctetsAppLevel = 16000,
            OutgoingWebSocketFrames = 1000,
            OutgoingWebSocketMessages = 1000,
            PreopenOutgoingOctetsWireLevel = 349,
            IncomingOctetsWireLevel = 18000,
            IncomingOctetsWebSocketLevel = 16000,
            IncomingOctetsAppLevel = 16000,
            IncomingWebSocketFrames = 1000,
            IncomingWebSocketMessages = 1000,
            PreopenIncomingOctetsWireLevel = 231,
        },
    }, Behavior.Ok, "Ok, received all echo'ed messages in time.");

    public static ClosingBehavior CleanCloseByMe(string? remoteReason = null) =>
        new() { ClosedByMe = true, WasClean = true, LocalCloseCode = 1000, RemoteCloseCode = 1000, RemoteCloseReason = remoteReason };

    /// <summary>A typed wire-log row written in wstest's layout (<c>Row("TO", Hex("8100"), false)</c>), so the samples read like wstest's JSON.</summary>
    public static WireLogEntry Row(string kind, params object?[] values)
    {
        static (int Length, string Text) Pair(object? value) => value is object?[] { Length: 2 } pair ? (Convert.ToInt32(pair[0]), (string)pair[1]!) : throw new ArgumentException("expected [len, text]");
        static double Seconds(object? value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return kind switch
        {
            // Row("RO", Hex(...)) passes the [len, hex] pair as the params array itself.
            "RO" when values is [int length, string hex] => new OctetsLogEntry { Received = true, Length = length, Hex = hex },
            "RO" => new OctetsLogEntry { Received = true, Length = Pair(values[0]).Length, Hex = Pair(values[0]).Text },
            "TO" => new OctetsLogEntry { Received = false, Length = Pair(values[0]).Length, Hex = Pair(values[0]).Text, Sync = (bool)values[1]! },
            "RF" => new ReceivedFrameLogEntry
            {
                Length = Pair(values[0]).Length, Payload = Pair(values[0]).Text, Opcode = (int)values[1]!, Fin = (bool)values[2]!, Rsv = (int)values[3]!,
                Masked = (bool)values[4]!, MaskKey = (string?)values[5],
            },
            "TF" => new SentFrameLogEntry
            {
                Length = Pair(values[0]).Length, Payload = Pair(values[0]).Text, Opcode = (int)values[1]!, Fin = (bool)values[2]!, Rsv = (int)values[3]!,
                MaskKey = (string?)values[4], PayloadLength = values[5] is null ? null : Convert.ToInt64(values[5]), ChopSize = (int?)values[6], Sync = (bool)values[7]!,
            },
            "WLM" => new WirelogSwitchLogEntry { Enabled = (bool)values[0]! },
            "CT" => new CaseTimerLogEntry { Timer = CaseTimer.ContinueLater, Expired = false, Seconds = Seconds(values[0]), Tag = (string?)values[1] },
            "CTE" => new CaseTimerLogEntry { Timer = CaseTimer.ContinueLater, Expired = true, Tag = (string?)values[0] },
            "KL" => new CaseTimerLogEntry { Timer = CaseTimer.KillAfter, Expired = false, Seconds = Seconds(values[0]) },
            "KLE" => new CaseTimerLogEntry { Timer = CaseTimer.KillAfter, Expired = true },
            "TI" => new CaseTimerLogEntry { Timer = CaseTimer.CloseAfter, Expired = false, Seconds = Seconds(values[0]) },
            "TIE" => new CaseTimerLogEntry { Timer = CaseTimer.CloseAfter, Expired = true },
            _ => throw new ArgumentException($"unknown wire-log kind {kind}", nameof(kind)),
        };
    }

    public static object?[] Data(string text) => [Encoding.UTF8.GetByteCount(text), Display.Payload(Encoding.UTF8.GetBytes(text))];

    public static object?[] Hex(string hex) => [hex.Length / 2, Display.Hex(Convert.FromHexString(hex))];

    public static string Request(bool deflate = false) =>
        "GET / HTTP/1.1\r\nUser-Agent: AutobahnTestSuite/0.8.2-0.10.9\r\nHost: 127.0.0.1:9001\r\nUpgrade: WebSocket\r\n" +
        "Connection: Upgrade\r\nPragma: no-cache\r\nCache-Control: no-cache\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n" +
        (deflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover; client_max_window_bits\r\n" : "") +
        "Sec-WebSocket-Version: 13\r\n\r\n";

    public static string Response(bool deflate = false) =>
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ICX+Yqv66kxgM0FcWaLWlFLwTAI=\r\n" +
        (deflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n" : "") +
        "Server: AutobahnServer\r\n\r\n";

    private static object?[] CloseData(int code, string reason = "")
    {
        var bytes = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        bytes[0] = (byte)(code >> 8);
        bytes[1] = (byte)code;
        Encoding.UTF8.GetBytes(reason, bytes.AsSpan(2));
        return [bytes.Length, Display.Payload(bytes)];
    }

    private static WireLogEntry[] Handshake(bool deflate = false)
    {
        var request = Encoding.ASCII.GetBytes(Request(deflate));
        var response = Encoding.ASCII.GetBytes(Response(deflate));
        return
        [
            Row("TO", new object?[] { request.Length, Display.Hex(request) }, false),
            Row("RO", new object?[] { response.Length, Display.Hex(response) }),
        ];
    }

    private static CaseResult Judged(string id, string agent, CaseTranscript transcript)
    {
        var caseId = CaseId.Parse(id);
        var definition = CaseCatalog.Get(caseId);
        return new CaseResult
        {
            Id = caseId,
            Text = CaseTexts.Get(caseId),
            Index = CaseCatalog.IndexOf(caseId),
            Agent = agent,
            Expected = definition.Expected,
            ExpectedClose = definition.ExpectedClose,
            Transcript = transcript,
            Verdict = CaseJudge.Judge(definition, transcript),
        };
    }

    /// <summary>Sections 12/13 are not in the catalog yet: the verdict is built as <c>case12_x_x.py</c> and <c>case.py</c> set it.</summary>
    private static CaseResult Section12(string id, CaseTranscript transcript, Behavior behavior, string result)
    {
        var caseId = CaseId.Parse(id);
        return new CaseResult
        {
            Id = caseId,
            Text = CaseTexts.Get(caseId),
            Index = CaseCatalog.IndexOf(caseId),
            Agent = Agent,
            Expected = [],
            ExpectedClose = new ExpectedClose { ClosedByMe = true, CloseCodes = [1000], RequireClean = true },
            Transcript = transcript,
            Verdict = new CaseVerdict { Behavior = behavior, BehaviorClose = Behavior.Ok, Result = result, ResultClose = "Connection was properly closed" },
        };
    }
}
