using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tokens;

/// <summary>
/// Loads issuers' public keys from files: a PEM public key (SPKI "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY") or a
/// JWKS document. Only RSA and EC public keys are accepted; anything else is a configuration error.
/// </summary>
public static class SigningKeyFiles
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    public static IReadOnlyList<SecurityKey> Load(IEnumerable<string> paths) => [.. paths.SelectMany(LoadFile)];

    public static IReadOnlyList<SecurityKey> LoadFile(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            return text.TrimStart().StartsWith('{') ? FromJwks(text) : [FromPem(text)];
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException)
        {
            throw new InvalidOperationException($"Signing key file '{path}': {e.Message}", e);
        }
    }

    private static SecurityKey FromPem(string text)
    {
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new FormatException("no PEM block found.");
        }

        var label = text[fields.Label];
        var der = Convert.FromBase64String(text[fields.Base64Data]);
        return label switch
        {
            "PUBLIC KEY" => FromSubjectPublicKeyInfo(der),
            "RSA PUBLIC KEY" => RsaKey(rsa => rsa.ImportRSAPublicKey(der, out _)),
            _ when label.Contains("PRIVATE", StringComparison.Ordinal) =>
                // A private key in service configuration is a leak waiting to happen; refuse it outright.
                throw new FormatException("holds a private key; configure the public key only."),
            _ => throw new FormatException($"unsupported PEM label '{label}'; expected PUBLIC KEY."),
        };
    }

    private static SecurityKey FromSubjectPublicKeyInfo(byte[] der)
    {
        var algorithm = PublicKey.CreateFromSubjectPublicKeyInfo(der, out _).Oid.Value;
        return algorithm switch
        {
            RsaOid => RsaKey(rsa => rsa.ImportSubjectPublicKeyInfo(der, out _)),
            EcOid => EcKey(der),
            _ => throw new FormatException($"unsupported key algorithm {algorithm}; expected RSA or EC."),
        };
    }

    private static RsaSecurityKey RsaKey(Action<RSA> import)
    {
        var rsa = RSA.Create();
        import(rsa);
        return new RsaSecurityKey(rsa);
    }

    private static ECDsaSecurityKey EcKey(byte[] subjectPublicKeyInfo)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return new ECDsaSecurityKey(ecdsa);
    }

    private static IReadOnlyList<SecurityKey> FromJwks(string json)
    {
        var keys = new List<SecurityKey>();
        foreach (var key in JsonWebKeySet.Create(json).Keys)
        {
            if (key.Use == JsonWebKeyUseNames.Enc)
            {
                continue;
            }

            if (key.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve))
            {
                // A symmetric ("oct") key would let anyone who can read the file mint tokens.
                throw new FormatException($"JWKS key type '{key.Kty}' is not accepted; expected RSA or EC.");
            }

            if (key.HasPrivateKey)
            {
                throw new FormatException("JWKS holds a private key; publish public keys only.");
            }

            keys.Add(key);
        }

        return keys.Count > 0 ? keys : throw new FormatException("JWKS holds no signing key.");
    }
}
