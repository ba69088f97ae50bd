using System.Security.Cryptography;

namespace Khcn.Security.Certificates;

/// <summary>The extended key usages (RFC 5280 §4.2.1.12) that say what a leaf certificate may be used for.</summary>
public static class CertificatePurposes
{
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public static Oid ServerAuthentication => new(ServerAuthenticationOid, "Server Authentication");

    public static Oid ClientAuthentication => new(ClientAuthenticationOid, "Client Authentication");
}
