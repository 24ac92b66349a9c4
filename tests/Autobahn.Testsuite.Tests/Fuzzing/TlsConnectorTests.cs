using System.Diagnostics;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// <c>wss://</c> through <see cref="Fuzzer.RunCaseAsync(string, Uri, FuzzingOptions?, CancellationToken)"/>: TLS with
/// validation on by default, a trusted certificate, accept-any, the SNI host name, and handshakes that fail, all ending
/// fast as a FAILED result that names the problem.
/// </summary>
public sealed class TlsConnectorTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("1.1.1")]
    [InlineData("1.2.8")]
    [InlineData("2.10")]
    [InlineData("3.2")]
    [InlineData("4.2.1")]
    [InlineData("5.15")]
    [InlineData("6.2.1")]
    [InlineData("7.5.1")]
    [InlineData("10.1.1")]
    public async Task RunCase_TrustedLoopbackCertificate_SameVerdictAsWithoutTls(string caseId)
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = TlsEchoServer.Start(certificate);
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate } };

        var secure = await Fuzzer.RunCaseAsync(caseId, server.Url, options);
        var plain = await Fuzzer.RunCaseAsync(caseId, TlsEchoServer.EchoAsync);

        Assert.True(secure.Transcript.ConnectionWasOpen, secure.Transcript.ConnectionFailure);
        Assert.Equal((plain.Behavior, plain.BehaviorClose), (secure.Behavior, secure.BehaviorClose));
        Assert.Equal(plain.Transcript.Received, secure.Transcript.Received);
        Assert.Equal(0, server.FailedHandshakes);
    }

    [Fact]
    public async Task RunCase_Wss_HostHeaderAndUrlAreTheUrlsAsInWstest()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = TlsEchoServer.Start(certificate);
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate, HostName = "localhost" } };

        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url, options);

        Assert.Equal(Behavior.Ok, result.Behavior);
        Assert.Contains($"Host: 127.0.0.1:{server.Url.Port}\r\n", result.Transcript.HttpRequest);
        Assert.Equal(["localhost"], server.ServerNames);
    }

    [Fact]
    public async Task RunCase_UntrustedCertificateByDefault_FailsFastNamingTheChainError()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = TlsEchoServer.Start(certificate);

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url);
        stopwatch.Stop();

        var failure = AssertConnectFailed(result, server.Url);
        Assert.Contains("TLS handshake failed: the server's certificate was rejected (SslPolicyErrors.RemoteCertificateChainErrors)", failure);
        Assert.Contains("UntrustedRoot", failure);
        Assert.Contains("certificate CN=localhost for localhost, 127.0.0.1, ::1", failure);
        Assert.Contains("FuzzingOptions.Tls.TrustedCertificate", failure);
        Assert.True(stopwatch.Elapsed < Fast, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunCase_ExpiredTrustedCertificate_FailsNamingNotTimeValid()
    {
        using var certificate = TestCertificates.Expired();
        await using var server = TlsEchoServer.Start(certificate);
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate } };

        var result = await Fuzzer.RunCaseAsync("1.1.1", new UriBuilder(server.Url) { Host = "localhost" }.Uri, options);

        var failure = AssertConnectFailed(result, new UriBuilder(server.Url) { Host = "localhost" }.Uri);
        Assert.Contains("RemoteCertificateChainErrors", failure);
        Assert.Contains("NotTimeValid", failure);
    }

    [Fact]
    public async Task RunCase_ExpiredCertificateWithAcceptAny_RunsAsWstest082Does()
    {
        using var certificate = TestCertificates.Expired();
        await using var server = TlsEchoServer.Start(certificate);
        var options = new FuzzingOptions { Tls = new TlsOptions { AcceptAnyCertificate = true } };

        var result = await Fuzzer.RunCaseAsync("2.2", server.Url, options);

        Assert.Equal((Behavior.Ok, Behavior.Ok), (result.Behavior, result.BehaviorClose));
    }

    [Fact]
    public async Task RunCase_CertificateForAnotherHost_FailsNamingTheNameMismatch()
    {
        using var certificate = TestCertificates.ForOtherHost();
        await using var server = TlsEchoServer.Start(certificate);
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate } };

        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url, options);

        var failure = AssertConnectFailed(result, server.Url);
        Assert.Contains("SslPolicyErrors.RemoteCertificateNameMismatch", failure);
        Assert.Contains("it is not for '127.0.0.1'", failure);
        Assert.Contains("for example.com", failure);
    }

    [Fact]
    public async Task RunCase_HostNameNotInTheCertificate_FailsNamingTheNameMismatch()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = TlsEchoServer.Start(certificate);
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate, HostName = "example.com" } };

        var result = await Fuzzer.RunCaseAsync("1.1.1", server.Url, options);

        Assert.Contains("it is not for 'example.com'", AssertConnectFailed(result, server.Url));
        Assert.Equal(["example.com"], server.ServerNames);
    }

    [Fact]
    public async Task RunCase_Sni_IsTheHostNameOptionElseTheUrlsDnsNameAndNoneForAnAddress()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var server = TlsEchoServer.Start(certificate);
        var trusted = new TlsOptions { TrustedCertificate = certificate };
        var byName = new UriBuilder(server.Url) { Host = "localhost" }.Uri;

        var results = new[]
        {
            await Fuzzer.RunCaseAsync("1.1.1", server.Url, new FuzzingOptions { Tls = trusted }),
            await Fuzzer.RunCaseAsync("1.1.1", byName, new FuzzingOptions { Tls = trusted }),
            await Fuzzer.RunCaseAsync("1.1.1", server.Url, new FuzzingOptions { Tls = trusted with { HostName = "localhost" } }),
        };

        Assert.All(results, r => Assert.Equal(Behavior.Ok, r.Behavior));
        Assert.Equal(["", "localhost", "localhost"], server.ServerNames);
    }

    [Fact]
    public async Task RunCase_PlainServerAtAWssUrl_FailsFastSayingTheTlsHandshakeFailed()
    {
        // A ws:// server answers the TLS ClientHello as a bad HTTP request and hangs up.
        await using var server = HostileServer.Start(async connection =>
        {
            await connection.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
            connection.ShutdownSend();
        });
        var url = new UriBuilder(server.Url) { Scheme = "wss" }.Uri;

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", url, new FuzzingOptions { Tls = new TlsOptions { AcceptAnyCertificate = true } });
        stopwatch.Stop();

        Assert.Contains("TLS handshake failed", AssertConnectFailed(result, url));
        Assert.True(stopwatch.Elapsed < Fast, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunCase_ServerSilentInTheTlsHandshake_FailsAtTheOpeningHandshakeTimeout()
    {
        await using var server = HostileServer.Start(_ => Task.CompletedTask);
        var url = new UriBuilder(server.Url) { Scheme = "wss" }.Uri;
        var options = new FuzzingOptions { TimeScale = 0.1, Tls = new TlsOptions { AcceptAnyCertificate = true } };

        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync("1.1.1", url, options);
        stopwatch.Stop();

        Assert.Contains("no TLS handshake within 0.5 s", AssertConnectFailed(result, url));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.45), Fast);
        Assert.True(await server.WaitUntilNoneOpenAsync(Fast), "the fuzzer left the TCP connection open");
    }

    [Fact]
    public async Task RunCase_HttpsUrl_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Fuzzer.RunCaseAsync("1.1.1", new Uri("https://127.0.0.1:1/")));

    private static string AssertConnectFailed(CaseResult result, Uri url)
    {
        Assert.True(result.Transcript.ConnectFailed, result.Transcript.ConnectionFailure);
        Assert.False(result.Transcript.ConnectionWasOpen);
        Assert.Equal((Behavior.Failed, Behavior.Failed), (result.Behavior, result.BehaviorClose));
        var failure = result.Transcript.ConnectionFailure!;
        Assert.StartsWith($"Could not connect to {url}: ", failure);
        return failure;
    }
}
