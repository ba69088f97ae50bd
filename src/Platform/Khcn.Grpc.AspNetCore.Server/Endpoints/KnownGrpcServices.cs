namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>Names of the gRPC services mapped in this application, to tell "unknown method" from "unknown service".</summary>
internal sealed class KnownGrpcServices
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public void Add(string serviceName)
    {
        lock (_names)
        {
            _names.Add(serviceName);
        }
    }

    public bool Contains(ReadOnlySpan<char> serviceName)
    {
        lock (_names)
        {
            return _names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(serviceName);
        }
    }
}
