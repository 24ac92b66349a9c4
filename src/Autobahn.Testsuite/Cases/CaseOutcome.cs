namespace Autobahn.Testsuite.Cases;

/// <summary>An outcome wstest lists in a case's <c>expected</c> dict, with the events that produce it.</summary>
public sealed record CaseOutcome
{
    /// <summary>OK or NON-STRICT.</summary>
    public required Behavior Behavior { get; init; }

    /// <summary>The exact ordered event list.</summary>
    public required IReadOnlyList<CaseEvent> Events { get; init; }
}
