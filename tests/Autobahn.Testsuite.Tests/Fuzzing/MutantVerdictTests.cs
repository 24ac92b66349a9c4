using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// Every verdict path of wstest (<c>case/case.py</c> <c>onConnectionLost</c> and the 7.x overrides) driven through a
/// real fuzzing session over loopback TCP against a <see cref="MutantServer"/> that breaks one rule. Timers run at
/// a fifth of wstest's values (<see cref="FuzzingOptions.TimeScale"/>); where two timers race, one of them is moved
/// so the test says which one wins.
/// </summary>
public class MutantVerdictTests
{
    /// <summary>killAfter(1) = 200 ms, closeAfter(1) = 200 ms, close-handshake and server-drop timeouts 200 ms.</summary>
    private static readonly FuzzingOptions Fast = new() { TimeScale = 0.2 };

    private const string EventsMatch = "Actual events match at least one expected.";
    private const string EventsDiffer = "Actual events differ from any expected.";
    private const string WrongEndpoint = "The connection was failed by the wrong endpoint";
    private const string Unclean = "The spec requires the connection to be failed cleanly here";
    private const string FailedByClient = "It is preferred that the server close the TCP connection";
    private const string ProperlyClosed = "Connection was properly closed";
    private const string PeerDropped = "peer dropped the TCP connection without previous WebSocket closing handshake";

    // ---- a correct server: OK ---------------------------------------------------------------------------

