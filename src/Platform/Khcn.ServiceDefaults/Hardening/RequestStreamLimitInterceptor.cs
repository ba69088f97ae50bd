using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Khcn.ServiceDefaults.Hardening;

/// <summary>
/// Caps the number of request messages of client-streaming and duplex calls at
/// <see cref="GrpcLimits.MaxRequestStreamMessages"/>; beyond it the call fails with RESOURCE_EXHAUSTED
/// (reason REQUEST_STREAM_TOO_LONG). Server streams (WatchTasks) are long-lived on purpose and not limited here.
/// </summary>
internal sealed class RequestStreamLimitInterceptor(GrpcLimits limits) : Interceptor
{
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Limit(requestStream, context), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Limit(requestStream, context), responseStream, context);

    private LimitedRequestStream<T> Limit<T>(IAsyncStreamReader<T> requestStream, ServerCallContext context) =>
        new(requestStream, limits.MaxRequestStreamMessages, context.Method);
}
