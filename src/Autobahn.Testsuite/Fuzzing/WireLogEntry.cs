namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// One row of wstest's wire log (<c>fuzzing.py</c> <c>logRxOctets</c> … <c>closeAfter</c>): a kind such as
/// "RO", "TO", "RF", "TF", "WLM", "CT", "CTE", "KL", "KLE", "TI", "TIE", and the values wstest writes after it,
/// in wstest's order (strings, numbers, booleans, nulls, or nested arrays).
/// </summary>
public sealed record WireLogEntry
{
    /// <summary>The row's kind, such as "RO", "TF" or "CT".</summary>
    public required string Kind { get; init; }

    /// <summary>The values wstest writes after the kind, in wstest's order.</summary>
    public required IReadOnlyList<object?> Values { get; init; }

    /// <summary>Milliseconds since the case's connection was opened (TCP connect); not part of wstest's JSON.</summary>
    public double AtMilliseconds { get; init; }
}
