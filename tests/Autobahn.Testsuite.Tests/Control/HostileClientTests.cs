using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>
/// Clients that misbehave on purpose, written byte by byte on raw sockets: each case ends within its bound with a
/// message that says what went wrong, and the server never hangs.
/// </summary>
public sealed class HostileClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_client_that_sends_an_unmasked_frame_is_failed_with_1002()
    {
        await using var server = FuzzingServer.Start();

        var result = await RunAsync(server, "1.1.1", async (stream, url, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Request(url)), token);
            await ReadHeadAsync(stream, token);
            await stream.WriteAsync(new byte[] { 0x81, 0x00 }, token); // the echo, unmasked (RFC 6455 §5.1)
            await DrainAsync(stream, token);
        });

        Assert.True(result.Transcript.Closing.FailedByMe, Describe(result));
        Assert.Equal(Behavior.Failed, result.Behavior);
        Assert.Equal(1002, result.Transcript.Closing.LocalCloseCode);
    }

    [Fact]
    public async Task A_client_that_sends_garbage_HTTP_gets_400_and_its_row_says_so()
    {
        await using var server = FuzzingServer.Start();

        var result = await RunAsync(server, "1.1.1", async (stream, url, token) =>
        {
            await stream.WriteAsync("HELLO FUZZER\r\nwhat: ever\r\n\r\n"u8.ToArray(), token);
            await DrainAsync(stream, token);
        });

        Assert.True(result.Transcript.ConnectFailed);
        Assert.Contains("the client returned without connecting", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
        Assert.Contains("the server refused a request meanwhile with HTTP 400", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_connects_and_never_sends_a_request_fails_after_the_handshake_timeout()
    {
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Fuzzing = FuzzingOptions.Default with { TimeScale = 0.1 } });
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(server, "1.1.1", (stream, _, token) => DrainAsync(stream, token));

        Assert.Contains("a client connected but sent no complete opening handshake request", result.Transcript.ConnectionFailure, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Bound);
    }

    [Fact]
    public async Task A_client_that_offers_server_max_window_bits_8_gets_its_case_run_within_the_bound()
    {
        await using var server = FuzzingServer.Start();
        string? response = null;

        var result = await RunAsync(server, "12.1.1", async (stream, url, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Request(url, "permessage-deflate; server_max_window_bits=8")), token);
            response = await ReadHeadAsync(stream, token);
            await DrainAsync(stream, token); // echoes nothing: the case runs out on its own timers (scaled down here)
        }, FuzzingOptions.Default with { TimeScale = 0.1 });

        Assert.Contains("Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=8", response, StringComparison.Ordinal);
        Assert.True(result.Transcript.ConnectionWasOpen, Describe(result));
        Assert.NotEqual(Behavior.Ok, result.Behavior);
    }

    [Fact]
    public async Task A_client_with_a_malformed_deflate_offer_gets_400_in_a_case_without_compression()
    {
        await using var server = FuzzingServer.Start();
        string? response = null;

        var result = await RunAsync(server, "1.1.1", async (stream, url, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Request(url, "permessage-deflate; client_max_window_bits=16")), token);

            // Not the case's token: the case ends with the refusal and cancels it, maybe before this read is done.
            response = await ReadHeadAsync(stream, CancellationToken.None);
        });

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.False(result.Transcript.ConnectionWasOpen);
    }

    private static async Task<CaseResult> RunAsync(FuzzingServer server, string caseId, Func<NetworkStream, Uri, CancellationToken, Task> client, FuzzingOptions? options = null)
    {
        using var bound = new CancellationTokenSource(Bound);
        return await server.RunClientCaseAsync(caseId, async (url, token) =>
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", url.Port, token);
            await client(tcp.GetStream(), url, token);
        }, options, bound.Token);
    }

    private static string Describe(CaseResult result) =>
        $"{result.Behavior}/{result.BehaviorClose} {result.Transcript.ConnectionFailure} {result.Transcript.Closing} "
        + string.Join("\n", result.Transcript.WireLog.Select(row => WireLogFormat.Row(row)));

    private static string Request(Uri url, string? extensions = null) =>
        $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + (extensions is null ? "" : $"Sec-WebSocket-Extensions: {extensions}\r\n")
        + "\r\n";

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, token) == 0) break;
            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. head]);
    }

    private static async Task DrainAsync(NetworkStream stream, CancellationToken token)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, token) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }
    }
}
