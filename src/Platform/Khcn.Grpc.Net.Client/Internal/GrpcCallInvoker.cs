using Grpc.Core;
using Grpc.Net.Client.Internal.Calls;
using Grpc.Net.Client.Retries;

namespace Grpc.Net.Client.Internal;

/// <summary>The channel's <see cref="CallInvoker"/>: turns generated-client calls into HTTP/2 gRPC calls.</summary>
internal sealed class GrpcCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = StartSingleRequest(method, options, request);
        return new AsyncUnaryCall<TResponse>(
            call.GetResponseAsync(),
            CallHandleCallbacks.GetResponseHeaders,
            CallHandleCallbacks.GetStatus,
            CallHandleCallbacks.GetTrailers,
            CallHandleCallbacks.Dispose,
            call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = StartSingleRequest(method, options, request);
        return new AsyncServerStreamingCall<TResponse>(
            call,
            CallHandleCallbacks.GetResponseHeaders,
            CallHandleCallbacks.GetStatus,
            CallHandleCallbacks.GetTrailers,
            CallHandleCallbacks.Dispose,
            call);
    }

    // Client-streaming and duplex calls are never retried: replaying them would mean buffering every message the
    // caller writes, and a duplex caller may already have reacted to responses, so a retry would not be transparent.
    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = StartStreaming(method, options);
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            call.RequestStream,
            call.GetResponseAsync(),
            CallHandleCallbacks.GetResponseHeaders,
            CallHandleCallbacks.GetStatus,
            CallHandleCallbacks.GetTrailers,
            CallHandleCallbacks.Dispose,
            call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = StartStreaming(method, options);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            call.RequestStream,
            call,
            CallHandleCallbacks.GetResponseHeaders,
            CallHandleCallbacks.GetStatus,
            CallHandleCallbacks.GetTrailers,
            CallHandleCallbacks.Dispose,
            call);
    }

    /// <summary>Starts a unary or server-streaming call: retried per the method's policy, if it has one.</summary>
    private IResponseCall<TResponse> StartSingleRequest<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var methodInfo = channel.GetMethodInfo(method);
        if (methodInfo.RetryPolicy is { } policy)
        {
            var retrying = new RetryingCall<TRequest, TResponse>(channel, method, methodInfo, policy, options);
            retrying.Start(request);
            return retrying;
        }

        var call = new GrpcCall<TRequest, TResponse>(channel, method, methodInfo, options);
        if (RequestFrame.TryCreate(channel, method.RequestMarshaller, request, call.RequestEncoding, options, out var frame, out var failure))
        {
            call.StartWithMessage(frame);
        }
        else
        {
            call.StartFailed(failure);
        }

        return call;
    }

    private GrpcCall<TRequest, TResponse> StartStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, channel.GetMethodInfo(method), options);
        call.StartStreaming();
        return call;
    }
}
