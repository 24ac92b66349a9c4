using System.Diagnostics;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Sdk;
using Xunit.Abstractions;

namespace Autobahn.Xunit.Tests.Wss;

/// <summary>
/// TLS must not change a verdict: sections 1–7 and 10 against the sample echo app (Kestrel, in this process) over
/// <c>ws://</c> and over <c>wss://</c> with a certificate made for the run (<see cref="LoopbackCertificate"/>) and
/// trusted through <see cref="TlsOptions.TrustedCertificate"/>, compared case by case.
/// </summary>
public sealed class SampleServerWssTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 certificate = LoopbackCertificate.Create();
    private HttpsEchoApp server = null!;

    public async Task InitializeAsync() => server = await HttpsEchoApp.StartAsync(certificate);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        certificate.Dispose();
    }

    [Fact]
    public async Task Sections1To7And10_OverWss_GiveTheVerdictsOfWs()
    {
        var ids = CaseSelection.Resolve(["*"], ["9.*", "12.*", "13.*"]).Select(id => id.Text).ToArray();
        Assert.Equal(247, ids.Length);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var (plain, plainTime) = await RunAllAsync(ids, server.PlainUrl, FuzzingOptions.Default, guard.Token);
        var secureOptions = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate } };
        var (secure, secureTime) = await RunAllAsync(ids, server.SecureUrl, secureOptions, guard.Token);
        output.WriteLine($"{ids.Length} cases: ws:// {plainTime.TotalSeconds:0.0} s, wss:// {secureTime.TotalSeconds:0.0} s");
        output.WriteLine("wss:// verdicts: " + string.Join(", ", secure.Values.GroupBy(Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));

        var differences = ids
            .Where(id => !SameVerdict(id, plain[id], secure[id]))
            .Select(id => $"{id}: ws {Verdict(plain[id])}, wss {Verdict(secure[id])} {secure[id].Transcript.ConnectionFailure}")
            .ToArray();
        Assert.True(differences.Length == 0, string.Join("\n", differences));
        Assert.All(ids, id => Assert.True(secure[id].Transcript.ConnectionWasOpen, secure[id].Transcript.ConnectionFailure));
        Assert.All(ids, id => Assert.Contains($"Host: 127.0.0.1:{server.SecureUrl.Port}\r\n", secure[id].Transcript.HttpRequest));
        Assert.Equal(ids.Length, server.ServerNames.Count); // one TLS handshake per case; no SNI for 127.0.0.1
        Assert.All(server.ServerNames, name => Assert.Equal(string.Empty, name));
    }

    [Fact]
    public async Task HostName_ReachesKestrelsCertificateSelectorAsSni()
    {
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate, HostName = "localhost" } };

        var result = await Fuzzer.RunCaseAsync("1.1.1", server.SecureUrl, options);

        Assert.Equal(Behavior.Ok, result.Behavior);
        Assert.Equal(["localhost"], server.ServerNames);
        Assert.Contains($"Host: 127.0.0.1:{server.SecureUrl.Port}\r\n", result.Transcript.HttpRequest); // the URL's, as wstest
    }

    [Fact]
    public async Task AutobahnRunner_WssUrlString_RunsThroughTheEngine()
    {
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate } };

        var result = await AutobahnRunner.RunAsync("2.2", server.SecureUrl.ToString(), options);

        Assert.Equal((Behavior.Ok, Behavior.Ok), (result.Behavior, result.BehaviorClose));
    }

    /// <summary>The cases, <see cref="ConcurrencyPolicy.DefaultMaximum"/> at a time as the framework runs a theory's rows.</summary>
    private static async Task<(Dictionary<string, CaseResult> Results, TimeSpan Elapsed)> RunAllAsync(string[] ids, Uri url, FuzzingOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var results = await GatedRows.RunAsync(ids, ConcurrencyPolicy.DefaultMaximum, id => Fuzzer.RunCaseAsync(id, url, options, cancellationToken));
        return (ids.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second), stopwatch.Elapsed);
    }

    /// <summary>The racy cases (<see cref="CaseInfo.IsRacy"/>, wstest issue #102) are OK or NON-STRICT whichever way they run.</summary>
    private static bool SameVerdict(string id, CaseResult a, CaseResult b) =>
        a.BehaviorClose == b.BehaviorClose
        && (a.Behavior == b.Behavior || (CaseInfo.Get(CaseId.Parse(id)).IsRacy && a.Behavior is Behavior.Ok or Behavior.NonStrict && b.Behavior is Behavior.Ok or Behavior.NonStrict));

    private static string Verdict(CaseResult result) => $"{result.Behavior.ToWstestString()}/{result.BehaviorClose.ToWstestString()}";
}
