using System.Security.Cryptography.X509Certificates;

namespace Autobahn.Testsuite;

/// <summary>
/// How the fuzzer secures a <c>wss://</c> connection (TLS over the case's TCP connection, before the WebSocket opening
/// handshake). The server's certificate is validated by default: it must chain to a root the platform trusts and name
/// the host. wstest 0.8.2 validates nothing and sends no SNI (Twisted's <c>ClientContextFactory</c>); wstest 25.10.1
/// validates and sends SNI when a server has a <c>hostname</c> (<c>fuzzing.py</c>, <c>optionsForClientTLS</c>).
/// </summary>
public sealed record TlsOptions
{
    /// <summary>Validation against the platform's trust store and the URL's host name.</summary>
    public static TlsOptions Default { get; } = new();

    /// <summary>
    /// A certificate to trust instead of the platform's trust store: the server's own self-signed certificate (for
    /// example one from <see cref="LoopbackCertificate.Create(TimeSpan?)"/>) or the certificate authority that issued
    /// it. The server's certificate must chain to it and still name the host (<see cref="HostName"/>, else the URL's).
    /// Only its public part is used. When null, the platform's trust store decides.
    /// </summary>
    public X509Certificate2? TrustedCertificate { get; init; }

    /// <summary>
    /// Accepts any server certificate, as wstest 0.8.2 does: self-signed, expired, for another name. Meant for
    /// loopback servers with a throw-away certificate; it overrides <see cref="TrustedCertificate"/>.
    /// </summary>
    public bool AcceptAnyCertificate { get; init; }

    /// <summary>
    /// The server name sent in the TLS handshake (SNI, RFC 6066 section 3) and expected in the server's certificate,
    /// like wstest 25.10.1's per-server <c>hostname</c>. When null, the URL's host: SNI is then sent for a DNS name
    /// but not for an IP address (RFC 6066 allows host names only). The TCP target, the <c>Host</c> header and the
    /// report's URL stay the URL's, as in wstest.
    /// </summary>
    public string? HostName { get; init; }
}
