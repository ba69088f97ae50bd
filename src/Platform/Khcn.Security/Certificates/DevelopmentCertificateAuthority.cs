using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Security.Certificates;

/// <summary>
/// A local certificate authority for development: it signs the server certificates services listen with and the
/// client certificates calling systems present. Never meant for production, where certificates come from the
/// organisation's own PKI; the services only ever see PEM files, whoever issued them.
/// </summary>
public sealed class DevelopmentCertificateAuthority : IDisposable
{
    private static readonly TimeSpan AuthorityValidity = TimeSpan.FromDays(365);
    private static readonly TimeSpan LeafValidity = TimeSpan.FromDays(90);

    // Backdating absorbs small clock differences between the machine that issues and the peer that validates.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _timeProvider;

    private DevelopmentCertificateAuthority(X509Certificate2 certificate, TimeProvider timeProvider)
    {
        Certificate = certificate;
        _timeProvider = timeProvider;
    }

    /// <summary>The authority's self-signed certificate, with its private key: write it as ca.crt for peers to trust.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a new authority named CN=<paramref name="name"/>, valid for a year from the provider's now.</summary>
    public static DevelopmentCertificateAuthority Create(string name, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(timeProvider);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        // pathlen 0: the authority signs leaves only, never another authority.
        request.CertificateExtensions.Add(X509BasicConstraintsExtension.CreateForCertificateAuthority(pathLengthConstraint: 0));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var now = timeProvider.GetUtcNow();
        var certificate = request.CreateSelfSigned(now - ClockSkew, now + AuthorityValidity);
        return new DevelopmentCertificateAuthority(certificate, timeProvider);
    }

    /// <summary>Reopens an authority written earlier (its certificate with its private key, e.g. from PEM files).</summary>
    public static DevelopmentCertificateAuthority FromCertificate(X509Certificate2 certificate, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("An authority needs its private key to issue certificates.", nameof(certificate));
        }

        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            throw new ArgumentException($"'{certificate.Subject}' is not a certificate authority.", nameof(certificate));
        }

        return new DevelopmentCertificateAuthority(certificate, timeProvider);
    }

    /// <summary>A certificate a service listens with: valid for the given host names and addresses, for server authentication only.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string> hostNames, IEnumerable<IPAddress> ipAddresses)
    {
        ArgumentNullException.ThrowIfNull(hostNames);
        ArgumentNullException.ThrowIfNull(ipAddresses);

        var alternativeNames = new SubjectAlternativeNameBuilder();
        var hosts = hostNames.ToList();
        hosts.ForEach(alternativeNames.AddDnsName);
        var addresses = ipAddresses.ToList();
        addresses.ForEach(alternativeNames.AddIpAddress);
        if (hosts.Count == 0 && addresses.Count == 0)
        {
            throw new ArgumentException("A server certificate needs at least one host name or IP address.", nameof(hostNames));
        }

        // Clients match the host they dialled against the SAN only (RFC 6125); the CN is for people reading it.
        var subject = hosts.Count > 0 ? hosts[0] : addresses[0].ToString();
        return Issue(subject, alternativeNames, CertificatePurposes.ServerAuthentication);
    }

    /// <summary>
    /// A certificate a calling system presents with mutual TLS: CN=<paramref name="systemName"/> and the URI
    /// urn:khcn:system:&lt;name&gt; (see <see cref="ClientCertificateIdentity"/>), for client authentication only.
    /// </summary>
    public X509Certificate2 IssueClientCertificate(string systemName)
    {
        var alternativeNames = new SubjectAlternativeNameBuilder();
        alternativeNames.AddUri(ClientCertificateIdentity.ToSystemUri(systemName));
        return Issue(systemName, alternativeNames, CertificatePurposes.ClientAuthentication);
    }

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string commonName, SubjectAlternativeNameBuilder alternativeNames, Oid purpose)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([purpose], critical: false));
        request.CertificateExtensions.Add(alternativeNames.Build(critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
            Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // A leaf never outlives its authority: a chain is only as valid as its shortest-lived link.
        var now = _timeProvider.GetUtcNow();
        var authorityNotAfter = new DateTimeOffset(Certificate.NotAfter);
        var notAfter = now + LeafValidity < authorityNotAfter ? now + LeafValidity : authorityNotAfter;
        using var issued = request.Create(Certificate, now - ClockSkew, notAfter, NewSerialNumber());
        return issued.CopyWithPrivateKey(key);
    }

    // RFC 5280: a positive serial of at most 20 octets, unique per issuer; 16 random bytes make collisions negligible.
    // The top bit is cleared (positive) and the next one set, so DER needs no padding octet and the length is fixed.
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }
}
