using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>Everything one fuzzing session observed for one case, before judging.</summary>
public sealed record CaseTranscript
{
    /// <summary>The case.</summary>
    public required CaseId CaseId { get; init; }

    /// <summary>The events the case recorded, in order (wstest's <c>received</c>).</summary>
    public required IReadOnlyList<CaseEvent> Received { get; init; }

    /// <summary>
    /// The behavior a self-judging case set (sections 9, 12, 13: wstest cases whose <c>expected</c> is empty set
    /// <c>behavior</c> in <c>onMessage</c>); null for cases judged by their expected events.
    /// </summary>
    public Behavior? CaseBehavior { get; init; }

    /// <summary>The result text a self-judging case set along with <see cref="CaseBehavior"/>.</summary>
    public string? CaseResult { get; init; }

    /// <summary>Whether the opening handshake completed (wstest's <c>connectionWasOpen</c>).</summary>
    public required bool ConnectionWasOpen { get; init; }

    /// <summary>The closing-behaviour fields.</summary>
    public required ClosingBehavior Closing { get; init; }

    /// <summary>UTC time the handshake request was written.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>Milliseconds from handshake completion to TCP close (wstest's <c>duration</c>); 0 if never open.</summary>
    public int DurationMilliseconds { get; init; }

    /// <summary>The raw handshake request.</summary>
    public string HttpRequest { get; init; } = "?";

    /// <summary>The raw handshake response headers, or "?".</summary>
    public string HttpResponse { get; init; } = "?";

    /// <summary>The server's <c>Server</c> header, if any.</summary>
    public string? ServerHeader { get; init; }

    /// <summary>
    /// Why no WebSocket connection could be made (connection refused, handshake rejected, timeout), in words for
    /// a test report; null when the handshake completed.
    /// </summary>
    public string? ConnectionFailure { get; init; }

    /// <summary>
    /// True when the fuzzer was the server (wstest's fuzzingserver, testing a client): then the fuzzer drops TCP after
    /// the closing handshake itself and FAILED BY CLIENT does not apply (<c>case/case.py</c> <c>isServer</c>).
    /// </summary>
    public bool IsServer { get; init; }

    /// <summary>True when the TCP connection itself could not be made (wstest then skips the rest of the run).</summary>
    public bool ConnectFailed { get; init; }

    /// <summary>
    /// True when the fuzzer's own bound on the case ended it (not in wstest, which would wait for ever): the sum of the
    /// timers the case can arm, the handshake and closing timeouts and 5 s passed, and the fuzzer dropped the connection.
    /// </summary>
    public bool CaseBudgetExceeded { get; init; }

    /// <summary>
    /// True when <see cref="FuzzingOptions.ExcludeAfterHandshake"/> excluded the case after the opening handshake: the
    /// fuzzer ran nothing and closed at once; wstest records nothing for such a case.
    /// </summary>
    public bool Excluded { get; init; }

    /// <summary>
    /// The final state of wstest's <c>createWirelog</c> flag (the per-case JSON key of that name; 9.x, 12.x and 13.x
    /// turn the wire log off during bulk transfers). Null when the fuzzer did not record it: the report then derives
    /// it from the wire log.
    /// </summary>
    public bool? CreateWirelog { get; init; }

    /// <summary>The wire log.</summary>
    public IReadOnlyList<WireLogEntry> WireLog { get; init; } = [];

    /// <summary>Octets received per read size.</summary>
    public IReadOnlyDictionary<int, int> RxOctetStats { get; init; } = new Dictionary<int, int>();

    /// <summary>Octets transmitted per write size.</summary>
    public IReadOnlyDictionary<int, int> TxOctetStats { get; init; } = new Dictionary<int, int>();

    /// <summary>Frames received per opcode.</summary>
    public IReadOnlyDictionary<int, int> RxFrameStats { get; init; } = new Dictionary<int, int>();

    /// <summary>Frames transmitted per opcode.</summary>
    public IReadOnlyDictionary<int, int> TxFrameStats { get; init; } = new Dictionary<int, int>();

    /// <summary>
    /// The traffic statistics a 12.x/13.x case copied after its last echo (wstest's <c>trafficStats</c>); null for
    /// every other case and for a 12.x/13.x case that did not finish.
    /// </summary>
    public TrafficStats? TrafficStats { get; init; }
}
