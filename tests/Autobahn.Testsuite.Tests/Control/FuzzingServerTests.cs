using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>wstest's fuzzingserver over real loopback sockets, driven by .NET's <see cref="ClientWebSocket"/>.</summary>
public sealed class FuzzingServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetCaseCount_sends_the_count_then_an_empty_close()
    {
        await using var server = FuzzingServer.Start();

        var (messages, _) = await EchoClients.ReadControlAsync(new Uri(server.Url, "/getCaseCount"), Within());

        Assert.Equal(["517"], messages);
    }

    [Fact]
    public async Task Control_frames_are_unmasked_and_the_close_has_no_payload()
    {
        await using var server = FuzzingServer.Start();

        var response = await RawRequestAsync(server.Url, "/getCaseCount");

        var frames = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.Equal("\x81\x03" + "517" + "\x88\x00", frames);
    }

    [Fact]
    public async Task GetCaseInfo_by_casetuple()
    {
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Cases = ["2.*"] });

        var (messages, _) = await EchoClients.ReadControlAsync(new Uri(server.Url, "/getCaseInfo?casetuple=2.2"), Within());

        Assert.Equal("{\"id\": \"2.2\", \"description\": \"Send ping with small text payload.\"}", Assert.Single(messages));
    }

    [Theory]
    [InlineData("1.1.1")]
    [InlineData("2.2")]
    [InlineData("5.19")]
    [InlineData("7.1.1")]
    public async Task A_conformant_client_gets_OK(string caseId)
    {
        await using var server = FuzzingServer.Start();

        var result = await server.RunClientCaseAsync(caseId, (url, token) => EchoClients.EchoAsync(url, deflate: false, token), cancellationToken: Within());

        Assert.True(result.Transcript.IsServer);
        Assert.Equal((Behavior.Ok, Behavior.Ok), (result.Behavior, result.BehaviorClose));
        Assert.Equal(caseId, Assert.Single(server.Results).Id.Text);
    }

    [Fact]
    public async Task Compression_cases_negotiate_with_a_deflate_client_and_are_unimplemented_without()
    {
        await using var server = FuzzingServer.Start();

        var plain = await server.RunClientCaseAsync("12.1.1", (url, token) => EchoClients.EchoAsync(url, deflate: false, token), cancellationToken: Within());
        var deflated = await server.RunClientCaseAsync("12.1.1", (url, token) => EchoClients.EchoAsync(url, deflate: true, token), cancellationToken: Within());

        Assert.Equal(Behavior.Unimplemented, plain.Behavior);
        Assert.Equal((Behavior.Ok, Behavior.Ok), (deflated.Behavior, deflated.BehaviorClose));
    }

    [Fact]
    public async Task Over_wss_a_client_that_trusts_the_generated_certificate_negotiates_compression()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Certificate = certificate });

        var result = await server.RunClientCaseAsync("12.1.1", (url, token) => EchoClients.EchoAsync(url, deflate: true, token, certificate), cancellationToken: Within());

        Assert.Equal("wss", server.Url.Scheme);
        Assert.Equal((Behavior.Ok, Behavior.Ok), (result.Behavior, result.BehaviorClose));
    }

    [Fact]
    public async Task Over_wss_a_client_that_does_not_trust_the_certificate_never_opens_its_case()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Certificate = certificate });

        var result = await server.RunClientCaseAsync("1.1.1", (url, token) => EchoClients.EchoAsync(url, deflate: false, token), cancellationToken: Within());

        Assert.True(result.Transcript.ConnectFailed);
        Assert.Contains("the client failed before it connected", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCaseStatus_waits_for_the_agents_result()
    {
        await using var server = FuzzingServer.Start();
        var status = EchoClients.ReadControlAsync(new Uri(server.Url, "/getCaseStatus?casetuple=1.1.2&agent=me"), Within());
        await Task.Delay(100);
        Assert.False(status.IsCompleted);

        await EchoClients.EchoAsync(new Uri(server.Url, "/runCase?casetuple=1.1.2&agent=me"), deflate: false, Within());

        Assert.Equal("{\"behavior\": \"OK\"}", Assert.Single((await status).Messages));
    }

    [Fact]
    public async Task Bad_parameters_get_HTTP_500_and_no_upgrade()
    {
        await using var server = FuzzingServer.Start();

        var response = await RawRequestAsync(server.Url, "/runCase?case=1");

        Assert.Equal("HTTP/1.1 500 Internal Server Error\r\n\r\n", response);
    }

    [Fact]
    public async Task UpdateReports_writes_every_agents_reports_and_shutdownOnComplete_stops_the_server()
    {
        var reports = Directory.CreateTempSubdirectory("autobahn-clients-").FullName;
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { ReportsDirectory = reports });
        await EchoClients.EchoAsync(new Uri(server.Url, "/runCase?case=1&agent=one"), deflate: false, Within());
        await EchoClients.EchoAsync(new Uri(server.Url, "/runCase?case=2&agent=two"), deflate: false, Within());
        Assert.False(File.Exists(Path.Combine(reports, "index.json")));

        await EchoClients.ReadControlAsync(new Uri(server.Url, "/updateReports?agent=one&shutdownOnComplete=true"), Within());

        var index = await File.ReadAllTextAsync(Path.Combine(reports, "index.json"));
        Assert.Contains("\"one\"", index, StringComparison.Ordinal);
        Assert.Contains("\"two\"", index, StringComparison.Ordinal);
        var caseReport = await File.ReadAllTextAsync(Path.Combine(reports, "one_case_1_1_1.json"));
        Assert.Contains("\"isServer\": true", caseReport, StringComparison.Ordinal);
        await server.Stopped.WaitAsync(Bound);
    }

    [Fact]
    public async Task Excluded_agent_cases_are_closed_at_once_and_not_recorded()
    {
        var options = new FuzzingServerOptions { Fuzzing = FuzzingOptions.Default with { ExcludeAfterHandshake = (agent, id) => agent == "skipper" && id.Text.StartsWith("1.", StringComparison.Ordinal) } };
        await using var server = FuzzingServer.Start(options);

        var (messages, _) = await EchoClients.ReadControlAsync(new Uri(server.Url, "/runCase?case=1&agent=skipper"), Within());

        Assert.Empty(messages);
        Assert.Empty(server.Results);
    }

    [Fact]
    public async Task A_client_that_returns_without_connecting_fails_at_once()
    {
        await using var server = FuzzingServer.Start();
        var started = DateTime.UtcNow;

        var result = await server.RunClientCaseAsync("1.1.1", (_, _) => Task.CompletedTask, cancellationToken: Within());

        Assert.Equal(Behavior.Failed, result.Behavior);
        Assert.True(result.Transcript.ConnectFailed);
        Assert.Contains("the client returned without connecting to ws://127.0.0.1:", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "no wait for the 5 s opening handshake timeout");
    }

    [Fact]
    public async Task A_client_that_throws_before_connecting_fails_with_its_exception()
    {
        await using var server = FuzzingServer.Start();

        var result = await server.RunClientCaseAsync("1.1.1", (_, _) => throw new InvalidOperationException("no network today"), cancellationToken: Within());

        Assert.Contains("the client failed before it connected", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
        Assert.Contains("no network today", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_hangs_without_connecting_fails_after_the_opening_handshake_timeout()
    {
        await using var server = FuzzingServer.Start();
        var options = FuzzingOptions.Default with { TimeScale = 0.05 };

        var result = await server.RunClientCaseAsync("1.1.1", (_, token) => Task.Delay(Timeout.Infinite, token), options, Within());

        Assert.Contains("did not connect to ws://127.0.0.1:", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
        Assert.Contains("within 0.25 s", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_connects_and_never_sends_a_request_is_dropped()
    {
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Fuzzing = FuzzingOptions.Default with { TimeScale = 0.05 } });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.Url.Port);

        var read = await tcp.GetStream().ReadAsync(new byte[16], Within());

        Assert.Equal(0, read);
    }

    private static CancellationToken Within() => new CancellationTokenSource(Bound).Token;

    private static async Task<string> RawRequestAsync(Uri server, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.Port);
        var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync(Within());
    }
}
