using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Verdicts;

/// <summary>
/// The one pass/fail policy of this project's front ends (the xUnit rows and the <c>wstest</c> tool): behavior OK,
/// NON-STRICT or INFORMATIONAL with close OK or INFORMATIONAL pass; UNIMPLEMENTED (either half) is neither pass nor
/// failure; anything else — FAILED, WRONG CODE, UNCLEAN, FAILED BY CLIENT — fails. wstest itself judges nothing: it
/// writes the verdicts and exits 0.
/// </summary>
public static class PassingVerdicts
{
    /// <summary>Whether the default policy accepts this <c>behavior</c>: OK, NON-STRICT or INFORMATIONAL.</summary>
    public static bool IsPassingBehavior(Behavior behavior) => behavior is Behavior.Ok or Behavior.NonStrict or Behavior.Informational;

    /// <summary>Whether the default policy accepts this <c>behaviorClose</c>: OK or INFORMATIONAL.</summary>
    public static bool IsPassingClose(Behavior behaviorClose) => behaviorClose is Behavior.Ok or Behavior.Informational;

    /// <summary>Whether either half is UNIMPLEMENTED (the server declined permessage-deflate, sections 12 and 13).</summary>
    public static bool IsUnimplemented(Behavior behavior, Behavior behaviorClose) =>
        behavior == Behavior.Unimplemented || behaviorClose == Behavior.Unimplemented;

    /// <summary>
    /// The outcome of a verdict: the default policy, made stricter by <paramref name="alsoFailing"/> — verdicts that
    /// fail too although the default accepts them (e.g. NON-STRICT, INFORMATIONAL, UNIMPLEMENTED), matched against
    /// either half. The default's failures always fail.
    /// </summary>
    /// <param name="behavior">wstest's <c>behavior</c>.</param>
    /// <param name="behaviorClose">wstest's <c>behaviorClose</c>.</param>
    /// <param name="alsoFailing">Extra failing verdicts; null or empty for the default policy.</param>
    public static VerdictOutcome Judge(Behavior behavior, Behavior behaviorClose, IReadOnlySet<Behavior>? alsoFailing = null)
    {
        var stricter = alsoFailing is not null && (alsoFailing.Contains(behavior) || alsoFailing.Contains(behaviorClose));
        if (IsUnimplemented(behavior, behaviorClose)) return stricter ? VerdictOutcome.Fail : VerdictOutcome.Skip;
        return IsPassingBehavior(behavior) && IsPassingClose(behaviorClose) && !stricter ? VerdictOutcome.Pass : VerdictOutcome.Fail;
    }
}
