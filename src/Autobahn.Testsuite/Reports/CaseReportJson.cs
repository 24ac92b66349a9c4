using System.Globalization;
using System.Text.Json.Nodes;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// wstest's per-case report, <c>&lt;agent&gt;_case_&lt;id&gt;.json</c>: the 39 keys of the <c>caseResult</c> dict
/// (<c>ATS fuzzing.py</c> <c>FuzzingProtocol.connectionLost</c>, lines 125-163), with <c>expected</c> and
/// <c>received</c> cleaned for display as wstest's <c>cleanBin</c> does (lines 165-183), written by
/// <see cref="PythonJson"/> as <c>createAgentCaseReportJSON</c> writes it.
/// </summary>
internal static class CaseReportJson
{
    /// <summary>The JSON text of the report of <paramref name="result"/>, reported under <paramref name="agent"/>.</summary>
    public static string Serialize(CaseResult result, string agent) => PythonJson.Serialize(Build(result, agent));

    /// <summary>The report of <paramref name="result"/> as a JSON tree (keys in any order; the writer sorts them).</summary>
    public static JsonObject Build(CaseResult result, string agent)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(agent);
        var t = result.Transcript;
        var c = t.Closing;
        return new JsonObject
        {
            ["agent"] = agent,
            ["behavior"] = result.Verdict.Behavior.ToWstestString(),
            ["behaviorClose"] = result.Verdict.BehaviorClose.ToWstestString(),
            ["case"] = result.Index,
            ["closedByMe"] = c.ClosedByMe,
            ["createStats"] = true, // always on in fuzzingclient mode (fuzzing.py connectionMade)
            ["createWirelog"] = CreateWirelog(result),
            ["description"] = result.Text.Description,
            ["droppedByMe"] = c.DroppedByMe,
            ["duration"] = t.DurationMilliseconds,
            ["expectation"] = result.Text.Expectation,
            ["expected"] = Expected(result),
            ["expectedClose"] = ExpectedClose(result),
            ["failedByMe"] = c.FailedByMe,
            ["httpRequest"] = t.HttpRequest,
            ["httpResponse"] = t.HttpResponse,
            ["id"] = result.Id.Text,
            ["isServer"] = result.Transcript.IsServer,
            ["localCloseCode"] = c.LocalCloseCode,
            ["localCloseReason"] = c.LocalCloseReason,
            ["received"] = Events(t.Received),
            ["remoteCloseCode"] = c.RemoteCloseCode,
            ["remoteCloseReason"] = c.RemoteCloseReason,
            ["reportCompressionRatio"] = ReportCompressionRatio(result.Id),
            ["reportTime"] = ReportTime(result.Id),
            ["result"] = result.Verdict.Result,
            ["resultClose"] = result.Verdict.ResultClose,
            ["rxFrameStats"] = PythonJson.IntKeyed(t.RxFrameStats),
            ["rxOctetStats"] = PythonJson.IntKeyed(t.RxOctetStats),
            ["started"] = FormatStarted(t.Started),
            ["trafficStats"] = TrafficStatsJson(t.TrafficStats),
            ["txFrameStats"] = PythonJson.IntKeyed(t.TxFrameStats),
            ["txOctetStats"] = PythonJson.IntKeyed(t.TxOctetStats),
            ["wasClean"] = c.WasClean,
            ["wasCloseHandshakeTimeout"] = c.WasCloseHandshakeTimeout,
            ["wasNotCleanReason"] = c.WasNotCleanReason,
            ["wasOpenHandshakeTimeout"] = c.WasOpenHandshakeTimeout,
            ["wasServerConnectionDropTimeout"] = c.WasServerConnectionDropTimeout,
            ["wirelog"] = WireLog(t.WireLog),
        };
    }

    /// <summary>wstest's <c>reportTime</c> for the case of <paramref name="id"/> (<see cref="CaseDefinition.ReportTime"/>); false for an id not in the catalog.</summary>
    public static bool ReportTime(CaseId id) => CaseCatalog.TryGet(id, out var definition) && definition.ReportTime;

    /// <summary>wstest's <c>reportCompressionRatio</c> for the case of <paramref name="id"/> (<see cref="CaseDefinition.ReportCompressionRatio"/>); false for an id not in the catalog.</summary>
    public static bool ReportCompressionRatio(CaseId id) => CaseCatalog.TryGet(id, out var definition) && definition.ReportCompressionRatio;

    /// <summary><c>started</c> as autobahn's <c>utcnow()</c> writes it (<c>AB util.py</c>): milliseconds truncated, "Z".</summary>
    public static string FormatStarted(DateTimeOffset started) =>
        started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The final state of wstest's <c>createWirelog</c> flag. Taken from the transcript when the session recorded it;
    /// otherwise derived: on by default, switched by every "WLM" row (9.7/9.8/12/13 call <c>enableWirelog</c>), and
    /// for 9.1–9.6 off from <c>onOpen</c> until the echo arrives, without a WLM row (<c>case9_1_1.py</c>,
    /// <see cref="CaseDefinition.WirelogOffUntilFirstEcho"/>) — an echo is what sets the case's own result text.
    /// </summary>
    public static bool CreateWirelog(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Transcript;
        if (t.CreateWirelog is { } recorded) return recorded;
        var on = true;
        if (t.ConnectionWasOpen && CaseCatalog.TryGet(result.Id, out var definition) && definition.WirelogOffUntilFirstEcho) on = t.CaseResult is not null;
        foreach (var entry in t.WireLog)
        {
            if (entry is WirelogSwitchLogEntry { Enabled: var enabled }) on = enabled;
        }

        return on;
    }

    /// <summary>An event as <c>cleanBin</c> leaves it: payloads through <c>asciiLogData</c>.</summary>
    public static JsonArray Event(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            CaseEventKind.Message => new JsonArray("message", Display.Payload(e.Payload.Span), e.IsBinary),
            CaseEventKind.Pong => new JsonArray("pong", Display.Payload(e.Payload.Span)),
            _ => new JsonArray("timeout", System.Text.Encoding.ASCII.GetString(e.Payload.Span)),
        };
    }

    /// <summary>
    /// wstest fills <c>expected</c> in <c>onOpen</c>, so a case that never opened reports <c>{}</c> (<c>case/case.py</c>
    /// <c>__init__</c>).
    /// </summary>
    private static JsonObject Expected(CaseResult result)
    {
        var obj = new JsonObject();
        if (!result.Transcript.ConnectionWasOpen) return obj;
        foreach (var outcome in result.Expected)
        {
            obj[outcome.Behavior.ToWstestString()] = Events(outcome.Events);
        }

        return obj;
    }

    /// <summary>
    /// <c>expectedClose</c> is set in <c>onOpen</c> too, except by 12.x/13.x, which set it in <c>init</c>
    /// (<c>case12_x_x.py</c>, <see cref="CaseDefinition.ExpectedCloseSetBeforeOpen"/>); <c>closedByWrongEndpointIsFatal</c>
    /// appears only where a case sets it.
    /// </summary>
    private static JsonObject ExpectedClose(CaseResult result)
    {
        var obj = new JsonObject();
        var setBeforeOpen = CaseCatalog.TryGet(result.Id, out var definition) && definition.ExpectedCloseSetBeforeOpen;
        if (!result.Transcript.ConnectionWasOpen && !setBeforeOpen) return obj;
        var expected = result.ExpectedClose;
        var codes = new JsonArray();
        foreach (var code in expected.CloseCodes) codes.Add(code);
        obj["closeCode"] = codes;
        obj["closedByMe"] = expected.ClosedByMe;
        obj["requireClean"] = expected.RequireClean;
        if (expected.ClosedByWrongEndpointIsFatal) obj["closedByWrongEndpointIsFatal"] = true;
        return obj;
    }

    private static JsonArray Events(IEnumerable<CaseEvent> events)
    {
        var array = new JsonArray();
        foreach (var e in events) array.Add(Event(e));
        return array;
    }

    /// <summary>autobahn's <c>TrafficStats.__json__</c> (<c>AB websocket/protocol.py:208-248</c>): 16 keys, ratios null when undefined.</summary>
    private static JsonObject? TrafficStatsJson(TrafficStats? stats) => stats is null ? null : new JsonObject
    {
        ["incomingCompressionRatio"] = stats.IncomingCompressionRatio,
        ["incomingOctetsAppLevel"] = stats.IncomingOctetsAppLevel,
        ["incomingOctetsWebSocketLevel"] = stats.IncomingOctetsWebSocketLevel,
        ["incomingOctetsWireLevel"] = stats.IncomingOctetsWireLevel,
        ["incomingWebSocketFrames"] = stats.IncomingWebSocketFrames,
        ["incomingWebSocketMessages"] = stats.IncomingWebSocketMessages,
        ["incomingWebSocketOverhead"] = stats.IncomingWebSocketOverhead,
        ["outgoingCompressionRatio"] = stats.OutgoingCompressionRatio,
        ["outgoingOctetsAppLevel"] = stats.OutgoingOctetsAppLevel,
        ["outgoingOctetsWebSocketLevel"] = stats.OutgoingOctetsWebSocketLevel,
        ["outgoingOctetsWireLevel"] = stats.OutgoingOctetsWireLevel,
        ["outgoingWebSocketFrames"] = stats.OutgoingWebSocketFrames,
        ["outgoingWebSocketMessages"] = stats.OutgoingWebSocketMessages,
        ["outgoingWebSocketOverhead"] = stats.OutgoingWebSocketOverhead,
        ["preopenIncomingOctetsWireLevel"] = stats.PreopenIncomingOctetsWireLevel,
        ["preopenOutgoingOctetsWireLevel"] = stats.PreopenOutgoingOctetsWireLevel,
    };

    /// <summary>Wire log rows as wstest stores them: the kind, then its values (<c>ATS fuzzing.py:190-278</c>).</summary>
    private static JsonArray WireLog(IReadOnlyList<WireLogEntry> log)
    {
        var rows = new JsonArray();
        foreach (var entry in log)
        {
            var row = new JsonArray(entry.Kind);
            foreach (var value in entry.Values) row.Add(Value(value));
            rows.Add(row);
        }

        return rows;
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => i,
        long l => l,
        // wstest's delays are Python ints (closeAfter(1)) except killAfter(0.5): integral values print without ".0".
        double d when double.IsInteger(d) && Math.Abs(d) < 1e15 => (long)d,
        double d => d,
        float f => Value((double)f),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        System.Collections.IEnumerable items => List(items),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static JsonArray List(System.Collections.IEnumerable items)
    {
        var array = new JsonArray();
        foreach (var item in items) array.Add(Value(item));
        return array;
    }
}
