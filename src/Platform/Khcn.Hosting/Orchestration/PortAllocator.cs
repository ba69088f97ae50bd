using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Khcn.Hosting.Orchestration;

/// <summary>
/// Gives every endpoint its address before anything starts: the fixed port when one was asked for, otherwise a free
/// loopback port. All listeners stay open until every port is chosen, so two endpoints never get the same one.
/// </summary>
internal static class PortAllocator
{
    public const string Host = "127.0.0.1";

    public static void AllocateAll(IEnumerable<IResource> resources)
    {
        var held = new List<TcpListener>();
        try
        {
            foreach (var endpoint in resources.SelectMany(r => r.Endpoints()))
            {
                var port = endpoint.Port ?? Hold(held);
                endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint.Scheme, Host, port);
            }
        }
        finally
        {
            foreach (var listener in held)
            {
                listener.Stop();
            }
        }
    }

    private static int Hold(List<TcpListener> held)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        held.Add(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
