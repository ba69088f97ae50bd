using Grpc.Core;
using Khcn.Aip;
using Khcn.Grpc.Errors;
using Khcn.Security.Tokens;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// The AIP-193 errors of authentication (bearer token or client certificate) and scope checks, built on the same path as every other
/// <see cref="ApiException"/>. The domain is the suite's, not the called service's: these reasons mean the same in
/// every service. Messages never quote the token.
/// </summary>
internal static class SecurityErrors
{
    public const string TokenMissingReason = "TOKEN_MISSING";
    public const string MissingScopeReason = "MISSING_SCOPE";
    public const string NoScopeForMethodReason = "NO_SCOPE_FOR_METHOD";

    /// <summary>No token and no client certificate of a known system, where only certificates are accepted.</summary>
    public const string CertificateMissingReason = "CERTIFICATE_MISSING";

    /// <summary>A client certificate from the trusted authority, of a system this service has no grants for.</summary>
    public const string CertificateNotGrantedReason = "CERTIFICATE_NOT_GRANTED";

    /// <summary>A bearer token sent to a service that authenticates by client certificate only.</summary>
    public const string TokensNotAcceptedReason = "TOKENS_NOT_ACCEPTED";

    /// <param name="certificatesAccepted">Whether a client certificate would have done instead (mutual TLS configured too).</param>
    public static RpcException TokenMissing(bool certificatesAccepted) => ToRpcException(new ApiException(
        ApiErrorCode.Unauthenticated,
        TokenMissingReason,
        certificatesAccepted
            ? "This call needs a bearer token (the header 'authorization: Bearer <token>') or the client certificate of a system this service is configured for."
            : "This call needs a bearer token: send the header 'authorization: Bearer <token>'."));

    public static RpcException CertificateMissing() => ToRpcException(new ApiException(
        ApiErrorCode.Unauthenticated,
        CertificateMissingReason,
        "This call needs the client certificate of a system this service is configured for (mutual TLS)."));

    public static RpcException CertificateNotGranted(string systemName) => ToRpcException(new ApiException(
        ApiErrorCode.Unauthenticated,
        CertificateNotGrantedReason,
        $"The client certificate names the system '{systemName}', which this service has no grants for "
            + "(Authentication:ClientCertificates:Systems).",
        metadata: new Dictionary<string, string> { ["system"] = systemName }));

    public static RpcException TokensNotAccepted() => ToRpcException(new ApiException(
        ApiErrorCode.Unauthenticated,
        TokensNotAcceptedReason,
        "This service accepts no bearer tokens: call without the authorization header, with the client certificate of a configured system."));

    public static RpcException TokenRejected(TokenValidationOutcome outcome) => ToRpcException(new ApiException(
        ApiErrorCode.Unauthenticated,
        outcome.ReasonCode ?? throw new ArgumentException("The token was accepted.", nameof(outcome)),
        $"The bearer token was refused: {outcome.Message}"));

    public static RpcException MissingScope(string requiredScope, string fullMethodName) => ToRpcException(new ApiException(
        ApiErrorCode.PermissionDenied,
        MissingScopeReason,
        $"The caller's token does not grant '{requiredScope}', which {fullMethodName} needs.",
        metadata: new Dictionary<string, string> { ["required_scope"] = requiredScope, ["method"] = fullMethodName }));

    /// <summary>A method outside the khcn.&lt;service&gt; packages (and not open): no scope grants it.</summary>
    public static RpcException NoScopeForMethod(string fullMethodName) => ToRpcException(new ApiException(
        ApiErrorCode.PermissionDenied,
        NoScopeForMethodReason,
        $"No scope grants {fullMethodName}.",
        metadata: new Dictionary<string, string> { ["method"] = fullMethodName }));

    private static RpcException ToRpcException(ApiException e) => ApiErrorMapping.ToRpcException(e, KhcnErrorDomain.Value);
}
