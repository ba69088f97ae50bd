using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;

namespace Khcn.ServiceDefaults.Hardening.RateLimiting;

/// <summary>
/// Refuses a caller's calls beyond its token bucket with RESOURCE_EXHAUSTED (reason RATE_LIMITED, RetryInfo with the
/// delay). Registered after caller authentication, so the bucket is the authenticated caller's; health and reflection
/// are never limited, so probes keep working for a caller that is being throttled.
/// </summary>
internal sealed partial class CallerRateLimitInterceptor(
    CallerRateLimiter limiter,
    ICallerContext callerContext,
    ILogger<CallerRateLimitInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        if (OpenMethods.Contains(context.Method))
        {
            return;
        }

        var caller = CallerPartitionKey.Of(context, callerContext);
        if (limiter.TryAcquire(caller) is { } retryAfter)
        {
            LogRateLimited(context.Method, caller);
            throw HardeningErrors.RateLimited(retryAfter);
        }
    }

    // Debug, not Information like the authentication refusals: a throttled caller is by definition sending a flood, and
    // one record per refused call would flood the logs too. The refusals still show as RESOURCE_EXHAUSTED server spans.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limited {Method} for {Caller}.")]
    private partial void LogRateLimited(string method, string caller);
}
