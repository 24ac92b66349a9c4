using System.Text.Json.Nodes;
using System.Xml.Linq;
using Autobahn.Wstest.Tool.Specs;
using Xunit.Abstractions;

namespace Autobahn.Wstest.Tool.Tests.EndToEnd;

/// <summary>
/// The tool as a user gets it: <c>dotnet pack</c> into a local feed, <c>dotnet tool install --tool-path</c> into a
/// fresh folder, then the installed <c>wstest</c> against the sample echo app running in this process.
/// </summary>
public sealed class ToolPackageTests(InstalledTool tool, ITestOutputHelper log) : IClassFixture<InstalledTool>, IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly string wstest = tool.Path;

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task InstalledTool_RunsASpecAgainstTheEchoApp_WritesWstestsReportsAndJUnit()
    {
        await using var server = await TestServer.StartEchoAsync();
        var work = Directory.CreateDirectory(dir.Combine("work")).FullName;
        File.WriteAllText(Path.Combine(work, "spec.json"), $$"""
            {
               "outdir": "./reports/servers",
               "options": {"failByDrop": false},
               "servers": [
                  {"agent": "EchoApp", "url": "{{server.Url}}", "options": {"openHandshakeTimeout": 5} },
                  {"url": "{{server.Url}}"}
               ],
               "cases": ["1.1.*", "2.1*", "7.1.1"],
               "exclude-cases": ["1.1.8"],
               "exclude-agent-cases": {"Kestrel": ["2.1*"]}
            }
            """);

        var (exitCode, output) = await RunAsync(wstest, ["-m", "fuzzingclient", "-s", "spec.json", "--junit", "reports/junit.xml"], work);

        Assert.True(exitCode == 0, output);
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "reports", "servers", "index.json")))!.AsObject();
        Assert.Equal(["EchoApp", "Kestrel"], index.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "2.1", "2.10", "2.11", "7.1.1"], index["EchoApp"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "7.1.1"], index["Kestrel"]!.AsObject().Select(p => p.Key));
        Assert.All(index["EchoApp"]!.AsObject(), p => Assert.Equal("OK", (string)p.Value!["behavior"]!));
        Assert.True(File.Exists(Path.Combine(work, "reports", "servers", "echoapp_case_2_10.json")));
        Assert.True(File.Exists(Path.Combine(work, "reports", "servers", "kestrel_case_7_1_1.html")));

        var junit = XDocument.Load(Path.Combine(work, "reports", "junit.xml")).Root!;
        Assert.Equal("22", (string)junit.Attribute("tests")!);
        Assert.Equal("0", (string)junit.Attribute("failures")!);
        Assert.Equal("3", (string)junit.Attribute("skipped")!); // 2.1, 2.10, 2.11 excluded for Kestrel
    }

    [Fact]
    public async Task InstalledTool_FailingServer_ExitsOne_ExitZeroGivesZero()
    {
        await using var server = await TestServer.StartNonEchoingAsync();
        var work = Directory.CreateDirectory(dir.Combine("failing")).FullName;
        File.WriteAllText(Path.Combine(work, "spec.json"), $$"""{"servers": [{"agent": "Mute", "url": "{{server.Url}}"}], "cases": ["1.1.1", "2.2"]}""");

        var (exitCode, output) = await RunAsync(wstest, ["-m", "fuzzingclient", "-s", "spec.json", "--junit", "junit.xml"], work);
        Assert.Equal(1, exitCode);
        Assert.Contains("failing cases (2): 1.1.1, 2.2", output, StringComparison.Ordinal);
        Assert.Equal(2, XDocument.Load(Path.Combine(work, "junit.xml")).Descendants("failure").Count());
        Assert.True(File.Exists(Path.Combine(work, "reports", "servers", "index.json"))); // wstest's default outdir

        Assert.Equal(0, (await RunAsync(wstest, ["-m", "fuzzingclient", "-s", "spec.json", "--exit-zero"], work)).ExitCode);
    }

    [Fact]
    public async Task InstalledTool_NoSpec_WritesWstestsTemplate()
    {
        var work = Directory.CreateDirectory(dir.Combine("implicit")).FullName;
        // The template listens on 9001: a shutdownOnComplete from a stub client ends the run once it is up.
        var running = RunAsync(wstest, ["-m", "fuzzingserver"], work);
        await StopWhenListeningAsync(new Uri("ws://127.0.0.1:9001/updateReports?agent=none&shutdownOnComplete=true"), running);
        var (exitCode, output) = await running;
        Assert.Contains("Auto-generating spec file 'fuzzingserver.json'", output, StringComparison.Ordinal);
        Assert.True(exitCode == 0 || output.Contains("cannot listen on 127.0.0.1:9001", StringComparison.Ordinal), output);
        Assert.Equal(SpecTemplates.FuzzingServer, File.ReadAllText(Path.Combine(work, "fuzzingserver.json")));
    }

    private static async Task StopWhenListeningAsync(Uri stop, Task running)
    {
        for (var attempt = 0; attempt < 300 && !running.IsCompleted; attempt++)
        {
            using var socket = new System.Net.WebSockets.ClientWebSocket();
            try
            {
                await socket.ConnectAsync(stop, CancellationToken.None);
                await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                return;
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var (exitCode, output) = await ProcessRun.RunAsync(fileName, arguments, workingDirectory);
        log.WriteLine($"$ {Path.GetFileName(fileName)} {string.Join(' ', arguments)} -> {exitCode}\n{output}");
        return (exitCode, output);
    }
}
