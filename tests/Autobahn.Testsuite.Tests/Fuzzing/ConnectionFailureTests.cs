using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// Connections that never become WebSocket connections: every one ends quickly with FAILED / FAILED,
/// "The WebSocket opening handshake was never completed!" (<c>case/case.py</c>) and a reason a person can act on.
/// </summary>
public class ConnectionFailureTests
{
    private const string NeverOpen = "The WebSocket opening handshake was never completed!";

    [Fact]
    public async Task RunCase_NothingListening_FailedQuicklyWithConnectionRefused()
    {
        var url = new Uri($"ws://127.0.0.1:{UnusedPort()}/");

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", url);
        stopwatch.Stop();

        AssertNeverOpen(result);
        Assert.True(result.Transcript.ConnectFailed);
        Assert.Contains("refused", result.Transcript.ConnectionFailure);
        Assert.Contains(url.ToString(), result.Transcript.ConnectionFailure);
        Assert.Equal("?", result.Transcript.HttpResponse);
        Assert.Empty(result.Transcript.WireLog);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunCase_404Answer_FailedQuicklyWithUpgradeFailed()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.NotFound });

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url);
        stopwatch.Stop();

        AssertNeverOpen(result);
        Assert.False(result.Transcript.ConnectFailed);
        Assert.Contains("WebSocket connection upgrade failed (404 - NotFound)", result.Transcript.ConnectionFailure);

        // autobahn failHandshake: the reason goes to wasNotCleanReason and the fuzzer drops TCP.
        var closing = result.Transcript.Closing;
        Assert.Equal("WebSocket connection upgrade failed (404 - NotFound)", closing.WasNotCleanReason);
        Assert.True(closing is { DroppedByMe: true, ClosedByMe: false, FailedByMe: false, WasClean: false }, closing.ToString());
        Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", result.Transcript.HttpResponse);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunCase_WrongSecWebSocketAccept_FailedQuicklyWithBogusValue()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.WrongAccept });

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url);
        stopwatch.Stop();

        AssertNeverOpen(result);
        Assert.Contains("HTTP Sec-WebSocket-Accept bogus value : expected ", result.Transcript.ConnectionFailure);
        Assert.True(result.Transcript.Closing.DroppedByMe);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunCase_GarbageAnswer_FailedWithBadStatusLine()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.Garbage });

        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url);

        AssertNeverOpen(result);
        Assert.Contains("Bad HTTP response status line 'garbage'", result.Transcript.ConnectionFailure);
    }

    [Fact]
    public async Task RunCase_ServerClosesDuringHandshake_FailedWithPeerClosed()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.ClosesConnection });

        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url);

        AssertNeverOpen(result);
        Assert.Contains("closed the connection during the WebSocket opening handshake", result.Transcript.ConnectionFailure);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { DroppedByMe: false, WasClean: false, WasOpenHandshakeTimeout: false }, closing.ToString());
        Assert.Equal("peer dropped the TCP connection without previous WebSocket closing handshake", closing.WasNotCleanReason);
    }

    [Fact]
    public async Task RunCase_ServerNeverAnswers_OpenHandshakeTimeoutWithinBound()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.NeverAnswers });
        var options = new FuzzingOptions { OpenHandshakeTimeout = TimeSpan.FromMilliseconds(300) };

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url, options);
        stopwatch.Stop();

        AssertNeverOpen(result);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { WasOpenHandshakeTimeout: true, DroppedByMe: true, WasClean: false }, closing.ToString());
        Assert.Equal("peer did not finish (in time) the opening handshake", closing.WasNotCleanReason);
        Assert.Contains("did not complete the WebSocket opening handshake within 0.3 s", result.Transcript.ConnectionFailure);
        Assert.StartsWith("GET / HTTP/1.1\r\n", result.Transcript.HttpRequest);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task RunCase_NeverOpen713_InformationalEvenSo()
    {
        // case7_13_1.py forces INFORMATIONAL in onConnectionLost, which runs for a failed handshake too.
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.NotFound });

        var result = await Fuzzer.RunCaseAsync("7.13.1", server.Url);

        Assert.Equal(Behavior.Informational, result.Behavior);
        Assert.Equal(Behavior.Informational, result.BehaviorClose);
        Assert.Equal(NeverOpen, result.Verdict.ResultClose);
    }

    [Fact]
    public async Task RunCase_HandshakeRejectedForCaseExpectingNothing_BehaviorFailed()
    {
        await using var server = MutantServer.Start(new MutantOptions { Handshake = HandshakeDefect.NotFound });

        var result = await Fuzzer.RunCaseAsync("3.1", server.Url);

        AssertNeverOpen(result);
    }

    private static void AssertNeverOpen(CaseResult result)
    {
        Assert.False(result.Transcript.ConnectionWasOpen);
        Assert.Equal(Behavior.Failed, result.Behavior);
        Assert.Equal(Behavior.Failed, result.BehaviorClose);
        Assert.Equal("Actual events differ from any expected.", result.Verdict.Result);
        Assert.Equal(NeverOpen, result.Verdict.ResultClose);
        Assert.Empty(result.Transcript.Received);
        Assert.Equal(0, result.Transcript.DurationMilliseconds);
        Assert.NotNull(result.Transcript.ConnectionFailure);
    }

    /// <summary>A loopback port with nothing listening: bound once by us, then released.</summary>
    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
