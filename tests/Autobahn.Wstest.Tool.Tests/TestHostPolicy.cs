using System.Runtime.CompilerServices;

namespace Autobahn.Wstest.Tool.Tests;

/// <summary>The host policy of the tool's Program.cs (a thread-pool floor of 32), applied once to this test assembly.</summary>
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
