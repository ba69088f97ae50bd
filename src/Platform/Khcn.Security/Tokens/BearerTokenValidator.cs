using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tokens;

/// <summary>
/// Validates signed bearer tokens (JWS compact JWTs) locally against the configured issuers' public keys.
/// A token that passed is remembered (<see cref="JwtValidationOptions.TokenCache"/>) so the caller's next calls with the
/// same token skip the signature check, which is most of the cost (bench/security: 180–290 µs of CPU per call);
/// expiry is still judged on every call.
/// </summary>
public sealed class BearerTokenValidator
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly TokenValidationParameters parameters;
    private readonly ValidatedTokenCache? cache;

    /// <param name="timeProvider">The clock for exp and nbf; tests pass a fixed one.</param>
    public BearerTokenValidator(JwtValidationOptions options, TimeProvider? timeProvider = null)
    {
        options.EnsureValid();
        timeProvider ??= TimeProvider.System;
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
            LifetimeValidator = TokenLifetimeRule.Create(timeProvider, options.ClockSkew),
        };
        cache = options.TokenCache.IsEnabled ? new ValidatedTokenCache(options.TokenCache, options.ClockSkew, timeProvider) : null;
    }

    /// <summary>How many validated tokens are remembered now (0 with the cache off).</summary>
    internal int CachedTokenCount => cache?.Count ?? 0;

    public async Task<TokenValidationOutcome> ValidateAsync(string token)
    {
        if (cache is not null && cache.TryGet(token, out var remembered))
        {
            return remembered;
        }

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
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            // Rejections are never remembered: a refused token is checked again in full on every call.
            return TokenRejections.From(result.Exception);
        }

        var outcome = CallerIdentityClaims.Read(validated);
        if (cache is not null && outcome.IsAccepted)
        {
            cache.Add(token, outcome, new DateTimeOffset(validated.ValidTo, TimeSpan.Zero));
        }

        return outcome;
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
