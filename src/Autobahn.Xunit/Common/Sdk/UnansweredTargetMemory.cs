using System.Collections.Concurrent;
using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The <see cref="UnansweredStreak"/> of each target within one <see cref="TheoryRun"/>, so that the rows against a
/// server that accepts TCP but stopped answering fail at once (issue 15) instead of each waiting for its
/// opening-handshake timeout or case budget. Thread-safe: a theory's rows may run concurrently.
/// </summary>
internal sealed class UnansweredTargetMemory(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, UnansweredStreak> streaks = new(StringComparer.Ordinal);

    /// <summary>Records a case against <paramref name="target"/>.</summary>
    public void Record(Uri target, CaseResult result, FuzzingOptions options)
    {
        var now = time.GetUtcNow();
        streaks.AddOrUpdate(Key(target), _ => UnansweredStreak.None.After(result, options, now), (_, streak) => streak.After(result, options, now));
    }

    /// <summary>Why the next case against <paramref name="target"/> is not tried, if the run gave up on it.</summary>
    public bool TryGetGivenUp(Uri target, out string message)
    {
        if (streaks.TryGetValue(Key(target), out var streak) && streak.Skips(time.GetUtcNow()))
        {
            message = streak.NotRetried(target);
            return true;
        }

        message = string.Empty;
        return false;
    }

    private static string Key(Uri target) => target.AbsoluteUri;
}
