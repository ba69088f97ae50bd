using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Services.Tests.Security;

/// <summary>What an attacker holding a genuine token would try: rewrite its claims and keep the signature.</summary>
public static class TamperedToken
{
    public static string WithScope(string token, string scope)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["scope"] = scope;
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }
}
