using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Orchestration;
using Khcn.Hosting.Postgres;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Runners;

/// <summary>
/// Creates a database in its (healthy) server with createdb; there is no process of its own. An existing database is
/// kept, so a restart after a crash finds its data. When the server fell back, so does the database.
/// </summary>
/// <param name="findInstallation">Where the client programs are; the usual places by default.</param>
internal sealed class PostgresDatabaseRunner(PostgresDatabaseResource resource, Func<PostgresInstallation?>? findInstallation = null) : IResourceRunner
{
    private bool _created;

    public ManagedProcess? Process => null;

    public async Task StartAsync(RunContext context, CancellationToken cancellationToken)
    {
        var server = resource.Parent;
        if (server.HasFallenBack())
        {
            if (!resource.HasFallenBack())
            {
                resource.Annotations.Add(new FallbackAnnotation(
                    $"PostgreSQL server '{server.Name}' is not available: the services use their embedded SQLite database instead of '{resource.DatabaseName}'"));
            }

            return;
        }

        var installation = (findInstallation ?? PostgresInstallation.Find)()
            ?? throw new DistributedApplicationException($"createdb was not found although PostgreSQL server '{server.Name}' runs.");
        var endpoint = server.PrimaryEndpoint;
        var result = await PostgresTool.RunAsync(
            installation.CreateDb,
            [
                "-h", endpoint.Host, "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", server.UserName, "-E", "UTF8", "-T", "template0", resource.DatabaseName,
            ],
            context.WorkDirectory,
            cancellationToken,
            environment: new Dictionary<string, string> { ["PGPASSWORD"] = server.Password })
            .ConfigureAwait(false);
        if (result.Succeeded)
        {
            context.Log.WriteLine($"created database {resource.DatabaseName}");
        }
        else if (!result.Output.Contains("already exists", StringComparison.Ordinal))
        {
            throw new DistributedApplicationException(
                $"createdb {resource.DatabaseName} exited with code {result.ExitCode}: {result.Output}");
        }

        _created = true;
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(_created);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
