using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// Real RSA and EC issuer keys: the public halves written as PEM files in a temp directory (what a service is
/// configured with), the private halves kept in memory to sign tokens. One key is known to no service.
/// </summary>
public sealed class SigningKeys : IDisposable
{
    public const string Issuer = "https://issuer.khcn.test";
    public const string Audience = "khcn-services";

    private readonly string _directory = Directory.CreateTempSubdirectory("khcn-services-keys-").FullName;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _unknown = RSA.Create(2048);

    public SigningKeys()
    {
        RsaPublicKeyPath = WritePublicKey("rsa.pub.pem", _rsa);
        EcPublicKeyPath = WritePublicKey("ec.pub.pem", _ec);
    }

    public string RsaPublicKeyPath { get; }

    public string EcPublicKeyPath { get; }

    /// <summary>Command-line settings that turn authentication on with these keys.</summary>
    public string[] ServiceSettings =>
    [
        $"--Authentication:Jwt:Issuers:0={Issuer}",
        $"--Authentication:Jwt:Audience={Audience}",
        $"--Authentication:Jwt:SigningKeys:0={RsaPublicKeyPath}",
        $"--Authentication:Jwt:SigningKeys:1={EcPublicKeyPath}",
    ];

    /// <summary>A token signed with the configured RSA key (RS256), valid for the next ten minutes.</summary>
    public string Mint(params string[] scopes) => Mint(new TokenShape(scopes));

    /// <summary>A token as <see cref="Mint(string[])"/> for another caller (rate limits and audit are per caller).</summary>
    public string MintFor(string subject, string clientId, params string[] scopes) =>
        Mint(new TokenShape(scopes) { Subject = subject, ClientId = clientId });

    public string Mint(TokenShape shape)
    {
        var now = DateTime.UtcNow;
        var expires = now + shape.ExpiresIn;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = expires - TimeSpan.FromMinutes(30),
            NotBefore = expires - TimeSpan.FromMinutes(30),
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = shape.Subject,
                ["client_id"] = shape.ClientId,
                ["scope"] = string.Join(' ', shape.Scopes),
                ["khcn_provinces"] = shape.Provinces,
            },
            SigningCredentials = shape.Signer switch
            {
                TokenSigner.Rsa => new SigningCredentials(new RsaSecurityKey(_rsa), SecurityAlgorithms.RsaSha256),
                TokenSigner.Ec => new SigningCredentials(new ECDsaSecurityKey(_ec), SecurityAlgorithms.EcdsaSha256),
                TokenSigner.Unknown => new SigningCredentials(new RsaSecurityKey(_unknown), SecurityAlgorithms.RsaSha256),
                _ => throw new ArgumentOutOfRangeException(nameof(shape)),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _ec.Dispose();
        _unknown.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private string WritePublicKey(string fileName, AsymmetricAlgorithm key)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
        return path;
    }
}

public enum TokenSigner
{
    Rsa,
    Ec,
    Unknown,
}

/// <summary>What a minted token holds; by default valid for ten more minutes, RS256, no provinces.</summary>
public sealed record TokenShape(string[] Scopes)
{
    public TimeSpan ExpiresIn { get; init; } = TimeSpan.FromMinutes(10);

    public TokenSigner Signer { get; init; } = TokenSigner.Rsa;

    public string[] Provinces { get; init; } = [];

    public string Subject { get; init; } = "tester@khcn.test";

    public string ClientId { get; init; } = "khcn-services-tests";
}
