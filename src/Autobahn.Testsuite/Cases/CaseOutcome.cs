namespace Autobahn.Testsuite.Cases;

/// <summary>An outcome wstest lists in a case's <c>expected</c> dict, with the events that produce it.</summary>
/// <param name="Behavior">OK or NON-STRICT.</param>
/// <param name="Events">The exact ordered event list.</param>
public sealed record CaseOutcome(Behavior Behavior, IReadOnlyList<CaseEvent> Events);
