namespace Autobahn.Xunit.Sdk;

/// <summary>What a row reports for a case's verdict.</summary>
/// <param name="Outcome">Pass, skip or fail.</param>
/// <param name="Message">The skip reason or failure message; null for a pass.</param>
internal sealed record RowDecision(RowOutcome Outcome, string? Message)
{
    /// <summary>The row passes.</summary>
    public static RowDecision Pass { get; } = new(RowOutcome.Pass, null);

    /// <summary>The row is reported as skipped with <paramref name="reason"/>.</summary>
    public static RowDecision Skip(string reason) => new(RowOutcome.Skip, reason);

    /// <summary>The row fails with <paramref name="message"/>.</summary>
    public static RowDecision Fail(string message) => new(RowOutcome.Fail, message);
}
