using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Postgres;

/// <summary>
/// Outlives a SIGKILLed AppHost: once the AppHost's process is gone it shuts the cluster down (immediate shutdown) and
/// deletes its directory, so a killed run leaves no server or files behind.
/// </summary>
internal static class PostgresWatchdog
{
    /// <param name="cluster">The cluster to shut down and delete.</param>
    /// <param name="watchedProcessId">The process whose end triggers the clean-up: the AppHost's own.</param>
    public static DetachedShell Start(PostgresCluster cluster, int watchedProcessId)
    {
        var pidFile = DetachedShell.Quote(Path.Combine(cluster.DataDirectory, "postmaster.pid"));
        return DetachedShell.Start($"""
            while kill -0 {watchedProcessId}; do sleep 1; done
            pid=$(head -n 1 {pidFile})
            if [ -n "$pid" ] && kill -QUIT "$pid"; then
              while kill -0 "$pid"; do sleep 0.2; done
            fi
            rm -rf {DetachedShell.Quote(cluster.Directory)}
            """);
    }
}
