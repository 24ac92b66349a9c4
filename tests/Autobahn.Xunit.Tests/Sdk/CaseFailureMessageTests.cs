using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class CaseFailureMessageTests
{
    [Fact]
    public void Format_FailedCase_ReadsLikeTheCaseReport()
    {
        var result = Results.Case2_2(Behavior.Failed, Behavior.Ok, wireLog:
        [
            new SentFrameLogEntry { Length = 13, Payload = "Hello, world!", Opcode = 9, Fin = true, Rsv = 0, MaskKey = "01020304", AtMilliseconds = 1.24 },
            new ReceivedFrameLogEntry { Length = 5, Payload = "Hello", Opcode = 10, Fin = true, Rsv = 0, Masked = false, AtMilliseconds = 2 },
            new CaseTimerLogEntry { Timer = CaseTimer.ContinueLater, Expired = false, Seconds = 1.0, Tag = "close" },
        ]);

        Assert.Equal(
            """
            Case 2.2 · Send ping with small text payload.
            Expectation: Pong with payload echo'ed is sent in reply to Ping. Clean close with normal code.
            Verdict: behavior FAILED (Actual events differ from any expected.), close OK (Connection was properly closed)
            Expected: OK = [pong(Hello, world!)]
            Observed: [pong(Hello)]
            Expected close: closedByMe=True, closeCode=[1000], requireClean=True
            Closing behaviour: closedByMe=True, failedByMe=False, droppedByMe=True, wasClean=True, wasNotCleanReason=None, wasServerConnectionDropTimeout=False, wasOpenHandshakeTimeout=False, wasCloseHandshakeTimeout=False, localCloseCode=1000, localCloseReason=None, remoteCloseCode=1000, remoteCloseReason=None
            Wire log (3 rows):
              001       1.2 ms  ["TF", [13, "Hello, world!"], 9, true, 0, "01020304", null, null, false]
              002       2.0 ms  ["RF", [5, "Hello"], 10, true, 0, false, null]
              003       0.0 ms  ["CT", 1.0, "close"]
            """.ReplaceLineEndings("\n"),
            CaseFailureMessage.Format(result));
    }

    [Fact]
    public void Format_LongWireLog_ShowsTheLastTwentyRows()
    {
        var wireLog = Enumerable.Range(1, 45).Select(i => new OctetsLogEntry { Received = true, Length = i, Hex = "x" }).ToArray();

        var message = CaseFailureMessage.Format(Results.Case2_2(Behavior.Failed, wireLog: wireLog));

        Assert.Contains("Wire log (last 20 of 45 rows):", message);
        Assert.DoesNotContain("[25, \"x\"]", message);
        Assert.Contains("  026       0.0 ms  [\"RO\", [26, \"x\"]]", message);
        Assert.EndsWith("[\"RO\", [45, \"x\"]]", message);
    }

    [Fact]
    public void Format_ConnectionFailure_StartsWithTheFailure()
    {
        var result = Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "Could not connect to ws://127.0.0.1:1/: connection refused", connectFailed: true);

        var message = CaseFailureMessage.Format(result);

        Assert.StartsWith("Could not connect to ws://127.0.0.1:1/: connection refused\nCase 2.2 · Send ping with small text payload.\n", message);
        Assert.DoesNotContain("Observed:", message);
    }

    [Fact]
    public void NotRetried_Failure_SaysWhyTheCaseDidNotRun() =>
        Assert.Equal(
            "Could not connect to ws://127.0.0.1:1/: connection refused (an earlier case already could not connect; not retried)",
            CaseFailureMessage.NotRetried("Could not connect to ws://127.0.0.1:1/: connection refused"));
}
