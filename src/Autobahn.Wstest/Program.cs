using System.Diagnostics;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

// Usage: Autobahn.Wstest --url ws://127.0.0.1:9001/ [--cases "*"] [--exclude "9.*"] [--compare wstest.tsv] [--verbose]
// Runs the cases one after another (like wstest), prints one line per case, a summary per section, and, with
// --compare, the agreement with a wstest verdict table (id, behavior, behaviorClose, ...). Exit code 1 on disagreement.
var arguments = Arguments.Parse(args);
if (arguments.Url is null)
{
    Console.Error.WriteLine("usage: Autobahn.Wstest --url ws://127.0.0.1:9001/ [--cases \"*\"] [--exclude pattern] [--compare table.tsv] [--verbose]");
    return 2;
}

var ids = CaseSelection.Resolve(arguments.Cases, arguments.Exclude);
var reference = arguments.Compare is null ? null : WstestTable.Load(arguments.Compare);
var total = Stopwatch.StartNew();
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var sectionTimes = new SortedDictionary<int, TimeSpan>();
var agree = 0;
var disagree = new List<string>();
foreach (var id in ids)
{
    var watch = Stopwatch.StartNew();
    var result = await Fuzzer.RunCaseAsync(id.Text, new Uri(arguments.Url));
    watch.Stop();
    sectionTimes[id.Section] = sectionTimes.GetValueOrDefault(id.Section) + watch.Elapsed;
    var line = $"{id.Text,-8} {result.Behavior.ToWstestString(),-14} {result.BehaviorClose.ToWstestString(),-17} {result.Transcript.Closing.RemoteCloseCode?.ToString() ?? "None",-5} {watch.ElapsedMilliseconds,6} ms";
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

total.Stop();
process.Refresh();
Console.WriteLine();
foreach (var (section, time) in sectionTimes) Console.WriteLine($"section {section,2}: {time.TotalSeconds,8:0.000} s");
Console.WriteLine($"total: {ids.Count} cases in {total.Elapsed.TotalSeconds:0.000} s wall, fuzzer CPU {(process.TotalProcessorTime - cpuBefore).TotalSeconds:0.000} s");
if (reference is not null)
{
    Console.WriteLine($"agreement with {arguments.Compare}: {agree}/{ids.Count}");
    foreach (var d in disagree) Console.WriteLine("  " + d);
    return disagree.Count == 0 ? 0 : 1;
}

return 0;

internal sealed record Arguments(string? Url, List<string> Cases, List<string> Exclude, string? Compare, bool Verbose)
{
    public static Arguments Parse(string[] args)
    {
        string? url = null, compare = null;
        var cases = new List<string>();
        var exclude = new List<string>();
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url": url = args[++i]; break;
                case "--cases": cases.Add(args[++i]); break;
                case "--exclude": exclude.Add(args[++i]); break;
                case "--compare": compare = args[++i]; break;
                case "--verbose": verbose = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        if (cases.Count == 0) cases.Add("*");
        return new Arguments(url, cases, exclude, compare, verbose);
    }
}

internal sealed record WstestVerdict(string Behavior, string BehaviorClose, bool Racy)
{
    // wstest-results/README.md: cases that send a valid message then an invalid frame race on concurrent servers.
    public bool Matches(string behavior, string behaviorClose) =>
        BehaviorClose == behaviorClose &&
        (Behavior == behavior || (Racy && Behavior is "OK" or "NON-STRICT" && behavior is "OK" or "NON-STRICT"));
}

internal static class WstestTable
{
    private static readonly HashSet<string> RacyCases = ["3.2", "3.3", "3.4", "4.1.3", "4.1.4", "4.1.5", "4.2.3", "4.2.4", "4.2.5", "5.15"];

    public static Dictionary<string, WstestVerdict> Load(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 3)
            .ToDictionary(f => f[0], f => new WstestVerdict(f[1], f[2], RacyCases.Contains(f[0])));
}
