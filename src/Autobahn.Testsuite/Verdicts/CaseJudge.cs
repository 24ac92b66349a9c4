using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Verdicts;

/// <summary>
/// wstest's verdict as a pure function of what a case expects and what its session observed:
/// <c>case/case.py</c> <c>Case.onConnectionLost</c> rule by rule, then the per-case overrides
/// (<c>case7_*.py</c>, <c>case7_1_6.py</c>, <c>case7_13_*.py</c>, <c>case10_1_1.py</c>).
/// </summary>
internal static class CaseJudge
{
    public const string ResultEventsDiffer = "Actual events differ from any expected.";
    public const string ResultEventsMatch = "Actual events match at least one expected.";
    public const string ResultCloseDropped = "TCP connection was dropped without close handshake";
    public const string ResultCloseWrongEndpoint = "The connection was failed by the wrong endpoint";
    public const string ResultCloseUnclean = "The spec requires the connection to be failed cleanly here";
    public const string ResultCloseFailedByClient = "It is preferred that the server close the TCP connection";
    public const string ResultCloseOk = "Connection was properly closed";
    public const string ResultCloseNeverOpen = "The WebSocket opening handshake was never completed!";

    public static CaseVerdict Judge(CaseDefinition definition, CaseTranscript transcript)
    {
        // Cases with an empty expected dict keep whatever behavior they set themselves (case.py onConnectionLost).
        var behavior = transcript.CaseBehavior ?? Behavior.Failed;
        var result = transcript.CaseResult ?? ResultEventsDiffer;
        Behavior behaviorClose;
        string resultClose;

        // Outcomes are tried in the order the case lists them; the first exact match wins. wstest fills `expected`
        // in onOpen, so a case that never opened has none and stays FAILED (case.py __init__).
        var outcomes = transcript.ConnectionWasOpen ? definition.Expected : [];
        foreach (var outcome in outcomes)
        {
            if (outcome.Events.SequenceEqual(transcript.Received))
            {
                behavior = outcome.Behavior;
                result = ResultEventsMatch;
                break;
            }
        }

        var expectedClose = definition.ExpectedClose;
        var closing = transcript.Closing;
        if (transcript.ConnectionWasOpen)
        {
            if (expectedClose.ClosedByMe != closing.ClosedByMe)
            {
                (behaviorClose, resultClose) = (Behavior.Failed, ResultCloseWrongEndpoint);
            }
            else if (expectedClose.RequireClean && !closing.WasClean)
            {
                (behaviorClose, resultClose) = (Behavior.Unclean, ResultCloseUnclean);
            }
            else if (closing.RemoteCloseCode is { } code && !expectedClose.CloseCodes.Contains(code))
            {
                (behaviorClose, resultClose) = (Behavior.WrongCode, $"The close code should have been {string.Join(",", expectedClose.CloseCodes)} or empty");
            }
            else if (closing.DroppedByMe && !transcript.IsServer)
            {
                // Only a client is blamed for dropping TCP first; a server drops it by design (RFC 6455 §7.1.1, case.py:114).
                (behaviorClose, resultClose) = (Behavior.FailedByClient, ResultCloseFailedByClient);
            }
            else
            {
                (behaviorClose, resultClose) = (Behavior.Ok, ResultCloseOk);
            }

            // UTF-8 cases: if the server did not close, it did not detect the invalid UTF-8 at all.
            if (expectedClose.ClosedByWrongEndpointIsFatal && expectedClose.ClosedByMe != closing.ClosedByMe)
            {
                behavior = Behavior.Failed;
            }
        }
        else
        {
            (behaviorClose, resultClose) = (Behavior.Failed, ResultCloseNeverOpen);
        }

        switch (definition.Rule)
        {
            case CaseVerdictRule.WrongCodeIsFailure when behaviorClose == Behavior.WrongCode:
                behavior = Behavior.Failed;
                result = resultClose;
                break;
            case CaseVerdictRule.Informational716:
                result = behavior switch
                {
                    Behavior.Ok => "Text message was processed before close.",
                    Behavior.NonStrict => "Close was processed before text message could be returned.",
                    _ => result,
                };
                behavior = Behavior.Informational;
                behaviorClose = Behavior.Informational;
                break;
            case CaseVerdictRule.InformationalUndefined:
                behavior = Behavior.Informational;
                behaviorClose = Behavior.Informational;
                result = "Actual events are undefined by the spec.";
                break;
            case CaseVerdictRule.AutoFragmentFrameCount:
                (behavior, result) = CheckAutoFragmentFrames(definition, transcript, behavior, result);
                break;
        }

        return new CaseVerdict { Behavior = behavior, BehaviorClose = behaviorClose, Result = result, ResultClose = resultClose };
    }

    /// <summary>
    /// <c>case10_1_1.py</c>: the fuzzer's own transmitted frames must be the counts the catalog derived
    /// (<see cref="CaseDefinition.ExpectedTxFrameStats"/>: 65536 octets auto-fragmented at 1300 go out as 50
    /// continuations and 1 text frame).
    /// </summary>
    private static (Behavior, string) CheckAutoFragmentFrames(CaseDefinition definition, CaseTranscript transcript, Behavior behavior, string result)
    {
        if (!transcript.ConnectionWasOpen) return (Behavior.Failed, "WebSocket connection was never open");
        var expected = definition.ExpectedTxFrameStats
            ?? throw new InvalidOperationException($"Case {definition.Id} checks its transmitted frames but the catalog gives no expected counts.");
        var expected0 = expected.GetValueOrDefault(0);
        var expected1 = expected.GetValueOrDefault(1);
        var got0 = transcript.TxFrameStats.GetValueOrDefault(0);
        var got1 = transcript.TxFrameStats.GetValueOrDefault(1);
        return got0 == expected0 && got1 == expected1
            ? (behavior, result)
            : (Behavior.Failed, $"Frames transmitted {{0: {got0}, 1: {got1}}} does not match what we expected {{0: {expected0}, 1: {expected1}}}.");
    }
}
