using System.Globalization;
using Khcn.Hosting.Postgres;

namespace Khcn.Hosting.Health;

/// <summary>
/// PostgreSQL accepts connections: <c>pg_isready -h host -p port -t 1</c> exits with 0. It needs no password, so it
/// tells "starting up" from "ready" before any database exists.
/// </summary>
internal sealed class PgIsReadyProbe(string pgIsReady, string host, int port) : IHealthProbe
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await PostgresTool.RunAsync(
                pgIsReady,
                ["-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "1"],
                Path.GetTempPath(),
                cancellationToken).ConfigureAwait(false);
            return result.Succeeded;
        }
        catch (Exception)
        {
            // Not there (yet), cancelled or not startable: "not healthy" either way, as the contract says.
            return false;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
