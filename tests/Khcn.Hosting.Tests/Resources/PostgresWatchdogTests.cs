using System.Diagnostics;
using Aspire.Hosting;
using Khcn.Hosting.Health;
using Khcn.Hosting.Postgres;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Tests.Resources;

/// <summary>The watchdog that cleans up after an AppHost killed with SIGKILL (played here by a sleep process).</summary>
public sealed class PostgresWatchdogTests
{
    [Fact]
    public async Task WhenTheWatchedProcessDies_TheServerStopsAndTheClusterDirectoryIsDeleted()
    {
        var server = DistributedApplication.CreateBuilder([]).AddPostgres("postgres").Resource;
        await using var scope = new ResourceRunScope(server);
        var installation = PostgresInstallation.Find()!;
        var cluster = await PostgresCluster.CreateAsync(CancellationToken.None);
        await using var postmaster = await StartServerAsync(cluster, installation, server.PrimaryEndpoint.Port, scope);
        using var appHost = Process.Start("sleep", "600");
        using var watchdog = PostgresWatchdog.Start(cluster, appHost.Id);

        appHost.Kill();

        Assert.True(await Eventually.TrueAsync(() => postmaster.HasExited && !Directory.Exists(cluster.Directory)));
    }

    private static async Task<ManagedProcess> StartServerAsync(PostgresCluster cluster, PostgresInstallation installation, int port, ResourceRunScope scope)
    {
        try
        {
            await cluster.InitializeAsync(installation, "postgres", "secret", CancellationToken.None);
            var postmaster = ManagedProcess.Start(cluster.ServerProcess(installation, "127.0.0.1", port), scope.Log);
            await using var probe = new PgIsReadyProbe(installation.PgIsReady, "127.0.0.1", port);
            Assert.True(await Eventually.TrueAsync(() => probe.IsHealthyAsync(CancellationToken.None)));
            return postmaster;
        }
        catch
        {
            cluster.Delete();
            throw;
        }
    }
}
