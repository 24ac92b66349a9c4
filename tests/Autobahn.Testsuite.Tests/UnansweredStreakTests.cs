using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite.Tests;

public class UnansweredStreakTests
{
    private static readonly Uri Server = new("ws://127.0.0.1:9001/");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Silence_OpeningHandshakeTimeout_NamesTheScaledTimeout()
    {
        Assert.Equal("did not answer the opening handshake within 5 s", UnansweredStreak.Silence(HandshakeTimeout("1.1.1"), FuzzingOptions.Default));
        Assert.Equal("did not answer the opening handshake within 15 s", UnansweredStreak.Silence(HandshakeTimeout("1.1.1"), new FuzzingOptions { TimeScale = 3 }));
    }

    [Fact]
    public void Silence_OpenedThenNoFrameUntilATimeoutOfOurs_IsSilence()
    {
        var closeTimeout = Opened("1.1.1", new ClosingBehavior { WasCloseHandshakeTimeout = true, DroppedByMe = true });
        var budget = Opened("1.1.1", new ClosingBehavior { DroppedByMe = true }, budgetExceeded: true);

        Assert.Equal("answered the opening handshake, then sent nothing", UnansweredStreak.Silence(closeTimeout, FuzzingOptions.Default));
        Assert.Equal("answered the opening handshake, then sent nothing", UnansweredStreak.Silence(budget, FuzzingOptions.Default));
    }

