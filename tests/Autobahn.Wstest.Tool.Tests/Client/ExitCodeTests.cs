using System.Text.Json.Nodes;

namespace Autobahn.Wstest.Tool.Tests.Client;

/// <summary>wstest's whole run in this process against servers in this process: exit status, summary, reports.</summary>
public class ExitCodeTests
{
    private static string Spec(TempDirectory dir, Uri url, string cases, string extra = "") =>
        dir.Write("spec.json", $$"""{"outdir": "{{dir.Combine("reports", "servers").Replace("\\", "/", StringComparison.Ordinal)}}", "servers": [{"agent": "Test", "url": "{{url}}"}], "cases": [{{cases}}] {{extra}}}""");

    [Fact]
    public async Task Run_EveryCasePasses_ExitsZero()
    {
        await using var server = await TestServer.StartEchoAsync();
        using var dir = new TempDirectory();
        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec(dir, server.Url, "\"1.1.*\", \"2.1\""));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("passed 9, failed 0", run.Output, StringComparison.Ordinal);
        Assert.Contains("failing cases: none", run.Output, StringComparison.Ordinal);
        var index = JsonNode.Parse(File.ReadAllText(dir.Combine("reports", "servers", "index.json")))!.AsObject();
        Assert.Equal(9, index["Test"]!.AsObject().Count);
        Assert.True(File.Exists(dir.Combine("reports", "servers", "test_case_1_1_1.json")));
        Assert.True(File.Exists(dir.Combine("reports", "servers", "index.html")));
    }

    [Fact]
    public async Task Run_ACaseFails_ExitsOneAndNamesIt_UnlessExitZero()
    {
        await using var server = await TestServer.StartNonEchoingAsync();
        using var dir = new TempDirectory();
        var spec = Spec(dir, server.Url, "\"1.1.1\", \"1.1.2\"");

        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", spec);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failing cases (2): 1.1.1, 1.1.2", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAILED", run.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await ToolRun.RunAsync("-m", "fuzzingclient", "-s", spec, "--exit-zero")).ExitCode);
    }

    [Fact]
    public async Task Run_FailOnNonStrict_FailsANonStrictCase()
    {
        // Kestrel checks UTF-8 per frame: a text message with invalid UTF-8 in a later fragment is NON-STRICT (6.4.3).
        await using var server = await TestServer.StartEchoAsync();
        using var dir = new TempDirectory();
        var spec = Spec(dir, server.Url, "\"6.4.3\"");

        var lenient = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", spec);
        Assert.True(lenient.ExitCode == 0, lenient.Output);
        Assert.Contains("NON-STRICT", lenient.Output, StringComparison.Ordinal);

        var strict = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", spec, "--fail-on", "NON-STRICT");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("failing cases (1): 6.4.3", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerUnreachable_ExitsOneAndSkipsTheRestOfThatServer()
    {
        using var dir = new TempDirectory();
        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec(dir, new Uri("ws://127.0.0.1:1/"), "\"1.1.*\""), "--junit", dir.Combine("junit.xml"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Connection to ws://127.0.0.1:1/ failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("not run 8", run.Output, StringComparison.Ordinal);
        Assert.Contains("errors=\"8\"", File.ReadAllText(dir.Combine("junit.xml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-m", "echoserver", "-w", "ws://127.0.0.1:9001")]
    [InlineData("-m", "massconnect")]
    [InlineData("-m", "fuzzingclient", "-s", "/nonexistent/spec.json")]
    [InlineData("--mode", "fuzzingclient", "--wat")]
    public async Task Run_UsageError_ExitsTwoWithOneLine(params string[] args)
    {
        var run = await ToolRun.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("wstest: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Run_BadSpec_ExitsTwoEvenWithExitZero()
    {
        using var dir = new TempDirectory();
        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", dir.Write("spec.json", "{\"servers\": []"), "--exit-zero");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExcludeAgentCases_RunsTheHandshakeAndRecordsNothing()
    {
        await using var server = await TestServer.StartEchoAsync();
        using var dir = new TempDirectory();
        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec(dir, server.Url, "\"1.1.1\", \"1.1.2\"", ", \"exclude-agent-cases\": {\"T*\": [\"1.1.2\"]}"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Skipping test case 1.1.2 for agent Test by test configuration!", run.Output, StringComparison.Ordinal);
        var index = JsonNode.Parse(File.ReadAllText(dir.Combine("reports", "servers", "index.json")))!.AsObject();
        Assert.Equal(["1.1.1"], index["Test"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Run_ReportDirectoryNotWritable_ExitsTwoWithOneLine()
    {
        await using var server = await TestServer.StartEchoAsync();
        using var dir = new TempDirectory();
        dir.Write("taken", "a file where the report folder should be");
        var spec = dir.Write("spec.json", $$"""{"outdir": "{{dir.Combine("taken").Replace("\\", "/", StringComparison.Ordinal)}}", "servers": [{"url": "{{server.Url}}"}], "cases": ["1.1.1"]}""");
        var run = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", spec);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("wstest: ", run.Error, StringComparison.Ordinal);
    }
}
