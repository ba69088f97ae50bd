using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.TestDoubles;

/// <summary>Captures the handlers a generated BindService registers, keyed by full method name.</summary>
internal sealed class InMemoryServiceBinder : ServiceBinderBase
{
    public Dictionary<string, (IMethod Method, Delegate? Handler)> Methods { get; } = new(StringComparer.Ordinal);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add(method.FullName, (method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add(method.FullName, (method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add(method.FullName, (method, handler));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        Methods.Add(method.FullName, (method, handler));

    public TDelegate Handler<TDelegate>(string fullName)
        where TDelegate : Delegate =>
        Methods.TryGetValue(fullName, out var registration) && registration.Handler is TDelegate handler
            ? handler
            : throw new RpcException(new Status(StatusCode.Unimplemented, $"Method {fullName} is not bound."));
}
