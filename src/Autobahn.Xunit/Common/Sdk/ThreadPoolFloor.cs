namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Host policy: the thread pool's minimum, raised once before the first case runs. The fuzzer's timers and socket
/// completions run on the pool; test hosts on small machines (2 cores: a minimum of 2 threads) often keep pool
/// threads blocked, and the pool then adds threads only about once a second: a 1 s continueLater fired 0.5–0.9 s
/// late, which can turn 6.4.x's OK into NON-STRICT. A higher minimum avoids that.
/// </summary>
internal static class ThreadPoolFloor
{
    /// <summary>The minimum worker and completion-port threads.</summary>
    public const int MinimumThreads = 32;

    /// <summary>Raises the pool's minimums to <see cref="MinimumThreads"/> when they are lower; never lowers them.</summary>
    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinimumThreads || completionPorts < MinimumThreads)
        {
            ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(completionPorts, MinimumThreads));
        }
    }
}
