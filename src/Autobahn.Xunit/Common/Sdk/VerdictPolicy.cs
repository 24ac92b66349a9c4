using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Turns a case's verdict into a row outcome (design.md, "Verdict policy"), a pure function. Without an expectation:
/// behavior OK, NON-STRICT or INFORMATIONAL with close OK or INFORMATIONAL pass, UNIMPLEMENTED is skipped, anything
/// else fails. With an <see cref="AutobahnExpectAttribute"/>: the declared halves must be exactly what was observed and
/// the undeclared half must pass as usual; any other verdict — better or worse — fails with "expectation no longer holds".
/// </summary>
internal static class VerdictPolicy
{
    /// <summary>The <c>behavior</c> values the default policy accepts.</summary>
    public static bool PassingBehavior(Behavior behavior) => PassingVerdicts.IsPassingBehavior(behavior);

    /// <summary>The <c>behaviorClose</c> values the default policy accepts.</summary>
    public static bool PassingClose(Behavior behaviorClose) => PassingVerdicts.IsPassingClose(behaviorClose);

    /// <summary>The outcome of <paramref name="result"/> under <paramref name="expectation"/> (the default policy when null).</summary>
    /// <param name="result">The case.</param>
    /// <param name="expectation">The row's declared verdict, or null.</param>
    /// <param name="reportFile">The case's HTML report, named at the end of a failure message; null when there is none.</param>
    public static RowDecision Decide(CaseResult result, CaseExpectation? expectation, string? reportFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unimplemented = result.Behavior == Behavior.Unimplemented || result.BehaviorClose == Behavior.Unimplemented;
        if (expectation is null)
        {
            // wstest: UNIMPLEMENTED when the server declines permessage-deflate, or the client under test (the fuzzer was
            // the server: Transcript.IsServer) offers none the case accepts. Not a failure; reported as skipped.
            if (unimplemented) return RowDecision.Skip(UnimplementedText.Reason(peerIsClient: result.Transcript.IsServer));
            return PassingBehavior(result.Behavior) && PassingClose(result.BehaviorClose)
                ? RowDecision.Pass
                : RowDecision.Fail(CaseFailureMessage.Format(result, reportFile));
        }

        var holds = expectation.IsUnimplemented
            ? unimplemented
            : (expectation.Behavior is { } behavior ? result.Behavior == behavior : PassingBehavior(result.Behavior))
              && (expectation.BehaviorClose is { } close ? result.BehaviorClose == close : PassingClose(result.BehaviorClose));
        return holds ? RowDecision.Pass : RowDecision.Fail(NoLongerHolds(result, expectation, reportFile));
    }

    /// <summary>
    /// Says which expectation, what it declared, what the case got now, and what to do; followed by the case report
    /// when the new verdict would fail anyway, or by the verdict line when it would pass.
    /// </summary>
    private static string NoLongerHolds(CaseResult result, CaseExpectation expectation, string? reportFile)
    {
        var now = result.BehaviorClose == result.Behavior || result.BehaviorClose == Behavior.Ok
            ? result.Behavior.ToWstestString()
            : $"{result.Behavior.ToWstestString()}, close {result.BehaviorClose.ToWstestString()}";
        var head = $"Expectation no longer holds: case {result.Id.Text} is expected {expectation.Describe()} (\"{expectation.Reason}\", " +
                   $"{expectation.Source}) but is now {now}; remove or update the expectation.";
        var wouldPass = PassingBehavior(result.Behavior) && PassingClose(result.BehaviorClose);
        return wouldPass
            ? head + "\n" + $"Case {result.Id.Text}{CaseDisplay.Separator}{CaseDisplay.PlainText(result.Text.Description)}\n" +
              $"Verdict: behavior {result.Behavior.ToWstestString()} ({result.Verdict.Result}), close {result.BehaviorClose.ToWstestString()} ({result.Verdict.ResultClose})" +
              (reportFile is null ? string.Empty : "\nReport: " + reportFile)
            : head + "\n" + CaseFailureMessage.Format(result, reportFile);
    }
}
