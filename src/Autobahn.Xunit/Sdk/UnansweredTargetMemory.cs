using System.Collections.Concurrent;
using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The <see cref="UnansweredStreak"/> of each target within each theory run, so that the rows against a server that
/// accepts TCP but stopped answering fail at once (issue 15) instead of each waiting for its opening-handshake timeout
/// or case budget. Scoped to one run of one theory: another theory, or the same one run again later, starts afresh.
/// Thread-safe: the cases run ahead by a <see cref="RowPlan"/> record their results concurrently.
/// </summary>
internal sealed class UnansweredTargetMemory(TimeProvider time)
{
    private readonly ConcurrentDictionary<(object Run, string Target), UnansweredStreak> streaks = new();

    /// <summary>The memory of this process.</summary>
    public static UnansweredTargetMemory Shared { get; } = new(TimeProvider.System);

    /// <summary>
    /// The run a row belongs to: its theory's <see cref="RowPlan"/> (one per run of the theory), else the theory's name,
    /// else (a call outside an Autobahn row) one run for the whole process.
    /// </summary>
    public static object RunOf(AutobahnRowContext? context) => (object?)context?.Plan ?? context?.Theory ?? nameof(UnansweredTargetMemory);

    /// <summary>Records a case against <paramref name="target"/> in <paramref name="run"/>.</summary>
    public void Record(object run, Uri target, CaseResult result, FuzzingOptions options)
    {
        var now = time.GetUtcNow();
        streaks.AddOrUpdate((run, Key(target)), _ => UnansweredStreak.None.After(result, options, now), (_, streak) => streak.After(result, options, now));
    }

    /// <summary>Why the next case against <paramref name="target"/> in <paramref name="run"/> is not tried, if the run gave up on it.</summary>
    public bool TryGetGivenUp(object run, Uri target, out string message)
    {
        if (streaks.TryGetValue((run, Key(target)), out var streak) && streak.Skips(time.GetUtcNow()))
        {
            message = streak.NotRetried(target);
            return true;
        }

        message = string.Empty;
        return false;
    }

    private static string Key(Uri target) => target.AbsoluteUri;
}
