using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// A check that calls a dependency over HTTP, as checks of downstream services do: the app's own
/// <see cref="Path"/>. Unsuppressed, each run is a root trace of an HttpClient span and the server span under it.
/// </summary>
public sealed class DownstreamHealthCheck(IServer server) : IHealthCheck
{
    public const string Path = "/downstream";

    private static readonly HttpClient Client = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var response = await Client.GetAsync(new Uri(new Uri(address), Path), cancellationToken);
        return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{Path} answered {response.StatusCode}.");
    }
}
