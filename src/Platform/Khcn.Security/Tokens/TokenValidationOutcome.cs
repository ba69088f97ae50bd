using System.Diagnostics.CodeAnalysis;

namespace Khcn.Security.Tokens;

/// <summary>The result of validating a bearer token: the caller, or why the token was refused.</summary>
public sealed record TokenValidationOutcome
{
    private TokenValidationOutcome(CallerIdentity? caller, TokenRejectionReason? rejection, string message)
    {
        Caller = caller;
        Rejection = rejection;
        Message = message;
    }

    public CallerIdentity? Caller { get; }

    public TokenRejectionReason? Rejection { get; }

    /// <summary>The stable code of <see cref="Rejection"/>, e.g. <c>EXPIRED</c>; null when accepted.</summary>
    public string? ReasonCode => Rejection?.ToCode();

    /// <summary>For humans and logs. Never contains the token or any part of it.</summary>
    public string Message { get; }

    [MemberNotNullWhen(true, nameof(Caller))]
    [MemberNotNullWhen(false, nameof(Rejection), nameof(ReasonCode))]
    public bool IsAccepted => Caller is not null;

    public static TokenValidationOutcome Accepted(CallerIdentity caller) => new(caller, null, "token accepted");

    public static TokenValidationOutcome Rejected(TokenRejectionReason reason, string message) => new(null, reason, message);
}
