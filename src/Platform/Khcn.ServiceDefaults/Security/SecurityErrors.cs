using Grpc.Core;
using Khcn.Aip;
using Khcn.Grpc.Errors;
using Khcn.Security.Tokens;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// The AIP-193 errors of authentication and scope checks, built on the same path as every other
/// <see cref="ApiException"/>. The domain is the suite's, not the called service's: these reasons mean the same in
/// every service. Messages never quote the token.
/// </summary>
internal static class SecurityErrors
{
    public const string TokenMissingReason = "TOKEN_MISSING";
    public const string MissingScopeReason = "MISSING_SCOPE";
    public const string NoScopeForMethodReason = "NO_SCOPE_FOR_METHOD";

    public static RpcException TokenMissing() => ToRpcException(new ApiException(
        ApiErrorCode.Unauthenticated,
        TokenMissingReason,
        "This call needs a bearer token: send the header 'authorization: Bearer <token>'."));

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
