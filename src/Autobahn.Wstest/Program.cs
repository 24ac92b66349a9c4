using System.Diagnostics;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

// Usage (see Arguments.Usage): runs the cases one after another, like wstest, against --url or against a reference
// server it starts itself (--server), prints one line per failing or disagreeing case (all with --verbose), a table
// per section (wall time, the fuzzer's CPU time, the server's CPU time) and, with --compare, the agreement with a
// wstest verdict table. Exit code 1 on disagreement, 2 on bad arguments, 3 when the server cannot be reached.
Arguments arguments;
try
{
    arguments = Arguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Arguments.Usage);
    return 2;
}

// Host policy: the fuzzer's timers and socket completions run on the thread pool, which on a small machine (2 cores:
// a minimum of 2 threads) adds threads only about once a second when they are blocked; a 1 s timer then fires late
// enough to turn 6.4.x's OK into NON-STRICT. A minimum of 32 avoids that.
ThreadPool.GetMinThreads(out var minWorkers, out var minCompletionPorts);
ThreadPool.SetMinThreads(Math.Max(minWorkers, 32), Math.Max(minCompletionPorts, 32));

var ids = CaseSelection.Resolve(arguments.Cases, arguments.Exclude);
var reference = arguments.Compare is null ? null : WstestTable.Load(arguments.Compare);
// The agent (report column): --agent, else the reference server's folder name (servers/ws/run.sh gives "ws"),
// else the server's Server header as wstest does.
var agent = arguments.Agent ?? (arguments.ServerScript is null ? null : Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(arguments.ServerScript))));
var options = FuzzingOptions.Default with { CompressionDataFolder = arguments.DataFolder, Agent = agent };
var reports = arguments.ReportsDirectory is null ? null : new ReportWriter(arguments.ReportsDirectory);

using var server = arguments.ServerScript is null
    ? null
    : await ServerUnderTest.StartAsync(arguments.ServerScript, arguments.ServerArguments, TimeSpan.FromSeconds(120));
var url = server?.Url ?? new Uri(arguments.Url!);
if (server is not null) Console.WriteLine($"server: {arguments.ServerScript} {string.Join(' ', arguments.ServerArguments)} on {url}");

var process = Process.GetCurrentProcess();
var sections = new SortedDictionary<int, SectionCost>();
var agree = 0;
var disagree = new List<string>();
var total = Stopwatch.StartNew();
var cpuBefore = process.TotalProcessorTime;
var serverCpuBefore = server?.CpuTime() ?? TimeSpan.Zero;
foreach (var sectionIds in ids.GroupBy(id => id.Section))
{
    var cost = sections[sectionIds.Key] = SectionCost.Start(sectionIds.Key, process, server);
    var batch = sectionIds.ToArray();

    // wstest runs one case at a time. --parallel runs a section's cases side by side (each is its own connection;
    // within a case the flow is unchanged); a case that runs alone (CaseInfo.RunsAlone: section 9, whose cases measure
    // the server's throughput) runs with no other beside it.
    var outcomes = await CaseBatch.RunAsync(batch, arguments.Parallel, id => CaseInfo.Get(id).RunsAlone, id => Fuzzer.RunCaseAsync(id.Text, url, options));
    cost.Cases = batch.Length;
    cost.Stop(process, server);

    foreach (var (id, result, elapsed) in outcomes)
    {
        reports?.Record(result);
        var line = $"{id.Text,-8} {result.Behavior.ToWstestString(),-14} {result.BehaviorClose.ToWstestString(),-17} {result.Transcript.Closing.RemoteCloseCode?.ToString() ?? "None",-5} {elapsed.TotalMilliseconds,6:0} ms";
        if (reference is not null && reference.TryGetValue(id.Text, out var expected))
        {
            var same = expected.Matches(result.Behavior.ToWstestString(), result.BehaviorClose.ToWstestString());
            if (same) agree++;
            else disagree.Add($"{id.Text}: wstest {expected.Behavior}/{expected.BehaviorClose}, ours {result.Behavior.ToWstestString()}/{result.BehaviorClose.ToWstestString()}");
            line += same ? "" : $"   <-- wstest: {expected.Behavior} / {expected.BehaviorClose}";
        }

        if (arguments.Verbose || line.Contains("<--", StringComparison.Ordinal)) Console.WriteLine(line);
        if (result.Transcript.ConnectFailed)
        {
            Console.Error.WriteLine(result.Transcript.ConnectionFailure);
            return 3;
        }
    }
}

