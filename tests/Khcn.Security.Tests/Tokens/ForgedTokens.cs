using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Khcn.Security.Tests.Tokens;

/// <summary>What an attacker would build by hand: altered payloads, unsigned and HMAC-"signed" tokens.</summary>
internal static class ForgedTokens
{
    /// <summary>Replaces the payload and keeps the original header and signature.</summary>
    public static string WithPayloadChanged(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        change(payload);
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    public static string Unsigned(JsonObject claims) =>
        $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{Encode(claims)}.";

    /// <summary>HS256 keyed with <paramref name="secret"/>; with a public key's bytes this is algorithm confusion.</summary>
    public static string Hs256(JsonObject claims, byte[] secret)
    {
        var signingInput = $"{Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" })}.{Encode(claims)}";
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
