using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>
/// Real client libraries' testee loops, unchanged, against our fuzzingserver through wstest's control protocol, their
/// verdicts compared with wstest's for the same clients (<c>wstest-results/clients/*.tsv</c>).
/// </summary>
public sealed class TesteeLoopAgreementTests(ITestOutputHelper output)
{
    private static readonly string[] QuickSections = ["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"];

    [ClientTableFact]
    public async Task Node_ws_client_sections_1_to_7_and_10()
    {
        Assert.True(TesteeLoop.Has("node") && TesteeLoop.Has("npm"), "node and npm are needed for the ws testee (.ci/run installs them)");
        await AgreeAsync("ws", "ws", null, QuickSections, TimeSpan.FromMinutes(5));
    }

    [ClientTableFact(ClientWebSocketAgreementTests.FullVariable)]
    public async Task Node_ws_client_all_cases()
    {
        await AgreeAsync("ws", "ws", null, ["*"], TimeSpan.FromMinutes(40));
    }

    [ClientTableFact]
    public async Task Python_websockets_client_sections_1_to_7_and_10()
    {
        Assert.True(TesteeLoop.Has("/usr/bin/python3"), "Debian's python3 with python3-websockets is needed (.ci/run installs it)");
        await AgreeAsync("python-websockets", "python-websockets", null, QuickSections, TimeSpan.FromMinutes(5));
    }

    private async Task AgreeAsync(string client, string table, string? flag, string[] cases, TimeSpan limit)
    {
        var reports = Directory.CreateTempSubdirectory("autobahn-testee-").FullName;
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Cases = cases, ReportsDirectory = reports });
        var clock = Stopwatch.StartNew();

        var (exitCode, log) = await TesteeLoop.RunAsync(client, server.Url, client, flag, limit);

        output.WriteLine($"{client}: exit {exitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(exitCode == 0, log);
        var results = server.Results.Where(r => r.Agent == client).ToList();
        Assert.Equal(server.Cases.Count, results.Count);
        Assert.True(File.Exists(Path.Combine(reports, "index.json")), "the loop's /updateReports wrote index.json");
        var disagreements = ClientVerdictTables.Disagreements(results, ClientVerdictTables.Read(table));
        output.WriteLine($"{results.Count - disagreements.Count}/{results.Count} agree with wstest's {table}.tsv");
        foreach (var group in results.GroupBy(r => $"{r.Behavior.ToWstestString()}/{r.BehaviorClose.ToWstestString()}")) output.WriteLine($"  {group.Key}: {group.Count()}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
