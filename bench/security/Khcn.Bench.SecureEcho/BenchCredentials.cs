using System.Net;
using System.Security.Cryptography;
using Khcn.Security;
using Khcn.Security.Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Bench.SecureEcho;

/// <summary>
/// Everything the secured modes need, written to one folder: the issuer's public keys (RSA and EC, what the server is
/// configured with), one token signed with each (RS256, ES256) granting the Echo method's scope, and a development CA
/// with a server certificate for 127.0.0.1 and a client certificate. Private signing keys never leave this process.
/// </summary>
public static class BenchCredentials
{
    public const string Issuer = "https://issuer.bench.khcn.test";
    public const string Audience = "khcn-bench";

    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(folder, "rsa.pub.pem"), rsa.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(Path.Combine(folder, "ec.pub.pem"), ec.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(Path.Combine(folder, "rs256.jwt"), Mint(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256));
        File.WriteAllText(Path.Combine(folder, "es256.jwt"), Mint(new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256));

        using var authority = DevelopmentCertificateAuthority.Create("Khcn Bench CA", TimeProvider.System);
        PemCertificateFiles.WriteAuthority(folder, authority);
        using var server = authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]);
        PemCertificateFiles.Write(folder, "server", server);
        using var client = authority.IssueClientCertificate("bench-client");
        PemCertificateFiles.Write(folder, "client", client);
    }

    // Shaped like a real caller's token (scopes, provinces), valid for a day: long enough for any run.
    private static string Mint(SecurityKey key, string algorithm)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddDays(1),
            Claims = new Dictionary<string, object>
            {
                [KhcnClaims.Subject] = "bench@khcn.test",
                [KhcnClaims.ClientId] = "khcn-bench",
                [KhcnClaims.Scope] = "bench.read bench.write",
                [KhcnClaims.Provinces] = new[] { "01", "79" },
            },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }
}
