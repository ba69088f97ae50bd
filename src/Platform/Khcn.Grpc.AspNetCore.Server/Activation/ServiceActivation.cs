using Grpc.Core;

namespace Grpc.AspNetCore.Server.Activation;

/// <summary>
/// Creates the service instance for one call, runs the method on it and releases it afterwards. What the
/// activator needs is decided once per method at startup, so the default case pays no scope and no release wrapper.
/// </summary>
internal sealed class ServiceActivation<TService>(IGrpcServiceActivator<TService> activator)
    where TService : class
{
    // Touching RequestServices creates the request's DI scope; skip it when the activator will not use it.
    private readonly bool _needsRequestServices = activator is not DefaultGrpcServiceActivator<TService> { NeedsRequestServices: false };

    // Releasing is a no-op for instances the default activator created unless they are disposable; skipping it
    // saves an async wrapper (and its Task) per call.
    private readonly bool _needsRelease = activator is not DefaultGrpcServiceActivator<TService>
        || typeof(IDisposable).IsAssignableFrom(typeof(TService))
        || typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));

    /// <summary>Runs a method that returns a response (unary, client streaming).</summary>
    public Task<TResponse> InvokeAsync<TArgs, TResponse>(ServerCallContext context, TArgs args, Func<TService, TArgs, Task<TResponse>> method)
    {
        var handle = Create(context);
        return handle.Created && _needsRelease ? InvokeAndReleaseAsync(handle, args, method) : method(handle.Instance, args);
    }

    /// <summary>Runs a method that writes its responses to a stream (server streaming, duplex).</summary>
    public Task InvokeAsync<TArgs>(ServerCallContext context, TArgs args, Func<TService, TArgs, Task> method)
    {
        var handle = Create(context);
        return handle.Created && _needsRelease ? InvokeAndReleaseAsync(handle, args, method) : method(handle.Instance, args);
    }

    private GrpcActivatorHandle<TService> Create(ServerCallContext context)
        => activator.Create(_needsRequestServices ? ServerMethodPipeline.Services(context) : EmptyServiceProvider.Instance);

    private async Task<TResponse> InvokeAndReleaseAsync<TArgs, TResponse>(GrpcActivatorHandle<TService> handle, TArgs args, Func<TService, TArgs, Task<TResponse>> method)
    {
        try
        {
            return await method(handle.Instance, args).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(handle).ConfigureAwait(false);
        }
    }

    private async Task InvokeAndReleaseAsync<TArgs>(GrpcActivatorHandle<TService> handle, TArgs args, Func<TService, TArgs, Task> method)
    {
        try
        {
            await method(handle.Instance, args).ConfigureAwait(false);
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
}
