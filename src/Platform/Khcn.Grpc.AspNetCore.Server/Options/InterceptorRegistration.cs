using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server;

/// <summary>One interceptor registration: its type and the extra constructor arguments.</summary>
public class InterceptorRegistration
{
    private ObjectFactory? _factory;

    internal InterceptorRegistration(Type type, object[] arguments)
    {
        Type = type;
        Arguments = arguments;
    }

    /// <summary>The interceptor type.</summary>
    public Type Type { get; }

    /// <summary>Extra constructor arguments.</summary>
    public IReadOnlyList<object> Arguments { get; }

    // The factory is compiled once so per-call activation does not reflect over constructors.
    internal ObjectFactory GetFactory()
        => _factory ??= ActivatorUtilities.CreateFactory(Type, Array.ConvertAll((object[])Arguments, a => a.GetType()));

    internal Interceptor Create(IServiceProvider services, out bool created)
    {
        if (Arguments.Count == 0 && services.GetService(Type) is Interceptor registered)
        {
            created = false;
            return registered;
        }

        created = true;
        return (Interceptor)GetFactory()(services, (object[])Arguments);
    }
}
