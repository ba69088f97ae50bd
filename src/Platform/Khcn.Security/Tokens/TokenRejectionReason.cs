namespace Khcn.Security.Tokens;

/// <summary>Why a bearer token was refused. <see cref="TokenRejectionReasonCodes.ToCode"/> gives the stable wire code.</summary>
public enum TokenRejectionReason
{
    Malformed,
    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    UnsupportedAlgorithm,
    MissingClaim,
}
