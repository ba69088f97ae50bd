using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.Security;
using Khcn.Security.Tokens;
using Khcn.ServiceDefaults.Security.ClientCertificates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// Every gRPC call except health and reflection: an authenticated caller (UNAUTHENTICATED otherwise), then the scope
/// its method needs (PERMISSION_DENIED otherwise). The caller is put in the call's <see cref="ICallerContext"/>.
/// A call that sends an <c>authorization</c> header is judged by its bearer token alone, whatever certificate the
/// connection presented, so a bad token is never rescued by a good certificate. A call without one is admitted as
/// the system its client certificate names, when that system has grants configured (mutual TLS).
/// An interceptor rather than middleware because it sees the gRPC method name and answers with a gRPC status for
/// every call kind, streaming included. Created per call, from the call's services.
/// </summary>
internal sealed partial class CallerAuthenticationInterceptor(
    CallerAuthenticationSchemes schemes,
    CallerContext callerContext,
    ILogger<CallerAuthenticationInterceptor> logger) : Interceptor
{
    private const string AuthorizationHeader = "authorization";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private async Task AdmitAsync(ServerCallContext context)
    {
        var method = context.Method;
        if (OpenMethods.Contains(method))
        {
            return;
        }

        var http = context.GetHttpContext();
        var header = http.Request.Headers[AuthorizationHeader].ToString();
        var (caller, token) = header.Length > 0
            ? await AuthenticateTokenAsync(method, header).ConfigureAwait(false)
            : (AuthenticateCertificate(method, http), null);

        var access = MethodAccess.For(method);
        if (access is null)
        {
            LogDenied(method, caller.ClientId, caller.Subject, "(none)");
            throw SecurityErrors.NoScopeForMethod(method);
        }

        if (!access.IsGrantedTo(caller))
        {
            LogDenied(method, caller.ClientId, caller.Subject, access.RequiredScope);
            throw SecurityErrors.MissingScope(access.RequiredScope, method);
        }

        if (token is null)
        {
            callerContext.AuthenticateWithCertificate(caller);
        }
        else
        {
            callerContext.Authenticate(caller, token);
        }
    }

    private async Task<(CallerIdentity Caller, string Token)> AuthenticateTokenAsync(string method, string header)
    {
        if (!BearerToken.TryRead(header, out var token))
        {
            LogTokenMissing(method);
            throw SecurityErrors.TokenMissing(schemes.Certificates is not null);
        }

        if (schemes.Tokens is not { } validator)
        {
            LogTokensNotAccepted(method);
            throw SecurityErrors.TokensNotAccepted();
        }

        var outcome = await validator.ValidateAsync(token).ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            LogTokenRejected(method, outcome.ReasonCode);
            throw SecurityErrors.TokenRejected(outcome);
        }

        return (outcome.Caller, token);
    }

    private CallerIdentity AuthenticateCertificate(string method, HttpContext http)
    {
        if (schemes.Certificates is { } identities && http.GetClientCertificateCaller() is { } system)
        {
            if (identities.ToCallerIdentity(system) is { } caller)
            {
                return caller;
            }

            LogCertificateNotGranted(method, system.SystemName);
            throw SecurityErrors.CertificateNotGranted(system.SystemName);
        }

        LogCredentialsMissing(method);
        throw schemes.Tokens is null ? SecurityErrors.CertificateMissing() : SecurityErrors.TokenMissing(schemes.Certificates is not null);
    }

    // The token itself is never logged: only the method, the reason and, once validated, who the caller is.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: an authorization header that is not a bearer token.")]
    private partial void LogTokenMissing(string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: no bearer token and no client certificate of a known system.")]
    private partial void LogCredentialsMissing(string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: a bearer token, but this service accepts client certificates only.")]
    private partial void LogTokensNotAccepted(string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: the client certificate's system {System} has no grants here.")]
    private partial void LogCertificateNotGranted(string method, string system);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: bearer token rejected ({Reason}).")]
    private partial void LogTokenRejected(string method, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Denied {Method} to {ClientId} ({Subject}): missing scope {RequiredScope}.")]
    private partial void LogDenied(string method, string clientId, string subject, string requiredScope);
}