    [Fact]
    public void Silence_AFrameCame_OrThePeerDropped_OrTheConnectFailed_IsNotSilence()
    {
        var answeredThenHung = Opened("1.1.1", new ClosingBehavior { WasCloseHandshakeTimeout = true }, rxFrames: 1);
        var partOfAFrame = Opened("9.1.6", new ClosingBehavior { WasCloseHandshakeTimeout = true }) with
        {
            Transcript = Opened("9.1.6", new ClosingBehavior { WasCloseHandshakeTimeout = true }).Transcript with
            {
                HttpResponse = "HTTP/1.1 101 Switching Protocols\r\n\r\n",
                RxOctetStats = new Dictionary<int, int> { [36] = 1, [65536] = 3 }, // the head, then 192 KiB of a 16 MiB echo
            },
        };
        var peerDropped = Opened("1.1.1", new ClosingBehavior { WasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake" });
        var refused = Result("1.1.1", new CaseTranscript
        {
            CaseId = CaseId.Parse("1.1.1"), Received = [], ConnectionWasOpen = false, ConnectFailed = true,
            Closing = new ClosingBehavior { WasOpenHandshakeTimeout = false },
        });

        Assert.Null(UnansweredStreak.Silence(answeredThenHung, FuzzingOptions.Default));
        Assert.Null(UnansweredStreak.Silence(partOfAFrame, FuzzingOptions.Default));
        Assert.Null(UnansweredStreak.Silence(peerDropped, FuzzingOptions.Default));
        Assert.Null(UnansweredStreak.Silence(refused, FuzzingOptions.Default));
    }

    [Fact]
    public void After_TwoUnansweredInARow_SkipsUntilRetryAfter()
    {
        var one = UnansweredStreak.None.After(HandshakeTimeout("1.1.1"), FuzzingOptions.Default, T0);
        var two = one.After(HandshakeTimeout("1.1.2"), FuzzingOptions.Default, T0.AddSeconds(5));

        Assert.False(one.Skips(T0));
        Assert.True(two.Skips(T0.AddSeconds(5)));
        Assert.True(two.Skips(T0.AddSeconds(5) + UnansweredStreak.RetryAfter - TimeSpan.FromTicks(1)));
        Assert.False(two.Skips(T0.AddSeconds(5) + UnansweredStreak.RetryAfter));
        Assert.Equal(["1.1.1", "1.1.2"], two.CaseIds);
        Assert.Equal(
            "ws://127.0.0.1:9001/ did not answer the opening handshake within 5 s in cases 1.1.1 and 1.1.2; not retried",
            two.NotRetried(Server));
    }

    [Fact]
    public void After_AnAnsweredCase_ClearsTheStreak()
    {
        var two = UnansweredStreak.None.After(HandshakeTimeout("1.1.1"), FuzzingOptions.Default, T0).After(HandshakeTimeout("1.1.2"), FuzzingOptions.Default, T0);

        var cleared = two.After(Opened("1.1.3", new ClosingBehavior { WasClean = true }, rxFrames: 2), FuzzingOptions.Default, T0);

        Assert.Same(UnansweredStreak.None, cleared);
        Assert.False(cleared.Skips(T0));
    }

    [Fact]
    public void After_AnAnsweredCaseBetween_NoTwoInARow()
    {
        var streak = UnansweredStreak.None
            .After(HandshakeTimeout("1.1.1"), FuzzingOptions.Default, T0)
            .After(Opened("1.1.2", new ClosingBehavior { WasClean = true }, rxFrames: 2), FuzzingOptions.Default, T0)
            .After(HandshakeTimeout("1.1.3"), FuzzingOptions.Default, T0);

        Assert.False(streak.Skips(T0));
        Assert.Equal(["1.1.3"], streak.CaseIds);
    }

    [Fact]
    public void After_ConnectFailed_LeavesTheStreakAsItIs()
    {
        var one = UnansweredStreak.None.After(HandshakeTimeout("1.1.1"), FuzzingOptions.Default, T0);
        var refused = Result("1.1.2", new CaseTranscript { CaseId = CaseId.Parse("1.1.2"), Received = [], ConnectionWasOpen = false, ConnectFailed = true, Closing = new ClosingBehavior() });

        Assert.Same(one, one.After(refused, FuzzingOptions.Default, T0));
    }

    [Fact]
    public void After_ARetryThatGetsNoAnswerEither_GivesUpAgainAndKeepsTheFirstCases()
    {
        var two = UnansweredStreak.None.After(HandshakeTimeout("1.1.1"), FuzzingOptions.Default, T0).After(HandshakeTimeout("1.1.2"), FuzzingOptions.Default, T0);
        var later = T0 + UnansweredStreak.RetryAfter + TimeSpan.FromSeconds(5);

        var again = two.After(HandshakeTimeout("2.1"), FuzzingOptions.Default, later);

        Assert.True(again.Skips(later));
        Assert.Equal(["1.1.1", "1.1.2"], again.CaseIds);
    }

    [Fact]
    public void NotRetried_ResultsCameOutOfOrder_NamesTheCasesInWstestsOrder()
    {
        var two = UnansweredStreak.None.After(HandshakeTimeout("2.10"), FuzzingOptions.Default, T0).After(HandshakeTimeout("2.9"), FuzzingOptions.Default, T0);

        Assert.Equal(["2.10", "2.9"], two.CaseIds);
        Assert.EndsWith(" in cases 2.9 and 2.10; not retried", two.NotRetried(Server));
    }

    [Fact]
    public void NotRetried_DifferentSilences_NamesEach()
    {
        var closeTimeout = Opened("1.1.2", new ClosingBehavior { WasCloseHandshakeTimeout = true, DroppedByMe = true });
        var two = UnansweredStreak.None.After(HandshakeTimeout("1.1.1"), FuzzingOptions.Default, T0).After(closeTimeout, FuzzingOptions.Default, T0);

        Assert.Equal(
            "ws://127.0.0.1:9001/ did not answer the opening handshake within 5 s in case 1.1.1 and answered the opening handshake, then sent nothing in case 1.1.2; not retried",
            two.NotRetried(Server));
    }

    private static CaseResult HandshakeTimeout(string id) => Result(id, new CaseTranscript
    {
        CaseId = CaseId.Parse(id),
        Received = [],
        ConnectionWasOpen = false,
        Closing = new ClosingBehavior { WasOpenHandshakeTimeout = true, DroppedByMe = true, WasNotCleanReason = "peer did not finish (in time) the opening handshake" },
        ConnectionFailure = "The server at ws://127.0.0.1:9001/ did not complete the WebSocket opening handshake within 5 s.",
    });

    private static CaseResult Opened(string id, ClosingBehavior closing, int rxFrames = 0, bool budgetExceeded = false) => Result(id, new CaseTranscript
    {
        CaseId = CaseId.Parse(id),
        Received = [],
        ConnectionWasOpen = true,
        Closing = closing,
        CaseBudgetExceeded = budgetExceeded,
        RxFrameStats = rxFrames == 0 ? new Dictionary<int, int>() : new Dictionary<int, int> { [1] = rxFrames },
    });

    private static CaseResult Result(string id, CaseTranscript transcript)
    {
        var caseId = CaseId.Parse(id);
        var definition = CaseCatalog.Get(caseId);
        return new CaseResult
        {
            Id = caseId,
            Text = CaseTexts.Get(caseId),
            Index = CaseCatalog.IndexOf(caseId),
            Agent = "Test",
            Expected = definition.Expected,
            ExpectedClose = definition.ExpectedClose,
            Transcript = transcript,
            Verdict = CaseJudge.Judge(definition, transcript),
        };
    }
}
