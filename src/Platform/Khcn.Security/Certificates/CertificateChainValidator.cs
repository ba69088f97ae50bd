using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Security.Certificates;

/// <summary>
/// Decides whether a client certificate presented with mutual TLS was issued by one of the configured authorities
/// and is meant for client authentication. Only the configured bundle is trusted (<see cref="PrivateAuthorityTrust"/>).
/// </summary>
public sealed class CertificateChainValidator(X509Certificate2Collection trustedAuthorities, TimeProvider timeProvider)
{
    public CertificateChainValidator(X509Certificate2Collection trustedAuthorities)
        : this(trustedAuthorities, TimeProvider.System)
    {
    }

    /// <summary>True when <paramref name="certificate"/> chains to a trusted authority, is in its validity period and allows clientAuth.</summary>
    public bool TryValidate(X509Certificate2 certificate, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain { ChainPolicy = CreatePolicy() };
        try
        {
            if (chain.Build(certificate))
            {
                failure = null;
                return true;
            }

            failure = string.Join("; ", chain.ChainStatus
                .Where(status => status.Status != X509ChainStatusFlags.NoError)
                .Select(status => $"{status.Status}: {status.StatusInformation.Trim()}"));
            return false;
        }
        finally
        {
            // Build creates certificates for every chain element; they hold native handles.
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private X509ChainPolicy CreatePolicy()
    {
        var policy = PrivateAuthorityTrust.ChainPolicy(trustedAuthorities, CertificatePurposes.ClientAuthentication);
        policy.VerificationTime = timeProvider.GetUtcNow().UtcDateTime;
        policy.VerificationTimeIgnored = false;
        return policy;
    }
}
