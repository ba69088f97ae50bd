using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The one choice the AppHost makes per service: a PostgreSQL database when asked for, SQLite otherwise.</summary>
internal static class DatabaseExtensions
{
    /// <summary>
    /// With a PostgreSQL server: the service's database on it (<c>ConnectionStrings__{databaseName}</c>), waited for.
    /// Without: nothing, and the service keeps its embedded SQLite file.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<PostgresServerResource>? server, string databaseName)
    {
        if (server is null)
        {
            return project;
        }

        var database = server.AddDatabase(databaseName);
        return project.WithReference(database).WaitFor(database);
    }
}
