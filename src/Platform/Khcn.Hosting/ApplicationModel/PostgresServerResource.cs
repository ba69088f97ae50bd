namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A throw-away PostgreSQL cluster (initdb into a temporary directory, the server in the foreground on a free loopback
/// port, password authentication) deleted when the AppHost stops. Without PostgreSQL installed it falls back: the
/// services keep their embedded SQLite databases.
/// </summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string PrimaryEndpointName = "tcp";

    public string UserName { get; } = "postgres";

    public string Password { get; } = Secrets.NewPassword();

    /// <summary>The databases created once the server is ready, by resource name.</summary>
    public IDictionary<string, PostgresDatabaseResource> Databases { get; } = new Dictionary<string, PostgresDatabaseResource>(StringComparer.Ordinal);

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>Npgsql form, without a database.</summary>
    public string? GetConnectionString() => this.HasFallenBack()
        ? null
        : $"Host={PrimaryEndpoint.Host};Port={PrimaryEndpoint.Port};Username={UserName};Password={Password}";
}
