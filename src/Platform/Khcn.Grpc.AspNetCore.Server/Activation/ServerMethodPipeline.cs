using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server.Activation;

/// <summary>
/// Builds, once per method at startup, the delegate a call runs: the configured interceptors in
/// registration order (first registered = outermost), then per-call service activation and the method.
/// </summary>
internal static class ServerMethodPipeline
{
    public static UnaryServerMethod<TRequest, TResponse> BuildUnary<TService, TRequest, TResponse>(
        UnaryServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var needsRequestServices = NeedsRequestServices(activator);
        var needsRelease = NeedsRelease(activator);
        UnaryServerMethod<TRequest, TResponse> pipeline = (request, context) =>
        {
            var handle = activator.Create(needsRequestServices ? Services(context) : EmptyServiceProvider.Instance);
            return handle.Created && needsRelease
                ? InvokeAndReleaseAsync(method, activator, handle, request, context)
                : method(handle.Instance, request, context);
        };

        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var registration = interceptors[i];
            var next = pipeline;
            pipeline = async (request, context) =>
            {
                var interceptor = registration.Create(Services(context), out var created);
                try
                {
                    return await interceptor.UnaryServerHandler(request, context, next).ConfigureAwait(false);
                }
                finally
                {
                    await ReleaseAsync(interceptor, created).ConfigureAwait(false);
                }
            };
        }

        return pipeline;
    }

    public static ClientStreamingServerMethod<TRequest, TResponse> BuildClientStreaming<TService, TRequest, TResponse>(
        ClientStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var needsRequestServices = NeedsRequestServices(activator);
        var needsRelease = NeedsRelease(activator);
        ClientStreamingServerMethod<TRequest, TResponse> pipeline = (requestStream, context) =>
        {
            var handle = activator.Create(needsRequestServices ? Services(context) : EmptyServiceProvider.Instance);
            return handle.Created && needsRelease
                ? InvokeAndReleaseAsync(method, activator, handle, requestStream, context)
                : method(handle.Instance, requestStream, context);
        };

        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var registration = interceptors[i];
            var next = pipeline;
            pipeline = async (requestStream, context) =>
            {
                var interceptor = registration.Create(Services(context), out var created);
                try
                {
                    return await interceptor.ClientStreamingServerHandler(requestStream, context, next).ConfigureAwait(false);
                }
                finally
                {
                    await ReleaseAsync(interceptor, created).ConfigureAwait(false);
                }
            };
        }

        return pipeline;
    }

    public static ServerStreamingServerMethod<TRequest, TResponse> BuildServerStreaming<TService, TRequest, TResponse>(
        ServerStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var needsRequestServices = NeedsRequestServices(activator);
        var needsRelease = NeedsRelease(activator);
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = (request, responseStream, context) =>
        {
            var handle = activator.Create(needsRequestServices ? Services(context) : EmptyServiceProvider.Instance);
            return handle.Created && needsRelease
                ? InvokeAndReleaseAsync(method, activator, handle, request, responseStream, context)
                : method(handle.Instance, request, responseStream, context);
        };

        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var registration = interceptors[i];
            var next = pipeline;
            pipeline = async (request, responseStream, context) =>
            {
                var interceptor = registration.Create(Services(context), out var created);
                try
                {
                    await interceptor.ServerStreamingServerHandler(request, responseStream, context, next).ConfigureAwait(false);
                }
                finally
                {
                    await ReleaseAsync(interceptor, created).ConfigureAwait(false);
                }
            };
        }

        return pipeline;
    }

    public static DuplexStreamingServerMethod<TRequest, TResponse> BuildDuplexStreaming<TService, TRequest, TResponse>(
        DuplexStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var needsRequestServices = NeedsRequestServices(activator);
        var needsRelease = NeedsRelease(activator);
        DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (requestStream, responseStream, context) =>
        {
            var handle = activator.Create(needsRequestServices ? Services(context) : EmptyServiceProvider.Instance);
            return handle.Created && needsRelease
                ? InvokeAndReleaseAsync(method, activator, handle, requestStream, responseStream, context)
                : method(handle.Instance, requestStream, responseStream, context);
        };

        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var registration = interceptors[i];
            var next = pipeline;
            pipeline = async (requestStream, responseStream, context) =>
            {
                var interceptor = registration.Create(Services(context), out var created);
                try
                {
                    await interceptor.DuplexStreamingServerHandler(requestStream, responseStream, context, next).ConfigureAwait(false);
                }
                finally
                {
                    await ReleaseAsync(interceptor, created).ConfigureAwait(false);
                }
            };
        }

        return pipeline;
    }

    private static IServiceProvider Services(ServerCallContext context) => context.GetHttpContext().RequestServices;

    // Touching RequestServices creates the request's DI scope; skip it when the activator will not use it.
    private static bool NeedsRequestServices<TService>(IGrpcServiceActivator<TService> activator)
        where TService : class
        => activator is not DefaultGrpcServiceActivator<TService> { NeedsRequestServices: false };

    // Releasing is a no-op for instances the default activator created unless they are disposable; skipping it
    // saves an async wrapper (and its Task) per call.
    private static bool NeedsRelease<TService>(IGrpcServiceActivator<TService> activator)
        where TService : class
        => activator is not DefaultGrpcServiceActivator<TService>
            || typeof(IDisposable).IsAssignableFrom(typeof(TService))
            || typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));

    private static async Task<TResponse> InvokeAndReleaseAsync<TService, TRequest, TResponse>(
        Model.UnaryServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        GrpcActivatorHandle<TService> handle,
        TRequest request, ServerCallContext context)
        where TService : class
    {
        try
        {
            return await method(handle.Instance, request, context).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(handle).ConfigureAwait(false);
        }
    }

    private static async Task<TResponse> InvokeAndReleaseAsync<TService, TRequest, TResponse>(
        Model.ClientStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        GrpcActivatorHandle<TService> handle,
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
        where TService : class
    {
        try
        {
            return await method(handle.Instance, requestStream, context).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(handle).ConfigureAwait(false);
        }
    }

    private static async Task InvokeAndReleaseAsync<TService, TRequest, TResponse>(
        Model.ServerStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        GrpcActivatorHandle<TService> handle,
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
        where TService : class
    {
        try
        {
            await method(handle.Instance, request, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(handle).ConfigureAwait(false);
        }
    }

    private static async Task InvokeAndReleaseAsync<TService, TRequest, TResponse>(
        Model.DuplexStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        GrpcActivatorHandle<TService> handle,
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
        where TService : class
    {
        try
        {
            await method(handle.Instance, requestStream, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(handle).ConfigureAwait(false);
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    private static ValueTask ReleaseAsync(Interceptor interceptor, bool created)
    {
        if (!created)
        {
            return default;
        }

        if (interceptor is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (interceptor as IDisposable)?.Dispose();
        return default;
    }
}
