namespace Aspire.Hosting.ApplicationModel;

/// <summary>A database of a <see cref="PostgresServerResource"/>, created when the server is ready.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    public string? GetConnectionString() =>
        Parent.GetConnectionString() is { } server ? $"{server};Database={DatabaseName}" : null;
}
