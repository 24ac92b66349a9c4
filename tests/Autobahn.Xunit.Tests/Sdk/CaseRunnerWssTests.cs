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
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null);
        var ids = CaseSelection.Resolve(["*"]).Select(id => id.Text).ToArray();
        var row = new RowSettings(() => CaseExpectations.None, timeScale: 1, new TheoryRun());
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        // The rows of one theory run as the framework runs them, DefaultMaximum at a time.
        var slowest = TimeSpan.Zero;
        var slowestLock = new Lock();
        var total = Stopwatch.StartNew();
        var messages = await GatedRows.RunAsync(ids, ConcurrencyPolicy.DefaultMaximum, async id =>
        {
            var clock = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync(id, server.Url, null, row, guard.Token));
            lock (slowestLock) slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            return failure.Message;
        });

        total.Stop();
        output.WriteLine($"{ids.Length} rows failed in {total.Elapsed.TotalSeconds:0.00} s: {total.Elapsed.TotalMilliseconds / ids.Length:0.0} ms per row, slowest {slowest.TotalMilliseconds:0} ms; {server.AcceptedConnections} connections tried");
        output.WriteLine(messages[0].Split('\n')[0]);

        Assert.Equal(517, messages.Length);
        Assert.StartsWith($"Could not connect to {server.Url}: TLS handshake failed: the server's certificate was rejected (SslPolicyErrors.RemoteCertificateChainErrors): chain status UntrustedRoot", messages[0]);
        Assert.All(messages.Skip(ConcurrencyPolicy.DefaultMaximum), m => Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, m));
        Assert.All(messages, m => Assert.Contains("SslPolicyErrors.RemoteCertificateChainErrors", m));
        Assert.InRange(server.AcceptedConnections, 1, ConcurrencyPolicy.DefaultMaximum); // the cases started before the first failure
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(15), $"took {total.Elapsed}");
    }
}
