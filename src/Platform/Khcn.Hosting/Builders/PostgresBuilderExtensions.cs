using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>A throw-away PostgreSQL cluster for this run.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new PostgresServerResource(name))
            .WithAnnotation(new EndpointAnnotation(PostgresServerResource.PrimaryEndpointName, "tcp", port));

    /// <summary>A database of the server, created once it is ready; referencing resources get <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(name, database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
