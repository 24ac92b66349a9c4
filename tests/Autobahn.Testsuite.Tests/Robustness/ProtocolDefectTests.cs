using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Echo servers that break one framing rule (<see cref="MutantServer"/>), judged as wstest judges them: the fuzzer's
/// checks on every server frame are autobahn-python 0.10.9 <c>protocol.py</c> <c>processDataHybi</c> (semantics.md §5),
/// the verdict is autobahn-testsuite 0.8.2 <c>case/case.py</c> <c>onConnectionLost</c> (§8). wstest's own timers: every
/// case here ends in milliseconds, long before killAfter or closeAfter.
/// </summary>
public class ProtocolDefectTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AnswersPingsTwice_22_FailedWithTwoPongs()
    {
        // case2_2.py expects exactly [pong("Hello, world!")]. The first pong completes it and finishWhenDone closes (1000);
        // the second pong arrives in CLOSING and is still recorded (fuzzing.py onPong → case.py onPong has no state
        // check), so the events differ: FAILED. The close itself is clean: OK.
        await using var server = MutantServer.Start(new MutantOptions { AnswerPingsTwice = true });

        var (result, elapsed) = await Hostile.RunAsync("2.2", server.Url, FuzzingOptions.Default, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Ok, Hostile.EventsDiffer, Hostile.ProperlyClosed);
        var pong = CaseEvent.Pong(Encoding.ASCII.GetBytes("Hello, world!"));
        Assert.Equal([pong, pong], result.Transcript.Received);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, LocalCloseCode: 1000, RemoteCloseCode: 1000, WasClean: true }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, Bound, result);
    }

    [Fact]
    public async Task EchoesReservedBits_31_OkButClosedByTheFuzzer()
    {
        // case3_1.py sends "Hello, world!" with RSV=1 and expects the server to fail ([] and closedByMe False). This server
        // echoes it with RSV=1; autobahn's "RSV = 1 and no extension negotiated" → failConnection(1002): the fuzzer closed
        // (closedByMe True → "wrong endpoint", FAILED) and, having failed, never delivers the echo ([] matches: OK).
        await using var server = MutantServer.Start(new MutantOptions { EchoReservedBits = true });

        var (result, elapsed) = await Hostile.RunAsync("3.1", server.Url, FuzzingOptions.Default, output);

        Hostile.AssertVerdict(result, Behavior.Ok, Behavior.Failed, Hostile.EventsMatch, Hostile.WrongEndpoint);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, FailedByMe: true, LocalCloseCode: 1002, LocalCloseReason: "RSV = 1 and no extension negotiated", RemoteCloseCode: 1002 }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, Bound, result);
    }

    [Fact]
    public async Task MasksFrames_111_FailedAndUnclean()
    {
        // RFC 6455 §5.1, autobahn "masked server-to-client frame" (acceptMaskedServerFrames False) → failConnection(1002).
        // The server's close reply is masked too: a second violation in CLOSING drops TCP before its code is read, so
        // wasClean stays False: UNCLEAN; the echo was not delivered: FAILED.
        await using var server = MutantServer.Start(new MutantOptions { MasksFrames = true });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, FuzzingOptions.Default, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Unclean, Hostile.EventsDiffer, Hostile.Unclean);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: true, WasClean: false, LocalCloseCode: 1002, LocalCloseReason: "masked server-to-client frame", RemoteCloseCode: null }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, Bound, result);
    }

    [Theory]
    [InlineData("1.1.1", 8)] // an empty echo in the 64-bit form
    [InlineData("1.1.2", 2)] // 125 octets in the 16-bit form
    [InlineData("1.1.3", 8)] // 126 octets in the 64-bit form
    public async Task NonMinimalLengthEncoding_FailedWithWrongCode(string caseId, int lengthOctets)
    {
        // autobahn "invalid data frame length (not using minimal length encoding)" → failConnection(1002); the echo is
        // not delivered: FAILED. This server answers the fuzzer's close with its code, 1002, and drops TCP: clean, but
        // 1002 is not in the case's [1000]: WRONG CODE.
        await using var server = MutantServer.Start(new MutantOptions { DataFrameLengthOctets = lengthOctets });

        var (result, elapsed) = await Hostile.RunAsync(caseId, server.Url, FuzzingOptions.Default, output);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.WrongCode, Hostile.EventsDiffer, "The close code should have been 1000 or empty");
        Assert.Empty(result.Transcript.Received);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, FailedByMe: true, DroppedByMe: false, WasClean: true, LocalCloseCode: 1002, LocalCloseReason: "invalid data frame length (not using minimal length encoding)", RemoteCloseCode: 1002 }, Hostile.Describe(result));
        Hostile.AssertWithin(elapsed, Bound, result);
    }
}
