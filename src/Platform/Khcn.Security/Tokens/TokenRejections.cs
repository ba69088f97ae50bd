using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tokens;

/// <summary>
/// Maps IdentityModel's validation exceptions to stable reasons. The messages are our own: exception messages
/// may quote claims or key ids, and a caller-facing message must stay free of token material.
/// </summary>
internal static class TokenRejections
{
    public const string AlgorithmMessage = "the token signing algorithm is not accepted; use RS256, PS256 or ES256.";

    public static TokenValidationOutcome From(Exception? exception) => exception switch
    {
        // Most specific types first: several of these derive from one another.
        SecurityTokenInvalidAlgorithmException => Rejected(TokenRejectionReason.UnsupportedAlgorithm, AlgorithmMessage),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            Rejected(TokenRejectionReason.BadSignature, "the token signature does not verify with any configured key."),
        SecurityTokenExpiredException => Rejected(TokenRejectionReason.Expired, "the token has expired."),
        SecurityTokenNotYetValidException => Rejected(TokenRejectionReason.NotYetValid, "the token is not valid yet (nbf)."),
        SecurityTokenNoExpirationException =>
            Rejected(TokenRejectionReason.MissingClaim, $"the token has no '{KhcnClaims.ExpiresAt}' claim."),
        SecurityTokenInvalidIssuerException => Rejected(TokenRejectionReason.WrongIssuer, "the token issuer is not trusted."),
        SecurityTokenInvalidAudienceException =>
            Rejected(TokenRejectionReason.WrongAudience, "the token is not intended for this service."),
        _ => Rejected(TokenRejectionReason.Malformed, "the token could not be read or validated."),
    };

    private static TokenValidationOutcome Rejected(TokenRejectionReason reason, string message) =>
        TokenValidationOutcome.Rejected(reason, message);
}
