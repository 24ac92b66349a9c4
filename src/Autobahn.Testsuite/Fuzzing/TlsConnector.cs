using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Secures a case's TCP connection for a <c>wss://</c> URL: a TLS client handshake over it, before the WebSocket
/// opening handshake (RFC 6455 section 4.1: "If /secure/ is true, the client MUST perform a TLS handshake over the
/// connection after opening the connection and before sending the handshake data"). wstest does the same through
/// Twisted's TLS transport (<c>connectWS</c> with a context factory, <c>fuzzing.py</c>).
/// </summary>
internal static class TlsConnector
{
    /// <summary>
    /// Runs the TLS handshake over <paramref name="transport"/> and returns the secured stream. On any failure the
    /// transport is disposed and an <see cref="IOException"/> (a rejected certificate, a failed handshake) or a
    /// <see cref="TimeoutException"/> (no handshake within <paramref name="timeout"/>) says why.
    /// </summary>
    public static async Task<Stream> AuthenticateAsync(Stream transport, Uri url, TlsOptions tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var targetHost = tls.HostName ?? url.IdnHost.Trim('[', ']');
        string? rejection = null;
        using var trusted = tls.TrustedCertificate is { } given && !tls.AcceptAnyCertificate ? X509CertificateLoader.LoadCertificate(given.RawData) : null;
        var options = new SslClientAuthenticationOptions
        {
            // SNI (RFC 6066 section 3) and the name the certificate must hold; SslStream sends no SNI for an IP address.
            TargetHost = targetHost,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = trusted is null ? null : TrustOnly(trusted),
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (errors == SslPolicyErrors.None || tls.AcceptAnyCertificate) return true;
                rejection = CertificateProblem.Describe(certificate, chain, errors, targetHost);
                return false;
            },
        };

        var secured = new SslStream(transport, leaveInnerStreamOpen: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await secured.AuthenticateAsClientAsync(options, deadline.Token).ConfigureAwait(false);
            return secured;
        }
        catch (Exception e)
        {
            // Whatever went wrong, the connection goes with it: a failed case must not leave a socket behind.
            await secured.DisposeAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            switch (e)
            {
                case OperationCanceledException:
                    throw new TimeoutException($"no TLS handshake within {timeout.TotalSeconds:0.###} s (does the server speak TLS on this port?)", e);
                case AuthenticationException or IOException or System.Net.Sockets.SocketException:
                    throw new IOException("TLS handshake failed: " + (rejection ?? Explain(e)), e);
                default:
                    throw;
            }
        }
    }

    /// <summary>Trust <paramref name="root"/> alone, as the root of the server's chain (no platform store, no revocation check).</summary>
    private static X509ChainPolicy TrustOnly(X509Certificate2 root)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(root);
        return policy;
    }

    /// <summary>The messages of the exception and its causes (a protocol mismatch, a peer that hung up), and a hint.</summary>
    private static string Explain(Exception e)
    {
        var messages = new List<string>();
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            var message = cause.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Contains(message)) messages.Add(message);
        }

        return string.Join(": ", messages) + " (does the server speak TLS on this port? a ws:// server does not)";
    }
}
