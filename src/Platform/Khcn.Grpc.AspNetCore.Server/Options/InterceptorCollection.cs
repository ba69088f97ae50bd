using System.Collections.ObjectModel;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>An ordered list of server interceptor registrations.</summary>
public class InterceptorCollection : Collection<InterceptorRegistration>
{
    /// <summary>Registers <typeparamref name="TInterceptor"/>, created per call (or resolved from DI when registered there).</summary>
    /// <param name="args">Extra constructor arguments that DI cannot provide.</param>
    public void Add<TInterceptor>(params object[] args) where TInterceptor : Interceptor
        => Add(typeof(TInterceptor), args);

    /// <summary>Registers an interceptor by type.</summary>
    public void Add(Type interceptorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(interceptorType);
        if (!typeof(Interceptor).IsAssignableFrom(interceptorType))
        {
            throw new ArgumentException($"Type {interceptorType} is not an interceptor.", nameof(interceptorType));
        }

        Add(new InterceptorRegistration(interceptorType, args));
    }
}
