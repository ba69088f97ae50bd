using System.Security.Cryptography;
using Khcn.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Hosting.Security;

/// <summary>
/// The secure mode's stand-in for an identity provider: one ES256 key pair that signs the run's tokens. The services
/// trust its public half (<c>Authentication:Jwt:SigningKeys</c>); nothing else ever signs with it.
/// </summary>
internal sealed class DevelopmentTokenIssuer(TimeProvider time) : IDisposable
{
    public const string Issuer = "https://apphost.khcn.localhost";
    public const string Audience = "khcn-services";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <param name="subject">The token's <c>sub</c> (and <c>client_id</c>): who is calling.</param>
    /// <param name="scopes">The <c>scope</c> claim's entries.</param>
    /// <param name="lifetime">How long from now the token is valid.</param>
    public string Mint(string subject, IEnumerable<string> scopes, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [KhcnClaims.Subject] = subject,
                [KhcnClaims.ClientId] = subject,
                [KhcnClaims.Scope] = string.Join(' ', scopes),
            },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key), SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _key.Dispose();
}
