using System.Collections.Concurrent;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One run of one theory: what its rows learn about their targets, so that the rows after a refused connect, a client
/// that never connected, or two unanswered cases fail at once instead of each waiting on its own timeout. Another theory,
/// or the same theory run again, starts afresh: one class's dead server never fails another class's rows.
/// </summary>
internal sealed class TheoryRun
{
    private static readonly ConcurrentDictionary<string, TheoryRun> ProcessRuns = new(StringComparer.Ordinal);

    /// <summary>A run with the system clock.</summary>
    public TheoryRun()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A run with <paramref name="time"/> (tests move it by hand).</summary>
    public TheoryRun(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        ConnectFailures = new ConnectFailureMemory(time);
        UnansweredTargets = new UnansweredTargetMemory(time);
    }

    /// <summary>The run of cases called outside any Autobahn row (a plain <c>[Fact]</c>): one for the whole process.</summary>
    public static TheoryRun OutsideRows { get; } = new();

    /// <summary>
    /// The run of the theory named <paramref name="theory"/> (its adapter's key for the test method) when its rows run
    /// without the package's test framework, which gives each run of a theory its own: one per theory for the process.
    /// </summary>
    public static TheoryRun ForProcess(string theory) => ProcessRuns.GetOrAdd(theory, static _ => new TheoryRun());

    /// <summary>Targets whose connect failed, and client methods that never connected, moments ago.</summary>
    public ConnectFailureMemory ConnectFailures { get; }

    /// <summary>The <see cref="Testsuite.UnansweredStreak"/> of each target.</summary>
    public UnansweredTargetMemory UnansweredTargets { get; }
}
