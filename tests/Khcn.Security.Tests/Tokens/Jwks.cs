using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Khcn.Security.Tests.Tokens;

/// <summary>Writes a JWKS document (RFC 7517) for an EC P-256 public key, as an issuer would publish it.</summary>
internal static class Jwks
{
    public static string Of(TestKeyPair ecKey, string keyId)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(ecKey.PublicKeyPem);
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        var key = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["x"] = Base64Url.EncodeToString(point.X),
            ["y"] = Base64Url.EncodeToString(point.Y),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }
}
