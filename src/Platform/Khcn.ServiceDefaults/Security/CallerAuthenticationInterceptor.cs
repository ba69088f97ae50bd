using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.Security.Tokens;
using Microsoft.Extensions.Logging;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// Every gRPC call except health and reflection: a valid bearer token (UNAUTHENTICATED otherwise), then the scope
/// its method needs (PERMISSION_DENIED otherwise). The caller is put in the call's <see cref="ICallerContext"/>.
/// An interceptor rather than middleware because it sees the gRPC method name and answers with a gRPC status for
/// every call kind, streaming included. Created per call, from the call's services.
/// </summary>
internal sealed partial class CallerAuthenticationInterceptor(
    BearerTokenValidator validator,
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

        var header = context.GetHttpContext().Request.Headers[AuthorizationHeader].ToString();
        if (!BearerToken.TryRead(header, out var token))
        {
            LogTokenMissing(method);
            throw SecurityErrors.TokenMissing();
        }

        var outcome = await validator.ValidateAsync(token).ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            LogTokenRejected(method, outcome.ReasonCode);
            throw SecurityErrors.TokenRejected(outcome);
        }

        var caller = outcome.Caller;
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

        callerContext.Authenticate(caller, token);
    }

    // The token itself is never logged: only the method, the reason and, once validated, who the caller is.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: no bearer token.")]
    private partial void LogTokenMissing(string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method}: bearer token rejected ({Reason}).")]
    private partial void LogTokenRejected(string method, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Denied {Method} to {ClientId} ({Subject}): missing scope {RequiredScope}.")]
    private partial void LogDenied(string method, string clientId, string subject, string requiredScope);
}
