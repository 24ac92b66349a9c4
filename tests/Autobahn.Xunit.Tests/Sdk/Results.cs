using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>Hand-built <see cref="CaseResult"/>s: the tests of the adapter need no engine and no server.</summary>
internal static class Results
{
    public static CaseResult Case2_2(
        Behavior behavior = Behavior.Ok,
        Behavior behaviorClose = Behavior.Ok,
        string? connectionFailure = null,
        bool connectFailed = false,
        IReadOnlyList<WireLogEntry>? wireLog = null,
        string agent = "TestServer")
    {
        var id = CaseId.Parse("2.2");
        return new CaseResult
        {
            Id = id,
            Text = new CaseText
            {
                Id = "2.2",
                Category = "Pings/Pongs",
                Group = "",
                Description = "Send ping with small text payload.",
                Expectation = "Pong with payload echo'ed is sent in reply to Ping. Clean close with normal code.",
            },
            Index = 18,
            Agent = agent,
            Expected = [new CaseOutcome { Behavior = Behavior.Ok, Events = [CaseEvent.Pong("Hello, world!"u8.ToArray())] }],
            ExpectedClose = new ExpectedClose { ClosedByMe = true, CloseCodes = [1000], RequireClean = true },
            Transcript = new CaseTranscript
            {
                CaseId = id,
                Received = connectionFailure is null ? [CaseEvent.Pong("Hello"u8.ToArray())] : [],
                ConnectionWasOpen = connectionFailure is null,
                Closing = connectionFailure is null
                    ? new ClosingBehavior { ClosedByMe = true, DroppedByMe = true, WasClean = true, LocalCloseCode = 1000, RemoteCloseCode = 1000 }
                    : new ClosingBehavior { WasNotCleanReason = "connection was refused by other side" },
                DurationMilliseconds = 3,
                ConnectionFailure = connectionFailure,
                ConnectFailed = connectFailed,
                WireLog = wireLog ?? [],
            },
            Verdict = new CaseVerdict
            {
                Behavior = behavior,
                BehaviorClose = behaviorClose,
                Result = behavior == Behavior.Ok ? "Received expected events." : "Actual events differ from any expected.",
                ResultClose = behaviorClose == Behavior.Ok ? "Connection was properly closed" : "The connection was failed by the wrong endpoint",
            },
        };
    }
}
