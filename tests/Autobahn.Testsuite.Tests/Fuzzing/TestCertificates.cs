using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>Certificates that fail validation in one way each, next to <see cref="LoopbackCertificate"/>'s good one.</summary>
internal static class TestCertificates
{
    /// <summary>Self-signed for <paramref name="dnsName"/>, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public static X509Certificate2 SelfSigned(string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>A loopback certificate that expired yesterday, like wstest's example certificate (expired 2021).</summary>
    public static X509Certificate2 Expired() => SelfSigned("localhost", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));

    /// <summary>Valid now, for a name that is not this machine.</summary>
    public static X509Certificate2 ForOtherHost() => SelfSigned("example.com", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
}
