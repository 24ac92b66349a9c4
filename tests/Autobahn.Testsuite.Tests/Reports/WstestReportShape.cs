using System.Text.Json;

namespace Autobahn.Testsuite.Tests.Reports;

/// <summary>
/// The structure of a real wstest 0.8.2 report, for checking that ours is read the same way: the keys and JSON
/// types of a per-case report (<c>ATS fuzzing.py:125-163</c>; compared with reports wstest 0.8.2 wrote for
/// published projects, e.g. an UNIMPLEMENTED and an OK 12.1.1 with <c>trafficStats</c>) and of <c>index.json</c>.
/// No real report is stored under <c>shared/</c>, so the shape is written down here.
/// </summary>
internal static class WstestReportShape
{
    private const JsonValueKind S = JsonValueKind.String;
    private const JsonValueKind N = JsonValueKind.Number;
    private const JsonValueKind O = JsonValueKind.Object;
    private const JsonValueKind A = JsonValueKind.Array;
    private const JsonValueKind Null = JsonValueKind.Null;

    /// <summary>The 39 keys of a per-case report and the JSON kinds each takes.</summary>
    public static readonly IReadOnlyDictionary<string, JsonValueKind[]> CaseKeys = new Dictionary<string, JsonValueKind[]>
    {
        ["agent"] = [S], ["behavior"] = [S], ["behaviorClose"] = [S], ["case"] = [N], ["closedByMe"] = Bool,
        ["createStats"] = Bool, ["createWirelog"] = Bool, ["description"] = [S], ["droppedByMe"] = Bool, ["duration"] = [N],
        ["expectation"] = [S], ["expected"] = [O], ["expectedClose"] = [O], ["failedByMe"] = Bool, ["httpRequest"] = [S],
        ["httpResponse"] = [S], ["id"] = [S], ["isServer"] = Bool, ["localCloseCode"] = [N, Null], ["localCloseReason"] = [S, Null],
        ["received"] = [A], ["remoteCloseCode"] = [N, Null], ["remoteCloseReason"] = [S, Null], ["reportCompressionRatio"] = Bool,
        ["reportTime"] = Bool, ["result"] = [S], ["resultClose"] = [S], ["rxFrameStats"] = [O], ["rxOctetStats"] = [O],
        ["started"] = [S], ["trafficStats"] = [O, Null], ["txFrameStats"] = [O], ["txOctetStats"] = [O], ["wasClean"] = Bool,
        ["wasCloseHandshakeTimeout"] = Bool, ["wasNotCleanReason"] = [S, Null], ["wasOpenHandshakeTimeout"] = Bool,
        ["wasServerConnectionDropTimeout"] = Bool, ["wirelog"] = [A],
    };

    /// <summary>The 16 keys of <c>trafficStats</c> (<c>AB websocket/protocol.py:232-248</c>).</summary>
    public static readonly IReadOnlyList<string> TrafficKeys =
    [
        "incomingCompressionRatio", "incomingOctetsAppLevel", "incomingOctetsWebSocketLevel", "incomingOctetsWireLevel",
        "incomingWebSocketFrames", "incomingWebSocketMessages", "incomingWebSocketOverhead", "outgoingCompressionRatio",
        "outgoingOctetsAppLevel", "outgoingOctetsWebSocketLevel", "outgoingOctetsWireLevel", "outgoingWebSocketFrames",
        "outgoingWebSocketMessages", "outgoingWebSocketOverhead", "preopenIncomingOctetsWireLevel", "preopenOutgoingOctetsWireLevel",
    ];

    private static readonly string[] Behaviors = ["OK", "NON-STRICT", "FAILED", "INFORMATIONAL", "UNIMPLEMENTED"];
    private static readonly string[] CloseBehaviors = ["OK", "FAILED", "UNCLEAN", "WRONG CODE", "FAILED BY CLIENT", "INFORMATIONAL", "UNIMPLEMENTED"];

    private static JsonValueKind[] Bool => [JsonValueKind.True, JsonValueKind.False];

