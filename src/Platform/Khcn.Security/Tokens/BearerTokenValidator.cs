using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tokens;

/// <summary>
/// Validates signed bearer tokens (JWS compact JWTs) locally against the configured issuers' public keys.
/// </summary>
public sealed class BearerTokenValidator
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly TokenValidationParameters parameters;

    /// <param name="timeProvider">The clock for exp and nbf; tests pass a fixed one.</param>
    public BearerTokenValidator(JwtValidationOptions options, TimeProvider? timeProvider = null)
    {
        options.EnsureValid();
        parameters = new TokenValidationParameters
        {
            ValidIssuers = [.. options.Issuers],
            ValidateIssuer = true,
            ValidAudience = options.Audience,
            ValidateAudience = true,
            RequireAudience = true,
            IssuerSigningKeys = SigningKeyFiles.Load(options.SigningKeys),
            RequireSignedTokens = true,
            ValidAlgorithms = JwtValidationOptions.AllowedAlgorithms,
            ValidateLifetime = true,
            RequireExpirationTime = options.RequireExpiration,
            ClockSkew = options.ClockSkew,
            LifetimeValidator = TokenLifetimeRule.Create(timeProvider ?? TimeProvider.System, options.ClockSkew),
        };
    }

    public async Task<TokenValidationOutcome> ValidateAsync(string token)
    {
        if (!handler.CanReadToken(token))
        {
            return TokenValidationOutcome.Rejected(TokenRejectionReason.Malformed, "the token is not a compact JWT.");
        }

        // Checked before the library sees the token, so "none", HS* and encrypted tokens are refused by one explicit
        // rule instead of depending on how the library treats each.
        if (!HasAllowedAlgorithm(token))
        {
            return TokenValidationOutcome.Rejected(TokenRejectionReason.UnsupportedAlgorithm, TokenRejections.AlgorithmMessage);
        }

        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid && result.SecurityToken is JsonWebToken validated
            ? CallerIdentityClaims.Read(validated)
            : TokenRejections.From(result.Exception);
    }

    private bool HasAllowedAlgorithm(string token)
    {
        try
        {
            var algorithm = handler.ReadJsonWebToken(token).Alg;
            return JwtValidationOptions.AllowedAlgorithms.Contains(algorithm, StringComparer.Ordinal);
        }
        catch (ArgumentException)
        {
            // Unreadable header: let validation report it as malformed.
            return true;
        }
    }
}
