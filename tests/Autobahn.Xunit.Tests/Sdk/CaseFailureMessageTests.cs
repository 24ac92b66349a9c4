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
            Closing behaviour:
              closedByMe                      True
              failedByMe                      False
              droppedByMe                     True
              wasClean                        True
              wasNotCleanReason               None
              wasServerConnectionDropTimeout  False
              wasOpenHandshakeTimeout         False
              wasCloseHandshakeTimeout        False
              localCloseCode                  1000
              localCloseReason                None
              remoteCloseCode                 1000
              remoteCloseReason               None
            Wire log (3 rows):
              000 TX FRAME : OPCODE=9, FIN=True, RSV=0, PAYLOAD-LEN=13, MASK=01020304, PAYLOAD-REPEAT-LEN=None, CHOPSIZE=None, SYNC=False
                             Hello, world!
              001 RX FRAME : OPCODE=10, FIN=True, RSV=0, PAYLOAD-LEN=5, MASKED=False, MASK=None
                             Hello
              002 DELAY 1.000000 sec for TAG close
              003 TCP DROPPED BY ME
            Report: /reports/testserver_case_2_2.html
            """.ReplaceLineEndings("\n"),
            CaseFailureMessage.Format(result, "/reports/testserver_case_2_2.html"));
    }

    [Fact]
    public void Format_LongWireLog_ShowsTheLastTwentyRowsNumberedAsOnTheCasePage()
    {
        var wireLog = Enumerable.Range(0, 45).Select(i => new OctetsLogEntry { Received = true, Length = 1, Hex = i.ToString("x2") }).ToArray();

        var message = CaseFailureMessage.Format(Results.Case2_2(Behavior.Failed, wireLog: wireLog));

        Assert.Contains("Wire log (last 20 of 45 rows):\n  025 RX OCTETS: 19\n", message);
        Assert.DoesNotContain("024 RX OCTETS", message);
        Assert.EndsWith("  044 RX OCTETS: 2c\n  045 TCP DROPPED BY ME", message);
    }

    [Fact]
    public void Format_NoReportFile_EndsWithTheWireLog() =>
        Assert.DoesNotContain("Report:", CaseFailureMessage.Format(Results.Case2_2(Behavior.Failed)));

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
