using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Says in one line why the server's certificate was rejected: the <see cref="SslPolicyErrors"/> flags, the chain
/// status of each certificate, the names the certificate holds, its validity, and what to set to get past it.
/// </summary>
internal static class CertificateProblem
{
    private const string SubjectAlternativeName = "2.5.29.17";

    private const string AcceptAny = "or FuzzingOptions.Tls.AcceptAnyCertificate = true for a throw-away loopback certificate";

    public static string Describe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, string targetHost)
    {
        var flags = string.Join(" | ", Enum.GetValues<SslPolicyErrors>().Where(f => f != SslPolicyErrors.None && errors.HasFlag(f)).Select(f => $"SslPolicyErrors.{f}"));
        var problems = new List<string>();
        var remedies = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) problems.Add("the server sent no certificate");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add($"it is not for '{targetHost}'");
            remedies.Add("set FuzzingOptions.Tls.HostName to a name it holds");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            problems.Add("chain status " + ChainStatus(chain));
            remedies.Add("trust it (or its issuer) with FuzzingOptions.Tls.TrustedCertificate");
        }

        var text = new StringBuilder("the server's certificate was rejected (").Append(flags).Append("): ").AppendJoin("; ", problems);
        if (certificate is not null)
        {
            using var owned = certificate as X509Certificate2 is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
            var leaf = certificate as X509Certificate2 ?? owned!;
            text.Append("; certificate ").Append(leaf.Subject);
            if (Names(leaf) is { Length: > 0 } names) text.Append(" for ").Append(names);
            if (leaf.Issuer != leaf.Subject) text.Append(", issued by ").Append(leaf.Issuer);
            text.Append(", valid ").Append(Utc(leaf.NotBefore)).Append(" to ").Append(Utc(leaf.NotAfter));
        }

        remedies.Add(AcceptAny);
        return text.Append(". To connect: ").AppendJoin(", ", remedies).ToString();
    }

    /// <summary>Each distinct problem of the chain, e.g. <c>UntrustedRoot (self-signed certificate)</c>.</summary>
    private static string ChainStatus(X509Chain? chain)
    {
        var statuses = chain?.ChainElements
            .SelectMany(e => e.ChainElementStatus)
            .Concat(chain.ChainStatus)
            .Where(s => s.Status != X509ChainStatusFlags.NoError)
            .Select(s => string.IsNullOrWhiteSpace(s.StatusInformation) ? s.Status.ToString() : $"{s.Status} ({s.StatusInformation.Trim().TrimEnd('.')})")
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return statuses is { Length: > 0 } ? string.Join(", ", statuses) : "unknown";
    }

    /// <summary>The DNS names and IP addresses of the subject alternative name extension (RFC 5280 section 4.2.1.6).</summary>
    private static string Names(X509Certificate2 certificate)
    {
        var raw = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == SubjectAlternativeName);
        if (raw is null) return string.Empty;
        var extension = raw as X509SubjectAlternativeNameExtension ?? new X509SubjectAlternativeNameExtension(raw.RawData);
        return string.Join(", ", extension.EnumerateDnsNames().Concat(extension.EnumerateIPAddresses().Select(a => a.ToString())));
    }

    private static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