    /// <summary>Asserts that <paramref name="json"/> has the shape of a wstest per-case report.</summary>
    public static void AssertCaseReport(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(CaseKeys.Keys.Order(StringComparer.Ordinal), root.EnumerateObject().Select(p => p.Name));
        foreach (var property in root.EnumerateObject())
        {
            Assert.True(CaseKeys[property.Name].Contains(property.Value.ValueKind), $"{property.Name} is {property.Value.ValueKind}");
        }

        Assert.Contains(root.GetProperty("behavior").GetString(), Behaviors);
        Assert.Contains(root.GetProperty("behaviorClose").GetString(), CloseBehaviors);
        Assert.Matches(@"^\d+(\.\d+){1,2}$", root.GetProperty("id").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", root.GetProperty("started").GetString());
        Assert.InRange(root.GetProperty("case").GetInt32(), 1, 517);

        foreach (var outcome in root.GetProperty("expected").EnumerateObject())
        {
            Assert.Contains(outcome.Name, new[] { "OK", "NON-STRICT" });
            foreach (var e in outcome.Value.EnumerateArray()) AssertEvent(e);
        }

        foreach (var e in root.GetProperty("received").EnumerateArray()) AssertEvent(e);

        var expectedClose = root.GetProperty("expectedClose");
        if (expectedClose.EnumerateObject().Any())
        {
            Assert.Equal(JsonValueKind.Array, expectedClose.GetProperty("closeCode").ValueKind);
            Assert.True(expectedClose.GetProperty("closedByMe").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.True(expectedClose.GetProperty("requireClean").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        foreach (var stats in new[] { "rxFrameStats", "rxOctetStats", "txFrameStats", "txOctetStats" })
        {
            var keys = new List<long>();
            foreach (var entry in root.GetProperty(stats).EnumerateObject())
            {
                Assert.Matches("^[0-9]+$", entry.Name);
                Assert.Equal(JsonValueKind.Number, entry.Value.ValueKind);
                keys.Add(long.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(keys.Order(), keys); // Python sorts int keys numerically: "4" before "166"
        }

        if (root.GetProperty("trafficStats") is { ValueKind: JsonValueKind.Object } traffic)
        {
            Assert.Equal(TrafficKeys, traffic.EnumerateObject().Select(p => p.Name));
            foreach (var p in traffic.EnumerateObject()) Assert.True(p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.Null, p.Name);
        }

        foreach (var row in root.GetProperty("wirelog").EnumerateArray()) AssertWireLogRow(row);
    }

    /// <summary>Asserts that <paramref name="json"/> has the shape of wstest's <c>index.json</c>.</summary>
    public static void AssertIndex(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        foreach (var agent in document.RootElement.EnumerateObject())
        {
            foreach (var c in agent.Value.EnumerateObject())
            {
                Assert.Matches(@"^\d+(\.\d+){1,2}$", c.Name);
                Assert.Equal(["behavior", "behaviorClose", "duration", "remoteCloseCode", "reportfile"], c.Value.EnumerateObject().Select(p => p.Name));
                Assert.Contains(c.Value.GetProperty("behavior").GetString(), Behaviors);
                Assert.Contains(c.Value.GetProperty("behaviorClose").GetString(), CloseBehaviors);
                Assert.Equal(JsonValueKind.Number, c.Value.GetProperty("duration").ValueKind);
                Assert.True(c.Value.GetProperty("remoteCloseCode").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
                Assert.Matches(@"^[a-z0-9_]*_case_\d+(_\d+){1,2}\.json$", c.Value.GetProperty("reportfile").GetString());
            }
        }
    }

    private static void AssertEvent(JsonElement e)
    {
        Assert.Equal(JsonValueKind.Array, e.ValueKind);
        var kind = e[0].GetString();
        switch (kind)
        {
            case "message":
                Assert.Equal(3, e.GetArrayLength());
                Assert.Equal(JsonValueKind.String, e[1].ValueKind);
                Assert.True(e[2].ValueKind is JsonValueKind.True or JsonValueKind.False);
                break;
            case "pong":
            case "timeout":
                Assert.Equal(2, e.GetArrayLength());
                Assert.Equal(JsonValueKind.String, e[1].ValueKind);
                break;
            default:
                Assert.Fail($"unknown event kind {kind}");
                break;
        }
    }

    private static void AssertWireLogRow(JsonElement row)
    {
        Assert.Equal(JsonValueKind.Array, row.ValueKind);
        var kind = row[0].GetString();
        var (length, dataAt) = kind switch
        {
            "RO" => (2, 1),
            "TO" => (3, 1),
            "RF" => (7, 1),
            "TF" => (9, 1),
            "WLM" => (2, -1),
            "CT" => (3, -1),
            "CTE" or "KL" or "TI" => (2, -1),
            "KLE" or "TIE" => (1, -1),
            _ => (0, -1),
        };
        Assert.True(length > 0, $"unknown wire log row {kind}");
        Assert.Equal(length, row.GetArrayLength());
        if (dataAt > 0)
        {
            var data = row[dataAt];
            Assert.Equal(2, data.GetArrayLength());
            Assert.Equal(JsonValueKind.Number, data[0].ValueKind);
            Assert.Equal(JsonValueKind.String, data[1].ValueKind);
        }
    }
}
