using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Autobahn.Wstest.Tool.Tests.Client;

/// <summary>
/// A spec's <c>servers[].origin</c> and <c>protocols</c> reach a real server as wstest sends them (<c>fuzzing.py</c>
/// <c>nextServer</c>, autobahn <c>startHandshake</c>), and the server's subprotocol answer is checked as autobahn's
/// <c>processHandshake</c> does.
/// </summary>
public class OriginAndProtocolsTests
{
    private static string Spec(TempDirectory dir, Uri url) =>
        dir.Write("spec.json", $$"""
            {"outdir": "{{dir.Combine("reports", "servers").Replace("\\", "/", StringComparison.Ordinal)}}",
             "servers": [{"agent": "Test", "url": "{{url}}", "origin": "http://example.test", "protocols": ["chat", "superchat"]}],
             "cases": ["1.1.1"]}
            """);

    private static JsonObject CaseJson(TempDirectory dir) =>
        JsonNode.Parse(File.ReadAllText(dir.Combine("reports", "servers", "test_case_1_1_1.json")))!.AsObject();

    [Fact]
    public async Task Run_OriginAndProtocols_AreSentWithoutWarning_AndAnOfferedSubprotocolIsAccepted()
    {
        var seen = new ConcurrentQueue<(string? Origin, string? Protocol)>();
        await using var server = await TestServer.StartSubprotocolEchoAsync(
            "superchat", headers => seen.Enqueue((headers.Origin.ToString(), headers.SecWebSocketProtocol.ToString())));
        using var dir = new TempDirectory();

        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec(dir, server.Url));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("warning", run.Error, StringComparison.Ordinal);
        Assert.Equal(("http://example.test", "chat,superchat"), Assert.Single(seen));

        var report = CaseJson(dir);
        Assert.Equal("OK", (string?)report["behavior"]);
        var request = (string)report["httpRequest"]!;
        Assert.Contains("\r\nSec-WebSocket-Key: ", request, StringComparison.Ordinal);
        Assert.EndsWith("==\r\nOrigin: http://example.test\r\nSec-WebSocket-Protocol: chat,superchat\r\nSec-WebSocket-Version: 13\r\n\r\n", request, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Protocol: superchat\r\n", (string)report["httpResponse"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_ServerSelectsASubprotocolNotOffered_FailsTheHandshakeAsWstest()
    {
        await using var server = await TestServer.StartSubprotocolEchoAsync("mqtt", _ => { });
        using var dir = new TempDirectory();

        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec(dir, server.Url));

        Assert.Equal(1, run.ExitCode);
        var report = CaseJson(dir);
        Assert.Equal("FAILED", (string?)report["behavior"]);
        Assert.Equal(
            "subprotocol selected by server (mqtt) not in subprotocol list requested by client ([u'chat', u'superchat'])",
            (string?)report["wasNotCleanReason"]);
    }
}
