using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tokens;

/// <summary>How bearer tokens are validated; bound from the <c>Authentication:Jwt</c> configuration section.</summary>
public sealed class JwtValidationOptions
{
    public const string SectionName = "Authentication:Jwt";

    /// <summary>
    /// The only signing algorithms accepted. Deliberately not configurable: all are asymmetric, so a token can never
    /// be checked with a public key used as an HMAC secret (algorithm confusion), and "none" is never accepted.
    /// </summary>
    public static IReadOnlyList<string> AllowedAlgorithms { get; } =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>Accepted <c>iss</c> values, compared exactly.</summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>The <c>aud</c> value this service requires, compared exactly.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Files holding the issuers' public keys: each a PEM public key or a JWKS JSON document.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Tolerated clock difference between the issuer and this service when checking exp and nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Remembering tokens that passed validation, so a caller's repeated token skips the signature check.</summary>
    public ValidatedTokenCacheOptions TokenCache { get; set; } = new();

    /// <summary>Always true: a token without <c>exp</c> is refused. Exposed so the rule is visible, not settable.</summary>
    public bool RequireExpiration => true;

    public static JwtValidationOptions FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<JwtValidationOptions>() ?? new JwtValidationOptions();

    /// <summary>Fails at startup, naming the setting, rather than refusing every call later.</summary>
    public void EnsureValid()
    {
        if (Issuers.Count == 0 || Issuers.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException($"{SectionName}:Issuers must list at least one non-empty issuer.");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException($"{SectionName}:Audience is required.");
        }

        if (SigningKeys.Count == 0)
        {
            throw new InvalidOperationException($"{SectionName}:SigningKeys must list at least one key file.");
        }

        if (ClockSkew < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:ClockSkew must not be negative.");
        }

        if (TokenCache.MaxEntries < 0 || TokenCache.MaxAge < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:TokenCache:MaxEntries and MaxAge must not be negative (0 turns the cache off).");
        }
    }
}
