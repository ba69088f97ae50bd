using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Health;
using Khcn.Hosting.Orchestration;
using Khcn.Hosting.Postgres;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Runners;

/// <summary>
/// Runs a throw-away PostgreSQL cluster: initdb into a temporary directory on the first start, then the server in the
/// foreground (as the postgres user when the AppHost is root). A restart after a crash reuses the data. The directory
/// is deleted by <see cref="DisposeAsync"/>, which the orchestrator calls once the resource is stopped for good.
/// Without PostgreSQL installed the resource falls back and the services keep their embedded SQLite databases.
/// </summary>
/// <param name="findInstallation">Where the server programs are, or null; the usual places by default (tests simulate a machine without them).</param>
internal sealed class PostgresServerRunner(PostgresServerResource resource, Func<PostgresInstallation?>? findInstallation = null) : IResourceRunner
{
    private const string FallbackMessage =
        "PostgreSQL not found (initdb): the services use their embedded SQLite databases (apt-get install postgresql for a throw-away cluster)";

    private PostgresInstallation? _installation;
    private PostgresCluster? _cluster;
    private DetachedShell? _watchdog;
    private PgIsReadyProbe? _probe;
    private Logging.ResourceLog? _log;

    // SIGINT is PostgreSQL's fast shutdown: open transactions are rolled back, the server exits at once.
    private readonly ProcessSlot _process = new(PosixSignal.Interrupt);

    public ManagedProcess? Process => _process.Current;

    /// <summary>The cluster's temporary directory once started (null before, or after a fallback).</summary>
    public string? ClusterDirectory => _cluster?.Directory;

    public async Task StartAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (resource.HasFallenBack())
        {
            return;
        }

        _installation ??= (findInstallation ?? PostgresInstallation.Find)();
        if (_installation is null)
        {
            resource.Annotations.Add(new FallbackAnnotation(FallbackMessage));
            return;
        }

        _log = context.Log;
        var cluster = await CreateClusterOnceAsync(cancellationToken).ConfigureAwait(false);
        if (!cluster.IsInitialized)
        {
            await cluster.InitializeAsync(_installation, resource.UserName, resource.Password, cancellationToken).ConfigureAwait(false);
            context.Log.WriteLine($"initdb: new cluster in {cluster.Directory}");
        }

        var endpoint = resource.PrimaryEndpoint;
        await _process.StartAsync(cluster.ServerProcess(_installation, endpoint.Host, endpoint.Port), context).ConfigureAwait(false);
        _probe ??= new PgIsReadyProbe(_installation.PgIsReady, endpoint.Host, endpoint.Port);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _probe?.IsHealthyAsync(cancellationToken) ?? Task.FromResult(false);

    public Task StopAsync(CancellationToken cancellationToken) => _process.StopAsync();

    /// <summary>Stops the server if it still runs and deletes the cluster's directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync().ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);

        if (_probe is not null)
        {
            await _probe.DisposeAsync().ConfigureAwait(false);
        }

        if (_cluster is { } cluster && !cluster.Delete())
        {
            _log?.WriteLine($"could not delete the cluster directory {cluster.Directory}; delete it by hand");
        }

        _watchdog?.Dispose();
    }

    private async Task<PostgresCluster> CreateClusterOnceAsync(CancellationToken cancellationToken)
    {
        if (_cluster is null)
        {
            _cluster = await PostgresCluster.CreateAsync(cancellationToken).ConfigureAwait(false);
            _watchdog = PostgresWatchdog.Start(_cluster, Environment.ProcessId);
        }

        return _cluster;
    }
}
