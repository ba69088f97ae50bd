using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The wiring calls of the app model, with Aspire's names and configuration conventions.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args)
        where T : IResource =>
        builder.WithAnnotation(new CommandLineArgsAnnotation(args));

    /// <summary>
    /// <c>ConnectionStrings__{name}</c> with the source's connection string once it runs; nothing when the source fell
    /// back (the service then uses its embedded default). A reference alone does not wait: add <see cref="WaitFor"/>.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        return builder.WithEnvironment(context =>
        {
            if (resource.GetConnectionString() is { } connectionString)
            {
                context.EnvironmentVariables[$"ConnectionStrings__{resource.ConnectionStringName}"] = connectionString;
            }
        });
    }

    /// <summary>
    /// Service discovery: <c>services__{name}__{endpoint}__0</c> for each endpoint of the source (Aspire's convention,
    /// read by <c>AddGrpcClient&lt;T&gt;("name")</c>). Endpoints are allocated before anything starts, so references may
    /// go both ways (Provinces calls Tasks, Tasks calls Provinces).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        return builder.WithEnvironment(context =>
        {
            foreach (var endpoint in resource.Endpoints())
            {
                if (endpoint.AllocatedEndpoint is { } allocated)
                {
                    context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__0"] = allocated.Url;
                }
            }
        });
    }

    /// <summary>The resource starts only once <paramref name="dependency"/> is healthy (or fell back to the embedded default).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource));

    /// <summary>
    /// An endpoint on a fixed port instead of a free one chosen at start, or with another scheme. An endpoint of that
    /// name is replaced in place: the order of endpoints is kept (the first is the one the console summary shows).
    /// </summary>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, string scheme, int? port)
        where T : IResourceWithEndpoints
    {
        var annotations = builder.Resource.Annotations;
        var endpoint = new EndpointAnnotation(name, scheme, port);
        var existing = builder.Resource.Endpoints().SingleOrDefault(e => e.Name == name);
        if (existing is not null)
        {
            annotations[annotations.IndexOf(existing)] = endpoint;
            return builder;
        }

        return builder.WithAnnotation(endpoint);
    }
}
