namespace Grpc.Core.Interceptors;

public static class ServerServiceDefinitionExtensions
{
    /// <summary>Returns a definition whose handlers run through <paramref name="interceptor"/> first.</summary>
    public static ServerServiceDefinition Intercept(this ServerServiceDefinition serverServiceDefinition, Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(serverServiceDefinition);
        ArgumentNullException.ThrowIfNull(interceptor);
        return new ServerServiceDefinition([binder => serverServiceDefinition.BindService(new InterceptingServiceBinder(binder, interceptor))]);
    }

    /// <summary>Same ordering as the client side: the first interceptor sees the call first.</summary>
    public static ServerServiceDefinition Intercept(this ServerServiceDefinition serverServiceDefinition, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(serverServiceDefinition);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            serverServiceDefinition = serverServiceDefinition.Intercept(interceptors[i]);
        }

        return serverServiceDefinition;
    }
}
