using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Protocol;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Servers that complete the upgrade and then misbehave. Case 1.1.1 (an empty text message, killAfter(1); expects the
/// echo and a clean close started by the fuzzer with 1000) unless said otherwise, at a fifth of wstest's timers
/// (<see cref="Hostile.Fast"/>). Each verdict is derived from autobahn-python 0.10.9 <c>websocket/protocol.py</c> and
/// autobahn-testsuite 0.8.2 <c>case/case.py</c> (semantics.md §4, §5, §8).
/// </summary>
public class AfterUpgradeHostilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(4);

    /// <summary>wstest's own timers, where the server ends the case long before any timer: a loaded machine cannot let killAfter(1) win.</summary>
    private static readonly FuzzingOptions Wstest = FuzzingOptions.Default;

    [Fact]
    public async Task NeverSendsAnything_KillAfterThenCloseHandshakeTimeout()
    {
        // killAfter(1) → failConnection(1001, "Going Away") sends a close (closedByMe); the server never answers, so
        // closeHandshakeTimeout drops TCP: wasClean False → UNCLEAN; no echo → FAILED.
        await using var server = HostileServer.Start(async c => await c.AcceptAsync());

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertKilledAndUnanswered(result);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.35), Bound);
    }

    [Fact]
    public async Task DripsOneBytePerSecond_SameAsSilence()
    {
        // The echo 81 00, one octet per second: the second octet would come after the case ended (0.4 s).
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync()) return;
            foreach (var octet in new byte[] { 0x81, 0x00, 0x88, 0x02, 0x03, 0xe8 })
            {
                await c.WriteAsync(new[] { octet });
                await Task.Delay(TimeSpan.FromSeconds(1), c.Stopping);
            }
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, output: output);

        AssertKilledAndUnanswered(result);
        Assert.DoesNotContain(result.Transcript.WireLog, e => e.Kind == "RF"); // only 81 arrived: no whole frame
        var upgradeLength = HostileConnection.UpgradeResponse("dGhlIHNhbXBsZSBub25jZQ==").Length;
        Assert.Equal(upgradeLength + 1, result.Transcript.WireLog.Where(e => e.Kind == "RO").Sum(e => Hostile.RxOctets(e).Length));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.35), Bound);
    }

    [Fact]
    public async Task AnnouncesFrameOf2Pow63Minus1_DroppedAtOnce()
    {
        // 2^63−1 is a legal length (RFC 6455 §5.2), so autobahn accepts the header and wstest would try to buffer it,
        // ending by killAfter → UNCLEAN. Here FuzzingOptions.MaxFramePayloadLength (64 MiB) drops TCP at the header
        // (README, "Differences from wstest"): failedByMe without a close frame → the wrong endpoint closed.
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync()) return;
            await c.WriteAsync(HostileConnection.Header64(Opcodes.Binary, long.MaxValue));
            await c.WriteAsync(new byte[4096]);
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, Wstest, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, FailedByMe: true, DroppedByMe: true, WasClean: false, LocalCloseCode: null }, Hostile.Describe(result));
        Assert.Equal("the server announced a frame of 9223372036854775807 octets, more than the fuzzer's limit of 67108864", result.Transcript.Closing.WasNotCleanReason);
        Hostile.AssertWithin(elapsed, TimeSpan.FromSeconds(2), result);
    }

    [Fact]
    public async Task AnnouncesFrameOf2Pow64Minus1_ProtocolViolationThenDropped()
    {
        // The most significant bit set: autobahn's "invalid data frame length (>2^63)" → failConnection(1002), which
        // sends a close (closedByMe). Then the length is above the fuzzer's limit and it drops TCP; wstest would read on
        // until closeHandshakeTimeout. Either way wasClean stays False: UNCLEAN, as in wstest.
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync()) return;
            await c.WriteAsync(HostileConnection.Header64(Opcodes.Binary, ulong.MaxValue));
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, Wstest, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Unclean, Hostile.EventsDiffer, Hostile.Unclean);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, WasClean: false, LocalCloseCode: 1002, LocalCloseReason: "invalid data frame length (>2^63)" }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, TimeSpan.FromSeconds(2), result);
    }

    [Fact]
    public async Task UnsolicitedClose_ClosedByWrongEndpoint()
    {
        // The server closes (1000) instead of echoing. autobahn onCloseFrame in OPEN: wasClean, reply 1000, closedByMe
        // False; the server then drops TCP. case.py: expected closedByMe True → FAILED "wrong endpoint"; no echo → FAILED.
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync() || await c.ReadFrameAsync(Opcodes.Text) is null) return;
            await c.WriteAsync(HostileConnection.Frame(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, [])));
            if (await c.ReadFrameAsync(Opcodes.Close) is null) return;
            c.ShutdownSend();
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, Wstest, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, FailedByMe: false, DroppedByMe: false, WasClean: true, LocalCloseCode: 1000, RemoteCloseCode: 1000 }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, TimeSpan.FromSeconds(2), result);
    }

    public static TheoryData<string, byte[], int?, string, Behavior, string> InvalidClosePayloads => new()
    {
        // RFC 6455 §5.5.1: a close body of one octet. protocolViolation(...) → failConnection(1002) sends our close;
        // failByDrop is False, so processing goes on and the same frame is taken as the reply (CLOSING → wasClean).
        // The server then drops TCP: a clean close by the fuzzer, OK.
        { "length 1", [0x03], null, "received close control frame with payload len 1", Behavior.Ok, Hostile.ProperlyClosed },

        // §7.4.2: 1004 is reserved. remoteCloseCode is set before the check (onCloseFrame), so case.py sees 1004 ∉ [1000].
        { "code 1004", [0x03, 0xec], 1004, "invalid close code 1004", Behavior.WrongCode, "The close code should have been 1000 or empty" },

        // §5.5.1: the reason must be UTF-8. invalidPayload → failConnection(1007). Here autobahn goes on to
        // reasonRaw.decode('utf8'), which raises in Python: Twisted then drops the connection (wasClean False, UNCLEAN).
        // The port has no crash to reproduce (README, "Differences from wstest") and takes the frame as the reply: OK.
        { "reason not UTF-8", [0x03, 0xe8, 0xff, 0xfe], 1000, "invalid close reason (non-UTF-8 payload)", Behavior.Ok, Hostile.ProperlyClosed },
    };

    [Theory]
    [MemberData(nameof(InvalidClosePayloads))]
    public async Task InvalidClosePayload_FuzzerFailsTheConnection(string what, byte[] body, int? remoteCode, string reason, Behavior behaviorClose, string resultClose)
    {
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync() || await c.ReadFrameAsync(Opcodes.Text) is null) return;
            await c.WriteAsync(HostileConnection.Frame(Opcodes.Close, body));
            if (await c.ReadFrameAsync(Opcodes.Close) is null) return;
            c.ShutdownSend();
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, Wstest, output);

        output.WriteLine(what);
        Hostile.AssertVerdict(result, Behavior.Failed, behaviorClose, Hostile.EventsDiffer, resultClose);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: false, WasClean: true }, Hostile.Describe(result));
        Assert.Equal(reason, closing.LocalCloseReason);
        Assert.Equal(reason.StartsWith("invalid close reason", StringComparison.Ordinal) ? 1007 : 1002, closing.LocalCloseCode);
        Assert.Equal(remoteCode, closing.RemoteCloseCode);
        Hostile.AssertWithin(elapsed, TimeSpan.FromSeconds(2), result);
    }

    [Fact]
    public async Task DataAfterClose_StillAnEvent()
    {
        // The server sends its close and then the echo. autobahn still processes data frames in CLOSING and delivers the
        // message (only failedByMe suppresses it, protocol.py onMessageEnd), so the events match: OK. The close was the
        // server's: FAILED "wrong endpoint".
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync() || await c.ReadFrameAsync(Opcodes.Text) is null) return;
            await c.WriteAsync((byte[])[.. HostileConnection.Frame(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, [])), .. HostileConnection.Frame(Opcodes.Text, [])]);
            if (await c.ReadFrameAsync(Opcodes.Close) is null) return;
            c.ShutdownSend();
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, Wstest, output);

        Hostile.AssertVerdict(result, Behavior.Ok, Behavior.Failed, Hostile.EventsMatch, Hostile.WrongEndpoint);
        Assert.Equal([CaseEvent.Text("")], result.Transcript.Received);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, WasClean: true, RemoteCloseCode: 1000, LocalCloseCode: 1000 }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, TimeSpan.FromSeconds(2), result);
    }

    [Fact]
    public async Task KeepsTcpOpenAfterItsOwnClose_CaseBudget()
    {
        // 2.2 (a ping, closeAfter(1)): the server closes instead of answering and never drops TCP. The fuzzer replied, so
        // closeAfter finds CLOSING and does nothing; as a client it has no timer for the server's drop (semantics.md
        // §14.12): wstest waits for ever. The case budget (timers 1 + 5 + 1 + 1 + margin 5 = 13 s, × 0.2) ends it.
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync() || await c.ReadFrameAsync(Opcodes.Ping) is null) return;
            await c.WriteAsync(HostileConnection.Frame(Opcodes.Close, ClosePayload.Build(CloseCodes.Normal, [])));
        });

        var (result, elapsed) = await Hostile.RunAsync("2.2", server.Url, Hostile.Fast, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, DroppedByMe: true, WasClean: false, RemoteCloseCode: 1000 }, Hostile.Describe(result));
        Assert.Equal("the case did not end within 2.6 s, so the fuzzer dropped the connection (wstest would wait for ever)", result.Transcript.Closing.WasNotCleanReason);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
        Assert.True(await server.WaitUntilNoneOpenAsync(TimeSpan.FromSeconds(5)), "the fuzzer did not close its socket");
    }

    [Fact]
    public async Task KeepsTcpOpenAfterClosingHandshake_ServerDropTimeout()
    {
        // 2.2 against an echo server that answers the fuzzer's close but never drops TCP: serverConnectionDropTimeout
        // (autobahn onServerConnectionDropTimeout) resets wasClean and drops → UNCLEAN; the pong matched → OK.
        await using var server = MutantServer.Start(new MutantOptions { NeverClosesTcp = true });

        var (result, elapsed) = await Hostile.RunAsync("2.2", server.Url, new FuzzingOptions { TimeScale = 0.5 }, output);

        Hostile.AssertVerdict(result, Behavior.Ok, Behavior.Unclean, Hostile.EventsMatch, Hostile.Unclean);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, DroppedByMe: true, WasServerConnectionDropTimeout: true, RemoteCloseCode: 1000, WasNotCleanReason: "server did not drop TCP connection (in time)" }, Hostile.Describe(result));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.45), Bound);
    }

    private static void AssertKilledAndUnanswered(CaseResult result)
    {
        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Unclean, Hostile.EventsDiffer, Hostile.Unclean);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, WasClean: false, WasCloseHandshakeTimeout: true, LocalCloseCode: 1001, LocalCloseReason: "Going Away", RemoteCloseCode: null }, Hostile.Describe(result));
        Assert.Equal("peer did not respond (in time) in closing handshake", result.Transcript.Closing.WasNotCleanReason);
        Assert.Contains(result.Transcript.WireLog, e => e.Kind == "KLE");
    }
}
