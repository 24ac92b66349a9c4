using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autobahn.Testsuite;

/// <summary>
/// Makes a short-lived self-signed certificate for a TLS server on this machine: a <c>wss://</c> server under test
/// (Kestrel, node, ...) or the fuzzer's own <c>wss://</c> listener. It names <c>localhost</c>, <c>127.0.0.1</c> and
/// <c>::1</c>, so clients that trust it (<see cref="TlsOptions.TrustedCertificate"/>, a <c>ClientWebSocket</c>'s
/// validation callback, node's <c>ca</c> option) validate it with host-name checks on.
/// </summary>
/// <remarks>
/// wstest ships a fixed self-signed certificate for its <c>wss://</c> examples (<c>examples/fuzzingserver/wss/</c>,
/// expired since 2021), so every client must switch validation off; a certificate made per run avoids both.
/// </remarks>
public static class LoopbackCertificate
{
    /// <summary>The subject and the DNS name of the certificate.</summary>
    public const string HostName = "localhost";

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1"; // id-kp-serverAuth, RFC 5280 section 4.2.1.12

    // A certificate whose validity begins at this instant is rejected by a peer whose clock runs a little behind.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Creates a self-signed ECDSA P-256 certificate with its private key: subject <c>CN=localhost</c>, subject
    /// alternative names <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>, extended key usage server authentication,
    /// not a certificate authority, valid from five minutes ago for <paramref name="validity"/> (one day when null).
    /// Nothing is written to a certificate store. Dispose it when the server stops.
    /// </summary>
    /// <param name="validity">How long the certificate is valid; one day when null.</param>
    /// <returns>The certificate, with a private key usable by <c>SslStream</c> and Kestrel on every OS.</returns>
    /// <example>
    /// <code>
    /// using var certificate = LoopbackCertificate.Create();
    /// builder.WebHost.ConfigureKestrel(k =&gt; k.Listen(IPAddress.Loopback, 0, l =&gt; l.UseHttps(certificate)));
    /// var options = new FuzzingOptions { Tls = new TlsOptions { TrustedCertificate = certificate } };
    /// </code>
    /// </example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="validity"/> is not positive.</exception>
    public static X509Certificate2 Create(TimeSpan? validity = null)
    {
        var lifetime = validity ?? TimeSpan.FromDays(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(validity));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var now = DateTimeOffset.UtcNow;
        var created = request.CreateSelfSigned(now - ClockSkew, now + lifetime);
        if (!OperatingSystem.IsWindows()) return created;

        // Windows' TLS (SChannel) cannot use the ephemeral key CreateSelfSigned attaches; a PKCS#12 round trip gives
        // the certificate a key it can use (the way ASP.NET Core's development certificate is loaded).
        using (created)
        {
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
        }
    }
}
