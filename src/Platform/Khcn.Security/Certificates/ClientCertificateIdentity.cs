using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Security.Certificates;

/// <summary>
/// The calling system a client certificate names. With mutual TLS, a service reads the certificate Kestrel
/// accepted (HttpContext.Connection.ClientCertificate) and maps the system name to its caller, the same way a
/// bearer token's subject is mapped: the name, not the certificate, is what authorization rules refer to.
/// </summary>
public static class ClientCertificateIdentity
{
    /// <summary>The URI a client certificate carries in its subject alternative name: urn:khcn:system:&lt;name&gt;.</summary>
    public const string SystemUriPrefix = "urn:khcn:system:";

    public static Uri ToSystemUri(string systemName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        return new Uri(SystemUriPrefix + systemName);
    }

    /// <summary>
    /// Reads the system name from the urn:khcn:system: URI in the subject alternative name; a certificate without
    /// one falls back to its common name, so certificates issued by other tools still identify their holder.
    /// </summary>
    public static bool TryRead(X509Certificate2 certificate, [NotNullWhen(true)] out string? systemName)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        systemName = FindSystemUri(certificate) ?? certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (string.IsNullOrWhiteSpace(systemName))
        {
            systemName = null;
            return false;
        }

        return true;
    }

    private static string? FindSystemUri(X509Certificate2 certificate)
    {
        var alternativeNames = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (alternativeNames is null)
        {
            return null;
        }

        // .NET enumerates only DNS names and IP addresses of a SAN, so URIs are read from its DER (GeneralNames).
        var reader = new AsnReader(alternativeNames.RawData, AsnEncodingRules.DER).ReadSequence();
        var uniformResourceIdentifier = new Asn1Tag(TagClass.ContextSpecific, 6);
        while (reader.HasData)
        {
            var tag = reader.PeekTag();
            if (tag.HasSameClassAndValue(uniformResourceIdentifier))
            {
                var uri = reader.ReadCharacterString(UniversalTagNumber.IA5String, uniformResourceIdentifier);
                if (uri.StartsWith(SystemUriPrefix, StringComparison.Ordinal) && uri.Length > SystemUriPrefix.Length)
                {
                    return uri[SystemUriPrefix.Length..];
                }
            }
            else
            {
                reader.ReadEncodedValue();
            }
        }

        return null;
    }
}
