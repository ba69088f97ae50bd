using System.Net;
using System.Net.Sockets;
using Khcn.Hosting.Health;
using Khcn.Hosting.Postgres;

namespace Khcn.Hosting.Tests.Health;

public sealed class PgIsReadyProbeTests
{
    [Fact]
    public async Task NothingListening_IsNotHealthy()
    {
        await using var probe = new PgIsReadyProbe(PostgresInstallation.Find()!.PgIsReady, "127.0.0.1", UnusedPort());

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MissingProgram_IsNotHealthyInsteadOfThrowing()
    {
        await using var probe = new PgIsReadyProbe("/nonexistent/pg_isready", "127.0.0.1", UnusedPort());

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
