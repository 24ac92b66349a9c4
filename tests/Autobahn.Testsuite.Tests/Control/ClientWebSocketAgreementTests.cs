using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>
/// .NET's <see cref="System.Net.WebSockets.ClientWebSocket"/> against our fuzzingserver over loopback, case by case
/// through <see cref="FuzzingServer.RunClientCaseAsync"/>, compared with wstest's verdicts for the same client
/// (<c>wstest-results/clients/dotnet-clientwebsocket*.tsv</c>).
/// </summary>
public sealed class ClientWebSocketAgreementTests(ITestOutputHelper output)
{
    public const string FullVariable = "AUTOBAHN_CLIENT_FULL";

    [ClientTableFact]
    public async Task Sections_1_to_7_and_10_agree_with_wstest()
    {
        await AgreeAsync(["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"], deflate: false, "dotnet-clientwebsocket");
    }

    [ClientTableFact]
    public async Task Sections_1_to_7_and_10_agree_with_wstest_over_wss()
    {
        using var certificate = LoopbackCertificate.Create();
        await AgreeAsync(["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"], deflate: false, "dotnet-clientwebsocket", certificate);
    }

    [ClientTableFact(FullVariable)]
    public async Task All_cases_agree_with_wstest_without_deflate()
    {
        await AgreeAsync(["*"], deflate: false, "dotnet-clientwebsocket");
    }

    [ClientTableFact(FullVariable)]
    public async Task All_cases_agree_with_wstest_with_deflate()
    {
        await AgreeAsync(["*"], deflate: true, "dotnet-clientwebsocket-deflate");
    }

    private async Task AgreeAsync(string[] patterns, bool deflate, string table, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var expected = ClientVerdictTables.Read(table);
        await using var server = FuzzingServer.Start(new FuzzingServerOptions { Cases = patterns, Certificate = certificate });
        var clock = Stopwatch.StartNew();
        var results = new List<CaseResult>();
        var overran = new List<string>();
        foreach (var id in server.Cases)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var started = clock.Elapsed;
            try
            {
                results.Add(await server.RunClientCaseAsync(id.Text, (url, token) => EchoClients.EchoAsync(url, deflate, token, certificate), cancellationToken: bound.Token));
            }
            catch (OperationCanceledException)
            {
                overran.Add($"{id.Text}: no result within 2 minutes");
            }

            if (clock.Elapsed - started > TimeSpan.FromSeconds(20)) output.WriteLine($"  {id.Text} took {(clock.Elapsed - started).TotalSeconds:0.0} s");
        }

        var disagreements = ClientVerdictTables.Disagreements(results, expected).Concat(overran).ToList();
        output.WriteLine($"{server.Url.Scheme}: {results.Count} cases in {clock.Elapsed.TotalSeconds:0.0} s; {results.Count - disagreements.Count} agree with wstest's {table}.tsv");
        foreach (var group in results.GroupBy(r => $"{r.Behavior.ToWstestString()}/{r.BehaviorClose.ToWstestString()}")) output.WriteLine($"  {group.Key}: {group.Count()}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
