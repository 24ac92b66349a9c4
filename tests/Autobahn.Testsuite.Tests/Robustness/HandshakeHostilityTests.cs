using System.Net;
using System.Net.Sockets;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Servers that never let the WebSocket open. Every case ends FAILED / FAILED with case.py's "The WebSocket opening
/// handshake was never completed!", a connection failure that says what the server did, and within the opening
/// handshake timeout (wstest: 5 s, here scaled to 1 s) or at once.
/// </summary>
public class HandshakeHostilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task ConnectionRefused_FailsAtOnce()
    {
        var url = new Uri($"ws://127.0.0.1:{UnusedPort()}/");

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", url, output: output);

        AssertNeverOpen(result, $"Could not connect to {url}: connection refused (is the server running?).");
        Assert.True(result.Transcript.ConnectFailed);
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task NeverAnswersUpgrade_OpeningHandshakeTimeout()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.NeverAnswers });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        // autobahn onOpenHandshakeTimeout: wasOpenHandshakeTimeout, drop (openHandshakeTimeout 5 s × 0.2).
        AssertNeverOpen(result, $"The server at {server.Url} did not complete the WebSocket opening handshake within 1 s.");
        Assert.True(result.Transcript.Closing is { WasOpenHandshakeTimeout: true, DroppedByMe: true }, Hostile.Describe(result));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Non101Status_UpgradeFailed()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.NotFound });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        // autobahn processHandshake: "WebSocket connection upgrade failed (%s - %s)" % (status_code, status_reason).
        AssertNeverOpen(result, $"The WebSocket opening handshake with {server.Url} failed: WebSocket connection upgrade failed (404 - NotFound).");
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task WrongSecWebSocketAccept_BogusValue()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.WrongAccept });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        // The mutant server answers with the accept value of key + "-wrong" (RFC 6455 §4.1 step 4 of the client's checks).
        var key = result.Transcript.HttpRequest.Split("\r\n").Single(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
        var expected = HandshakeRequest.ExpectedAccept(key);
        var got = HandshakeRequest.ExpectedAccept(key + "-wrong");
        AssertNeverOpen(result, $"The WebSocket opening handshake with {server.Url} failed: HTTP Sec-WebSocket-Accept bogus value : expected {expected} / got {got}.");
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task GarbageInsteadOfHttp_BadStatusLine()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.Garbage });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertNeverOpen(result, $"The WebSocket opening handshake with {server.Url} failed: Bad HTTP response status line 'garbage'.");
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task EndlessBinaryGarbage_HeaderLimit()
    {
        // Random octets without CR, so never an empty line: the fuzzer stops buffering at 64 KiB (autobahn has no limit
        // and would wait for the opening handshake timeout with an ever-growing buffer).
        var random = new Random(6455);
        await using var server = HostileServer.Start(async c =>
        {
            if (await c.ReadRequestAsync() is null) return;
            var chunk = new byte[4096];
            while (!c.Stopping.IsCancellationRequested)
            {
                random.NextBytes(chunk);
                for (var i = 0; i < chunk.Length; i++) if (chunk[i] == '\r') chunk[i] = (byte)'x';
                await c.WriteAsync(chunk);
            }
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertNeverOpen(result, $"The WebSocket opening handshake with {server.Url} failed: the handshake response headers exceed 65536 octets without an empty line.");
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task EndlessHeaderFast_HeaderLimit()
    {
        await using var server = HostileServer.Start(async c =>
        {
            if (await c.ReadRequestAsync() is null) return;
            await c.WriteAsync("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"u8.ToArray());
            var line = Encoding.ASCII.GetBytes($"X-Endless: {new string('a', 1000)}\r\n");
            while (!c.Stopping.IsCancellationRequested) await c.WriteAsync(line);
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertNeverOpen(result, $"The WebSocket opening handshake with {server.Url} failed: the handshake response headers exceed 65536 octets without an empty line.");
        Assert.Equal("?", result.Transcript.HttpResponse); // never a whole response
        Assert.StartsWith(Convert.ToHexStringLower("HTTP/1.1 101"u8), FirstRxHex(result));
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task EndlessHeaderSlow_OpeningHandshakeTimeout()
    {
        // A header line every 50 ms stays far below the size limit: only the opening handshake timeout ends it.
        await using var server = HostileServer.Start(async c =>
        {
            if (await c.ReadRequestAsync() is null) return;
            await c.WriteAsync("HTTP/1.1 101 Switching Protocols\r\n"u8.ToArray());
            for (var i = 0; !c.Stopping.IsCancellationRequested; i++)
            {
                await c.WriteAsync(Encoding.ASCII.GetBytes($"X-Slow-{i}: drip\r\n"));
                await Task.Delay(50, c.Stopping);
            }
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertNeverOpen(result, $"The server at {server.Url} did not complete the WebSocket opening handshake within 1 s.");
        Assert.True(result.Transcript.Closing is { WasOpenHandshakeTimeout: true, DroppedByMe: true, WasNotCleanReason: "peer did not finish (in time) the opening handshake" }, Hostile.Describe(result));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task ClosesBeforeAnswering_PeerClosed()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.ClosesConnection });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertNeverOpen(result, $"The server at {server.Url} closed the connection during the WebSocket opening handshake.");
        Assert.Equal(Hostile.PeerDropped, result.Transcript.Closing.WasNotCleanReason);
        Hostile.AssertWithin(elapsed, Quick, result);
    }

    [Fact]
    public async Task ClosesInsideTheResponse_PeerClosed()
    {
        await using var server = HostileServer.Start(async c =>
        {
            if (await c.ReadRequestAsync() is null) return;
            await c.WriteAsync("HTTP/1.1 101 Switching Protocols\r\nUpgrade: webs"u8.ToArray());
            c.ShutdownSend();
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertNeverOpen(result, $"The server at {server.Url} closed the connection during the WebSocket opening handshake.");
        Hostile.AssertWithin(elapsed, Quick, result);
        Assert.True(await server.WaitUntilNoneOpenAsync(TimeSpan.FromSeconds(5)), "the fuzzer did not close its socket");
    }

    /// <summary>The hex of the first "RO" row (fuzzing.py logRxOctets: [length, hex]).</summary>
    private static string FirstRxHex(CaseResult result) => Hostile.RxOctets(result.Transcript.WireLog.First(e => e.Kind == "RO")).Hex;

    private static void AssertNeverOpen(CaseResult result, string failure)
    {
        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.NeverOpen);
        Assert.False(result.Transcript.ConnectionWasOpen);
        Assert.Equal(failure, result.Transcript.ConnectionFailure);
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
