using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// Makes calls to other Khcn services on behalf of the caller being served: each call carries that caller's
/// validated bearer token, so the service called decides by the original caller's scopes. Calls made outside a
/// request (background work) carry none, and a call that already sets <c>authorization</c> keeps its own.
/// One instance per channel; the current request is found through <see cref="IHttpContextAccessor"/>.
/// </summary>
internal sealed class CallerTokenForwardingInterceptor(IHttpContextAccessor httpContextAccessor) : Interceptor
{
    private const string AuthorizationHeader = "authorization";

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCallerToken(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCallerToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCallerToken(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithCallerToken(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithCallerToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithCallerToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var token = CurrentCallerToken();
        var headers = context.Options.Headers;
        if (token is null || headers?.Get(AuthorizationHeader) is not null)
        {
            return context;
        }

        // A copy: the caller's Metadata instance may be reused for other calls.
        var withToken = new Metadata();
        foreach (var entry in headers ?? [])
        {
            withToken.Add(entry);
        }

        withToken.Add(AuthorizationHeader, "Bearer " + token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(withToken));
    }

    private string? CurrentCallerToken() =>
        httpContextAccessor.HttpContext?.RequestServices.GetService<CallerContext>()?.BearerToken;
}
