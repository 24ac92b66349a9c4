using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One <see cref="AutobahnExpectAttribute"/>, normalized: which half of wstest's verdict it declares. A null half is
/// left to the default policy (behavior OK, NON-STRICT or INFORMATIONAL; close OK or INFORMATIONAL).
/// </summary>
/// <param name="Patterns">The case patterns, e.g. ["6.4.*"].</param>
/// <param name="Behavior">The declared <c>behavior</c>, or null.</param>
/// <param name="BehaviorClose">The declared <c>behaviorClose</c>, or null.</param>
/// <param name="Reason">Why the server gets this verdict.</param>
/// <param name="Source">The attribute as written, for messages.</param>
internal sealed record CaseExpectation(IReadOnlyList<string> Patterns, Behavior? Behavior, Behavior? BehaviorClose, string Reason, string Source)
{
    /// <summary>Whether the expectation declares the case unimplemented (the server declines permessage-deflate).</summary>
    public bool IsUnimplemented => Behavior == Testsuite.Cases.Behavior.Unimplemented;

    /// <summary>Values wstest uses only for <c>behaviorClose</c>.</summary>
    public static bool IsCloseOnly(Behavior behavior) => behavior is Testsuite.Cases.Behavior.WrongCode or Testsuite.Cases.Behavior.Unclean or Testsuite.Cases.Behavior.FailedByClient;

    /// <summary>Normalizes an attribute.</summary>
    /// <exception cref="ArgumentException">No pattern, no reason, or two declared closes.</exception>
    public static CaseExpectation From(AutobahnExpectAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var patterns = (attribute.Cases ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (patterns.Length == 0) throw new ArgumentException($"{attribute}: names no case.");
        if (string.IsNullOrWhiteSpace(attribute.Reason)) throw new ArgumentException($"{attribute}: say why (the reason is empty).");
        if (!Enum.IsDefined(attribute.Behavior)) throw new ArgumentException($"{attribute}: {(int)attribute.Behavior} is not a verdict.");

        if (IsCloseOnly(attribute.Behavior))
        {
            if (attribute.DeclaredBehaviorClose is not null)
            {
                throw new ArgumentException($"{attribute}: {attribute.Behavior.ToWstestString()} is a close verdict; declare the behavior first, e.g. (\"{attribute.Cases}\", Behavior.Failed, \"...\", BehaviorClose = Behavior.{attribute.Behavior}).");
            }

            return new CaseExpectation(patterns, null, attribute.Behavior, attribute.Reason, attribute.ToString());
        }

        return new CaseExpectation(patterns, attribute.Behavior, attribute.DeclaredBehaviorClose, attribute.Reason, attribute.ToString());
    }

    /// <summary>The declared verdict in wstest's words, e.g. "NON-STRICT" or "FAILED, close WRONG CODE".</summary>
    public string Describe() => (Behavior, BehaviorClose) switch
    {
        ({ } behavior, null) => behavior.ToWstestString(),
        (null, { } close) => $"close {close.ToWstestString()}",
        ({ } behavior, { } close) => $"{behavior.ToWstestString()}, close {close.ToWstestString()}",
        _ => "the default policy",
    };

    /// <summary>Whether two expectations declare the same verdict.</summary>
    public bool SameVerdict(CaseExpectation other) => other is not null && Behavior == other.Behavior && BehaviorClose == other.BehaviorClose;
}
