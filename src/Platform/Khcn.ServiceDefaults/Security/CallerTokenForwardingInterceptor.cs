using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.ServiceDefaults.Security.ServiceIdentity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// Makes calls to other Khcn services on behalf of the caller being served: each call carries that caller's
/// validated bearer token, so the service called decides by the original caller's scopes (a caller proved by its
/// client certificate alone has none to carry, and its calls go without one). Calls made outside a
/// request (seed loads, background refreshes) carry the service's own token (<see cref="ServiceToken"/>), or none when
/// it has no identity configured; a call that already sets <c>authorization</c> keeps its own.
/// One instance per channel; the current request is found through <see cref="IHttpContextAccessor"/>.
/// </summary>
internal sealed class CallerTokenForwardingInterceptor(IHttpContextAccessor httpContextAccessor, ServiceToken serviceToken) : Interceptor
{
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
        var headers = context.Options.Headers;
        if (headers?.Get(ServiceCallHeaders.Authorization) is not null)
        {
            return context;
        }

        var token = TokenFor(httpContextAccessor.HttpContext?.RequestServices.GetService<CallerContext>());
        if (token is null)
        {
            return context;
        }

        // A copy: the caller's Metadata instance may be reused for other calls.
        var withToken = new Metadata();
        foreach (var entry in headers ?? [])
        {
            withToken.Add(entry);
        }

        withToken.Add(ServiceCallHeaders.Authorization, ServiceCallHeaders.Bearer(token));
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(withToken));
    }

    // While serving a caller, only that caller's token: a certificate caller has none, and lending it the service's
    // own (possibly wider) token would let it read through this service what it may not read directly.
    private string? TokenFor(CallerContext? serving) =>
        serving?.Current is null ? serviceToken.Current : serving.BearerToken;
}
