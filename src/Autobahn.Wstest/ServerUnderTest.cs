using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A reference server started from <c>../shared/servers/&lt;name&gt;/run.sh PORT [args]</c> on a free loopback port, for
/// benchmarks and differential runs: its URL, the CPU time of its whole process tree (from /proc, so it counts node's or
/// Python's worker threads and children too), and a stop that ends only the processes it started.
/// </summary>
internal sealed class ServerUnderTest : IDisposable
{
    private readonly Process process;

    private ServerUnderTest(Process process, int port)
    {
        this.process = process;
        Url = new Uri($"ws://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    public static async Task<ServerUnderTest> StartAsync(string runScript, IReadOnlyList<string> extraArguments, TimeSpan startTimeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(runScript) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in extraArguments) start.ArgumentList.Add(argument);
        if (Environment.GetEnvironmentVariable("AUTOBAHN_SERVERS_WORK") is null)
        {
            start.Environment["AUTOBAHN_SERVERS_WORK"] = Path.Combine(Path.GetTempPath(), "autobahn-servers");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {runScript}.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerUnderTest(process, port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < startTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{runScript} exited with code {process.ExitCode} before listening:\n{output}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }

        server.Dispose();
        throw new TimeoutException($"{runScript} did not listen on 127.0.0.1:{port} within {startTimeout.TotalSeconds:0} s:\n{output}");
    }

    /// <summary>User + system CPU time of the server's process tree (Linux /proc); zero elsewhere.</summary>
    public TimeSpan CpuTime()
    {
        var ticks = 0L;
        foreach (var pid in ProcessTree(process.Id)) ticks += ProcStat.CpuTicks(pid);
        return TimeSpan.FromSeconds((double)ticks / ProcStat.TicksPerSecond);
    }

    public void Dispose()
    {
        // The launcher execs the server (run.sh uses exec), but kill any children too: only processes we started.
        foreach (var pid in ProcessTree(process.Id).Reverse())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }

        process.WaitForExit(5000);
        process.Dispose();
    }

    private static IEnumerable<int> ProcessTree(int root)
    {
        var children = ProcStat.ParentsById().GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray());
        var stack = new Stack<int>([root]);
        var order = new List<int>();
        while (stack.Count > 0)
        {
            var pid = stack.Pop();
            order.Add(pid);
            foreach (var child in children.GetValueOrDefault(pid, [])) stack.Push(child);
        }

        return order;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Reads /proc/&lt;pid&gt;/stat (proc(5)): parent pid and utime+stime+cutime+cstime in clock ticks.</summary>
internal static class ProcStat
{
    // sysconf(_SC_CLK_TCK) is 100 on every Linux architecture .NET runs on.
    public const double TicksPerSecond = 100;

    public static long CpuTicks(int pid)
    {
        var fields = Fields(pid);
        if (fields is null) return 0;

        // Fields after "(comm)": state is [0]; utime, stime, cutime, cstime are fields 14–17 of the line, [11]..[14] here.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
            + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
    }

    public static Dictionary<int, int> ParentsById()
    {
        var parents = new Dictionary<int, int>();
        if (!Directory.Exists("/proc")) return parents;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var fields = Fields(pid);
            if (fields is not null) parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
        }

        return parents;
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
