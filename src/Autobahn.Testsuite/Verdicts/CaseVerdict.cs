using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Verdicts;

/// <summary>wstest's judgement of a case: behavior and behaviorClose, with the texts it shows for them.</summary>
public sealed record CaseVerdict
{
    /// <summary>wstest's <c>behavior</c> of the case.</summary>
    public required Behavior Behavior { get; init; }

    /// <summary>wstest's <c>behaviorClose</c> of the case.</summary>
    public required Behavior BehaviorClose { get; init; }

    /// <summary>The text wstest shows for <see cref="Behavior"/> (its <c>result</c>).</summary>
    public required string Result { get; init; }

    /// <summary>The text wstest shows for <see cref="BehaviorClose"/> (its <c>resultClose</c>).</summary>
    public required string ResultClose { get; init; }
}
