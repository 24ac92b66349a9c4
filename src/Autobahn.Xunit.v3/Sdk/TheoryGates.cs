using System.Collections.Concurrent;
using System.Diagnostics;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One gate per Autobahn theory in this process, as wide as the theory's degree of concurrency
/// (<see cref="ConcurrencyPolicy.Resolve"/>: its <see cref="AutobahnTheoryAttribute.Concurrency"/>, the
/// <c>AUTOBAHN_CONCURRENCY</c> variable, the debugger, the processor count). xUnit v3 in parallel mode "all" starts
/// every row of a method at once, bounded only by its own thread limit; the gate bounds them by the theory's degree
/// instead. Waiters are let in first come, first served, so rows start in wstest's order.
/// </summary>
internal static class TheoryGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="row"/>'s theory.</summary>
    /// <exception cref="ArgumentException"><c>AUTOBAHN_CONCURRENCY</c> is not a positive integer.</exception>
    public static SemaphoreSlim For(AutobahnTestCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Gates.GetOrAdd(row.TestMethod.UniqueID, static (_, theory) => new SemaphoreSlim(Degree(theory)), row.Theory);
    }

    /// <summary>The degree of <paramref name="theory"/> in this process.</summary>
    public static int Degree(AutobahnTheoryAttribute? theory) =>
        ConcurrencyPolicy.Resolve(
            theory?.Concurrency ?? 0,
            Environment.GetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable),
            Debugger.IsAttached,
            Environment.ProcessorCount);
}
