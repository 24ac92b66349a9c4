using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Server;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Tests.Server;

public class FuzzingServerModeTests
{
    private static readonly ToolArguments Arguments = new() { Mode = "fuzzingserver" };

    private static FuzzingServerSettings Read(string json, ToolArguments? arguments = null) =>
        FuzzingServerSpec.Read(SpecFile.Parse(json, "spec.json"), arguments ?? Arguments);

    [Fact]
    public void Read_Template_IsWstestsDefaults()
    {
        var settings = Read(SpecTemplates.FuzzingServer);
        Assert.Equal(9001, settings.Port);
        Assert.Equal(517, settings.Cases.Count);
        Assert.Equal("./reports/clients", settings.Outdir);
        Assert.False(settings.IsSecure);
        Assert.Equal(8080, settings.WebPort);
    }

    [Fact]
    public void Read_NoOutdir_IsWstestsDefault() => Assert.Equal("./reports/clients/", Read("""{"url": "ws://127.0.0.1:9001", "cases": ["*"]}""").Outdir);

    [Fact]
    public void Read_CasesExclusionsAndOptions_AreKept()
    {
        var settings = Read("""
            {"url": "ws://0.0.0.0:9002", "cases": ["1.*", "2.1*"], "exclude-cases": ["1.2.*"], "exclude-agent-cases": {"ws": ["2.10"]},
             "options": {"failByDrop": false, "maxConnections": 10}, "protocols": ["chat"], "webport": 1234}
            """);
        Assert.Equal(9002, settings.Port);
        Assert.Equal(["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "1.1.8", "2.1", "2.10", "2.11"], settings.Cases.Select(c => c.Text));
        Assert.True(settings.Exclusions.Excludes("ws", "2.10"));
        Assert.Equal(2, settings.Options!.Count);
        Assert.Equal(["chat"], settings.Protocols);
        Assert.Equal(8080, settings.WebPort); // the spec's "webport" is ignored, as by wstest: -u counts
    }

    [Theory]
    [InlineData("""{"cases": ["*"]}""", "\"url\" is required")]
    [InlineData("""{"url": "ws://127.0.0.1:9001"}""", "\"cases\" is required")]
    [InlineData("""{"url": "http://127.0.0.1:9001", "cases": ["*"]}""", "not a ws:// or wss:// URL")]
    [InlineData("""{"url": "ws://127.0.0.1:9001/?a=1", "cases": ["*"]}""", "query parameters specified for server WebSocket URL")]
    [InlineData("""{"url": "wss://127.0.0.1:9001", "cases": ["*"]}""", "needs \"key\" and \"cert\"")]
    [InlineData("""{"url": "wss://127.0.0.1:9001", "cases": ["*"], "key": "/nonexistent.key", "cert": "/nonexistent.crt"}""", "not found")]
    [InlineData("""{"url": "ws://127.0.0.1:9001", "cases": ["*"], "options": {"serverConnectionDropTimeout": 1}}""", "unknown option \"serverConnectionDropTimeout\"")]
    public void Read_BadSpec_IsOneClearUsageError(string json, string message)
    {
        var e = Assert.Throws<UsageException>(() => Read(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeyAndCertFromTheCommandLine_OverrideTheSpec()
    {
        using var dir = new TempDirectory();
        var key = dir.Write("server.key", "k");
        var cert = dir.Write("server.crt", "c");
        var settings = Read("""{"url": "wss://127.0.0.1:9001", "cases": ["*"], "key": "/nonexistent.key", "cert": "/nonexistent.crt"}""", Arguments with { Key = key, Cert = cert });
        Assert.Equal(key, settings.KeyFile);
        Assert.Equal(cert, settings.CertFile);
        Assert.True(settings.IsSecure);
    }

    [Fact]
    public async Task Run_ReachesTheSeamWithTheSettings()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("fuzzingserver.json", """{"url": "ws://127.0.0.1:9003", "cases": ["2.*"]}""");
        var fake = new RecordingServer();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await WstestApp.RunAsync(["-m", "fuzzingserver", "-s", spec, "-u", "0"], output, error, live: false, () => fake);

        Assert.Equal(42, exitCode);
        Assert.Equal(9003, fake.Settings!.Port);
        Assert.Equal(11, fake.Settings.Cases.Count);
        Assert.Equal(0, fake.Settings.WebPort);
    }

    [Fact]
    public async Task Run_ServesATesteeLoopThroughTheControlProtocol_AndExitsZeroOnShutdownOnComplete()
    {
        using var dir = new TempDirectory();
        var port = FreePort();
        var reports = dir.Combine("reports").Replace('\\', '/');
        var spec = dir.Write("s.json", "{\"url\": \"ws://127.0.0.1:" + port + "\", \"outdir\": \"" + reports + "\", \"cases\": [\"1.1.*\"], \"exclude-agent-cases\": {\"skipper\": [\"1.1.2\"]}}");
        var run = ToolRun.RunAsync("-m", "fuzzingserver", "-s", spec, "-u", "0");
        var url = $"ws://127.0.0.1:{port}";

        // The loop every client project writes for wstest: getCaseCount, runCase 1..N, updateReports.
        var count = int.Parse(await TesteeAsync(url + "/getCaseCount", echo: false, retryUntilListening: true) ?? "0", CultureInfo.InvariantCulture);
        for (var i = 1; i <= count; i++) await TesteeAsync($"{url}/runCase?case={i}&agent=dotnet", echo: true);
        await TesteeAsync($"{url}/runCase?case=2&agent=skipper", echo: true);
        await TesteeAsync($"{url}/updateReports?agent=dotnet&shutdownOnComplete=true", echo: false);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(8, count);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("case 1.1.1 for agent dotnet: OK / OK", result.Output, StringComparison.Ordinal);
        Assert.Contains("8 cases run, 0 failed", result.Output, StringComparison.Ordinal);
        var index = await File.ReadAllTextAsync(Path.Combine(reports, "index.json"));
        Assert.Contains("\"dotnet\"", index, StringComparison.Ordinal);
        Assert.DoesNotContain("\"skipper\"", index, StringComparison.Ordinal); // excluded after the handshake: nothing recorded
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One connection of a testee loop on <see cref="ClientWebSocket"/>: echoes when asked, returns the first text message.</summary>
    private static async Task<string?> TesteeAsync(string url, bool echo, bool retryUntilListening = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(new Uri(url), CancellationToken.None);
            }
            catch (WebSocketException) when (retryUntilListening && attempt < 100)
            {
                await Task.Delay(100);
                continue;
            }

            string? first = null;
            var buffer = new byte[1 << 16];
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return first;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                first ??= received.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.ToArray()) : "";
                if (echo) await socket.SendAsync(message.ToArray(), received.MessageType, true, CancellationToken.None);
                message.SetLength(0);
            }
        }
    }

    private sealed class RecordingServer : IFuzzingServer
    {
        public FuzzingServerSettings? Settings { get; private set; }

        public Task<int> ServeAsync(FuzzingServerSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            Settings = settings;
            return Task.FromResult(42);
        }
    }
}
