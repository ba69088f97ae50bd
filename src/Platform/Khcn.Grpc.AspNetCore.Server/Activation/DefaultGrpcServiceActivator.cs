using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server;

/// <summary>
/// Resolves the service from DI when it is registered (DI then owns its lifetime), otherwise creates it
/// with <see cref="ActivatorUtilities"/> from the request scope and disposes it after the call.
/// </summary>
internal sealed class DefaultGrpcServiceActivator<TGrpcService> : IGrpcServiceActivator<TGrpcService>
    where TGrpcService : class
{
    // Decided once: whether DI knows the type.
    private readonly bool _registered;

    // Compiled once, and only for an unregistered service with just a parameterless constructor: a plain
    // constructor call that never touches HttpContext.RequestServices, which would create a DI scope per call.
    private readonly Func<TGrpcService>? _newInstance;

    // Built on first use (a benign race builds it twice at most): a service registered in DI never needs
    // it, and building it eagerly throws for registered types with several public constructors, such as
    // Grpc.Reflection's ReflectionServiceImplV1.
    private ObjectFactory? _factory;

    public DefaultGrpcServiceActivator(IServiceProvider rootServices)
    {
        _registered = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TGrpcService)) ?? true;
        if (!_registered && HasOnlyParameterlessConstructor())
        {
            _newInstance = Expression.Lambda<Func<TGrpcService>>(Expression.New(typeof(TGrpcService))).Compile();
        }
    }

    /// <summary>True when <see cref="Create"/> never uses the provider it is given, so callers may skip creating a request scope.</summary>
    public bool NeedsRequestServices => _newInstance is null;

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

        var instance = _newInstance is not null
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
