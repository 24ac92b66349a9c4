using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autobahn.Testsuite.Tests;

public sealed class LoopbackCertificateTests
{
    [Fact]
    public void Create_Default_SelfSignedServerCertificateForTheLoopbackNamesValidForADay()
    {
        var before = DateTimeOffset.UtcNow;
        using var certificate = LoopbackCertificate.Create();

        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);

        // Valid now (with room for a peer's clock running behind) and for about one day.
        Assert.InRange(certificate.NotBefore.ToUniversalTime(), before.UtcDateTime.AddMinutes(-6), before.UtcDateTime);
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), before.UtcDateTime.AddDays(1).AddSeconds(-1), before.UtcDateTime.AddDays(1).AddMinutes(1));
    }

    [Fact]
    public void Create_Validity_SetsTheExpiry()
    {
        using var certificate = LoopbackCertificate.Create(TimeSpan.FromHours(1));

        Assert.InRange(certificate.NotAfter.ToUniversalTime(), DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Create_NonPositiveValidity_Throws(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LoopbackCertificate.Create(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Create_TwoCalls_TwoKeys()
    {
        using var first = LoopbackCertificate.Create();
        using var second = LoopbackCertificate.Create();

        Assert.NotEqual(first.Thumbprint, second.Thumbprint);
    }

    [Fact]
    public void Create_Certificate_ValidatesAgainstItselfAsTheOnlyRootForEveryLoopbackName()
    {
        using var certificate = LoopbackCertificate.Create();
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);

        Assert.True(chain.Build(certificate), string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.True(certificate.MatchesHostname("::1"));
        Assert.False(certificate.MatchesHostname("example.com"));
    }

    [Fact]
    public void Create_Certificate_ExportsToPemForOtherServers()
    {
        using var certificate = LoopbackCertificate.Create();

        var pem = certificate.ExportCertificatePem();
        var key = certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();
        using var reloaded = X509Certificate2.CreateFromPem(pem, key);

        Assert.Equal(certificate.Thumbprint, reloaded.Thumbprint);
        Assert.True(reloaded.HasPrivateKey);
    }
}
