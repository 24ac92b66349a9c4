using System.Diagnostics;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;
using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// A <c>wss://</c> server whose certificate fails validation is down as far as the rows are concerned: one clear
/// failure per row that names the certificate problem, fast, like a refused connection — not 517 timeouts.
/// </summary>
public sealed class CaseRunnerWssTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_UntrustedCertificate_EveryRowFailsAtOnceNamingTheCertificateProblem()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = TlsEchoServer.Start(certificate);
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null, new ConnectFailureMemory(TimeProvider.System));
        var ids = CaseSelection.Resolve(["*"]).Select(id => id.Text).ToArray();
        var plan = new RowPlan(ids, degree: ConcurrencyPolicy.DefaultMaximum);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var messages = new List<string>();
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var row = Stopwatch.StartNew();
            AutobahnRowContext.Current = new AutobahnRowContext { Plan = plan, RunCancellation = guard.Token };
            var failure = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync(id, server.Url, null, guard.Token));
            messages.Add(failure.Message);
            slowest = row.Elapsed > slowest ? row.Elapsed : slowest;
        }

        total.Stop();
        AutobahnRowContext.Current = null;
        output.WriteLine($"{ids.Length} rows failed in {total.Elapsed.TotalSeconds:0.00} s: {total.Elapsed.TotalMilliseconds / ids.Length:0.0} ms per row, slowest {slowest.TotalMilliseconds:0} ms; {server.AcceptedConnections} connections tried");
        output.WriteLine(messages[0].Split('\n')[0]);

        Assert.Equal(517, messages.Count);
        Assert.StartsWith($"Could not connect to {server.Url}: TLS handshake failed: the server's certificate was rejected (SslPolicyErrors.RemoteCertificateChainErrors): chain status UntrustedRoot", messages[0]);
        Assert.All(messages.Skip(1), m => Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, m));
        Assert.All(messages, m => Assert.Contains("SslPolicyErrors.RemoteCertificateChainErrors", m));
        Assert.InRange(server.AcceptedConnections, 1, ConcurrencyPolicy.DefaultMaximum); // the cases started before the first failure
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(15), $"took {total.Elapsed}");
    }
}
