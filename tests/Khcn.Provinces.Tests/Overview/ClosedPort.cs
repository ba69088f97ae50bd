using System.Net;
using System.Net.Sockets;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>An address on 127.0.0.1 where nothing listens: a port the OS handed out and that was closed again.</summary>
public static class ClosedPort
{
    public static Uri NewAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
