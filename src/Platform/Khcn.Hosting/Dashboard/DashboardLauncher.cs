using System.Net;
using System.Net.Sockets;
using Khcn.Dashboard;
using Khcn.Dashboard.Resources;
using Khcn.Hosting.Logging;

namespace Khcn.Hosting.Dashboard;

/// <summary>Starts the dashboard on its usual ports, or on free ones when another AppHost (or anything) holds them.</summary>
internal static class DashboardLauncher
{
    public static async Task<DashboardHost> StartAsync(DashboardSettings settings, IResourceCatalog catalog, ResourceLog appHostLog, CancellationToken cancellationToken)
    {
        var options = new DashboardOptions
        {
            BrowserPort = FreeOrZero(settings.Port),
            OtlpGrpcPort = FreeOrZero(settings.OtlpGrpcPort),
        };
        if ((options.BrowserPort, options.OtlpGrpcPort) != (settings.Port, settings.OtlpGrpcPort))
        {
            appHostLog.WriteLine($"dashboard ports {settings.Port}/{settings.OtlpGrpcPort} are taken; using free ones");
        }

        try
        {
            return await DashboardHost.StartAsync(options, catalog, cancellationToken);
        }
        catch (IOException)
        {
            // Taken between the check and the bind: free ports cannot lose that race.
            return await DashboardHost.StartAsync(options with { BrowserPort = 0, OtlpGrpcPort = 0 }, catalog, cancellationToken);
        }
    }

    private static int FreeOrZero(int port)
    {
        if (port == 0)
        {
            return 0;
        }

        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return port;
        }
        catch (SocketException)
        {
            return 0;
        }
    }
}
