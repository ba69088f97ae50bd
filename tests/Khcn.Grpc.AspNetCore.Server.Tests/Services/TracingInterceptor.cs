using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Services;

/// <summary>Appends its name to the "x-trace" trailer before and after the rest of the pipeline, for every call kind.</summary>
public sealed class TracingInterceptor(string name) : Interceptor
{
    public const string TraceTrailer = "x-trace";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        context.ResponseTrailers.Add(TraceTrailer, name);
        var response = await continuation(request, context);
        context.ResponseTrailers.Add(TraceTrailer, name + "-after");
        return response;
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        context.ResponseTrailers.Add(TraceTrailer, name);
        var response = await continuation(requestStream, context);
        context.ResponseTrailers.Add(TraceTrailer, name + "-after");
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        context.ResponseTrailers.Add(TraceTrailer, name);
        await continuation(request, responseStream, context);
        context.ResponseTrailers.Add(TraceTrailer, name + "-after");
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        context.ResponseTrailers.Add(TraceTrailer, name);
        await continuation(requestStream, responseStream, context);
        context.ResponseTrailers.Add(TraceTrailer, name + "-after");
    }
}
