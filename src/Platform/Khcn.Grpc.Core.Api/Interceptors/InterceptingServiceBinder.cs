namespace Grpc.Core.Interceptors;

/// <summary>Wraps every handler in an interceptor before passing it on to the real binder.</summary>
internal sealed class InterceptingServiceBinder(ServiceBinderBase inner, Interceptor interceptor) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler is null ? null : new UnaryServerMethod<TRequest, TResponse>((request, context) => interceptor.UnaryServerHandler(request, context, handler)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler is null ? null : new ClientStreamingServerMethod<TRequest, TResponse>((requestStream, context) => interceptor.ClientStreamingServerHandler(requestStream, context, handler)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler is null ? null : new ServerStreamingServerMethod<TRequest, TResponse>((request, responseStream, context) => interceptor.ServerStreamingServerHandler(request, responseStream, context, handler)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler is null ? null : new DuplexStreamingServerMethod<TRequest, TResponse>((requestStream, responseStream, context) => interceptor.DuplexStreamingServerHandler(requestStream, responseStream, context, handler)));
}
