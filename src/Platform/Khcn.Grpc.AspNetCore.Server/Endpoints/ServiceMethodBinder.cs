using Grpc.AspNetCore.Server.Activation;
using Grpc.AspNetCore.Server.Calls;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>
/// Receives the methods the generated <c>BindService</c> reports (with a null service instance) and builds,
/// for each, the call handler that activates <typeparamref name="TService"/> per call.
/// </summary>
internal sealed class ServiceMethodBinder<TService>(
    MethodOptions options,
    IGrpcServiceActivator<TService> activator,
    ILogger logger) : ServiceBinderBase
    where TService : class
{
    public List<BoundServiceMethod> Methods { get; } = [];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodResolver.TryCreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>(
            typeof(TService), method.Name, typeof(Task<TResponse>), [typeof(TRequest), typeof(ServerCallContext)]);
        if (invoker is null)
        {
            AddUnimplemented(method);
            return;
        }

        var pipeline = ServerMethodPipeline.BuildUnary(invoker, activator, options.Interceptors);
        Methods.Add(new(method, new UnaryServerCallHandler<TRequest, TResponse>(method, options, pipeline, logger).HandleCallAsync));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodResolver.TryCreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
            typeof(TService), method.Name, typeof(Task<TResponse>), [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)]);
        if (invoker is null)
        {
            AddUnimplemented(method);
            return;
        }

        var pipeline = ServerMethodPipeline.BuildClientStreaming(invoker, activator, options.Interceptors);
        Methods.Add(new(method, new ClientStreamingServerCallHandler<TRequest, TResponse>(method, options, pipeline, logger).HandleCallAsync));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodResolver.TryCreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
            typeof(TService), method.Name, typeof(Task), [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
        if (invoker is null)
        {
            AddUnimplemented(method);
            return;
        }

        var pipeline = ServerMethodPipeline.BuildServerStreaming(invoker, activator, options.Interceptors);
        Methods.Add(new(method, new ServerStreamingServerCallHandler<TRequest, TResponse>(method, options, pipeline, logger).HandleCallAsync));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodResolver.TryCreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
            typeof(TService), method.Name, typeof(Task),
            [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
        if (invoker is null)
        {
            AddUnimplemented(method);
            return;
        }

        var pipeline = ServerMethodPipeline.BuildDuplexStreaming(invoker, activator, options.Interceptors);
        Methods.Add(new(method, new DuplexStreamingServerCallHandler<TRequest, TResponse>(method, options, pipeline, logger).HandleCallAsync));
    }

    private void AddUnimplemented(IMethod method)
    {
        // The generated base declares every method, so this only happens with an unusual signature:
        // answer UNIMPLEMENTED rather than failing startup, like the official server.
        logger.LogWarning("Could not find an implementation of gRPC method {Method} on {ServiceType}.", method.FullName, typeof(TService));
        Methods.Add(new(method, UnimplementedCallHandler.MethodUnimplementedAsync));
    }
}
