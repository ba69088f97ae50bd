namespace Grpc.AspNetCore.HealthChecks;

/// <summary>
/// A gRPC health service name and the ASP.NET Core health checks that decide its status.
/// The empty name is the server as a whole.
/// </summary>
public sealed class ServiceMapping(string name, Func<HealthCheckMapContext, bool> predicate)
{
    /// <summary>The name clients pass in <c>HealthCheckRequest.service</c>.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>Selects the health checks that count for this service.</summary>
    public Func<HealthCheckMapContext, bool> Predicate { get; } = predicate ?? throw new ArgumentNullException(nameof(predicate));
}
