using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Fuzzing.Simulation;

namespace Autobahn.Testsuite.Tests.Fuzzing.Node;

/// <summary>
/// A real TLS stack on the other side: node <c>ws</c> over node's https server with a self-signed certificate (the
/// generated one, exported to PEM). With accept-any (wstest 0.8.2's behaviour) a handful of cases from every section,
/// permessage-deflate included, give wstest's published verdicts for ws 8.18.3; with validation on, the connect fails.
/// </summary>
public sealed class NodeWssTests : IAsyncLifetime
{
    private static readonly FuzzingOptions AcceptAny = new() { Tls = new TlsOptions { AcceptAnyCertificate = true } };
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 certificate = LoopbackCertificate.Create();
    private NodeWssServer? server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        certificate.Dispose();
    }

    [NodeFact]
    public async Task RunCase_SelfSignedWithAcceptAny_PublishedVerdicts()
    {
        string[] ids = ["1.1.1", "1.2.8", "2.2", "3.1", "4.1.1", "5.1", "6.1.1", "7.5.1", "10.1.1", "12.1.1", "13.1.1"];
        var published = WstestVerdicts.FindWsTable() is { } table ? WstestVerdicts.Read(table) : null;
        var url = (server = await NodeWssServer.StartAsync(certificate)).Url;

        foreach (var id in ids)
        {
            var result = await Fuzzer.RunCaseAsync(id, url, AcceptAny);

            Assert.True(result.Transcript.ConnectionWasOpen, $"{id}: {result.Transcript.ConnectionFailure}");
            var expected = published?[id] ?? ("OK", "OK");
            Assert.Equal((id, expected.Behavior, expected.BehaviorClose), (id, result.Behavior.ToWstestString(), result.BehaviorClose.ToWstestString()));
        }
    }

    [NodeFact]
    public async Task RunCase_SelfSignedByDefault_FailsNamingTheUntrustedRoot()
    {
        var url = (server = await NodeWssServer.StartAsync(certificate)).Url;

        var result = await Fuzzer.RunCaseAsync("1.1.1", url);

        Assert.True(result.Transcript.ConnectFailed);
        Assert.Contains("SslPolicyErrors.RemoteCertificateChainErrors", result.Transcript.ConnectionFailure);
        Assert.Contains("UntrustedRoot", result.Transcript.ConnectionFailure);
    }

    [NodeFact]
    public async Task RunCase_TrustedWithHostName_NodeSeesTheSniName()
    {
        var url = (server = await NodeWssServer.StartAsync(certificate)).Url;
        var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate, HostName = "localhost" } };

        var named = await Fuzzer.RunCaseAsync("2.2", url, options);
        var unnamed = await Fuzzer.RunCaseAsync("2.2", url, AcceptAny);

        Assert.Equal((Behavior.Ok, Behavior.Ok), (named.Behavior, named.BehaviorClose));
        Assert.Equal(Behavior.Ok, unnamed.Behavior);
        Assert.Equal(["localhost", ""], await server.ServerNamesAsync());
    }
}
