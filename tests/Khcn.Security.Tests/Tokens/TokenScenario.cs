using System.Text.Json.Nodes;
using Khcn.Security.Tokens;

namespace Khcn.Security.Tests.Tokens;

/// <summary>The fixed instant, issuer and audience the token tests share.</summary>
internal static class TokenScenario
{
    public const string Issuer = "https://idp.most.gov.vn";
    public const string OtherTrustedIssuer = "https://sso.hanoi.gov.vn";
    public const string Audience = "khcn-tasks";

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Claims of a valid token at <see cref="Now"/>, valid for ten minutes.</summary>
    public static JsonObject ValidClaims() => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = "nguyen.van.a@hanoi.gov.vn",
        ["client_id"] = "hanoi-dost-portal",
        ["iat"] = Seconds(Now),
        ["nbf"] = Seconds(Now),
        ["exp"] = Seconds(Now.AddMinutes(10)),
        ["scope"] = "tasks.read tasks.write",
        ["khcn_provinces"] = new JsonArray("01"),
    };

    public static long Seconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    public static JwtValidationOptions Options(params string[] publicKeyPaths) => new()
    {
        Issuers = [Issuer, OtherTrustedIssuer],
        Audience = Audience,
        SigningKeys = [.. publicKeyPaths],
        ClockSkew = ClockSkew,
    };

    public static BearerTokenValidator Validator(params string[] publicKeyPaths) =>
        new(Options(publicKeyPaths), new FixedTimeProvider(Now));
}
