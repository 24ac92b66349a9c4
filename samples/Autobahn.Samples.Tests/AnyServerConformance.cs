using System.Security.Cryptography.X509Certificates;
using Autobahn.Testsuite;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Every Autobahn case against any WebSocket server, in any language, given by URL:
/// <c>AUTOBAHN_SERVER_URL=ws://127.0.0.1:9001/ dotnet test --filter "FullyQualifiedName~AnyServerConformance"</c>.
/// Without the variable every row is skipped. For a <c>wss://</c> server with a self-signed certificate, point
/// <c>AUTOBAHN_SERVER_CERTIFICATE</c> at that certificate (PEM or DER) to trust it.
/// </summary>
public sealed class AnyServerConformance
{
    private const string ServerUrlVariable = "AUTOBAHN_SERVER_URL";
    private const string CertificateVariable = "AUTOBAHN_SERVER_CERTIFICATE";

    private static readonly Lazy<FuzzingOptions?> Options = new(() =>
        Environment.GetEnvironmentVariable(CertificateVariable) is { Length: > 0 } path
            ? new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = X509CertificateLoader.LoadCertificateFromFile(path) } }
            : null);

    [AutobahnTheory(SkipUnlessEnvironment = ServerUrlVariable)]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) =>
        AutobahnRunner.RunAsync(caseId, Environment.GetEnvironmentVariable(ServerUrlVariable)!, Options.Value);
}
