namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// One row of wstest's wire log (<c>fuzzing.py</c> <c>logRxOctets</c> … <c>closeAfter</c>): a kind such as
/// "RO", "TO", "RF", "TF", "WLM", "CT", "CTE", "KL", "KLE", "TI", "TIE", and the values wstest writes after it,
/// in wstest's order (strings, numbers, booleans, nulls, or nested arrays).
/// </summary>
public sealed record WireLogEntry(string Kind, IReadOnlyList<object?> Values)
{
    /// <summary>Milliseconds since the case's connection was opened (TCP connect); not part of wstest's JSON.</summary>
    public double AtMilliseconds { get; init; }
}