    [Fact]
    public async Task Correct_111_OkAndCleanCloseByFuzzer()
    {
        var result = await RunAsync("1.1.1");

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal([CaseEvent.Text("")], result.Transcript.Received);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: false, DroppedByMe: false, WasClean: true, WasNotCleanReason: null }, Describe(result));
        Assert.Equal(1000, closing.LocalCloseCode);
        Assert.Equal(1000, closing.RemoteCloseCode);
        Assert.Equal("MutantServer", result.Agent);
    }

    [Fact]
    public async Task Correct_22_OkClosedByFinishWhenDone()
    {
        var result = await RunAsync("2.2");

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal([CaseEvent.Pong(Encoding.ASCII.GetBytes("Hello, world!"))], result.Transcript.Received);

        // One outcome, complete after the pong: finishWhenDone closes with closeCode[0] before closeAfter fires.
        Assert.Equal(1000, result.Transcript.Closing.LocalCloseCode);
        Assert.Equal(1000, result.Transcript.Closing.RemoteCloseCode);
        Assert.DoesNotContain(result.Transcript.WireLog, e => e.Kind == "TIE");
    }

    [Fact]
    public async Task Correct_519_OkAcrossContinueLater()
    {
        var result = await RunAsync("5.19");

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal(3, result.Transcript.Received.Count);
        Assert.Equal(1000, result.Transcript.Closing.LocalCloseCode);
    }

    [Theory]
    [InlineData("6.4.1")]
    [InlineData("6.4.2")]
    [InlineData("6.4.3")]
    [InlineData("6.4.4")]
    public async Task Correct_64x_OkBecauseItFailsFast(string caseId)
    {
        // The server validates octets as they arrive, so it fails with 1007 after part 2, before timer B
        // (6.4.3/6.4.4 stream the parts inside one frame: frame-wise validators get NON-STRICT there).
        var result = await RunAsync(caseId);

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal([CaseEvent.Timeout("A")], result.Transcript.Received);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, WasClean: true, RemoteCloseCode: 1007 }, Describe(result));
    }

    [Theory]
    [InlineData("3.1", 1002)]
    [InlineData("4.1.1", 1002)]
    [InlineData("5.1", 1002)]
    [InlineData("6.3.1", 1007)]
    [InlineData("6.8.1", 1007)]
    public async Task Correct_ServerMustFail_OkWithItsCode(string caseId, int code)
    {
        var result = await RunAsync(caseId);

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: false, FailedByMe: false, DroppedByMe: false, WasClean: true }, Describe(result));
        Assert.Equal(code, closing.RemoteCloseCode);
        Assert.Equal(1000, closing.LocalCloseCode); // the fuzzer's reply is always 1000 (echoCloseCodeReason False)
    }

    [Theory]
    [InlineData("7.7.1", 1000)]
    [InlineData("7.7.5", 1007)]
    [InlineData("7.7.10", 3000)]
    public async Task Correct_77x_OkWithEchoedCode(string caseId, int code)
    {
        var result = await RunAsync(caseId);

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal(code, result.Transcript.Closing.LocalCloseCode);
        Assert.Equal(code, result.Transcript.Closing.RemoteCloseCode);
    }

    [Fact]
    public async Task Correct_1011_OkWithFiftyOneFrames()
    {
        var result = await RunAsync("10.1.1");

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal(50, result.Transcript.TxFrameStats[0]);
        Assert.Equal(1, result.Transcript.TxFrameStats[1]);
    }

    [Fact]
    public async Task Correct_911_OkBySelfJudgingCase()
    {
        var result = await RunAsync("9.1.1");

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Empty(result.Transcript.Received);
    }

    // ---- INFORMATIONAL ------------------------------------------------------------------------------------

    [Fact]
    public async Task Correct_716_InformationalWithBothEchoes()
    {
        // The server echoes both messages before it sees the close: neither outcome lists the 256 KiB echo.
        var result = await RunAsync("7.1.6");

        AssertVerdict(result, Behavior.Informational, Behavior.Informational);
        Assert.Equal(EventsDiffer, result.Verdict.Result);
        Assert.Equal(2, result.Transcript.Received.Count);
        Assert.Equal(262144, result.Transcript.Received[0].Payload.Length);
        Assert.Equal(ProperlyClosed, result.Verdict.ResultClose);
    }

    [Fact]
    public async Task Correct_7131_InformationalUndefined()
    {
        var result = await RunAsync("7.13.1");

        AssertVerdict(result, Behavior.Informational, Behavior.Informational);
        Assert.Equal("Actual events are undefined by the spec.", result.Verdict.Result);
        Assert.Equal(5000, result.Transcript.Closing.LocalCloseCode);
        Assert.Equal(1002, result.Transcript.Closing.RemoteCloseCode);
    }

    // ---- NON-STRICT ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("6.4.1")]
    [InlineData("6.4.3")]
    public async Task Utf8ValidationPerMessageOnly_64x_NonStrict(string caseId)
    {
        var result = await RunAsync(caseId, new MutantOptions { Utf8ValidationPerMessageOnly = true });

        AssertVerdict(result, Behavior.NonStrict, Behavior.Ok);
        Assert.Equal([CaseEvent.Timeout("A"), CaseEvent.Timeout("B")], result.Transcript.Received);
        Assert.Equal(1007, result.Transcript.Closing.RemoteCloseCode);
    }

    [Fact]
    public async Task EchoDelay_32_NonStrictBecauseItFailedBeforeEchoing()
    {
        var result = await RunAsync("3.2", new MutantOptions { EchoDelay = TimeSpan.FromMilliseconds(100) });

        AssertVerdict(result, Behavior.NonStrict, Behavior.Ok);
        Assert.Empty(result.Transcript.Received);
        Assert.Equal(1002, result.Transcript.Closing.RemoteCloseCode);
    }

    // ---- FAILED behavior ------------------------------------------------------------------------------------

    [Fact]
    public async Task AnswerPingsTwice_210_FailedWithTwentyPongs()
    {
        var result = await RunAsync("2.10", new MutantOptions { AnswerPingsTwice = true });

        AssertVerdict(result, Behavior.Failed, Behavior.Ok);
        Assert.Equal(EventsDiffer, result.Verdict.Result);
        Assert.Equal(20, result.Transcript.Received.Count);
        Assert.All(result.Transcript.Received, e => Assert.Equal(CaseEventKind.Pong, e.Kind));
    }

    [Theory]
    [InlineData("6.3.1")]
    [InlineData("6.8.1")]
    [InlineData("6.12.1")]
    public async Task NoUtf8Validation_InvalidText_FailedByWrongEndpointIsFatal(string caseId)
    {
        // The server echoes the invalid text; the fuzzer itself fails with 1007, so it closed (closedByMe) and
        // case.py's closedByWrongEndpointIsFatal turns the matching (empty) events into FAILED. At the end of the same
        // frame autobahn's onFrameEnd finds the message "ended within a code point" and fails again; in CLOSING that
        // drops TCP (protocol.py failConnection → dropConnection), so the server's close reply is never read.
        var result = await RunAsync(caseId, new MutantOptions { NoUtf8Validation = true });

        AssertVerdict(result, Behavior.Failed, Behavior.Failed);
        Assert.Equal(EventsMatch, result.Verdict.Result);
        Assert.Equal(WrongEndpoint, result.Verdict.ResultClose);
        Assert.Empty(result.Transcript.Received);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, WasClean: false, LocalCloseCode: 1007, RemoteCloseCode: null }, Describe(result));
        Assert.StartsWith("encountered invalid UTF-8 while processing text message", closing.LocalCloseReason);
    }

    [Fact]
    public async Task NoUtf8Validation_ValidText_Ok()
    {
        var result = await RunAsync("6.5.1", new MutantOptions { NoUtf8Validation = true });

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
    }

    // ---- the fuzzer fails the connection itself ---------------------------------------------------------------

    [Fact]
    public async Task MasksFrames_111_FuzzerFailsWith1002()
    {
        // RFC 6455 §5.1. The server's close reply is masked too: a second violation while CLOSING makes the fuzzer
        // drop TCP before reading the code (autobahn protocol.py failConnection → dropConnection), so it is UNCLEAN.
        var result = await RunAsync("1.1.1", new MutantOptions { MasksFrames = true });

        AssertVerdict(result, Behavior.Failed, Behavior.Unclean);
        Assert.Empty(result.Transcript.Received);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, WasClean: false, LocalCloseCode: 1002, RemoteCloseCode: null }, Describe(result));
        Assert.Equal("masked server-to-client frame", closing.LocalCloseReason);
    }

    [Fact]
    public async Task EchoReservedBits_31_FuzzerFailsWith1002AndClosedByWrongEndpoint()
    {
        var result = await RunAsync("3.1", new MutantOptions { EchoReservedBits = true });

        // The echo never reaches the case (failedByMe), so the events ([]) match; 3.1 has no fatal flag.
        AssertVerdict(result, Behavior.Ok, Behavior.Failed);
        Assert.Equal(WrongEndpoint, result.Verdict.ResultClose);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: true, WasClean: true, LocalCloseCode: 1002, RemoteCloseCode: 1002 }, Describe(result));
        Assert.Equal("RSV = 1 and no extension negotiated", closing.LocalCloseReason);
    }

    // ---- closed by the wrong endpoint ----------------------------------------------------------------------------

    [Fact]
    public async Task IgnoreRsv_31_FailedBecauseKillAfterClosed()
    {
        var result = await RunAsync("3.1", new MutantOptions { IgnoreRsv = true });

        AssertVerdict(result, Behavior.Failed, Behavior.Failed);
        Assert.Equal(EventsDiffer, result.Verdict.Result);
        Assert.Equal(WrongEndpoint, result.Verdict.ResultClose);
        Assert.Equal([CaseEvent.Text("Hello, world!")], result.Transcript.Received);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: true, WasClean: true, LocalCloseCode: 1001, LocalCloseReason: "Going Away", RemoteCloseCode: 1001 }, Describe(result));
        Assert.Contains(result.Transcript.WireLog, e => e.Kind == "KLE");
    }

    // ---- UNCLEAN --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task DropsTcpOnClose_111_UncleanPeerDropped()
    {
        var result = await RunAsync("1.1.1", new MutantOptions { DropsTcpOnClose = true });

        AssertVerdict(result, Behavior.Ok, Behavior.Unclean);
        Assert.Equal(Unclean, result.Verdict.ResultClose);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, DroppedByMe: false, WasClean: false, RemoteCloseCode: null }, Describe(result));
        Assert.Equal(PeerDropped, closing.WasNotCleanReason);
    }

    [Fact]
    public async Task NeverRepliesToClose_22_UncleanCloseHandshakeTimeout()
    {
        // 2.2 has no killAfter (its closeAfter finds the state CLOSING and does nothing): only the close-handshake
        // timeout can end it.
        var result = await RunAsync("2.2", new MutantOptions { NeverRepliesToClose = true });

        AssertVerdict(result, Behavior.Ok, Behavior.Unclean);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, DroppedByMe: true, WasClean: false, WasCloseHandshakeTimeout: true, RemoteCloseCode: null }, Describe(result));
        Assert.Equal("peer did not respond (in time) in closing handshake", closing.WasNotCleanReason);
    }

    [Fact]
    public async Task NeverRepliesToClose_111_UncleanByKillAfterWhileClosing()
    {
        // As in wstest, killAfter(1) was armed before the close and fires first when both are 1 s; here the
        // close-handshake timeout is moved out of the way. killAfter in CLOSING drops TCP without a reason.
        var result = await RunAsync("1.1.1", new MutantOptions { NeverRepliesToClose = true }, Fast with { CloseHandshakeTimeout = TimeSpan.FromSeconds(5) });

        AssertVerdict(result, Behavior.Ok, Behavior.Unclean);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, WasClean: false, WasCloseHandshakeTimeout: false, WasNotCleanReason: null }, Describe(result));
    }

    [Fact]
    public async Task NeverClosesTcp_22_UncleanServerDropTimeout()
    {
        var result = await RunAsync("2.2", new MutantOptions { NeverClosesTcp = true });

        AssertVerdict(result, Behavior.Ok, Behavior.Unclean);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: true, DroppedByMe: true, WasClean: false, WasServerConnectionDropTimeout: true, RemoteCloseCode: 1000 }, Describe(result));
        Assert.Equal("server did not drop TCP connection (in time)", closing.WasNotCleanReason);
    }

    [Fact]
    public async Task NeverClosesTcp_111DropTimeoutFirst_UncleanBecauseWasCleanReset()
    {
        var result = await RunAsync("1.1.1", new MutantOptions { NeverClosesTcp = true }, Fast with { ServerConnectionDropTimeout = TimeSpan.FromMilliseconds(250) });

        AssertVerdict(result, Behavior.Ok, Behavior.Unclean);
        Assert.True(result.Transcript.Closing is { WasServerConnectionDropTimeout: true, WasClean: false, DroppedByMe: true, FailedByMe: false }, Describe(result));
    }

    // ---- FAILED BY CLIENT -------------------------------------------------------------------------------------------

    [Fact]
    public async Task NeverClosesTcp_111KillAfterFirst_FailedByClientBecauseWasCleanKept()
    {
        // wstest's own timing (killAfter armed before the drop timeout): killAfter in CLOSING drops TCP and does not
        // reset wasClean, so the requireClean case gets FAILED BY CLIENT, not UNCLEAN.
        var result = await RunAsync("1.1.1", new MutantOptions { NeverClosesTcp = true }, Fast with { ServerConnectionDropTimeout = TimeSpan.FromSeconds(5) });

        AssertVerdict(result, Behavior.Ok, Behavior.FailedByClient);
        Assert.Equal(FailedByClient, result.Verdict.ResultClose);
        Assert.True(result.Transcript.Closing is { WasServerConnectionDropTimeout: false, WasClean: true, DroppedByMe: true, FailedByMe: true, RemoteCloseCode: 1000 }, Describe(result));
    }

    [Fact]
    public async Task NeverClosesTcp_31_FailedByClientAfterKillAfter()
    {
        // The server failed with 1002 and the fuzzer replied; as a client it waits for the server to drop TCP with no
        // timer of its own, so killAfter ends it (CLOSING: drop).
        var result = await RunAsync("3.1", new MutantOptions { NeverClosesTcp = true });

        AssertVerdict(result, Behavior.Ok, Behavior.FailedByClient);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: false, FailedByMe: true, DroppedByMe: true, WasClean: true, WasServerConnectionDropTimeout: false, WasNotCleanReason: null, RemoteCloseCode: 1002 }, Describe(result));
        Assert.Contains(result.Transcript.WireLog, e => e.Kind == "KLE");
    }

    [Fact]
    public async Task NeverClosesTcp_732_FailedByClientBecauseCleanNotRequired()
    {
        // 7.3.2 (requireClean False): the server-drop timeout resets wasClean, but only FAILED BY CLIENT applies.
        var result = await RunAsync("7.3.2", new MutantOptions { NeverClosesTcp = true }, Fast with { ServerConnectionDropTimeout = TimeSpan.FromMilliseconds(250) });

        AssertVerdict(result, Behavior.Ok, Behavior.FailedByClient);
        Assert.True(result.Transcript.Closing is { WasServerConnectionDropTimeout: true, WasClean: false, DroppedByMe: true, RemoteCloseCode: 1002 }, Describe(result));
    }

    // ---- WRONG CODE ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task InvalidUtf8Closes1002_681_WrongCode()
    {
        var result = await RunAsync("6.8.1", new MutantOptions { InvalidPayloadCloseCode = 1002 });

        AssertVerdict(result, Behavior.Ok, Behavior.WrongCode);
        Assert.Equal("The close code should have been 1007 or empty", result.Verdict.ResultClose);
        Assert.Equal(1002, result.Transcript.Closing.RemoteCloseCode);
    }

    [Fact]
    public async Task ProtocolErrorCloses1000_31_WrongCode()
    {
        var result = await RunAsync("3.1", new MutantOptions { ProtocolErrorCloseCode = 1000 });

        AssertVerdict(result, Behavior.Ok, Behavior.WrongCode);
        Assert.Equal("The close code should have been 1002 or empty", result.Verdict.ResultClose);
    }

    [Fact]
    public async Task FailsWithCodelessClose_681_OkBecauseNoCodeIsNeverWrong()
    {
        var result = await RunAsync("6.8.1", new MutantOptions { InvalidPayloadCloseCode = null });

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, WasClean: true, RemoteCloseCode: null }, Describe(result));
    }

    [Fact]
    public async Task NoCloseCodeValidation_791_WrongCodeAndFailed()
    {
        // The server echoes the invalid code 0; the fuzzer (CLOSING) records it, then drops on the violation.
        var result = await RunAsync("7.9.1", new MutantOptions { NoCloseCodeValidation = true });

        AssertVerdict(result, Behavior.Failed, Behavior.WrongCode);
        Assert.Equal("The close code should have been 1002 or empty", result.Verdict.Result);
        Assert.Equal(result.Verdict.ResultClose, result.Verdict.Result);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, LocalCloseCode: 0, RemoteCloseCode: 0 }, Describe(result));
    }

    [Fact]
    public async Task EchoesInvalidCloseReason_751_WrongCodeAndFailed()
    {
        var result = await RunAsync("7.5.1", new MutantOptions { NoUtf8Validation = true, EchoCloseReason = true });

        AssertVerdict(result, Behavior.Failed, Behavior.WrongCode);
        Assert.Equal("The close code should have been 1002,1007 or empty", result.Verdict.Result);
        Assert.True(result.Transcript.Closing is { FailedByMe: true, DroppedByMe: true, RemoteCloseCode: 1000, RemoteCloseReason: null }, Describe(result));
    }

    [Fact]
    public async Task EchoCloseReason_734_OkWithReason()
    {
        var result = await RunAsync("7.3.4", new MutantOptions { EchoCloseReason = true });

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        Assert.Equal("Hello World!", result.Transcript.Closing.RemoteCloseReason);
    }

    [Fact]
    public async Task NeverClosesTcp_641_CaseBudgetEndsWhatWstestWouldWaitForEver()
    {
        // semantics.md §14.12: the server fails after part 2 and keeps TCP open; no timer of wstest's is left (B finds
        // the state CLOSING), so wstest would wait for ever. The engine's case budget drops the connection instead.
        var result = await RunAsync("6.4.1", new MutantOptions { NeverClosesTcp = true }, new FuzzingOptions { TimeScale = 0.1 });

        AssertVerdict(result, Behavior.Ok, Behavior.FailedByClient);
        Assert.True(result.Transcript.Closing is { ClosedByMe: false, DroppedByMe: true, WasClean: false, RemoteCloseCode: 1007 }, Describe(result));
        Assert.Contains("did not end within", result.Transcript.Closing.WasNotCleanReason);
    }

    // ---- failing by dropping TCP ----------------------------------------------------------------------------------

    [Fact]
    public async Task DropsTcpOnError_31_OkBecauseCleanNotRequired()
    {
        var result = await RunAsync("3.1", new MutantOptions { DropsTcpOnError = true });

        AssertVerdict(result, Behavior.Ok, Behavior.Ok);
        var closing = result.Transcript.Closing;
        Assert.True(closing is { ClosedByMe: false, DroppedByMe: false, WasClean: false, RemoteCloseCode: null }, Describe(result));
        Assert.Equal(PeerDropped, closing.WasNotCleanReason);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static async Task<CaseResult> RunAsync(string caseId, MutantOptions? mutant = null, FuzzingOptions? options = null)
    {
        await using var server = MutantServer.Start(mutant);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await Fuzzer.RunCaseAsync(caseId, server.Url, options ?? Fast, guard.Token);
    }

    private static void AssertVerdict(CaseResult result, Behavior behavior, Behavior behaviorClose) =>
        Assert.True(result.Behavior == behavior && result.BehaviorClose == behaviorClose, $"expected {behavior}/{behaviorClose}\n{Describe(result)}");

    private static string Describe(CaseResult result)
    {
        var t = result.Transcript;
        var log = string.Join("\n", t.WireLog.TakeLast(12).Select(e => $"  {e.AtMilliseconds,8:0.0} {e.Kind} {string.Join(", ", e.Values.Select(v => v is object?[] a ? $"[{string.Join(", ", a)}]" : v?.ToString() ?? "null"))}"));
        return $"""
            case {result.Id}: {result.Behavior}/{result.BehaviorClose} — {result.Verdict.Result} / {result.Verdict.ResultClose}
            received: [{string.Join(", ", t.Received)}]
            closing: {t.Closing}
            duration: {t.DurationMilliseconds} ms; failure: {t.ConnectionFailure}
            wire log tail:
            {log}
            """;
    }
}
