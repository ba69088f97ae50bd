namespace Khcn.Security.Tokens;

/// <summary>
/// The machine-readable codes callers see (e.g. as an ErrorInfo reason). They are a public contract: never rename.
/// </summary>
public static class TokenRejectionReasonCodes
{
    public static string ToCode(this TokenRejectionReason reason) => reason switch
    {
        TokenRejectionReason.Malformed => "MALFORMED",
        TokenRejectionReason.BadSignature => "BAD_SIGNATURE",
        TokenRejectionReason.Expired => "EXPIRED",
        TokenRejectionReason.NotYetValid => "NOT_YET_VALID",
        TokenRejectionReason.WrongIssuer => "WRONG_ISSUER",
        TokenRejectionReason.WrongAudience => "WRONG_AUDIENCE",
        TokenRejectionReason.UnsupportedAlgorithm => "UNSUPPORTED_ALGORITHM",
        TokenRejectionReason.MissingClaim => "MISSING_CLAIM",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
