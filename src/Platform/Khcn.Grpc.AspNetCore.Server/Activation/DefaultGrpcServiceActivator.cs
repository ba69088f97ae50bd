using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server;

/// <summary>
/// Resolves the service from DI when it is registered (DI then owns its lifetime), otherwise creates it
/// with <see cref="ActivatorUtilities"/> from the request scope and disposes it after the call.
/// </summary>
internal sealed class DefaultGrpcServiceActivator<TGrpcService>(IServiceProvider rootServices) : IGrpcServiceActivator<TGrpcService>
    where TGrpcService : class
{
    // Decided once: whether DI knows the type, and whether constructing it needs any dependency at all.
    // A dependency-free, unregistered service is created without touching HttpContext.RequestServices,
    // which would otherwise create a DI scope for every call.
    private readonly bool _registered =
        rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TGrpcService)) ?? true;

    private readonly bool _dependencyFree = HasOnlyParameterlessConstructor();

    // Built on first use (a benign race builds it twice at most): a service registered in DI never needs
    // it, and building it eagerly throws for registered types with several public constructors, such as
    // Grpc.Reflection's ReflectionServiceImplV1.
    private ObjectFactory? _factory;

    // Compiled once; a plain constructor call for dependency-free services.
    private readonly Func<TGrpcService>? _newInstance = HasOnlyParameterlessConstructor()
        ? Expression.Lambda<Func<TGrpcService>>(Expression.New(typeof(TGrpcService))).Compile()
        : null;

    /// <summary>True when <see cref="Create"/> never uses the provider it is given, so callers may skip creating a request scope.</summary>
    public bool NeedsRequestServices => _registered || !_dependencyFree;

    public GrpcActivatorHandle<TGrpcService> Create(IServiceProvider serviceProvider)
    {
        if (_registered)
        {
            var registered = serviceProvider.GetService<TGrpcService>();
            if (registered is not null)
            {
                return new GrpcActivatorHandle<TGrpcService>(registered, created: false, state: null);
            }
        }

        var instance = _newInstance is not null && !_registered
            ? _newInstance()
            : (TGrpcService)(_factory ??= ActivatorUtilities.CreateFactory(typeof(TGrpcService), Type.EmptyTypes))(serviceProvider, null);
        return new GrpcActivatorHandle<TGrpcService>(instance, created: true, state: null);
    }

    public ValueTask ReleaseAsync(GrpcActivatorHandle<TGrpcService> service)
    {
        if (!service.Created)
        {
            return default;
        }

        if (service.Instance is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service.Instance as IDisposable)?.Dispose();
        return default;
    }

    private static bool HasOnlyParameterlessConstructor()
    {
        var constructors = typeof(TGrpcService).GetConstructors();
        return constructors.Length == 1 && constructors[0].GetParameters().Length == 0;
    }
}
