using System.Diagnostics;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Operating-system processes that each keep one CPU busy, started beside a test so that the thread pool, the timers
/// and the loopback sockets of the test host compete for the CPU as on a loaded build machine (issue 11: "while two
/// CPU-burning processes run"). Each burner is <c>/bin/sh</c> spinning in shell arithmetic. Dispose kills exactly the
/// processes started here, by their <see cref="ProcessIds"/> (<see cref="Process.Kill(bool)"/> with the process tree),
/// and waits for them; use <c>using var burners = CpuBurners.Start(2);</c> so that a failing test kills them too.
/// If the test host dies without disposing, each burner notices within milliseconds (it polls the host with
/// <c>kill -0</c>) and exits: no burner outlives the test host.
/// </summary>
internal sealed class CpuBurners : IDisposable, IAsyncDisposable
{
    private const string Shell = "/bin/sh";

    // $1 is the test host's PID. The inner loop burns user-mode CPU; between two rounds of it (a few milliseconds) the
    // outer loop checks that the host is still there, and the burner ends when it is not.
    private const string Script = """
        while kill -0 "$1" 2>/dev/null; do
          i=0
          while [ "$i" -lt 20000 ]; do i=$((i + 1)); done
        done
        """;

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process[] processes;
    private readonly Stopwatch running = Stopwatch.StartNew();
    private int disposed;

    private CpuBurners(Process[] processes)
    {
        this.processes = processes;
        ProcessIds = [.. processes.Select(p => p.Id)];
    }

    /// <summary>Why burners cannot run here (not Unix, or no <c>/bin/sh</c>), or null when they can: a skip reason.</summary>
    public static string? UnsupportedReason =>
        !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
            ? $"CPU burners are /bin/sh processes; this test runs on Linux, macOS or FreeBSD only (this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription})."
            : !File.Exists(Shell)
                ? $"CPU burners need {Shell}, which this machine does not have."
                : null;

    /// <summary>The PIDs of the burners, in start order; dispose kills exactly these.</summary>
    public IReadOnlyList<int> ProcessIds { get; }

    /// <summary>How long the burners have been running (wall time since start).</summary>
    public TimeSpan Elapsed => running.Elapsed;

    /// <summary>Starts <paramref name="count"/> burners. If one cannot start, the ones already started are killed.</summary>
    /// <param name="count">How many processes, each busy on one CPU.</param>
    /// <param name="hostProcessId">The process whose end also ends the burners; the test host by default.</param>
    /// <exception cref="PlatformNotSupportedException"><see cref="UnsupportedReason"/> is not null.</exception>
    public static CpuBurners Start(int count, int? hostProcessId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (UnsupportedReason is { } reason) throw new PlatformNotSupportedException(reason);

        var started = new List<Process>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var info = new ProcessStartInfo(Shell)
                {
                    UseShellExecute = false,
                    CreateNoWindow = true,
                    ArgumentList = { "-c", Script, "autobahn-cpu-burner", (hostProcessId ?? Environment.ProcessId).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                };
                started.Add(Process.Start(info) ?? throw new InvalidOperationException($"{Shell} did not start."));
            }
        }
        catch
        {
            foreach (var process in started) _ = Stop(process);
            throw;
        }

        return new CpuBurners([.. started]);
    }

    /// <summary>The CPU time all burners used so far: evidence that they really competed for the CPU.</summary>
    public TimeSpan TotalProcessorTime()
    {
        var total = TimeSpan.Zero;
        foreach (var process in processes)
        {
            process.Refresh();
            total += process.TotalProcessorTime;
        }

        return total;
    }

    /// <summary>Throws when a burner is no longer running (so a test cannot claim load it did not have).</summary>
    /// <exception cref="InvalidOperationException">A burner exited.</exception>
    public void AssertRunning()
    {
        foreach (var process in processes)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"CPU burner {process.Id} exited early with code {process.ExitCode}.");
            }
        }
    }

    /// <summary>Kills the burners (exactly <see cref="ProcessIds"/>) and waits until they are gone.</summary>
    /// <exception cref="InvalidOperationException">A burner did not exit (after every burner was killed).</exception>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        var stuck = Enumerable.Range(0, processes.Length).Where(i => !Stop(processes[i])).Select(i => ProcessIds[i]).ToList();
        if (stuck.Count > 0) throw new InvalidOperationException($"CPU burners {string.Join(", ", stuck)} did not exit within {ExitTimeout} of being killed.");
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Kills one burner and waits for it; false if it is still there after <see cref="ExitTimeout"/>.</summary>
    private static bool Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        try
        {
            return process.WaitForExit(ExitTimeout);
        }
        finally
        {
            process.Dispose();
        }
    }
}
