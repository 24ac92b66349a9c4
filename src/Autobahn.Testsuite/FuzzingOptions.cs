namespace Autobahn.Testsuite;

/// <summary>
/// Options of a fuzzing run. The defaults are wstest's (autobahn-python 0.10.9 client defaults,
/// <c>websocket/protocol.py</c>), so verdicts match wstest's.
/// </summary>
public sealed record FuzzingOptions
{
    /// <summary>The options wstest uses.</summary>
    public static FuzzingOptions Default { get; } = new();

    /// <summary>Opening handshake timeout, from TCP connect (wstest: 5 s).</summary>
    public TimeSpan OpenHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time the server has to answer our close frame (wstest: 1 s).</summary>
    public TimeSpan CloseHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time the server has to drop TCP after the closing handshake we started (wstest: 1 s).</summary>
    public TimeSpan ServerConnectionDropTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Multiplies every timer (case timers and the timeouts above). 1 gives wstest's values; a debugger
    /// or a slow machine may want more. Timers are upper bounds: a conformant server never waits on them,
    /// except the fixed waits of 5.19, 5.20 and 6.4.x, which this also scales.
    /// </summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>The agent name for reports; when null, the server's <c>Server</c> header, else "UnknownServer".</summary>
    public string? Agent { get; init; }

    /// <summary>
    /// The <c>Origin</c> header of the fuzzer's opening handshake (a fuzzingclient spec's <c>servers[].origin</c>), sent
    /// as wstest sends it: right after <c>Sec-WebSocket-Key</c>, verbatim. Null or empty: no <c>Origin</c> header, as
    /// wstest's default. Only the client role (testing a server) sends a request; the server role ignores it.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>
    /// The subprotocols the fuzzer offers (a fuzzingclient spec's <c>servers[].protocols</c>), sent as wstest sends them:
    /// one <c>Sec-WebSocket-Protocol</c> header, joined with "," and no space, after <c>Origin</c>. The server may select
    /// one of them (compared exactly); selecting any other fails the opening handshake, as autobahn's client does. Null or
    /// empty: no header, and any selected subprotocol fails the handshake. The server role ignores it.
    /// </summary>
    public IReadOnlyList<string>? Protocols { get; init; }

    /// <summary>
    /// Largest frame payload, fragmented message, or total of recorded messages and pongs the fuzzer keeps from the
    /// server; beyond it the fuzzer drops the connection. wstest has no limit; a bound keeps a hostile server from
    /// exhausting memory. The largest legitimate echo is 16 MiB (9.1.6).
    /// </summary>
    public long MaxFramePayloadLength { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// A folder holding wstest's original section 12 data files (<c>data1.json</c>, <c>lena512.bmp</c>,
    /// <c>pg2229.txt</c>, <c>data1.html</c>, <c>10.1.1.105.5439.pdf</c>) for byte-identical traffic. When null, the
    /// package's generated equivalents are sent: same kinds and sizes, similar compressibility; the originals are
    /// third-party content and not shipped.
    /// </summary>
    public string? CompressionDataFolder { get; init; }

    /// <summary>
    /// Whether the in-memory target (<see cref="Fuzzer.RunCaseAsync(string, Func{System.Net.WebSockets.WebSocket, CancellationToken, Task}, FuzzingOptions?, CancellationToken)"/>)
    /// accepts permessage-deflate (RFC 7692) the way ASP.NET Core does with <c>DangerousEnableCompression</c>, so that
    /// sections 12 and 13 run against the handler. Off by default, like <c>AcceptWebSocketAsync()</c>: 12.x/13.x are
    /// then UNIMPLEMENTED. For the in-memory client (<see cref="Fuzzer.RunClientCaseAsync"/>) it makes the client offer
    /// <c>permessage-deflate; client_max_window_bits</c>, as <c>ClientWebSocket</c> does with <c>DangerousDeflateOptions</c>.
    /// </summary>
    public bool InMemoryPermessageDeflate { get; init; }

    /// <summary>
    /// How <c>wss://</c> servers are connected: certificate validation (on by default, unlike wstest 0.8.2), a
    /// certificate to trust, or none at all, and the SNI host name. Not used for <c>ws://</c>.
    /// </summary>
    public TlsOptions Tls { get; init; } = TlsOptions.Default;

    /// <summary>
    /// wstest's <c>exclude-agent-cases</c>: asked once the opening handshake has completed, with the agent the case is
    /// reported under (<see cref="Agent"/>, else the server's <c>Server</c> header, else "UnknownServer") and the case.
    /// When it answers true the fuzzer runs nothing and closes at once with an empty close frame, as wstest's
    /// <c>FuzzingProtocol.onOpen</c> does; the result is then <see cref="Fuzzing.CaseTranscript.Excluded"/> and
    /// <see cref="ReportWriter.Record"/> does not record it (the reports show the case as missing). Null: nothing is excluded.
    /// </summary>
    public Func<string, Cases.CaseId, bool>? ExcludeAfterHandshake { get; init; }

    internal TimeSpan Scale(double seconds) => TimeSpan.FromSeconds(seconds * TimeScale);

    internal TimeSpan Scale(TimeSpan span) => span * TimeScale;
}
