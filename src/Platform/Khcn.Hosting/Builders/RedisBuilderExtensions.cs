using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>A redis-server for the shared cache; referencing resources get <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new RedisResource(name))
            .WithAnnotation(new EndpointAnnotation(RedisResource.PrimaryEndpointName, "tcp", port));
}
