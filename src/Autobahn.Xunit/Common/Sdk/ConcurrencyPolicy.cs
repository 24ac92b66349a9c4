using System.Globalization;
using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// How many rows of one theory may run at once (the v2 <c>AutobahnTestMethodRunner</c>, v3 likewise), a pure function (<see cref="ResolveForThisProcess"/>
/// reads the environment for it). <c>AUTOBAHN_CONCURRENCY</c> wins (so CI or a user can switch it off without touching code), then an
/// attached debugger (1: a breakpoint in the server must see one case, not eight), then
/// <see cref="AutobahnTheoryAttribute.Concurrency"/>, then <see cref="Default"/>.
/// </summary>
internal static class ConcurrencyPolicy
{
    /// <summary>The environment variable that sets the degree for every theory; <c>1</c> runs cases one after another.</summary>
    public const string EnvironmentVariable = "AUTOBAHN_CONCURRENCY";

    /// <summary>The most cases one theory runs at once by default.</summary>
    public const int DefaultMaximum = 8;

    /// <summary>
    /// Twice the processor count, at least 2 and at most <see cref="DefaultMaximum"/>. A case spends nearly all of its
    /// wall time waiting — on the server, on wstest's timers and on the fixed waits of 5.19, 5.20 and 6.4.x — so more
    /// sessions than cores overlap those waits; but the verdicts of 6.4.x and the racy cases depend on timers firing on
    /// time, which an oversubscribed thread pool delays (<see cref="ThreadPoolFloor"/> raises the pool's minimum to 32 threads for that
    /// reason), and each session of section 10 holds 64 KiB messages. Eight keeps well inside both.
    /// </summary>
    public static int Default(int processorCount) => Math.Clamp(2 * processorCount, 2, DefaultMaximum);

    /// <summary>The degree of concurrency of a theory.</summary>
    /// <param name="attribute"><see cref="AutobahnTheoryAttribute.Concurrency"/>: 0 for the default.</param>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>, or null.</param>
    /// <param name="debuggerAttached">Whether a debugger is attached.</param>
    /// <param name="processorCount">The processor count.</param>
    /// <exception cref="ArgumentException">The attribute is negative, or the variable is not a positive integer.</exception>
    public static int Resolve(int attribute, string? environmentValue, bool debuggerAttached, int processorCount)
    {
        if (attribute < 0) throw new ArgumentException($"{nameof(AutobahnTheoryAttribute)}.{nameof(AutobahnTheoryAttribute.Concurrency)} must be 0 (default), 1 (off) or more, not {attribute}.");
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return int.TryParse(environmentValue, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{EnvironmentVariable}='{environmentValue}' is not a positive integer (1 turns concurrency off).");
        }

        if (debuggerAttached) return 1;
        return attribute > 0 ? attribute : Default(processorCount);
    }

    /// <summary>
    /// The degree of concurrency of a theory in this process: <see cref="Resolve"/> with <see cref="EnvironmentVariable"/>,
    /// the debugger and the processor count read now; both adapters' runners call it.
    /// </summary>
    /// <param name="attribute"><see cref="AutobahnTheoryAttribute.Concurrency"/>: 0 for the default.</param>
    /// <exception cref="ArgumentException">The attribute is negative, or the variable is not a positive integer.</exception>
    public static int ResolveForThisProcess(int attribute) =>
        Resolve(
            attribute,
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            System.Diagnostics.Debugger.IsAttached,
            Environment.ProcessorCount);

    /// <summary>
    /// Whether a case may run concurrently with others: all but those the catalog says run alone
    /// (<see cref="CaseInfo.RunsAlone"/>: section 9, as in wstest); the rows around them still run concurrently.
    /// </summary>
    public static bool MayRunConcurrently(string caseId) => !CaseInfo.TryGet(caseId, out var info) || !info.RunsAlone;
}
