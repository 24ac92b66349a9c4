using System.Diagnostics;
using System.Text.Json.Nodes;
using Autobahn.Testsuite;
using Xunit.Abstractions;

namespace Autobahn.Wstest.Tool.Tests.Client;

/// <summary><c>--parallel</c> gives the verdicts of one case after another, in wstest's order.</summary>
public class ParallelTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Parallel_Sections1To7And10_SameVerdictsAsOneAtATime()
    {
        await using var server = await TestServer.StartEchoAsync();
        using var dir = new TempDirectory();
        string Spec(string name) => dir.Write(name + ".json", $$"""
            {"outdir": "{{dir.Combine(name).Replace("\\", "/", StringComparison.Ordinal)}}", "servers": [{"agent": "Kestrel", "url": "{{server.Url}}"}],
             "cases": ["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"]}
            """);

        var watch = Stopwatch.StartNew();
        var sequential = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec("sequential"));
        var sequentialSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var parallel = await ToolRun.RunAsync("-m", "fuzzingclient", "-s", Spec("parallel"), "--parallel", "2");
        var parallelSeconds = watch.Elapsed.TotalSeconds;
        log.WriteLine($"sections 1-7, 10 (247 cases): one at a time {sequentialSeconds:0.0} s, --parallel 2 {parallelSeconds:0.0} s");

        Assert.True(sequential.ExitCode == 0, sequential.Output);
        Assert.True(parallel.ExitCode == 0, parallel.Output);
        var one = Verdicts(dir.Combine("sequential", "index.json"));
        var two = Verdicts(dir.Combine("parallel", "index.json"));
        Assert.Equal(247, one.Count);
        Assert.Equal(one.Keys, two.Keys); // index.json is written in wstest's order either way

        // 3.2-3.4, 4.1.3-4.1.5, 4.2.3-4.2.5 and 5.15 race on a concurrent server (wstest issue #102): OK or NON-STRICT.
        var differing = one.Keys.Where(id => one[id] != two[id]).ToArray();
        Assert.All(differing, id => Assert.True(CaseInfo.TryGet(id, out var info) && info.IsRacy, $"{id}: {one[id]} one at a time, {two[id]} in parallel"));
        Assert.Equal(LinesOfCases(sequential.Output), LinesOfCases(parallel.Output));
    }

    private static Dictionary<string, string> Verdicts(string indexPath)
    {
        var agent = JsonNode.Parse(File.ReadAllText(indexPath))!["Kestrel"]!.AsObject();
        return agent.ToDictionary(p => p.Key, p => $"{p.Value!["behavior"]}/{p.Value["behaviorClose"]}");
    }

    private static string[] LinesOfCases(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith('[')).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])];
}
