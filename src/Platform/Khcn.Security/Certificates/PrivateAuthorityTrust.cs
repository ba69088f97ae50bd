using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Security.Certificates;

/// <summary>
/// Chain building that trusts only a configured bundle of authorities, never the machine's root store: a certificate
/// a public CA issued to anyone must not pass for a Khcn server or calling system.
/// </summary>
public static class PrivateAuthorityTrust
{
    /// <summary>A policy that accepts chains ending at one of <paramref name="authorities"/> whose leaf allows <paramref name="purpose"/>.</summary>
    public static X509ChainPolicy ChainPolicy(X509Certificate2Collection authorities, Oid purpose)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(purpose);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Development and private authorities publish no revocation lists.
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.AddRange(authorities);
        policy.ApplicationPolicy.Add(purpose);
        return policy;
    }
}
