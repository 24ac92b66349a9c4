using System.Collections.Concurrent;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Remembers, per server URL, that a TCP connect failed, so that the next rows against a server that is down fail at
/// once instead of each waiting for its own connect to fail. wstest skips the rest of a run after a failed connect
/// (<c>ATS fuzzing.py</c> <c>clientConnectionFailed</c>); a test run cannot skip rows, so it fails them fast, and forgets
/// after <see cref="Lifetime"/> so that a server started meanwhile is tried again. One per <see cref="TheoryRun"/>.
/// </summary>
internal sealed class ConnectFailureMemory(TimeProvider time)
{
    /// <summary>How long a failed connect is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string Message, DateTimeOffset At)> failures = new(StringComparer.Ordinal);

    /// <summary>Remembers that connecting to <paramref name="serverUrl"/> failed with <paramref name="message"/>.</summary>
    public void Remember(Uri serverUrl, string message) => failures[Key(serverUrl)] = (message, time.GetUtcNow());

    /// <summary>Forgets <paramref name="serverUrl"/> (a later connect succeeded).</summary>
    public void Forget(Uri serverUrl) => failures.TryRemove(Key(serverUrl), out _);

    /// <summary>The failure remembered for <paramref name="serverUrl"/>, if it is recent.</summary>
    public bool TryGetRecent(Uri serverUrl, out string message)
    {
        if (failures.TryGetValue(Key(serverUrl), out var failure) && time.GetUtcNow() - failure.At < Lifetime)
        {
            message = failure.Message;
            return true;
        }

        message = string.Empty;
        return false;
    }

    private static string Key(Uri serverUrl) => serverUrl.AbsoluteUri;
}
