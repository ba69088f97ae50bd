namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>
/// Mutual TLS, from <c>Authentication:ClientCertificates</c>. Only applies to HTTPS endpoints: the server
/// certificate itself is Kestrel's own configuration (<c>Kestrel:Certificates:Default:Path</c>/<c>KeyPath</c>).
/// </summary>
public sealed class ClientCertificateOptions
{
    public const string SectionName = "Authentication:ClientCertificates";

    /// <summary>Path of a PEM bundle of the authorities whose client certificates identify calling systems.</summary>
    public string? TrustedAuthorities { get; set; }

    /// <summary>Unset: <see cref="ClientCertificateRequirement.Require"/> when a bundle is configured, off otherwise.</summary>
    public ClientCertificateRequirement? Mode { get; set; }

    /// <summary>
    /// Grants per system name (<c>Systems:&lt;name&gt;:Scopes</c>, <c>Systems:&lt;name&gt;:Provinces</c>). Names match
    /// case-insensitively, as configuration keys do. A call without a bearer token is admitted as the system its
    /// certificate names only when that system is listed here; any other certificate, even from the trusted
    /// authority, is UNAUTHENTICATED (CERTIFICATE_NOT_GRANTED).
    /// </summary>
    public Dictionary<string, ClientCertificateSystem> Systems { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    // A bundle on its own is taken as the intent to use mutual TLS; asking for certificates without one
    // to check them against would let any certificate through, so validation refuses that at startup.
    public ClientCertificateRequirement EffectiveMode =>
        Mode ?? (string.IsNullOrWhiteSpace(TrustedAuthorities) ? ClientCertificateRequirement.Off : ClientCertificateRequirement.Require);
}
