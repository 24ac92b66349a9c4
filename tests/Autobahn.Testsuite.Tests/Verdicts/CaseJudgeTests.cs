using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite.Tests.Verdicts;

/// <summary>
/// <see cref="CaseJudge"/> rule by rule, in the order of wstest's <c>case/case.py</c> <c>Case.onConnectionLost</c>
/// (events → wrong endpoint → UNCLEAN → WRONG CODE → FAILED BY CLIENT → OK → closedByWrongEndpointIsFatal), then the
/// per-case overrides (<c>case7_*.py</c>, <c>case7_1_6.py</c>, <c>case7_13_*.py</c>, <c>case10_1_1.py</c>), on real
/// catalog definitions and hand-built transcripts.
/// </summary>
public class CaseJudgeTests
{
    private const string EventsMatch = "Actual events match at least one expected.";
    private const string EventsDiffer = "Actual events differ from any expected.";
    private const string WrongEndpoint = "The connection was failed by the wrong endpoint";
    private const string Unclean = "The spec requires the connection to be failed cleanly here";
    private const string FailedByClient = "It is preferred that the server close the TCP connection";
    private const string ProperlyClosed = "Connection was properly closed";
    private const string NeverOpen = "The WebSocket opening handshake was never completed!";

    /// <summary>The fuzzer closed with 1000, the server answered 1000 and dropped TCP.</summary>
    private static readonly ClosingBehavior FuzzerClosedCleanly = new()
    {
        ClosedByMe = true,
        WasClean = true,
        LocalCloseCode = 1000,
        RemoteCloseCode = 1000,
    };

    // ---- the base constants are wstest's texts -------------------------------------------------------

    [Fact]
    public void ResultTexts_Constants_MatchCasePy()
    {
        Assert.Equal(EventsMatch, CaseJudge.ResultEventsMatch);
        Assert.Equal(EventsDiffer, CaseJudge.ResultEventsDiffer);
        Assert.Equal("TCP connection was dropped without close handshake", CaseJudge.ResultCloseDropped);
        Assert.Equal(WrongEndpoint, CaseJudge.ResultCloseWrongEndpoint);
        Assert.Equal(Unclean, CaseJudge.ResultCloseUnclean);
        Assert.Equal(FailedByClient, CaseJudge.ResultCloseFailedByClient);
        Assert.Equal(ProperlyClosed, CaseJudge.ResultCloseOk);
        Assert.Equal(NeverOpen, CaseJudge.ResultCloseNeverOpen);
    }

    // ---- rule 1: events against the expected outcomes --------------------------------------------------

