using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Khcn.Security.Tokens;

/// <summary>Turns the claims of a validated token into a <see cref="CallerIdentity"/>.</summary>
internal static class CallerIdentityClaims
{
    public static TokenValidationOutcome Read(JsonWebToken token)
    {
        // JSON arrays arrive as one claim per element and strings as a single claim, so splitting every value on
        // whitespace accepts "scope" and "scp" in either form.
        var claims = token.Claims.ToList();
        var subject = Single(claims, KhcnClaims.Subject);
        var clientId = Single(claims, KhcnClaims.ClientId);
        if (subject is null || clientId is null)
        {
            var missing = subject is null ? KhcnClaims.Subject : KhcnClaims.ClientId;
            return TokenValidationOutcome.Rejected(TokenRejectionReason.MissingClaim, $"the token has no '{missing}' claim.");
        }

        var scopes = Values(claims, KhcnClaims.Scope, KhcnClaims.ScopeList)
            .SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var provinces = Values(claims, KhcnClaims.Provinces).Where(code => code.Length > 0);
        return TokenValidationOutcome.Accepted(new CallerIdentity(subject, clientId, scopes, provinces));
    }

    private static string? Single(List<Claim> claims, string type) =>
        claims.FirstOrDefault(claim => claim.Type == type && !string.IsNullOrWhiteSpace(claim.Value))?.Value;

    private static IEnumerable<string> Values(List<Claim> claims, params string[] types) =>
        claims.Where(claim => types.Contains(claim.Type)).Select(claim => claim.Value.Trim());
}
