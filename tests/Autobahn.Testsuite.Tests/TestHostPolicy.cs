using System.Runtime.CompilerServices;

namespace Autobahn.Testsuite.Tests;

/// <summary>
/// The host policy of this test assembly, which calls the engine directly and so is its own front end (the engine
/// sets no process-wide state): the thread pool's minimum at 32, as Autobahn.Xunit and the CLI set it. The fuzzer's
/// timers and socket completions run on the pool; with a minimum of 2 (2 cores) and blocked pool threads, a 1 s
/// continueLater fired 0.5–0.9 s late, which can turn 6.4.x's OK into NON-STRICT.
/// </summary>
internal static class TestHostPolicy
{
#pragma warning disable CA2255 // A test assembly is a host: it applies its policy once, when it is loaded.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
    }
}
