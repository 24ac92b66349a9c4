namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// One row of wstest's wire log (<c>fuzzing.py</c> <c>logRxOctets</c> … <c>closeAfter</c>), typed: octets, frames, the
/// log switching on or off, and the case timers. <see cref="Kind"/> and <see cref="Values"/> render it in wstest's
/// layout (<c>["TO", [len, hex], sync]</c> …), the one form the JSON report, the HTML report and failure messages use.
/// </summary>
public abstract record WireLogEntry
{
    /// <summary>Milliseconds since the case's connection was opened (TCP connect); not part of wstest's JSON.</summary>
    public double AtMilliseconds { get; init; }

    /// <summary>wstest's kind of the row: "RO", "TO", "RF", "TF", "WLM", "CT", "CTE", "KL", "KLE", "TI" or "TIE".</summary>
    public abstract string Kind { get; }

    /// <summary>The values wstest writes after the kind, in wstest's order (strings, numbers, booleans, nulls, nested arrays).</summary>
    public abstract IReadOnlyList<object?> Values { get; }
}
