namespace Grpc.Net.Client.Configuration;

/// <summary>Client-side service configuration of a channel (gRPC service config).</summary>
public sealed class ServiceConfig
{
    /// <summary>Per-method configurations. The most specific name wins: service+method, then service, then default.</summary>
    public IList<MethodConfig> MethodConfigs { get; } = new List<MethodConfig>();
}
