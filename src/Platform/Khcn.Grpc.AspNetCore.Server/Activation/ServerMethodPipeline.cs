using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server.Activation;

/// <summary>
/// Builds, once per method at startup, the delegate a call runs: the configured interceptors in
/// registration order (first registered = outermost), then per-call service activation and the method.
/// The per-kind lambdas below only adapt argument lists; they are created here, once, so a call allocates no delegate.
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
        var activation = new ServiceActivation<TService>(activator);
        Func<TService, (TRequest Request, ServerCallContext Context), Task<TResponse>> invoke =
            (service, call) => method(service, call.Request, call.Context);
        UnaryServerMethod<TRequest, TResponse> pipeline = (request, context) => activation.InvokeAsync(context, (request, context), invoke);

        return Intercept(pipeline, interceptors, static (registration, next) => (request, context) =>
            InterceptAsync(registration, context, (request, context, next), static (interceptor, call) => interceptor.UnaryServerHandler(call.request, call.context, call.next)));
    }

    public static ClientStreamingServerMethod<TRequest, TResponse> BuildClientStreaming<TService, TRequest, TResponse>(
        ClientStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var activation = new ServiceActivation<TService>(activator);
        Func<TService, (IAsyncStreamReader<TRequest> RequestStream, ServerCallContext Context), Task<TResponse>> invoke =
            (service, call) => method(service, call.RequestStream, call.Context);
        ClientStreamingServerMethod<TRequest, TResponse> pipeline = (requestStream, context) => activation.InvokeAsync(context, (requestStream, context), invoke);

        return Intercept(pipeline, interceptors, static (registration, next) => (requestStream, context) =>
            InterceptAsync(registration, context, (requestStream, context, next), static (interceptor, call) => interceptor.ClientStreamingServerHandler(call.requestStream, call.context, call.next)));
    }

    public static ServerStreamingServerMethod<TRequest, TResponse> BuildServerStreaming<TService, TRequest, TResponse>(
        ServerStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var activation = new ServiceActivation<TService>(activator);
        Func<TService, (TRequest Request, IServerStreamWriter<TResponse> ResponseStream, ServerCallContext Context), Task> invoke =
            (service, call) => method(service, call.Request, call.ResponseStream, call.Context);
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = (request, responseStream, context) => activation.InvokeAsync(context, (request, responseStream, context), invoke);

        return Intercept(pipeline, interceptors, static (registration, next) => (request, responseStream, context) =>
            InterceptAsync(registration, context, (request, responseStream, context, next), static (interceptor, call) => interceptor.ServerStreamingServerHandler(call.request, call.responseStream, call.context, call.next)));
    }

    public static DuplexStreamingServerMethod<TRequest, TResponse> BuildDuplexStreaming<TService, TRequest, TResponse>(
        DuplexStreamingServerMethod<TService, TRequest, TResponse> method,
        IGrpcServiceActivator<TService> activator,
        IReadOnlyList<InterceptorRegistration> interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        var activation = new ServiceActivation<TService>(activator);
        Func<TService, (IAsyncStreamReader<TRequest> RequestStream, IServerStreamWriter<TResponse> ResponseStream, ServerCallContext Context), Task> invoke =
            (service, call) => method(service, call.RequestStream, call.ResponseStream, call.Context);
        DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (requestStream, responseStream, context) => activation.InvokeAsync(context, (requestStream, responseStream, context), invoke);

        return Intercept(pipeline, interceptors, static (registration, next) => (requestStream, responseStream, context) =>
            InterceptAsync(registration, context, (requestStream, responseStream, context, next), static (interceptor, call) => interceptor.DuplexStreamingServerHandler(call.requestStream, call.responseStream, call.context, call.next)));
    }

    internal static IServiceProvider Services(ServerCallContext context) => context.GetHttpContext().RequestServices;

    /// <summary>Wraps <paramref name="pipeline"/> in the interceptors, last registered innermost.</summary>
    private static TMethod Intercept<TMethod>(TMethod pipeline, IReadOnlyList<InterceptorRegistration> interceptors, Func<InterceptorRegistration, TMethod, TMethod> wrap)
    {
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            pipeline = wrap(interceptors[i], pipeline);
        }

        return pipeline;
    }

    /// <summary>Runs one interceptor created for this call (unary, client streaming), releasing it afterwards if it was created.</summary>
    private static async Task<TResponse> InterceptAsync<TArgs, TResponse>(InterceptorRegistration registration, ServerCallContext context, TArgs args, Func<Interceptor, TArgs, Task<TResponse>> handler)
    {
        var interceptor = registration.Create(Services(context), out var created);
        try
        {
            return await handler(interceptor, args).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(interceptor, created).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one interceptor created for this call (server streaming, duplex), releasing it afterwards if it was created.</summary>
    private static async Task InterceptAsync<TArgs>(InterceptorRegistration registration, ServerCallContext context, TArgs args, Func<Interceptor, TArgs, Task> handler)
    {
        var interceptor = registration.Create(Services(context), out var created);
        try
        {
            await handler(interceptor, args).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(interceptor, created).ConfigureAwait(false);
        }
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