total.Stop();
reports?.Flush();
if (reports is not null) Console.WriteLine($"reports: {reports.IndexHtmlPath}");
process.Refresh();
var ourCpu = process.TotalProcessorTime - cpuBefore;
var serverCpu = (server?.CpuTime() ?? TimeSpan.Zero) - serverCpuBefore;

Console.WriteLine();
Console.WriteLine($"{"section",-8} {"cases",5} {"wall s",9} {"fuzzer CPU s",13} {"server CPU s",13}");
foreach (var cost in sections.Values) Console.WriteLine(cost.Format(server is not null));
Console.WriteLine(new SectionCost { Cases = ids.Count, Wall = total.Elapsed, FuzzerCpu = ourCpu, ServerCpu = serverCpu }.Format(server is not null, "total"));
Console.WriteLine($"total: {ids.Count} cases in {total.Elapsed.TotalSeconds:0.000} s wall, fuzzer CPU {ourCpu.TotalSeconds:0.000} s" +
    (server is null ? "" : $", server CPU {serverCpu.TotalSeconds:0.000} s"));
if (reference is not null)
{
    Console.WriteLine($"agreement with {arguments.Compare}: {agree}/{ids.Count}");
    foreach (var d in disagree) Console.WriteLine("  " + d);
    return disagree.Count == 0 ? 0 : 1;
}

return 0;

/// <summary>
/// Runs cases at most <c>degree</c> at a time and returns them in the order given, with their wall times. A case for
/// which <c>runsAlone</c> is true runs by itself, after the cases before it and before those after it.
/// </summary>
internal static class CaseBatch
{
    public static async Task<List<(CaseId Id, CaseResult Result, TimeSpan Elapsed)>> RunAsync(
        CaseId[] ids, int degree, Func<CaseId, bool> runsAlone, Func<CaseId, Task<CaseResult>> run)
    {
        var outcomes = new List<(CaseId, CaseResult, TimeSpan)>(ids.Length);
        for (var start = 0; start < ids.Length;)
        {
            var alone = runsAlone(ids[start]);
            var stretch = alone ? [ids[start]] : ids.Skip(start).TakeWhile(id => !runsAlone(id)).ToArray();
            outcomes.AddRange(await RunStretchAsync(stretch, alone ? 1 : degree, run).ConfigureAwait(false));
            start += stretch.Length;
        }

        return outcomes;
    }

    private static async Task<(CaseId Id, CaseResult Result, TimeSpan Elapsed)[]> RunStretchAsync(CaseId[] ids, int degree, Func<CaseId, Task<CaseResult>> run)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, degree));
        return await Task.WhenAll(ids.Select(async id =>
        {
            await slots.WaitAsync().ConfigureAwait(false);
            try
            {
                var watch = Stopwatch.StartNew();
                var result = await run(id).ConfigureAwait(false);
                return (id, result, watch.Elapsed);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
    }
}

/// <summary>Wall time and CPU time (ours and the server's) spent on one section.</summary>
internal sealed class SectionCost
{
    private readonly Stopwatch watch = new();
    private TimeSpan fuzzerCpuAtStart;
    private TimeSpan serverCpuAtStart;

    public int Section { get; init; }

    public int Cases { get; set; }

    public TimeSpan Wall { get; set; }

    public TimeSpan FuzzerCpu { get; set; }

    public TimeSpan ServerCpu { get; set; }

    public static SectionCost Start(int section, Process process, ServerUnderTest? server)
    {
        process.Refresh();
        var cost = new SectionCost { Section = section, fuzzerCpuAtStart = process.TotalProcessorTime, serverCpuAtStart = server?.CpuTime() ?? TimeSpan.Zero };
        cost.watch.Start();
        return cost;
    }

    public void Stop(Process process, ServerUnderTest? server)
    {
        watch.Stop();
        process.Refresh();
        Wall = watch.Elapsed;
        FuzzerCpu = process.TotalProcessorTime - fuzzerCpuAtStart;
        ServerCpu = (server?.CpuTime() ?? TimeSpan.Zero) - serverCpuAtStart;
    }

    public string Format(bool withServer, string? label = null) =>
        $"{label ?? Section.ToString(System.Globalization.CultureInfo.InvariantCulture),-8} {Cases,5} {Wall.TotalSeconds,9:0.000} {FuzzerCpu.TotalSeconds,13:0.000} {(withServer ? ServerCpu.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "-"),13}";
}
