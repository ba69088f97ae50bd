using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tokens;

/// <summary>
/// The exp/nbf check, on an injectable clock. IdentityModel 8.16 reads the system clock and keeps its own
/// TimeProvider property internal, so its public LifetimeValidator hook is replaced with this same rule.
/// </summary>
internal static class TokenLifetimeRule
{
    public static LifetimeValidator Create(TimeProvider clock, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is null)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiry.");
            }

            if (notBefore > expires)
            {
                throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (notBefore > now + clockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = notBefore.Value };
            }

            if (expires < now - clockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
            }

            return true;
        };
}