    [Fact]
    public void Judge_ReceivedEqualsOkOutcome_BehaviorOk()
    {
        var verdict = Judge("1.1.1", FuzzerClosedCleanly, CaseEvent.Text(""));

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Ok, EventsMatch, ProperlyClosed), verdict);
    }

    [Fact]
    public void Judge_ReceivedEqualsNonStrictOutcome_BehaviorNonStrict()
    {
        // 3.2: the server failed on the RSV frame before it echoed the valid one.
        var verdict = Judge("3.2", ServerFailed(1002));

        Assert.Equal(Behavior.NonStrict, verdict.Behavior);
        Assert.Equal(EventsMatch, verdict.Result);
    }

    [Fact]
    public void Judge_ReceivedEqualsOkOfTwoOutcomes_BehaviorOk()
    {
        var verdict = Judge("3.2", ServerFailed(1002), CaseEvent.Text("Hello, world!"));

        Assert.Equal(Behavior.Ok, verdict.Behavior);
    }

    [Fact]
    public void Judge_FailFastTimeoutEvents_OkOrNonStrict()
    {
        // case6_4_1.py: OK = failed after part 2 (only timer A fired), NON-STRICT = only after part 3.
        Assert.Equal(Behavior.Ok, Judge("6.4.1", ServerFailed(1007), CaseEvent.Timeout("A")).Behavior);
        Assert.Equal(Behavior.NonStrict, Judge("6.4.1", ServerFailed(1007), CaseEvent.Timeout("A"), CaseEvent.Timeout("B")).Behavior);
        Assert.Equal(Behavior.Failed, Judge("6.4.1", ServerFailed(1007)).Behavior);
    }

    [Fact]
    public void Judge_ReceivedMatchesNoOutcome_BehaviorFailed()
    {
        var verdict = Judge("1.1.1", FuzzerClosedCleanly);

        Assert.Equal(Verdict(Behavior.Failed, Behavior.Ok, EventsDiffer, ProperlyClosed), verdict);
    }

    [Fact]
    public void Judge_ExtraEvent_BehaviorFailed()
    {
        // Case.compare is equality of the whole list, not a subset test: a second pong fails 2.2.
        var pong = CaseEvent.Pong(Encoding.ASCII.GetBytes("Hello, world!"));

        Assert.Equal(Behavior.Ok, Judge("2.2", FuzzerClosedCleanly, pong).Behavior);
        Assert.Equal(Behavior.Failed, Judge("2.2", FuzzerClosedCleanly, pong, pong).Behavior);
    }

    [Fact]
    public void Judge_EventsInAnotherOrder_BehaviorFailed()
    {
        var pong = CaseEvent.Pong(Encoding.ASCII.GetBytes("ping payload"));
        var message = CaseEvent.Text("fragment1fragment2");

        Assert.Equal(Behavior.Ok, Judge("5.6", FuzzerClosedCleanly, pong, message).Behavior);
        Assert.Equal(Behavior.Failed, Judge("5.6", FuzzerClosedCleanly, message, pong).Behavior);
    }

    [Fact]
    public void Judge_SamePayloadWrongMessageType_BehaviorFailed()
    {
        var verdict = Judge("1.1.2", FuzzerClosedCleanly, CaseEvent.Message(Encoding.ASCII.GetBytes(new string('*', 125)), isBinary: true));

        Assert.Equal(Behavior.Failed, verdict.Behavior);
    }

    [Fact]
    public void Judge_PayloadDiffersInOneOctet_BehaviorFailed()
    {
        var payload = Encoding.ASCII.GetBytes(new string('*', 125));
        payload[^1] = (byte)'+';

        Assert.Equal(Behavior.Failed, Judge("1.1.2", FuzzerClosedCleanly, CaseEvent.Message(payload, isBinary: false)).Behavior);
    }

    [Fact]
    public void Judge_EmptyExpectedList_KeepsTheCaseOwnBehavior()
    {
        // Section 9 cases have expected == {} and set behavior/result themselves (case9_1_1.py onMessage).
        var ok = Judge(Transcript("9.1.1", FuzzerClosedCleanly) with { CaseBehavior = Behavior.Ok, CaseResult = "Received text message of length 65536." });
        var failed = Judge(Transcript("9.1.1", FuzzerClosedCleanly) with { CaseBehavior = Behavior.Failed, CaseResult = "Did not receive message within 10 seconds." });

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Ok, "Received text message of length 65536.", ProperlyClosed), ok);
        Assert.Equal(Verdict(Behavior.Failed, Behavior.Ok, "Did not receive message within 10 seconds.", ProperlyClosed), failed);
    }

    [Fact]
    public void Judge_CaseSetUnimplemented_KeptWhileTheCloseIsStillJudged()
    {
        // case12_x_x.py: a declined permessage-deflate sets UNIMPLEMENTED and closes; the closing rules still run.
        // (Sections 12/13 are not in the catalog yet, so a self-judging section 9 definition carries the value.)
        // case12_x_x.py sets no result text then, so case.py's initial one stays.
        var transcript = Transcript("9.1.1", FuzzerClosedCleanly with { WasClean = false }) with { CaseBehavior = Behavior.Unimplemented };

        Assert.Equal(Verdict(Behavior.Unimplemented, Behavior.Unclean, EventsDiffer, Unclean), Judge(transcript));
    }

    // ---- rule 2a: closed by the wrong endpoint ----------------------------------------------------------

    [Fact]
    public void Judge_FuzzerClosedWhereServerShould_CloseFailedWrongEndpoint()
    {
        // 3.1: the server ignored the RSV bit, killAfter made the fuzzer close.
        var closing = new ClosingBehavior { ClosedByMe = true, FailedByMe = true, WasClean = true, LocalCloseCode = 1001, RemoteCloseCode = 1001 };

        var verdict = Judge("3.1", closing);

        // 3.1 has no closedByWrongEndpointIsFatal: the (empty) events still match.
        Assert.Equal(Verdict(Behavior.Ok, Behavior.Failed, EventsMatch, WrongEndpoint), verdict);
    }

    [Fact]
    public void Judge_ServerClosedWhereFuzzerShould_CloseFailedWrongEndpoint()
    {
        var verdict = Judge("1.1.1", ServerFailed(1000), CaseEvent.Text(""));

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Failed, EventsMatch, WrongEndpoint), verdict);
    }

    [Fact]
    public void Judge_WrongEndpoint_WinsOverEveryLaterRule()
    {
        var closing = new ClosingBehavior { ClosedByMe = false, WasClean = false, DroppedByMe = true, RemoteCloseCode = 1002 };

        var verdict = Judge("1.1.1", closing, CaseEvent.Text(""));

        Assert.Equal(Behavior.Failed, verdict.BehaviorClose);
        Assert.Equal(WrongEndpoint, verdict.ResultClose);
    }

    // ---- rule 2b: UNCLEAN ----------------------------------------------------------------------------

    [Fact]
    public void Judge_RequireCleanButNotClean_Unclean()
    {
        var closing = FuzzerClosedCleanly with { WasClean = false, RemoteCloseCode = null, WasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake" };

        var verdict = Judge("1.1.1", closing, CaseEvent.Text(""));

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Unclean, EventsMatch, Unclean), verdict);
    }

    [Fact]
    public void Judge_Unclean_WinsOverWrongCodeAndFailedByClient()
    {
        // serverConnectionDropTimeout: the server answered (with a wrong code) but kept TCP open.
        var closing = FuzzerClosedCleanly with { WasClean = false, DroppedByMe = true, WasServerConnectionDropTimeout = true, RemoteCloseCode = 1002 };

        Assert.Equal(Behavior.Unclean, Judge("1.1.1", closing, CaseEvent.Text("")).BehaviorClose);
    }

    [Fact]
    public void Judge_NotCleanWhereCleanIsNotRequired_NotUnclean()
    {
        // 3.1: the server may fail by dropping TCP (requireClean False).
        var closing = new ClosingBehavior { ClosedByMe = false, WasClean = false, WasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake" };

        Assert.Equal(Behavior.Ok, Judge("3.1", closing).BehaviorClose);
    }

    // ---- rule 2c: WRONG CODE --------------------------------------------------------------------------

    [Fact]
    public void Judge_CloseCodeNotExpected_WrongCode()
    {
        var verdict = Judge("3.1", ServerFailed(1000));

        Assert.Equal(Verdict(Behavior.Ok, Behavior.WrongCode, EventsMatch, "The close code should have been 1002 or empty"), verdict);
    }

    [Fact]
    public void Judge_WrongCodeText_JoinsEveryExpectedCodeWithComma()
    {
        var closing = FuzzerClosedCleanly with { WasClean = false, RemoteCloseCode = 1000 };

        var verdict = Judge("7.5.1", closing);

        Assert.Equal("The close code should have been 1002,1007 or empty", verdict.ResultClose);
    }

    [Fact]
    public void Judge_WrongCode_WinsOverFailedByClient()
    {
        Assert.Equal(Behavior.WrongCode, Judge("3.1", ServerFailed(1000) with { DroppedByMe = true }).BehaviorClose);
    }

    [Theory]
    [InlineData(false, Behavior.Ok)]
    [InlineData(true, Behavior.FailedByClient)]
    public void Judge_NoCloseCode_NeverWrongCode(bool droppedByMe, Behavior expected)
    {
        // A close frame without a code, or no close frame at all: remoteCloseCode is None and is never a wrong code.
        var verdict = Judge("6.3.1", ServerFailed(null) with { DroppedByMe = droppedByMe });

        Assert.Equal(expected, verdict.BehaviorClose);
        Assert.Equal(Behavior.Ok, verdict.Behavior);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1003)]
    public void Judge_AnyOfTheExpectedCodes_CloseOk(int code)
    {
        // 7.7.4 (close 1003): the server may answer 1000 or echo 1003.
        var closing = FuzzerClosedCleanly with { LocalCloseCode = 1003, RemoteCloseCode = code };

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Ok, EventsMatch, ProperlyClosed), Judge("7.7.4", closing));
    }

    // ---- rule 2d: FAILED BY CLIENT ----------------------------------------------------------------------

    [Fact]
    public void Judge_FuzzerDroppedTcp_FailedByClient()
    {
        // 3.1 against a server that failed with 1002 but never closed TCP: killAfter in CLOSING drops, wasClean stays True.
        var closing = ServerFailed(1002) with { FailedByMe = true, DroppedByMe = true };

        var verdict = Judge("3.1", closing);

        Assert.Equal(Verdict(Behavior.Ok, Behavior.FailedByClient, EventsMatch, FailedByClient), verdict);
    }

    // ---- rule 2e: OK ----------------------------------------------------------------------------------

    [Fact]
    public void Judge_ServerFailedAsExpected_CloseOk()
    {
        Assert.Equal(Verdict(Behavior.Ok, Behavior.Ok, EventsMatch, ProperlyClosed), Judge("3.1", ServerFailed(1002)));
    }

    // ---- rule 2f: closedByWrongEndpointIsFatal (UTF-8 cases) ----------------------------------------------

    [Fact]
    public void Judge_Utf8CaseClosedByWrongEndpoint_BehaviorFailed()
    {
        // 6.3.1: the server never noticed the invalid UTF-8; killAfter closed. The events ([]) match, yet behavior is FAILED.
        var closing = new ClosingBehavior { ClosedByMe = true, FailedByMe = true, WasClean = true, LocalCloseCode = 1001, RemoteCloseCode = 1001 };

        var verdict = Judge("6.3.1", closing);

        // case.py sets only behavior; result keeps the text of the event match.
        Assert.Equal(Verdict(Behavior.Failed, Behavior.Failed, EventsMatch, WrongEndpoint), verdict);
    }

    [Fact]
    public void Judge_FailFastNonStrictClosedByWrongEndpoint_BehaviorFailed()
    {
        var closing = new ClosingBehavior { ClosedByMe = true, FailedByMe = true, WasClean = true, LocalCloseCode = 1001, RemoteCloseCode = 1001 };

        var verdict = Judge("6.4.1", closing, CaseEvent.Timeout("A"), CaseEvent.Timeout("B"));

        Assert.Equal(Behavior.Failed, verdict.Behavior);
    }

    [Fact]
    public void Judge_Utf8CaseClosedByRightEndpoint_BehaviorKept()
    {
        Assert.Equal(Verdict(Behavior.Ok, Behavior.Ok, EventsMatch, ProperlyClosed), Judge("6.8.1", ServerFailed(1007)));
    }

    [Fact]
    public void Judge_Utf8CaseWrongCode_BehaviorKept()
    {
        // Only the endpoint is fatal; 1002 instead of 1007 is WRONG CODE with an OK behavior.
        var verdict = Judge("6.8.1", ServerFailed(1002));

        Assert.Equal(Verdict(Behavior.Ok, Behavior.WrongCode, EventsMatch, "The close code should have been 1007 or empty"), verdict);
    }

    // ---- rule 3: the connection never opened ------------------------------------------------------------

    [Fact]
    public void Judge_NeverOpen_CloseFailedHandshakeNeverCompleted()
    {
        var closing = new ClosingBehavior { DroppedByMe = true, WasNotCleanReason = "WebSocket connection upgrade failed (404 - NotFound)" };

        var verdict = Judge(Transcript("1.1.1", closing, open: false));

        Assert.Equal(Verdict(Behavior.Failed, Behavior.Failed, EventsDiffer, NeverOpen), verdict);
    }

    [Fact]
    public void Judge_NeverOpen_IgnoresClosingFields()
    {
        // Whatever the flags say, the closing rules run only for a connection that was open.
        var verdict = Judge(Transcript("3.1", ServerFailed(1000) with { DroppedByMe = true }, open: false));

        Assert.Equal(Behavior.Failed, verdict.BehaviorClose);
        Assert.Equal(NeverOpen, verdict.ResultClose);
    }

    [Fact]
    public void Judge_NeverOpenCaseWithEmptyOkOutcome_BehaviorFailed()
    {
        var verdict = Judge(Transcript("3.1", new ClosingBehavior { DroppedByMe = true }, open: false));

        Assert.Equal(Verdict(Behavior.Failed, Behavior.Failed, EventsDiffer, NeverOpen), verdict);
    }

    // ---- 7.x: WRONG CODE makes the case FAILED --------------------------------------------------------------

    [Fact]
    public void Judge_SectionSevenWrongCode_BehaviorFailedWithTheCloseText()
    {
        // 7.9.1 against a server that echoes the invalid code 0: the fuzzer drops (protocol violation while CLOSING).
        var closing = new ClosingBehavior { ClosedByMe = true, FailedByMe = true, DroppedByMe = true, LocalCloseCode = 0, RemoteCloseCode = 0 };

        var verdict = Judge("7.9.1", closing);

        const string text = "The close code should have been 1002 or empty";
        Assert.Equal(Verdict(Behavior.Failed, Behavior.WrongCode, text, text), verdict);
    }

    [Fact]
    public void Judge_SevenOneOneMatchingEventsButWrongCode_BehaviorFailed()
    {
        var verdict = Judge("7.1.1", FuzzerClosedCleanly with { RemoteCloseCode = 1001 }, CaseEvent.Text("Hello World!"));

        Assert.Equal(Behavior.Failed, verdict.Behavior);
        Assert.Equal("The close code should have been 1000 or empty", verdict.Result);
    }

    [Fact]
    public void Judge_SectionSevenOtherBadClose_BehaviorUnchanged()
    {
        // The override looks at WRONG CODE only: an UNCLEAN 7.7.1 keeps its OK behavior.
        var verdict = Judge("7.7.1", FuzzerClosedCleanly with { WasClean = false, RemoteCloseCode = null });

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Unclean, EventsMatch, Unclean), verdict);
    }

    [Fact]
    public void Judge_WrongCodeOutsideSectionSeven_BehaviorUnchanged()
    {
        Assert.Equal(Behavior.Ok, Judge("4.1.1", ServerFailed(1000)).Behavior);
    }

    [Fact]
    public void Judge_SectionSevenNeverOpen_NoWrongCodeOverride()
    {
        var verdict = Judge(Transcript("7.1.1", new ClosingBehavior { DroppedByMe = true, RemoteCloseCode = 1001 }, open: false));

        Assert.Equal(Verdict(Behavior.Failed, Behavior.Failed, EventsDiffer, NeverOpen), verdict);
    }

    // ---- 7.1.6: INFORMATIONAL with a text per outcome -----------------------------------------------------

    [Fact]
    public void Judge_716OkOutcome_InformationalProcessedBeforeClose()
    {
        var verdict = Judge("7.1.6", FuzzerClosedCleanly, CaseEvent.Text("Hello World!"));

        Assert.Equal(Verdict(Behavior.Informational, Behavior.Informational, "Text message was processed before close.", ProperlyClosed), verdict);
    }

    [Fact]
    public void Judge_716NonStrictOutcome_InformationalCloseProcessedFirst()
    {
        var verdict = Judge("7.1.6", FuzzerClosedCleanly);

        Assert.Equal(Verdict(Behavior.Informational, Behavior.Informational, "Close was processed before text message could be returned.", ProperlyClosed), verdict);
    }

    [Fact]
    public void Judge_716NoOutcome_InformationalKeepsTheDifferText()
    {
        // What echo servers really produce: the 256 KiB echo and then "Hello World!" (OK lists only the latter).
        var big = CaseEvent.Message(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("BAsd7&jh23", 26214)) + "BAsd"), isBinary: false);

        var verdict = Judge("7.1.6", FuzzerClosedCleanly, big, CaseEvent.Text("Hello World!"));

        Assert.Equal(Verdict(Behavior.Informational, Behavior.Informational, EventsDiffer, ProperlyClosed), verdict);
    }

    [Fact]
    public void Judge_716BadClose_InformationalButResultCloseKept()
    {
        // case7_1_6.py forces behaviorClose only; resultClose stays what case.py computed.
        var verdict = Judge("7.1.6", FuzzerClosedCleanly with { WasClean = false }, CaseEvent.Text("Hello World!"));

        Assert.Equal(Behavior.Informational, verdict.BehaviorClose);
        Assert.Equal(Unclean, verdict.ResultClose);
    }

    [Fact]
    public void Judge_716NeverOpen_InformationalWithDifferText()
    {
        var verdict = Judge(Transcript("7.1.6", new ClosingBehavior { DroppedByMe = true }, open: false));

        Assert.Equal(Verdict(Behavior.Informational, Behavior.Informational, EventsDiffer, NeverOpen), verdict);
    }

    // ---- 7.13.x: INFORMATIONAL, events undefined -------------------------------------------------------------

    [Theory]
    [InlineData("7.13.1", true, 1000)]
    [InlineData("7.13.1", true, 1002)]
    [InlineData("7.13.1", false, 5000)]
    [InlineData("7.13.2", true, 65535)]
    [InlineData("7.13.2", false, 1000)]
    public void Judge_713AnyClosing_InformationalUndefined(string id, bool closedByMe, int remoteCode)
    {
        var closing = new ClosingBehavior { ClosedByMe = closedByMe, WasClean = true, RemoteCloseCode = remoteCode };

        var verdict = Judge(id, closing, CaseEvent.Text("anything"));

        Assert.Equal(Behavior.Informational, verdict.Behavior);
        Assert.Equal(Behavior.Informational, verdict.BehaviorClose);
        Assert.Equal("Actual events are undefined by the spec.", verdict.Result);
    }

    [Fact]
    public void Judge_713NeverOpen_StillInformational()
    {
        var verdict = Judge(Transcript("7.13.1", new ClosingBehavior { DroppedByMe = true }, open: false));

        Assert.Equal(Verdict(Behavior.Informational, Behavior.Informational, "Actual events are undefined by the spec.", NeverOpen), verdict);
    }

    // ---- 10.1.1: the fuzzer's own transmitted frame counts -----------------------------------------------------

    [Fact]
    public void Judge_1011FrameCountsAsExpected_Ok()
    {
        var transcript = Transcript("10.1.1", FuzzerClosedCleanly, received: [CaseEvent.Text(new string('*', 65536))]) with
        {
            TxFrameStats = new Dictionary<int, int> { [0] = 50, [1] = 1, [8] = 1 },
        };

        Assert.Equal(Verdict(Behavior.Ok, Behavior.Ok, EventsMatch, ProperlyClosed), Judge(transcript));
    }

    [Fact]
    public void Judge_1011FrameCountsDiffer_FailedWithBothCounts()
    {
        var transcript = Transcript("10.1.1", FuzzerClosedCleanly, received: [CaseEvent.Text(new string('*', 65536))]) with
        {
            TxFrameStats = new Dictionary<int, int> { [0] = 51, [1] = 1, [8] = 1 },
        };

        var verdict = Judge(transcript);

        Assert.Equal(Behavior.Failed, verdict.Behavior);
        Assert.Equal("Frames transmitted {0: 51, 1: 1} does not match what we expected {0: 50, 1: 1}.", verdict.Result);
        Assert.Equal(Behavior.Ok, verdict.BehaviorClose);
    }

    [Fact]
    public void Judge_1011RightCountsWrongEvents_FailedByEvents()
    {
        var transcript = Transcript("10.1.1", FuzzerClosedCleanly) with { TxFrameStats = new Dictionary<int, int> { [0] = 50, [1] = 1 } };

        var verdict = Judge(transcript);

        Assert.Equal(Behavior.Failed, verdict.Behavior);
        Assert.Equal(EventsDiffer, verdict.Result);
    }

    [Fact]
    public void Judge_1011NeverOpen_FailedNeverOpenText()
    {
        var verdict = Judge(Transcript("10.1.1", new ClosingBehavior { DroppedByMe = true }, open: false));

        Assert.Equal(Verdict(Behavior.Failed, Behavior.Failed, "WebSocket connection was never open", NeverOpen), verdict);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>The server failed the connection with a close frame carrying <paramref name="code"/>; the fuzzer replied 1000.</summary>
    private static ClosingBehavior ServerFailed(int? code) => new()
    {
        ClosedByMe = false,
        WasClean = true,
        LocalCloseCode = 1000,
        RemoteCloseCode = code,
    };

    private static CaseVerdict Verdict(Behavior behavior, Behavior behaviorClose, string result, string resultClose) => new()
    {
        Behavior = behavior,
        BehaviorClose = behaviorClose,
        Result = result,
        ResultClose = resultClose,
    };

    private static CaseVerdict Judge(string id, ClosingBehavior closing, params CaseEvent[] received) =>
        Judge(Transcript(id, closing, received: received));

    private static CaseVerdict Judge(CaseTranscript transcript) =>
        CaseJudge.Judge(CaseCatalog.Get(transcript.CaseId), transcript);

    private static CaseTranscript Transcript(string id, ClosingBehavior closing, bool open = true, CaseEvent[]? received = null) => new()
    {
        CaseId = CaseId.Parse(id),
        Received = received ?? [],
        ConnectionWasOpen = open,
        Closing = closing,
    };
}
